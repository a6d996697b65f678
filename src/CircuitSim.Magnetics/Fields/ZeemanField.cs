namespace CircuitSim.Magnetics;

/// <summary>
/// A uniform applied field H_ext (A/m) on every cell. Energy E = −μ0 Ms V Σ_i m_i·H_ext (J).
/// <see cref="Field"/> is a plain value, so a device may change it on every call without allocating.
/// </summary>
public sealed class ZeemanField : IFieldTerm
{
    private readonly int _cells;
    private readonly double _ms;
    private readonly double _volume;

    /// <param name="cellCount">Number of cells.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="cellVolume">Volume of one cell in m³.</param>
    /// <param name="field">Applied field in A/m.</param>
    public ZeemanField(int cellCount, double saturationMagnetization, double cellVolume, Vec3 field = default)
    {
        _cells = cellCount;
        _ms = saturationMagnetization;
        _volume = cellVolume;
        Field = field;
    }

    /// <summary>Applied field in A/m.</summary>
    public Vec3 Field { get; set; }

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        Vec3 f = Field;
        for (int k = 0; k < 3 * _cells; k += 3)
        {
            h[k] += f.X;
            h[k + 1] += f.Y;
            h[k + 2] += f.Z;
        }
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        Vec3 f = Field;
        double s = 0;
        for (int k = 0; k < 3 * _cells; k += 3) s += m[k] * f.X + m[k + 1] * f.Y + m[k + 2] * f.Z;
        return -PhysicalConstants.Mu0 * _ms * _volume * s;
    }
}
