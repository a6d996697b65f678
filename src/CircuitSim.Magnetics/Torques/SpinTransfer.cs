namespace CircuitSim.Magnetics;

/// <summary>
/// Conversions from a current density to the spin-transfer amplitudes used by the torque terms.
/// </summary>
public static class SpinTransfer
{
    /// <summary>
    /// Slonczewski spin-torque field H_ST = ħ η J / (2 e μ0 Ms t_F), in A/m.
    /// </summary>
    /// <param name="currentDensity">J in A/m², through the junction; positive J (electrons from the fixed layer into the free layer) drives m toward p.</param>
    /// <param name="efficiency">Spin-polarization efficiency η (dimensionless).</param>
    /// <param name="saturationMagnetization">Free-layer Ms in A/m.</param>
    /// <param name="freeLayerThickness">Free-layer thickness t_F in m.</param>
    public static double SlonczewskiField(double currentDensity, double efficiency, double saturationMagnetization, double freeLayerThickness)
        => PhysicalConstants.ReducedPlanck * efficiency * currentDensity
           / (2.0 * PhysicalConstants.ElementaryCharge * PhysicalConstants.Mu0 * saturationMagnetization * freeLayerThickness);

    /// <summary>
    /// Zhang–Li drift velocity per unit current density, in m/s per A/m², signed so that u points along the
    /// electron flow: u = −P g μB j / (2 e Ms) with e &gt; 0 the elementary charge and j the conventional current
    /// density (g = 2). Its magnitude is P g μB |j| / (2 e Ms) (docs/physics.md §2.3); the sign makes a wall move with the
    /// electrons, i.e. against the conventional current. With <paramref name="divideByOnePlusXiSquared"/> the
    /// velocity is further divided by 1 + ξ², as the AMM paper (and MuMax3) does.
    /// </summary>
    /// <param name="polarization">Current spin polarization P (dimensionless).</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="nonAdiabaticity">ξ (dimensionless), used only when dividing by 1 + ξ².</param>
    /// <param name="divideByOnePlusXiSquared">Apply the AMM paper's 1/(1 + ξ²) normalization.</param>
    public static double DriftVelocityPerCurrentDensity(double polarization, double saturationMagnetization, double nonAdiabaticity = 0.0, bool divideByOnePlusXiSquared = false)
    {
        double u = -polarization * PhysicalConstants.ElectronGFactor * PhysicalConstants.BohrMagneton
                   / (2.0 * PhysicalConstants.ElementaryCharge * saturationMagnetization);
        return divideByOnePlusXiSquared ? u / (1.0 + nonAdiabaticity * nonAdiabaticity) : u;
    }
}
