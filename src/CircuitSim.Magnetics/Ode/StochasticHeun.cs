namespace CircuitSim.Magnetics;

/// <summary>
/// Stochastic Heun (predictor–corrector trapezoid) with a fixed sub-step, which converges to the Stratonovich
/// solution — the interpretation Brown's thermal field needs. Per sub-step of length dt: draw standard normals,
/// <see cref="IStochasticOdeSystem.SetNoise"/>, then ỹ = y + dt f(t, y), y ← y + dt/2 [f(t, y) + f(t + dt, ỹ)]
/// with the same noise in both stages, then the optional projection (|m| = 1).
/// <para>
/// <see cref="Advance"/> divides [t0, t1] into the fewest equal sub-steps no longer than <see cref="MaxSubStep"/>
/// and ends exactly at t1. The random generator lives in the caller's <see cref="StochasticHeunState"/>, so saving
/// and restoring that struct with y restarts the same noise path. With no noise it is the deterministic Heun (RK2)
/// method. All work arrays are allocated here; stepping allocates nothing.
/// </para>
/// </summary>
public sealed class StochasticHeun
{
    private readonly int _n;
    private readonly double[] _f0, _f1, _yPredict, _noise;

    /// <param name="dimension">State dimension.</param>
    /// <param name="noiseDimension">Standard normals per sub-step (the system's <see cref="IStochasticOdeSystem.NoiseDimension"/>; 0 if none).</param>
    /// <param name="maxSubStep">Largest sub-step, in the units of t (s).</param>
    /// <param name="projection">Optional projection applied after every sub-step.</param>
    public StochasticHeun(int dimension, int noiseDimension, double maxSubStep, IStateProjection? projection = null)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        if (noiseDimension < 0) throw new ArgumentOutOfRangeException(nameof(noiseDimension));
        if (!(maxSubStep > 0)) throw new ArgumentOutOfRangeException(nameof(maxSubStep), "The sub-step must be positive.");
        _n = dimension;
        MaxSubStep = maxSubStep;
        Projection = projection;
        _f0 = new double[dimension];
        _f1 = new double[dimension];
        _yPredict = new double[dimension];
        _noise = new double[noiseDimension];
    }

    public int Dimension => _n;

    public int NoiseDimension => _noise.Length;

    /// <summary>Largest sub-step in the units of t (s).</summary>
    public double MaxSubStep { get; set; }

    public IStateProjection? Projection { get; set; }

    /// <summary>Number of sub-steps <see cref="Advance"/> takes over an interval of length <paramref name="span"/>.</summary>
    public int SubStepCount(double span)
    {
        if (!(span > 0)) return 0;
        // The 1e-12 slack keeps an interval that is an exact multiple of the sub-step from gaining one by rounding.
        double ratio = span / MaxSubStep;
        return Math.Max(1, (int)Math.Ceiling(ratio * (1.0 - 1e-12)));
    }

    /// <summary>Checked every 64 sub-steps, so a run can be interrupted inside a long integration.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>
    /// Integrates <paramref name="y"/> in place from <paramref name="t0"/> to <paramref name="t1"/>, drawing noise from
    /// <paramref name="state"/>. A system with noise must implement <see cref="IStochasticOdeSystem"/> with this
    /// integrator's <see cref="NoiseDimension"/>.
    /// </summary>
    public AdvanceResult Advance(IOdeSystem system, double t0, double t1, Span<double> y, ref StochasticHeunState state)
    {
        if (system.Dimension != _n || y.Length != _n) throw new ArgumentException("System and state dimension must match the integrator's.");
        if (!(t1 >= t0)) throw new ArgumentException("Advance needs t1 ≥ t0.", nameof(t1));
        IStochasticOdeSystem? noisy = system as IStochasticOdeSystem;
        if (_noise.Length > 0 && (noisy is null || noisy.NoiseDimension != _noise.Length))
            throw new ArgumentException("The system's noise dimension does not match the integrator's.", nameof(system));

        // an interval of more than 2^31 sub-steps is not integrated at all (it would take days)
        if ((t1 - t0) / MaxSubStep >= int.MaxValue) return new AdvanceResult(IntegrationStatus.TooManySteps, t0, 0, 0, 0);
        int steps = SubStepCount(t1 - t0);
        if (steps == 0) return new AdvanceResult(IntegrationStatus.Completed, t1, 0, 0, 0);
        double dt = (t1 - t0) / steps;
        int n = _n;

        for (int s = 0; s < steps; s++)
        {
            double t = t0 + s * dt;
            double tNext = s + 1 == steps ? t1 : t0 + (s + 1) * dt;
            double h = tNext - t;

            if (_noise.Length > 0)
            {
                for (int i = 0; i < _noise.Length; i++) _noise[i] = state.Random.NextGaussian();
                noisy!.SetNoise(_noise, h);
            }

            if ((s & 63) == 63 && Cancellation.IsCancellationRequested) throw new IntegrationCancelledException(t, Cancellation);
            system.Derivative(t, y, _f0);
            for (int i = 0; i < n; i++) _yPredict[i] = y[i] + h * _f0[i];
            system.Derivative(tNext, _yPredict, _f1);
            for (int i = 0; i < n; i++) y[i] += 0.5 * h * (_f0[i] + _f1[i]);
            Projection?.Project(y);
        }
        return new AdvanceResult(IntegrationStatus.Completed, t1, steps, 0, 2 * steps);
    }
}

/// <summary>
/// What <see cref="StochasticHeun"/> carries between calls: its random generator. A value type: copy to save,
/// assign back to restore, and the noise path repeats bit for bit.
/// </summary>
public struct StochasticHeunState
{
    public Xoshiro256StarStar Random;

    public StochasticHeunState(ulong seed)
    {
        Random = new Xoshiro256StarStar(seed);
    }
}
