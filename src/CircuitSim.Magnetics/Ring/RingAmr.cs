namespace CircuitSim.Magnetics;

/// <summary>
/// Anisotropic magnetoresistance of a ring carrying a current along T (the AMM paper's eqs. 3 and 11):
/// ρ̃ = ρ0 + Δρ ⟨(m·T)²⟩ and R = (2πr/(w t)) ρ̃, ⟨·⟩ the mean over cells. R lies in [R_on, R_off] with
/// R_on = 2πrρ0/(wt) (m ⊥ T everywhere) and R_off = R_on (1 + Δρ/ρ0) (m ∥ ±T everywhere).
/// Its rate follows from ṁ: dρ̃/dt = Δρ ⟨2 (m·T)(ṁ·T)⟩.
/// </summary>
public sealed class RingAmr
{
    private readonly RingGeometry _ring;

    /// <param name="ring">Geometry.</param>
    /// <param name="resistivity">ρ0 in Ω·m.</param>
    /// <param name="amrResistivity">Δρ in Ω·m.</param>
    public RingAmr(RingGeometry ring, double resistivity, double amrResistivity)
    {
        _ring = ring;
        Resistivity = resistivity;
        AmrResistivity = amrResistivity;
    }

    /// <summary>ρ0 in Ω·m.</summary>
    public double Resistivity { get; }

    /// <summary>Δρ in Ω·m.</summary>
    public double AmrResistivity { get; }

    /// <summary>Length over cross-section 2πr/(w t) in 1/m: R = this × ρ̃.</summary>
    public double Shape => _ring.Circumference / _ring.CrossSection;

    /// <summary>R_on = 2πrρ0/(wt) in Ω.</summary>
    public double OnResistance => Shape * Resistivity;

    /// <summary>R_off = R_on(1 + Δρ/ρ0) in Ω.</summary>
    public double OffResistance => Shape * (Resistivity + AmrResistivity);

    /// <summary>⟨(m·T)²⟩ over the cells (dimensionless, in [0, 1] for unit m).</summary>
    public double MeanTangentialSquare(ReadOnlySpan<double> m)
    {
        ReadOnlySpan<double> e1 = _ring.Frames.E1;
        double s = 0;
        int n3 = 3 * _ring.CellCount;
        for (int k = 0; k < n3; k += 3)
        {
            double tm = m[k] * e1[k] + m[k + 1] * e1[k + 1];
            s += tm * tm;
        }
        return s / _ring.CellCount;
    }

    /// <summary>Effective resistivity ρ̃ = ρ0 + Δρ⟨(m·T)²⟩ in Ω·m.</summary>
    public double EffectiveResistivity(ReadOnlySpan<double> m) => Resistivity + AmrResistivity * MeanTangentialSquare(m);

    /// <summary>R(m) in Ω.</summary>
    public double Resistance(ReadOnlySpan<double> m) => Shape * EffectiveResistivity(m);

    /// <summary>Δρ ⟨2 (m·T)(v·T)⟩ in Ω·m per unit of v: dρ̃/dt when v = ṁ (1/s).</summary>
    public double ResistivityRate(ReadOnlySpan<double> m, ReadOnlySpan<double> v)
    {
        ReadOnlySpan<double> e1 = _ring.Frames.E1;
        double s = 0;
        int n3 = 3 * _ring.CellCount;
        for (int k = 0; k < n3; k += 3)
        {
            double tm = m[k] * e1[k] + m[k + 1] * e1[k + 1];
            double tv = v[k] * e1[k] + v[k + 1] * e1[k + 1];
            s += tm * tv;
        }
        return 2.0 * AmrResistivity * s / _ring.CellCount;
    }
}
