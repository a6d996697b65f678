namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Steepest descent on the unit sphere with Barzilai–Borwein step lengths, the fast way to a relaxed state (MuMax3's
/// minimize works the same way): g = m × (m × H_eff) is the energy gradient along the sphere (A/m), the update is
/// m ← normalize(m − τ g), and τ alternates between the two BB estimates s·s/s·y and s·y/y·y from the last change of
/// m (s) and of g (y). Stops on the torque criterion max |m × H_eff| &lt; tolerance. The thermal field and spin torques
/// play no part. Work arrays are allocated once.
/// </summary>
public sealed class EnergyMinimizer
{
    private readonly MicromagneticSystem _system;
    private readonly double[] _h, _g, _gPrevious, _mPrevious;

    public EnergyMinimizer(MicromagneticSystem system)
    {
        _system = system;
        int n = system.Dimension;
        _h = new double[n];
        _g = new double[n];
        _gPrevious = new double[n];
        _mPrevious = new double[n];
    }

    /// <summary>Field evaluations so far.</summary>
    public long Evaluations { get; private set; }

    /// <summary>
    /// Minimizes in place until max |m × H| &lt; <paramref name="torqueTolerance"/> (A/m) or
    /// <paramref name="maxIterations"/> pass. Returns (converged, iterations, final max torque in A/m).
    /// </summary>
    /// <param name="progress">Called every 100 iterations with (iteration, max torque in A/m).</param>
    /// <param name="cancellation">Checked every 100 iterations, where m is a whole (projected) state: throws
    /// <see cref="OperationCanceledException"/>.</param>
    public (bool Converged, int Iterations, double MaxTorque) Minimize(double t, double[] m, double torqueTolerance, int maxIterations,
        Action<int, double>? progress = null, CancellationToken cancellation = default)
    {
        int n = m.Length;
        double torque = Gradient(t, m);
        // first step: turn the worst cell by about 1e-2 rad
        double tau = torque > 0 ? 1e-2 / torque : 0;
        for (int it = 0; it < maxIterations; it++)
        {
            if (torque < torqueTolerance) return (true, it, torque);
            Array.Copy(m, _mPrevious, n);
            Array.Copy(_g, _gPrevious, n);
            for (int k = 0; k < n; k++) m[k] -= tau * _g[k];
            _system.Project(m);
            torque = Gradient(t, m);
            double ss = 0, sy = 0, yy = 0;
            for (int k = 0; k < n; k++)
            {
                double s = m[k] - _mPrevious[k], y = _g[k] - _gPrevious[k];
                ss += s * s;
                sy += s * y;
                yy += y * y;
            }
            double next = it % 2 == 0 ? ss / sy : sy / yy;
            // a non-positive curvature estimate says nothing useful: keep the step, slightly smaller
            tau = double.IsFinite(next) && next > 0 ? next : 0.5 * tau;
            if (it % 100 == 99)
            {
                progress?.Invoke(it + 1, torque);
                cancellation.ThrowIfCancellationRequested();
            }
        }
        return (torque < torqueTolerance, maxIterations, torque);
    }

    /// <summary>Fills _g = m × (m × H) and returns max |m × H| (A/m).</summary>
    private double Gradient(double t, double[] m)
    {
        _system.EffectiveField(t, m, _h);
        Evaluations++;
        double worst = 0;
        for (int k = 0; k < m.Length; k += 3)
        {
            double mx = m[k], my = m[k + 1], mz = m[k + 2], hx = _h[k], hy = _h[k + 1], hz = _h[k + 2];
            double ax = my * hz - mz * hy, ay = mz * hx - mx * hz, az = mx * hy - my * hx;
            _g[k] = my * az - mz * ay;
            _g[k + 1] = mz * ax - mx * az;
            _g[k + 2] = mx * ay - my * ax;
            worst = Math.Max(worst, ax * ax + ay * ay + az * az);
        }
        return Math.Sqrt(worst);
    }
}
