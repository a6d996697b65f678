namespace CircuitSim.Magnetics;

/// <summary>
/// Uniaxial anisotropy along a fixed unit axis u: H = H_k (m·u) u with H_k = 2K_u/(μ0 Ms) (A/m);
/// energy E = −K_u V Σ_i (m_i·u)² (J). K_u &gt; 0 is an easy axis, K_u &lt; 0 a hard axis.
/// For a perpendicular film or MTJ, pass H_k,eff (demagnetization already subtracted) as the anisotropy field.
/// </summary>
public sealed class UniaxialAnisotropyField : IFieldTerm
{
    private readonly int _cells;
    private readonly double _ms;
    private readonly double _volume;
    private Vec3 _axis;

    /// <param name="cellCount">Number of cells.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="cellVolume">Volume of one cell in m³.</param>
    /// <param name="axis">Anisotropy axis (normalized here).</param>
    /// <param name="anisotropyField">H_k = 2K_u/(μ0 Ms) in A/m.</param>
    public UniaxialAnisotropyField(int cellCount, double saturationMagnetization, double cellVolume, Vec3 axis, double anisotropyField)
    {
        _cells = cellCount;
        _ms = saturationMagnetization;
        _volume = cellVolume;
        Axis = axis;
        AnisotropyField = anisotropyField;
    }

    /// <summary>Builds the term from the anisotropy constant K_u in J/m³.</summary>
    public static UniaxialAnisotropyField FromAnisotropyConstant(int cellCount, double saturationMagnetization, double cellVolume, Vec3 axis, double anisotropyConstant)
        => new(cellCount, saturationMagnetization, cellVolume, axis, 2.0 * anisotropyConstant / (PhysicalConstants.Mu0 * saturationMagnetization));

    /// <summary>Unit anisotropy axis (normalized on set).</summary>
    public Vec3 Axis
    {
        get => _axis;
        set => _axis = value.Normalized();
    }

    /// <summary>Anisotropy field H_k in A/m.</summary>
    public double AnisotropyField { get; set; }

    /// <summary>Anisotropy constant K_u = μ0 Ms H_k / 2 in J/m³.</summary>
    public double AnisotropyConstant => 0.5 * PhysicalConstants.Mu0 * _ms * AnisotropyField;

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        Vec3 u = _axis;
        double hk = AnisotropyField;
        for (int k = 0; k < 3 * _cells; k += 3)
        {
            double c = hk * (m[k] * u.X + m[k + 1] * u.Y + m[k + 2] * u.Z);
            h[k] += c * u.X;
            h[k + 1] += c * u.Y;
            h[k + 2] += c * u.Z;
        }
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        Vec3 u = _axis;
        double s = 0;
        for (int k = 0; k < 3 * _cells; k += 3)
        {
            double p = m[k] * u.X + m[k + 1] * u.Y + m[k + 2] * u.Z;
            s += p * p;
        }
        return -AnisotropyConstant * _volume * s;
    }
}
