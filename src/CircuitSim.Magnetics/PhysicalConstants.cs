namespace CircuitSim.Magnetics;

/// <summary>
/// Physical constants in SI units, with the values listed in docs/physics.md §1.1 so every device uses the same numbers.
/// </summary>
public static class PhysicalConstants
{
    /// <summary>Vacuum permeability μ0 in T·m/A (= N/A²).</summary>
    public const double Mu0 = 1.25663706e-6;

    /// <summary>Electron gyromagnetic ratio γ (magnitude) in rad s⁻¹ T⁻¹.</summary>
    public const double Gamma = 1.76085963e11;

    /// <summary>γ0 = μ0·γ in m A⁻¹ s⁻¹: the ratio that multiplies H (A/m) to give an angular rate (rad/s).</summary>
    public const double Gamma0 = Mu0 * Gamma;

    /// <summary>Bohr magneton μB in J/T.</summary>
    public const double BohrMagneton = 9.2740100783e-24;

    /// <summary>Elementary charge e in C (positive).</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>Reduced Planck constant ħ in J·s.</summary>
    public const double ReducedPlanck = 1.054571817e-34;

    /// <summary>Planck constant h in J·s (exact SI value).</summary>
    public const double Planck = 6.62607015e-34;

    /// <summary>Boltzmann constant kB in J/K.</summary>
    public const double Boltzmann = 1.380649e-23;

    /// <summary>Conductance quantum G0 = 2e²/h in S (≈ 77.48 µS).</summary>
    public const double ConductanceQuantum = 2.0 * ElementaryCharge * ElementaryCharge / Planck;

    /// <summary>Electron g-factor of the spin-transfer drift velocities (dimensionless; docs/physics.md §2.3).</summary>
    public const double ElectronGFactor = 2.0;

    /// <summary>Conversion factor from oersted to A/m: 1 Oe = 1000/(4π) A/m ≈ 79.577 A/m.</summary>
    public const double AmperePerMeterPerOersted = 1000.0 / (4.0 * Math.PI);
}
