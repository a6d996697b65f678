namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>The time integrators a <see cref="MicromagneticSimulation"/> can use.</summary>
public enum MicromagneticIntegrator
{
    /// <summary>Adaptive Dormand–Prince 5(4) with error control (T = 0 only).</summary>
    DormandPrince54,

    /// <summary>Classical RK4 with a fixed step (T = 0 only).</summary>
    RungeKutta4,

    /// <summary>Stochastic Heun with a fixed step: the Stratonovich scheme the thermal field needs.</summary>
    Heun,
}

/// <summary>How a relaxation looks for the energy minimum.</summary>
public enum RelaxMethod
{
    /// <summary>Barzilai–Borwein steepest descent (<see cref="EnergyMinimizer"/>), then damping if it stalls.</summary>
    Minimize,

    /// <summary>Pure-damping LLG (precession off) integrated by Dormand–Prince.</summary>
    Damping,
}

/// <summary>Settings of a relaxation stage.</summary>
public sealed record RelaxOptions
{
    public RelaxMethod Method { get; init; } = RelaxMethod.Minimize;

    /// <summary>Iterations the minimizer may take before handing over to damping.</summary>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>Stop when max |m × H_eff| falls below this, in A/m.</summary>
    public double TorqueTolerance { get; init; } = 1.0;

    /// <summary>Damping during the relaxation (dimensionless; precession and spin torques are off).</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Give up after this much pure-damping time (s).</summary>
    public double MaxTime { get; init; } = 50e-9;

    /// <summary>How often the torque is checked (s of pure-damping time).</summary>
    public double CheckInterval { get; init; } = 5e-12;

    /// <summary>Error control of the relaxation's Dormand–Prince integration.</summary>
    public DormandPrinceOptions Tolerances { get; init; } = new() { RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-5 };
}

/// <summary>How a relaxation ended.</summary>
/// <param name="Converged">The torque fell below the tolerance.</param>
/// <param name="Time">Pure-damping time spent (s).</param>
/// <param name="MaxTorque">Final max |m × H_eff| (A/m).</param>
/// <param name="Evaluations">Right-hand-side evaluations used.</param>
public readonly record struct RelaxResult(bool Converged, double Time, double MaxTorque, long Evaluations);

/// <summary>
/// Runs a <see cref="MicromagneticSystem"/> in stages: relaxation (pure damping until max |m × H| is small) and timed
/// runs with any of the <see cref="MicromagneticIntegrator"/>s, sampling the state at fixed intervals. Keeps the
/// magnetization, the time, the adaptive step memory and the noise generator (seeded) between stages. |m| = 1 is
/// restored after every step.
/// </summary>
public sealed class MicromagneticSimulation
{
    private readonly double[] _m;
    private DormandPrince54? _dp;
    private RungeKutta4? _rk4;
    private StochasticHeun? _heun;
    private AdaptiveStepState _adaptive;
    private StochasticHeunState _noise;

    /// <param name="system">The LLG system.</param>
    /// <param name="initial">Initial magnetization (interleaved, normalized here; cells outside the magnet are zeroed).</param>
    /// <param name="seed">Seed of the thermal noise.</param>
    public MicromagneticSimulation(MicromagneticSystem system, ReadOnlySpan<double> initial, ulong seed = 1)
    {
        if (initial.Length != system.Dimension) throw new ArgumentException($"The initial state needs {system.Dimension} values, got {initial.Length}.", nameof(initial));
        System = system;
        _m = initial.ToArray();
        system.Project(_m);
        _noise = new StochasticHeunState(seed);
    }

    public MicromagneticSystem System { get; }

    public Magnet Magnet => System.Magnet;

    /// <summary>The magnetization (interleaved, writable; call <see cref="MicromagneticSystem.Project"/> after editing).</summary>
    public double[] M => _m;

    /// <summary>Simulated time of the dynamics stages (s); relaxations do not advance it.</summary>
    public double Time { get; set; }

    public MicromagneticIntegrator Integrator { get; set; } = MicromagneticIntegrator.DormandPrince54;

    /// <summary>Step of RK4 and Heun (s).</summary>
    public double FixedStep { get; set; } = 1e-13;

    /// <summary>Error control of Dormand–Prince.</summary>
    public DormandPrinceOptions Tolerances { get; set; } = new() { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-6 };

    /// <summary>Stops <see cref="Advance"/> between two steps (then <see cref="Time"/> is where it stopped and m the state
    /// there) and <see cref="Relax"/> at its next check, with <see cref="OperationCanceledException"/>: an interrupted
    /// run keeps a whole state.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Right-hand-side evaluations so far (all stages).</summary>
    public long Evaluations { get; private set; }

    /// <summary>Accepted steps so far (all stages).</summary>
    public long Steps { get; private set; }

    /// <summary>Rejected adaptive steps so far.</summary>
    public long Rejections { get; private set; }

    /// <summary>Mean reduced magnetization over the cells of the magnet.</summary>
    public Vec3 AverageMagnetization() => Average(Magnet, _m);

    /// <summary>Mean of m over the cells with Ms &gt; 0.</summary>
    public static Vec3 Average(Magnet magnet, ReadOnlySpan<double> m)
    {
        double x = 0, y = 0, z = 0;
        for (int c = 0; c < magnet.CellCount; c++)
        {
            if (!magnet.Contains(c)) continue;
            x += m[3 * c];
            y += m[3 * c + 1];
            z += m[3 * c + 2];
        }
        int n = magnet.MagneticCellCount;
        return new Vec3(x / n, y / n, z / n);
    }

    /// <summary>
    /// Relaxes toward the nearest energy minimum until max |m × H_eff| &lt; <see cref="RelaxOptions.TorqueTolerance"/>:
    /// by Barzilai–Borwein minimization (<see cref="RelaxMethod.Minimize"/>, falling back to damping if it has not
    /// converged after <see cref="RelaxOptions.MaxIterations"/>), or by the pure-damping LLG (precession and spin torques
    /// off, damping <see cref="RelaxOptions.Alpha"/>) integrated by Dormand–Prince and checked every
    /// <see cref="RelaxOptions.CheckInterval"/> up to <see cref="RelaxOptions.MaxTime"/>. The system's settings are
    /// restored afterwards; <see cref="Time"/> does not move.
    /// </summary>
    /// <param name="progress">Called now and then with (iterations or pure-damping time in s, max torque in A/m).</param>
    public RelaxResult Relax(RelaxOptions? options = null, Action<double, double>? progress = null)
    {
        var o = options ?? new RelaxOptions();
        if (o.Method == RelaxMethod.Minimize)
        {
            var minimizer = new EnergyMinimizer(System);
            var thermalOff = System.Thermal;
            System.Thermal = null;
            (bool converged, int iterations, double torque) result;
            try
            {
                result = minimizer.Minimize(Time, _m, o.TorqueTolerance, o.MaxIterations, progress is null ? null : (i, q) => progress(i, q), Cancellation);
            }
            finally
            {
                System.Thermal = thermalOff;
                Evaluations += minimizer.Evaluations;
            }
            if (result.converged) return new RelaxResult(true, 0, result.torque, minimizer.Evaluations);
            var rest = Relax(o with { Method = RelaxMethod.Damping }, progress);
            return rest with { Evaluations = rest.Evaluations + minimizer.Evaluations };
        }
        var sys = System;
        double alpha = sys.Alpha;
        bool precession = sys.Precession, torques = sys.SpinTorques;
        var thermal = sys.Thermal;
        sys.Alpha = o.Alpha;
        sys.Precession = false;
        sys.SpinTorques = false;
        sys.Thermal = null;
        var dp = new DormandPrince54(sys.Dimension, o.Tolerances, sys) { Cancellation = Cancellation };
        var state = new AdaptiveStepState();
        long evaluations = 0;
        double t = 0, torque = sys.MaxTorque(Time, _m);
        evaluations++;
        try
        {
            while (torque >= o.TorqueTolerance && t < o.MaxTime)
            {
                var r = dp.Advance(sys, Time, Time + o.CheckInterval, _m, ref state);
                evaluations += r.Evaluations + 1;
                Steps += r.AcceptedSteps;
                Rejections += r.RejectedSteps;
                if (!r.Succeeded) throw new InvalidOperationException($"relax: the integration failed after {t:G4} s of damping ({r.Status}).");
                t += o.CheckInterval;
                Cancellation.ThrowIfCancellationRequested();
                torque = sys.MaxTorque(Time, _m);
                progress?.Invoke(t, torque);
            }
        }
        finally
        {
            sys.Alpha = alpha;
            sys.Precession = precession;
            sys.SpinTorques = torques;
            sys.Thermal = thermal;
            Evaluations += evaluations;
        }
        return new RelaxResult(torque < o.TorqueTolerance, t, torque, evaluations);
    }

    /// <summary>
    /// Runs the dynamics for <paramref name="duration"/> s with the chosen integrator, calling
    /// <paramref name="sample"/> at the start and every <paramref name="sampleInterval"/> s (and at the end).
    /// </summary>
    /// <param name="sample">Receives (time in s, m); the span is valid during the call only.</param>
    public void Run(double duration, double sampleInterval, Action<double, double[]>? sample = null)
    {
        if (!(duration >= 0)) throw new ArgumentOutOfRangeException(nameof(duration), "The duration must be ≥ 0 (s).");
        if (!(sampleInterval > 0)) throw new ArgumentOutOfRangeException(nameof(sampleInterval), "The sample interval must be positive (s).");
        if (System.Thermal is not null && System.Thermal.Temperature > 0 && Integrator != MicromagneticIntegrator.Heun)
            throw new InvalidOperationException("A thermal field needs the Heun integrator.");
        double start = Time, end = Time + duration;
        sample?.Invoke(Time, _m);
        int samples = (int)Math.Ceiling(duration / sampleInterval * (1 - 1e-12));
        for (int s = 1; s <= samples; s++)
        {
            double t1 = s == samples ? end : start + s * sampleInterval;
            Advance(t1);
            sample?.Invoke(Time, _m);
        }
    }

    /// <summary>Advances the dynamics to time <paramref name="t1"/> (s).</summary>
    /// <exception cref="IntegrationCancelledException"><see cref="Cancellation"/> stopped it; <see cref="Time"/> and m are
    /// the last accepted step's.</exception>
    public void Advance(double t1)
    {
        var sys = System;
        AdvanceResult r;
        try
        {
            switch (Integrator)
            {
                case MicromagneticIntegrator.DormandPrince54:
                    _dp ??= new DormandPrince54(sys.Dimension, Tolerances, sys);
                    _dp.Options = Tolerances;
                    _dp.Cancellation = Cancellation;
                    r = _dp.Advance(sys, Time, t1, _m, ref _adaptive);
                    break;
                case MicromagneticIntegrator.RungeKutta4:
                    _rk4 ??= new RungeKutta4(sys.Dimension, FixedStep, sys);
                    _rk4.MaxStep = FixedStep;
                    _rk4.Cancellation = Cancellation;
                    r = _rk4.Advance(sys, Time, t1, _m);
                    break;
                default:
                    if (_heun is null || _heun.NoiseDimension != sys.NoiseDimension)
                        _heun = new StochasticHeun(sys.Dimension, sys.NoiseDimension, FixedStep, sys);
                    _heun.MaxSubStep = FixedStep;
                    _heun.Cancellation = Cancellation;
                    r = _heun.Advance(sys, Time, t1, _m, ref _noise);
                    break;
            }
        }
        catch (IntegrationCancelledException e)
        {
            Time = e.TimeReached;
            throw;
        }
        Evaluations += r.Evaluations;
        Steps += r.AcceptedSteps;
        Rejections += r.RejectedSteps;
        if (!r.Succeeded)
            throw new InvalidOperationException($"The LLG integration failed at t = {r.TimeReached:G6} s ({r.Status}); try a smaller step or tolerance.");
        Time = t1;
    }
}
