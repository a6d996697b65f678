namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// The classical fourth-order Runge–Kutta method with a fixed step: [t0, t1] is cut into the fewest equal steps no
/// longer than <see cref="MaxStep"/>, four evaluations each, with the optional projection (|m| = 1) after every step.
/// Work arrays are allocated here; stepping allocates nothing.
/// </summary>
public sealed class RungeKutta4
{
    private readonly int _n;
    private readonly double[] _k1, _k2, _k3, _k4, _ys;

    /// <param name="dimension">State dimension.</param>
    /// <param name="maxStep">Largest step in the units of t (s).</param>
    /// <param name="projection">Applied after every step (may be null).</param>
    public RungeKutta4(int dimension, double maxStep, IStateProjection? projection = null)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        _n = dimension;
        MaxStep = maxStep;
        Projection = projection;
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _k4 = new double[dimension];
        _ys = new double[dimension];
    }

    /// <summary>Largest step (units of t).</summary>
    public double MaxStep
    {
        get => _maxStep;
        set
        {
            if (!(value > 0)) throw new ArgumentOutOfRangeException(nameof(value), "The step must be positive.");
            _maxStep = value;
        }
    }

    private double _maxStep;

    public IStateProjection? Projection { get; set; }

    /// <summary>Checked every 64 steps, so a run can be interrupted inside a long integration.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Integrates <paramref name="y"/> in place from t0 to t1.</summary>
    public AdvanceResult Advance(IOdeSystem system, double t0, double t1, Span<double> y)
    {
        if (system.Dimension != _n || y.Length != _n) throw new ArgumentException("System and state dimension must match the integrator's.");
        if (!(t1 >= t0)) throw new ArgumentException("Advance needs t1 ≥ t0.", nameof(t1));
        if (t1 == t0) return new AdvanceResult(IntegrationStatus.Completed, t1, 0, 0, 0);
        int steps = Math.Max(1, (int)Math.Ceiling((t1 - t0) / _maxStep * (1.0 - 1e-12)));
        double h = (t1 - t0) / steps;
        int n = _n;
        double[] k1 = _k1, k2 = _k2, k3 = _k3, k4 = _k4, ys = _ys;
        for (int s = 0; s < steps; s++)
        {
            double t = t0 + s * h;
            if ((s & 63) == 63 && Cancellation.IsCancellationRequested) throw new IntegrationCancelledException(t, Cancellation);
            system.Derivative(t, y, k1);
            for (int i = 0; i < n; i++) ys[i] = y[i] + 0.5 * h * k1[i];
            system.Derivative(t + 0.5 * h, ys, k2);
            for (int i = 0; i < n; i++) ys[i] = y[i] + 0.5 * h * k2[i];
            system.Derivative(t + 0.5 * h, ys, k3);
            for (int i = 0; i < n; i++) ys[i] = y[i] + h * k3[i];
            system.Derivative(t + h, ys, k4);
            double c = h / 6.0;
            for (int i = 0; i < n; i++) y[i] += c * (k1[i] + 2.0 * (k2[i] + k3[i]) + k4[i]);
            Projection?.Project(y);
            if (!double.IsFinite(y[0]))
                return new AdvanceResult(IntegrationStatus.StepSizeTooSmall, t, s, 0, 4 * (s + 1));
        }
        return new AdvanceResult(IntegrationStatus.Completed, t1, steps, 0, 4 * steps);
    }
}
