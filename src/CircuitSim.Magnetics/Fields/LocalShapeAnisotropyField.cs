namespace CircuitSim.Magnetics;

/// <summary>
/// Local magnetostatic (shape) anisotropy from diagonal demagnetizing factors in each cell's own frame:
/// H = −Ms Σ_a N_a (m·e_a) e_a (A/m), energy E = ½ μ0 Ms² V Σ_i Σ_a N_a (m_i·e_a)² (J).
/// For the AMM ring use <see cref="LocalFrames.Ring"/> with N_T = 0 and the cross-section factors N_R, N_z,
/// so the anisotropy axes turn with the cell. A uniform frame gives an ordinary thin-film or prism demag.
/// </summary>
public sealed class LocalShapeAnisotropyField : IFieldTerm
{
    private readonly LocalFrames _frames;
    private readonly double _ms;
    private readonly double _volume;
    private readonly double _n1, _n2, _n3;

    /// <param name="frames">Per-cell axes (e1, e2, e3).</param>
    /// <param name="n1">Demagnetizing factor along e1 (dimensionless).</param>
    /// <param name="n2">Demagnetizing factor along e2.</param>
    /// <param name="n3">Demagnetizing factor along e3.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="cellVolume">Volume of one cell in m³.</param>
    public LocalShapeAnisotropyField(LocalFrames frames, double n1, double n2, double n3, double saturationMagnetization, double cellVolume)
    {
        _frames = frames;
        _n1 = n1;
        _n2 = n2;
        _n3 = n3;
        _ms = saturationMagnetization;
        _volume = cellVolume;
    }

    /// <summary>Demagnetizing factors (N1, N2, N3), dimensionless.</summary>
    public (double N1, double N2, double N3) Factors => (_n1, _n2, _n3);

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        ReadOnlySpan<double> e1 = _frames.E1, e2 = _frames.E2, e3 = _frames.E3;
        double c1 = -_ms * _n1, c2 = -_ms * _n2, c3 = -_ms * _n3;
        for (int k = 0; k < 3 * _frames.CellCount; k += 3)
        {
            double p1 = c1 * (m[k] * e1[k] + m[k + 1] * e1[k + 1] + m[k + 2] * e1[k + 2]);
            double p2 = c2 * (m[k] * e2[k] + m[k + 1] * e2[k + 1] + m[k + 2] * e2[k + 2]);
            double p3 = c3 * (m[k] * e3[k] + m[k + 1] * e3[k + 1] + m[k + 2] * e3[k + 2]);
            h[k] += p1 * e1[k] + p2 * e2[k] + p3 * e3[k];
            h[k + 1] += p1 * e1[k + 1] + p2 * e2[k + 1] + p3 * e3[k + 1];
            h[k + 2] += p1 * e1[k + 2] + p2 * e2[k + 2] + p3 * e3[k + 2];
        }
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        ReadOnlySpan<double> e1 = _frames.E1, e2 = _frames.E2, e3 = _frames.E3;
        double s = 0;
        for (int k = 0; k < 3 * _frames.CellCount; k += 3)
        {
            double p1 = m[k] * e1[k] + m[k + 1] * e1[k + 1] + m[k + 2] * e1[k + 2];
            double p2 = m[k] * e2[k] + m[k + 1] * e2[k + 1] + m[k + 2] * e2[k + 2];
            double p3 = m[k] * e3[k] + m[k + 1] * e3[k + 1] + m[k + 2] * e3[k + 2];
            s += _n1 * p1 * p1 + _n2 * p2 * p2 + _n3 * p3 * p3;
        }
        return 0.5 * PhysicalConstants.Mu0 * _ms * _ms * _volume * s;
    }
}
