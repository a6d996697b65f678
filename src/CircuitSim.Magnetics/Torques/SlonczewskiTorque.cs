namespace CircuitSim.Magnetics;

/// <summary>
/// Slonczewski (damping-like) spin-transfer torque, Gilbert form F = −γ0 H_ST m × (m × p) (1/s), the same on every
/// cell. Written as γ0 H_ST (|m|² p − (m·p) m), which is exactly ⊥ m even when |m| drifts slightly.
/// Positive J (hence H_ST &gt; 0) pulls m toward p.
/// </summary>
public sealed class SlonczewskiTorque : ITorqueTerm
{
    private readonly int _cells;
    private readonly double _gamma0;

    /// <param name="drive">Current and junction parameters (J is read on every call).</param>
    /// <param name="cellCount">Number of cells.</param>
    /// <param name="gamma0">γ0 in m A⁻¹ s⁻¹.</param>
    public SlonczewskiTorque(SpinTransferDrive drive, int cellCount, double gamma0 = PhysicalConstants.Gamma0)
    {
        Drive = drive;
        _cells = cellCount;
        _gamma0 = gamma0;
    }

    public SpinTransferDrive Drive { get; }

    public void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f)
    {
        double a = _gamma0 * Drive.SpinTorqueField;
        if (a == 0) return;
        Vec3 p = Drive.Polarizer;
        for (int k = 0; k < 3 * _cells; k += 3)
        {
            double mx = m[k], my = m[k + 1], mz = m[k + 2];
            double mm = mx * mx + my * my + mz * mz;
            double mp = mx * p.X + my * p.Y + mz * p.Z;
            f[k] += a * (mm * p.X - mp * mx);
            f[k + 1] += a * (mm * p.Y - mp * my);
            f[k + 2] += a * (mm * p.Z - mp * mz);
        }
    }
}
