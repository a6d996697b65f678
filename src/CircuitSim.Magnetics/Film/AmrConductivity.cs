namespace CircuitSim.Magnetics.Film;

/// <summary>
/// Anisotropic magnetoresistance of a film, as a local 2×2 conductivity tensor (docs/physics.md §8.2):
/// Σ = σ⊥ I + σ_δ m∥ m∥ᵀ (S/m), σ⊥ = 1/ρ⊥, σ_δ = 1/ρ∥ − 1/ρ⊥, m∥ = (m_x, m_y) the in-plane part of m.
/// Its inverse is ρ = ρ⊥ I + Δρ m∥ m∥ᵀ for a unit in-plane m, Δρ = ρ∥ − ρ⊥, so current at angle θ to m sees
/// ρ⊥ + Δρ cos²θ and the planar Hall resistivity is ρ_xy = Δρ sinθ cosθ. An out-of-plane m conducts isotropically (σ⊥).
/// </summary>
public sealed record AmrConductivity
{
    /// <param name="perpendicularResistivity">ρ⊥ (current ⊥ m) in Ω·m.</param>
    /// <param name="parallelResistivity">ρ∥ (current ∥ m) in Ω·m.</param>
    public AmrConductivity(double perpendicularResistivity, double parallelResistivity)
    {
        if (!(perpendicularResistivity > 0) || !(parallelResistivity > 0))
            throw new ArgumentException("film: the resistivities ρ⊥ and ρ∥ must be positive (Ω·m).");
        PerpendicularResistivity = perpendicularResistivity;
        ParallelResistivity = parallelResistivity;
    }

    /// <summary>From ρ⊥ and the AMR ratio a = 2(ρ∥ − ρ⊥)/(ρ∥ + ρ⊥) (dimensionless, |a| &lt; 2): ρ∥ = ρ⊥ (2 + a)/(2 − a).</summary>
    public static AmrConductivity FromAmrRatio(double perpendicularResistivity, double amrRatio)
    {
        if (!(Math.Abs(amrRatio) < 2)) throw new ArgumentException("film: the AMR ratio a = 2(ρ∥ − ρ⊥)/(ρ∥ + ρ⊥) must lie in (−2, 2).");
        return new AmrConductivity(perpendicularResistivity, perpendicularResistivity * (2 + amrRatio) / (2 - amrRatio));
    }

    /// <summary>ρ⊥ in Ω·m.</summary>
    public double PerpendicularResistivity { get; }

    /// <summary>ρ∥ in Ω·m.</summary>
    public double ParallelResistivity { get; }

    /// <summary>Δρ = ρ∥ − ρ⊥ in Ω·m.</summary>
    public double ResistivityAnisotropy => ParallelResistivity - PerpendicularResistivity;

    /// <summary>a = 2(ρ∥ − ρ⊥)/(ρ∥ + ρ⊥), dimensionless.</summary>
    public double AmrRatio => 2 * ResistivityAnisotropy / (ParallelResistivity + PerpendicularResistivity);

    /// <summary>σ⊥ = 1/ρ⊥ in S/m.</summary>
    public double PerpendicularConductivity => 1.0 / PerpendicularResistivity;

    /// <summary>σ_δ = 1/ρ∥ − 1/ρ⊥ in S/m.</summary>
    public double ConductivityAnisotropy => 1.0 / ParallelResistivity - 1.0 / PerpendicularResistivity;

    /// <summary>The tensor (σ_xx, σ_xy, σ_yy) in S/m for the in-plane components (m_x, m_y) of a cell.</summary>
    public (double Xx, double Xy, double Yy) Tensor(double mx, double my)
    {
        double s0 = PerpendicularConductivity, sd = ConductivityAnisotropy;
        return (s0 + sd * mx * mx, sd * mx * my, s0 + sd * my * my);
    }
}
