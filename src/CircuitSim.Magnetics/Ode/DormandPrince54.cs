namespace CircuitSim.Magnetics;

/// <summary>
/// Adaptive Dormand–Prince 5(4) Runge–Kutta with embedded error control, for any <see cref="IOdeSystem"/>.
/// Local extrapolation (the 5th-order solution is propagated), FSAL reuse of the last stage, Hairer's error norm
/// and initial-step heuristic, and an elementary controller h_new = h·clamp(safety·err^(−1/5), MinFactor, MaxFactor)
/// that does not grow the step right after a rejection.
/// <para>
/// <see cref="Advance"/> integrates in place from t0 to t1 and lands exactly on t1; the step-size memory lives in an
/// <see cref="AdaptiveStepState"/> owned by the caller, so a restarted call from a saved (y, state) pair repeats the
/// same steps bit for bit. All work arrays are allocated here; stepping allocates nothing.
/// </para>
/// </summary>
public sealed class DormandPrince54
{
    // Butcher tableau (Dormand & Prince 1980).
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // Difference between the 5th- and 4th-order weights (error estimator).
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    private readonly int _n;
    private double[] _k1;
    private readonly double[] _k2, _k3, _k4, _k5, _k6;
    private double[] _k7;
    private readonly double[] _yStage, _yNew;

    /// <param name="dimension">Dimension of the systems this instance will integrate.</param>
    /// <param name="options">Tolerances and controller settings (defaults if null).</param>
    /// <param name="projection">Optional projection applied after each accepted step (e.g. |m| = 1).</param>
    public DormandPrince54(int dimension, DormandPrinceOptions? options = null, IStateProjection? projection = null)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        _n = dimension;
        Options = options ?? new DormandPrinceOptions();
        Projection = projection;
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _k4 = new double[dimension];
        _k5 = new double[dimension];
        _k6 = new double[dimension];
        _k7 = new double[dimension];
        _yStage = new double[dimension];
        _yNew = new double[dimension];
    }

    public int Dimension => _n;

    public DormandPrinceOptions Options { get; set; }

    /// <summary>Applied to y after every accepted step; the derivative is then re-evaluated at the projected point.</summary>
    public IStateProjection? Projection { get; set; }

    /// <summary>Checked every 64 step attempts, so a run can be interrupted inside a long integration.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>
    /// Integrates <paramref name="y"/> in place from <paramref name="t0"/> to <paramref name="t1"/> (units of t).
    /// Starts from <paramref name="state"/>.SuggestedStep (or a guessed first step when it is 0) and leaves there
    /// the step to use next time. On failure y holds the last accepted point.
    /// </summary>
    public AdvanceResult Advance(IOdeSystem system, double t0, double t1, Span<double> y, ref AdaptiveStepState state)
    {
        if (system.Dimension != _n || y.Length != _n) throw new ArgumentException("System and state dimension must match the integrator's.");
        if (!(t1 >= t0)) throw new ArgumentException("Advance needs t1 ≥ t0.", nameof(t1));
        if (t1 == t0) return new AdvanceResult(IntegrationStatus.Completed, t1, 0, 0, 0);

        DormandPrinceOptions o = Options;
        int evaluations = 0, accepted = 0, rejected = 0;
        double t = t0;

        system.Derivative(t, y, _k1);
        evaluations++;

        double h = state.SuggestedStep;
        if (!(h > 0) || !double.IsFinite(h))
        {
            h = InitialStep(system, t0, t1, y, o);
            evaluations++;
        }
        h = Math.Min(h, o.MaxStep);

        double ulpFloor = 64.0 * (Math.BitIncrement(Math.Max(Math.Abs(t0), Math.Abs(t1))) - Math.Max(Math.Abs(t0), Math.Abs(t1)));
        double hMin = Math.Max(o.MinStep, ulpFloor);
        bool lastRejected = false;

        for (int attempt = 0; ; attempt++)
        {
            if (attempt >= o.MaxStepsPerAdvance)
                return new AdvanceResult(IntegrationStatus.TooManySteps, t, accepted, rejected, evaluations);
            if ((attempt & 63) == 63 && Cancellation.IsCancellationRequested) throw new IntegrationCancelledException(t, Cancellation);

            double remaining = t1 - t;
            double hStep = h;
            bool last = false;
            // Take the remainder in one step when it is within 1% of the proposal, to avoid a sliver step.
            if (1.01 * hStep >= remaining)
            {
                hStep = remaining;
                last = true;
            }
            else if (hStep < hMin)
            {
                return new AdvanceResult(IntegrationStatus.StepSizeTooSmall, t, accepted, rejected, evaluations);
            }

            double err = Step(system, t, hStep, y, o);
            evaluations += 6;

            if (err <= 1.0)
            {
                accepted++;
                double fac = err == 0 ? o.MaxFactor : Math.Clamp(o.Safety * Math.Pow(err, -0.2), o.MinFactor, o.MaxFactor);
                if (lastRejected) fac = Math.Min(fac, 1.0);
                double hNew = Math.Min(hStep * fac, o.MaxStep);
                lastRejected = false;

                _yNew.AsSpan().CopyTo(y);
                t = last ? t1 : t + hStep;

                if (last)
                {
                    // A step cut short to land on t1 says little about the natural step: keep the larger proposal.
                    state.SuggestedStep = hStep < h ? Math.Max(h, hNew) : hNew;
                    if (Projection is not null) Projection.Project(y);
                    return new AdvanceResult(IntegrationStatus.Completed, t1, accepted, rejected, evaluations);
                }

                if (Projection is not null)
                {
                    Projection.Project(y);
                    system.Derivative(t, y, _k1);
                    evaluations++;
                }
                else
                {
                    (_k1, _k7) = (_k7, _k1); // first same as last
                }
                h = hNew;
            }
            else
            {
                rejected++;
                double fac = double.IsFinite(err) ? Math.Max(o.MinFactor, o.Safety * Math.Pow(err, -0.2)) : o.MinFactor;
                h = hStep * fac;
                lastRejected = true;
                if (h < hMin)
                    return new AdvanceResult(IntegrationStatus.StepSizeTooSmall, t, accepted, rejected, evaluations);
            }
        }
    }

    /// <summary>One trial step of size h from (t, y) using _k1 = f(t, y); fills _yNew and _k7, returns the error norm.</summary>
    private double Step(IOdeSystem system, double t, double h, ReadOnlySpan<double> y, DormandPrinceOptions o)
    {
        int n = _n;
        double[] k1 = _k1, k2 = _k2, k3 = _k3, k4 = _k4, k5 = _k5, k6 = _k6, k7 = _k7, ys = _yStage, yn = _yNew;

        for (int i = 0; i < n; i++) ys[i] = y[i] + h * (A21 * k1[i]);
        system.Derivative(t + C2 * h, ys, k2);
        for (int i = 0; i < n; i++) ys[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        system.Derivative(t + C3 * h, ys, k3);
        for (int i = 0; i < n; i++) ys[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        system.Derivative(t + C4 * h, ys, k4);
        for (int i = 0; i < n; i++) ys[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        system.Derivative(t + C5 * h, ys, k5);
        for (int i = 0; i < n; i++) ys[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        system.Derivative(t + h, ys, k6);
        for (int i = 0; i < n; i++) yn[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        system.Derivative(t + h, yn, k7);

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double sc = o.AbsoluteTolerance + o.RelativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(yn[i]));
            double r = e / sc;
            sum += r * r;
        }
        return Math.Sqrt(sum / n); // NaN propagates and is treated as a rejection
    }

    /// <summary>
    /// Hairer's starting-step heuristic (HINIT), with the fall-backs scaled to the interval instead of absolute
    /// numbers so it works in any time unit. Uses _k1 = f(t0, y); costs one evaluation (into _k2).
    /// </summary>
    private double InitialStep(IOdeSystem system, double t0, double t1, ReadOnlySpan<double> y, DormandPrinceOptions o)
    {
        int n = _n;
        double span = t1 - t0;
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++)
        {
            double sc = o.AbsoluteTolerance + o.RelativeTolerance * Math.Abs(y[i]);
            d0 += (y[i] / sc) * (y[i] / sc);
            d1 += (_k1[i] / sc) * (_k1[i] / sc);
        }
        d0 = Math.Sqrt(d0 / n);
        d1 = Math.Sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 * span : 0.01 * d0 / d1;
        h0 = Math.Min(h0, Math.Min(span, o.MaxStep));

        for (int i = 0; i < n; i++) _yStage[i] = y[i] + h0 * _k1[i];
        system.Derivative(t0 + h0, _yStage, _k2);
        double d2 = 0;
        for (int i = 0; i < n; i++)
        {
            double sc = o.AbsoluteTolerance + o.RelativeTolerance * Math.Abs(y[i]);
            double r = (_k2[i] - _k1[i]) / sc;
            d2 += r * r;
        }
        d2 = Math.Sqrt(d2 / n) / h0;

        double dm = Math.Max(d1, d2);
        double h1 = dm <= 1e-15 ? Math.Max(1e-6 * span, h0 * 1e-3) : Math.Pow(0.01 / dm, 0.2);
        double h = Math.Min(100 * h0, h1);
        return double.IsFinite(h) && h > 0 ? h : h0;
    }
}
