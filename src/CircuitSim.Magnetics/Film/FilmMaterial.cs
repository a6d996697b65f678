namespace CircuitSim.Magnetics.Film;

/// <summary>
/// Magnetic parameters of a perpendicular film with bulk DMI (docs/physics.md §8.1), all SI:
/// H_eff = (2A/(μ0 Ms)) ∇²m + (2K_u/(μ0 Ms)) m_z ẑ − (2D/(μ0 Ms)) ∇×m − [Ms m_z ẑ] + H_ext, the bracket being the
/// local thin-film demagnetizing field when <see cref="ThinFilmDemag"/> is set (see <see cref="ThinFilmDemagField"/>).
/// Spin transfer: Zhang–Li with polarization P and non-adiabaticity ξ, u = −P g μB j/(2 e Ms) (u along the electron flow).
/// </summary>
public sealed record FilmMaterial
{
    /// <summary>Saturation magnetization Ms in A/m.</summary>
    public double SaturationMagnetization { get; init; } = 6e5;

    /// <summary>Exchange stiffness A in J/m.</summary>
    public double ExchangeStiffness { get; init; } = 1e-11;

    /// <summary>Perpendicular (uniaxial, along z) anisotropy constant K_u in J/m³.</summary>
    public double AnisotropyConstant { get; init; } = 3.262e5;

    /// <summary>Bulk DMI constant D in J/m² (energy density D m·(∇×m)).</summary>
    public double DmiConstant { get; init; } = 2e-3;

    /// <summary>Gilbert damping α (dimensionless).</summary>
    public double Damping { get; init; } = 0.3;

    /// <summary>Spin polarization of the current P (dimensionless).</summary>
    public double Polarization { get; init; } = 0.5;

    /// <summary>Non-adiabaticity ξ (dimensionless; 0 in the paper's eq. 3).</summary>
    public double NonAdiabaticity { get; init; }

    /// <summary>Whether the local thin-film demagnetizing field −Ms m_z ẑ is included.</summary>
    public bool ThinFilmDemag { get; init; } = true;

    /// <summary>Uniform applied field in A/m.</summary>
    public Vec3 AppliedField { get; init; }

    /// <summary>γ0 = μ0 γ in m A⁻¹ s⁻¹.</summary>
    public double Gamma0 { get; init; } = PhysicalConstants.Gamma0;

    /// <summary>Shape anisotropy of the thin film μ0 Ms²/2 in J/m³ (0 without the demag term).</summary>
    public double ShapeAnisotropy => ThinFilmDemag ? 0.5 * PhysicalConstants.Mu0 * SaturationMagnetization * SaturationMagnetization : 0.0;

    /// <summary>Effective perpendicular anisotropy K = K_u − μ0 Ms²/2 (with demag) in J/m³.</summary>
    public double EffectiveAnisotropy => AnisotropyConstant - ShapeAnisotropy;

    /// <summary>Threshold DMI for stripe/maze domains, D_c = 4√(A K)/π (J/m², K the effective anisotropy): walls cost no energy at D_c.</summary>
    public double CriticalDmi => 4.0 * Math.Sqrt(ExchangeStiffness * Math.Max(EffectiveAnisotropy, 0)) / Math.PI;

    /// <summary>Period of the anisotropy-free helix 4πA/D in m (the stripe period approaches it for D ≫ D_c).</summary>
    public double HelixPeriod => 4.0 * Math.PI * ExchangeStiffness / Math.Abs(DmiConstant);

    /// <summary>Magnetostatic exchange length √(2A/(μ0 Ms²)) in m.</summary>
    public double ExchangeLength => Math.Sqrt(2.0 * ExchangeStiffness / (PhysicalConstants.Mu0 * SaturationMagnetization * SaturationMagnetization));

    /// <summary>Wall-width parameter √(A/K) in m (K the effective anisotropy; ∞ when K ≤ 0).</summary>
    public double WallWidth => EffectiveAnisotropy > 0 ? Math.Sqrt(ExchangeStiffness / EffectiveAnisotropy) : double.PositiveInfinity;

    /// <summary>Drift velocity per conventional current density, u/j in m/s per A/m² (negative: u follows the electrons).</summary>
    public double DriftVelocityPerCurrentDensity =>
        SpinTransfer.DriftVelocityPerCurrentDensity(Polarization, SaturationMagnetization, NonAdiabaticity, false);

    /// <summary>Throws with a readable message when a parameter is out of its physical range.</summary>
    public void Validate()
    {
        if (!(SaturationMagnetization > 0)) throw new ArgumentException("film: Ms must be positive (A/m).");
        if (!(ExchangeStiffness > 0)) throw new ArgumentException("film: the exchange stiffness A must be positive (J/m).");
        if (!(Damping > 0)) throw new ArgumentException("film: the damping α must be positive.");
        if (!double.IsFinite(AnisotropyConstant) || !double.IsFinite(DmiConstant)) throw new ArgumentException("film: K_u and D must be finite.");
        if (!(Polarization >= 0 && Polarization <= 1)) throw new ArgumentException("film: the polarization P must lie in [0, 1].");
    }
}
