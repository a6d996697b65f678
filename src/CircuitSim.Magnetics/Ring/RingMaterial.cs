namespace CircuitSim.Magnetics;

/// <summary>
/// Material of an AMM ring, SI units.
/// </summary>
/// <param name="SaturationMagnetization">Ms in A/m.</param>
/// <param name="ExchangeStiffness">A in J/m.</param>
/// <param name="Damping">Gilbert α (dimensionless).</param>
/// <param name="Polarization">Current spin polarization P (dimensionless).</param>
/// <param name="NonAdiabaticity">Zhang–Li ξ (dimensionless).</param>
/// <param name="Resistivity">ρ0 = ρ⊥ in Ω·m.</param>
/// <param name="AmrResistivity">Δρ = ρ∥ − ρ⊥ in Ω·m.</param>
public sealed record RingMaterial(
    double SaturationMagnetization,
    double ExchangeStiffness,
    double Damping,
    double Polarization,
    double NonAdiabaticity,
    double Resistivity,
    double AmrResistivity)
{
    /// <summary>
    /// The permalloy of the AMM paper (Caravelli et al. 2022; docs/physics.md §7): Ms = 790 kA/m, A = 10 pJ/m,
    /// α = 0.01, P = 0.56, ξ = 0.1, ρ0 = 123 Ω·nm, Δρ/ρ0 = 3 %.
    /// </summary>
    public static RingMaterial Permalloy { get; } = new(790e3, 10e-12, 0.01, 0.56, 0.1, 123e-9, 0.03 * 123e-9);

    /// <summary>Δρ/ρ0, dimensionless.</summary>
    public double AmrRatio => AmrResistivity / Resistivity;
}
