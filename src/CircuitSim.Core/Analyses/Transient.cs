using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Analyses;

/// <summary>
/// Transient analysis (.tran tstep tstop [tstart [tmax]] [uic]) with ngspice 39's step control: first step
/// min(tstop/100, tstep)/10, maximum step min(tstep, (tstop − tstart)/50) unless given, local-truncation-error
/// control on every charge and flux (a point is rejected when the error asks for less than 0.9× the step; steps grow
/// at most 2× per point), order 1 after each breakpoint and after a Newton failure (which also cuts the step by 8),
/// trapezoidal order 2 (default) or Gear. Every rejected attempt calls <see cref="IRejectBehavior.Reject"/> so devices
/// with internal state roll back. Each accepted point is exported from tstart on (with UIC from the first step on,
/// as ngspice: the t = 0 vector is then only the initial conditions, not a solution).
/// </summary>
public sealed class Transient : Simulation
{
    private readonly BreakpointTable _breakpoints = new();
    private double[] _accepted = Array.Empty<double>();
    private double _breakpointHorizon;

    public Transient(Circuit circuit, double step, double stop, double start = 0, double? maxStep = null,
        bool useInitialConditions = false, SimulationOptions? options = null) : base(circuit, options)
    {
        if (!(step > 0)) throw new ArgumentException("tstep must be positive", nameof(step));
        if (!(stop > start)) throw new ArgumentException("tstop must be larger than tstart", nameof(stop));
        Step = step;
        Stop = stop;
        Start = start;
        MaxStepGiven = maxStep is > 0 ? maxStep : null;
        UseInitialConditions = useInitialConditions;
    }

    public double Step { get; }
    public double Stop { get; }
    public double Start { get; }
    public double? MaxStepGiven { get; }
    public bool UseInitialConditions { get; }

    /// <summary>Smallest step the step control may take (1e-11 of the largest), s: well above the subnormal doubles.</summary>
    public const double MinimumSmallestStep = 1e-300;

    /// <summary>The maximum step used: tmax if given, .options maxstep, else min(tstep, (tstop − tstart)/50).</summary>
    public double MaxStep => MaxStepGiven ?? Options.MaxStep ?? Math.Min(Step, (Stop - Start) / 50);

    public override string PlotName => "Transient Analysis";
    public override string? ScaleName => "time";
    protected override bool SolvesDcPoint => !UseInitialConditions;

    protected override IEnumerable<ExportPoint> Execute()
    {
        var s = State;
        s.Step = Step;
        s.FinalTime = Stop;
        var maxStep = MaxStep;
        var delmin = 1e-11 * maxStep;
        // a span or tmax so small that the smallest step underflows would step by zero forever (fuzz seed 13, case
        // 4661: .tran 5p 5e-324)
        if (!(delmin >= MinimumSmallestStep))
            throw new CircuitException(
                $"transient: the largest step {maxStep:G3} s (tmax, or min(tstep, (tstop - tstart)/50)) is too small to step with; it must be at least {MinimumSmallestStep / 1e-11:G3} s");
        var minBreak = 10 * delmin;
        _breakpoints.MinimumSeparation = minBreak;
        _breakpoints.Clear();
        _breakpoints.Add(0);
        _breakpoints.Add(Stop);
        _breakpointHorizon = 0;
        ExtendBreakpoints(0, maxStep);

        var uic = UseInitialConditions ? AnalysisMode.Uic : AnalysisMode.None;
        s.Time = 0;
        s.Delta = 0;
        if (UseInitialConditions) ApplyInitialConditions();
        if (!SolveOperatingPoint(AnalysisMode.TranOp | uic))
            throw OperatingPointFailure("initial operating point of the transient", 0);
        Statistics.TimePoints++;

        s.Order = 1;
        for (var i = 0; i < s.DeltaOld.Length; i++) s.DeltaOld[i] = maxStep;
        var delta = Math.Min(Stop / 100, Step) / 10;
        var saveDelta = Stop / 50;
        s.Mode = AnalysisMode.Transient | uic;
        s.Init = InitMode.Transient;
        Array.Clear(s.Ag);
        s.States.Copy(0, 1);
        _accepted = new double[s.Solution.Length];
        var firstTime = true;
        var time = 0.0;
        var point = 0;

        while (true)
        {
            // an interrupted run stops here even when no point is exported (before tstart)
            Options.Cancellation.ThrowIfCancellationRequested();
            // an accepted time point
            s.Time = time;
            var a0 = System.Diagnostics.Stopwatch.GetTimestamp();
            AcceptAll();
            Array.Copy(s.Solution, _accepted, _accepted.Length);
            Statistics.AcceptTicks += System.Diagnostics.Stopwatch.GetTimestamp() - a0;
            if (time > _breakpoints.Next) _breakpoints.RemoveFirst();
            Statistics.AcceptedSteps++;
            // with UIC the t = 0 "solution" is only the initial-condition vector, so ngspice does not output it
            if (time >= Start && !(UseInitialConditions && time == 0)) yield return new ExportPoint(point++, time);
            if (Stop - time < minBreak) yield break;
            ExtendBreakpoints(time, maxStep);

            // choose the next step
            delta = Math.Min(delta, maxStep);
            foreach (var m in MaxStepBehaviors) delta = Math.Min(delta, m.MaxStep());
            if (AlmostEqual(time, _breakpoints.Next) || _breakpoints.Next - time <= delmin)
            {
                // first point after a breakpoint: backward Euler, a tenth of the smaller of the last step and the gap
                s.Order = 1;
                delta = Math.Min(delta, 0.1 * Math.Min(saveDelta, _breakpoints.AfterNext - _breakpoints.Next));
                if (firstTime)
                {
                    if (UseInitialConditions) _breakpoints.Add(Step);
                    delta /= 10;
                }
            }
            while ((_breakpoints.Next <= time + minBreak || AlmostEqual(_breakpoints.Next, time)) && _breakpoints.Next < Stop)
                _breakpoints.RemoveFirst();
            if (time + delta > _breakpoints.Next)
            {
                saveDelta = delta;
                delta = _breakpoints.Next - time;
            }

            for (var i = s.DeltaOld.Length - 2; i >= 0; i--) s.DeltaOld[i + 1] = s.DeltaOld[i];
            s.DeltaOld[0] = delta;
            s.States.Rotate();

            // attempts at the next point
            while (true)
            {
                var oldDelta = delta;
                time += delta;
                s.Time = time;
                s.Delta = delta;
                s.DeltaOld[0] = delta;
                IntegrationCoefficients.Compute(s.Method, s.Order, s.DeltaOld, s.Ag);
                var converged = Solver.Iterate(Options.Itl4);
                Statistics.TimePoints++;
                s.Init = InitMode.Predict;
                if (firstTime)
                {
                    s.States.Copy(1, 2);
                    if (s.States.Depth > 3) s.States.Copy(1, 3);
                }

                if (!converged)
                {
                    time -= delta;
                    Statistics.RejectedSteps++;
                    RejectAll();
                    Array.Copy(_accepted, s.Solution, _accepted.Length);
                    delta /= 8;
                    if (firstTime) s.Init = InitMode.Transient;
                    s.Order = 1;
                    if (delta <= delmin)
                    {
                        if (oldDelta > delmin) delta = delmin;
                        else throw NonConvergence(time, oldDelta);
                    }
                    continue;
                }

                if (firstTime)
                {
                    firstTime = false;
                    break; // no truncation-error check on the first point
                }

                var newDelta = Truncate(delta);
                if (newDelta > 0.9 * delta)
                {
                    if (s.Order == 1 && Options.MaxOrder > 1)
                    {
                        s.Order = 2;
                        newDelta = Truncate(delta);
                        if (newDelta <= 1.05 * delta) s.Order = 1;
                    }
                    delta = newDelta;
                    break;
                }

                time -= delta;
                Statistics.RejectedSteps++;
                RejectAll();
                Array.Copy(_accepted, s.Solution, _accepted.Length);
                delta = newDelta;
                if (delta <= delmin)
                {
                    if (oldDelta > delmin) delta = delmin;
                    else throw new SimulationException($"time step too small at time {time:G6} s (step {oldDelta:G3} s): the truncation error cannot be met");
                }
            }
        }
    }

    /// <summary>SPICE's CKTtrunc: the smallest step any device's truncation error allows, and at most twice the present one.</summary>
    private double Truncate(double delta)
    {
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var limit = double.PositiveInfinity;
        foreach (var t in Truncaters) limit = Math.Min(limit, t.Truncate());
        Statistics.TruncationTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
        return Math.Min(2 * delta, limit);
    }

    private SimulationException NonConvergence(double time, double step)
    {
        if (Solver.LastSingular is { } singular)
            return new SingularCircuitException($"transient: at time {time:G6} s (step {step:G3} s) {singular.Message}", singular.Unknown, singular);
        var names = Solver.LastNonConverged.Select(i => Unknowns[i].Name).Take(10).ToList();
        return new ConvergenceException(
            $"transient: no convergence at time {time:G6} s with step {step:G3} s (time step too small)" +
            (names.Count > 0 ? $"; not converged: {string.Join(", ", names)}" : ""),
            time, step, names);
    }

    /// <summary>With UIC the solution starts from .ic node values (others 0) and devices take their initial
    /// conditions from it (SPICE's CKTic and DEVsetic).</summary>
    private void ApplyInitialConditions()
    {
        Array.Clear(State.Solution);
        foreach (var (node, v) in InitialConditions)
            if (Unknowns.TryGetIndex(node, out var i) && i > 0) State.Solution[i] = v;
        foreach (var b in InitialConditionBehaviors) b.SetInitialConditions(State.Solution);
    }

    /// <summary>Most pending breakpoints before the table stops asking for more (the next step cannot pass them).</summary>
    private const int MaxPendingBreakpoints = 8192;

    /// <summary>Asks the sources for breakpoints a window ahead, so long periodic waveforms never fill the table: a
    /// source may cover only part of a window (<see cref="BreakpointTable.CoveredOnlyUntil"/>), and the table is not
    /// extended while it holds <see cref="MaxPendingBreakpoints"/>.</summary>
    private void ExtendBreakpoints(double time, double maxStep)
    {
        var window = Math.Max((Stop - Start) / 16, 4 * maxStep);
        while (_breakpointHorizon < Stop && time + 4 * maxStep >= _breakpointHorizon && _breakpoints.Count < MaxPendingBreakpoints)
        {
            var until = Math.Min(Stop, _breakpointHorizon + window);
            _breakpoints.Horizon = until;
            foreach (var b in BreakpointBehaviors) b.AddBreakpoints(_breakpoints, _breakpointHorizon, until);
            // a source that covers nothing of the window must not stall the transient
            _breakpointHorizon = _breakpoints.Horizon > _breakpointHorizon ? _breakpoints.Horizon : until;
        }
    }

    /// <summary>Equal within 100 units in the last place (ngspice's AlmostEqualUlps).</summary>
    private static bool AlmostEqual(double a, double b)
    {
        if (a == b) return true;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return false;
        var ia = BitConverter.DoubleToInt64Bits(a);
        var ib = BitConverter.DoubleToInt64Bits(b);
        if ((ia < 0) != (ib < 0)) return false;
        return Math.Abs(ia - ib) <= 100;
    }
}
