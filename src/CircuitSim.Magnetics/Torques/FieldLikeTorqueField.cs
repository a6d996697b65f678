namespace CircuitSim.Magnetics;

/// <summary>
/// Field-like spin-transfer torque written as an effective field H = ζ H_ST p (A/m), ζ the field-like to
/// damping-like ratio (dimensionless). Energy, as for a Zeeman field, E = −μ0 Ms V Σ_i m_i·(ζ H_ST p) (J).
/// </summary>
public sealed class FieldLikeTorqueField : IFieldTerm
{
    private readonly int _cells;
    private readonly double _volume;

    /// <param name="drive">Current and junction parameters (J is read on every call).</param>
    /// <param name="ratio">ζ, dimensionless.</param>
    /// <param name="cellCount">Number of cells.</param>
    /// <param name="cellVolume">Volume of one cell in m³.</param>
    public FieldLikeTorqueField(SpinTransferDrive drive, double ratio, int cellCount, double cellVolume)
    {
        Drive = drive;
        Ratio = ratio;
        _cells = cellCount;
        _volume = cellVolume;
    }

    public SpinTransferDrive Drive { get; }

    /// <summary>ζ, dimensionless.</summary>
    public double Ratio { get; set; }

    private Vec3 Field => (Ratio * Drive.SpinTorqueField) * Drive.Polarizer;

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
        return -PhysicalConstants.Mu0 * Drive.SaturationMagnetization * _volume * s;
    }
}
