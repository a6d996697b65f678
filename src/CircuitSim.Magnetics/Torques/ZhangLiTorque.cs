namespace CircuitSim.Magnetics;

/// <summary>
/// The local algebra shared by the chain and grid Zhang–Li terms.
/// </summary>
internal static class ZhangLiTorque
{
    /// <summary>
    /// Adds F = −g⊥ + ξ m × g to f at offset k, where g = (u·∇)m (1/s). The part of the discrete g along m is
    /// removed first: in the continuum g ⊥ m, and the finite-difference remainder would only change |m|.
    /// </summary>
    public static void Add(ReadOnlySpan<double> m, Span<double> f, int k, double gx, double gy, double gz, double xi)
    {
        double mx = m[k], my = m[k + 1], mz = m[k + 2];
        double mm = mx * mx + my * my + mz * mz;
        double c = mm > 0 ? (mx * gx + my * gy + mz * gz) / mm : 0.0;
        double px = gx - c * mx, py = gy - c * my, pz = gz - c * mz;
        f[k] += -px + xi * (my * gz - mz * gy);
        f[k + 1] += -py + xi * (mz * gx - mx * gz);
        f[k + 2] += -pz + xi * (mx * gy - my * gx);
    }
}
