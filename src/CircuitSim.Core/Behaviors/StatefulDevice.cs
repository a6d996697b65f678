using System.Diagnostics;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Behaviors;

/// <summary>A device's internal state that can be copied in place (no allocation), for committed/trial bookkeeping.</summary>
public interface IDeviceState<in TSelf>
{
    void CopyFrom(TSelf other);
}

/// <summary>
/// The stateful-device contract (docs/design.md), for an element whose terminal currents come from an internal state
/// advanced by its own solver (magnetization dynamics, memristor state):
/// <list type="number">
/// <item>A <b>committed</b> state at the last accepted time point and a <b>trial</b> state for the point being solved.</item>
/// <item>On each Newton iteration at t_{n+1} the trial is recomputed from the committed state over h = t_{n+1} − t_n,
/// driven by terminal voltages interpolated <b>linearly in time</b> from their values at t_n to the present iterate;
/// it is reused while the terminal voltages stay within a thousandth (<see cref="TrialReuseFraction"/>) of
/// RELTOL·|v| + VNTOL of the ones it was computed for.</item>
/// <item>The device stamps its K terminal currents and their K×K Jacobian at the trial state (the dependence of
/// the state on the voltages is left out of the Jacobian: a chord Newton step that converges to the same point).</item>
/// <item><see cref="Accept"/> commits the trial; <see cref="Reject"/> drops it, so a retried step starts again from the
/// committed state.</item>
/// <item>The device may limit the circuit step (<see cref="ProposeMaxStep"/>) and add breakpoints.</item>
/// <item>Whatever the device does once a state is final (count events, hand snapshots to an observer) goes in
/// <see cref="OnCommitted"/>, never in a re-implementation of <see cref="IAcceptBehavior"/>; the device writes no files.</item>
/// </list>
/// In DC (operating point, sweeps) no time passes: the device stamps its committed state. In AC it is linearized at
/// the committed state and the operating-point voltages.
/// </summary>
public abstract class StatefulDeviceBehavior<TState> : Behavior, ILoadBehavior, IAcceptBehavior, IRejectBehavior, IMaxStepBehavior,
    ITruncateBehavior, IFrequencyBehavior, IProbeSource
    where TState : class, IDeviceState<TState>
{
    private readonly int[] _nodes;
    private int[] _handles = Array.Empty<int>();
    private readonly double[] _v, _vCommitted, _vTrial, _currents, _jacobian;
    private SimulationState _state = null!;
    private MnaSystem _mna = null!;
    private SimulationStatistics _statistics = null!;
    private bool _trialValid;
    private double _trialTime, _trialDelta;
    private double _committedTime;

    /// <param name="name">The component's name.</param>
    /// <param name="nodes">Unknown indices of the K terminals (0 = ground).</param>
    /// <param name="committed">The state at the start of the analysis (kept, not copied): it becomes <see cref="Committed"/>.</param>
    /// <param name="trial">A second instance of the state, the trial's workspace (<see cref="Trial"/>); its contents are overwritten.</param>
    protected StatefulDeviceBehavior(string name, int[] nodes, TState committed, TState trial) : base(name)
    {
        _nodes = nodes;
        Committed = committed;
        Trial = trial;
        var k = nodes.Length;
        _v = new double[k];
        _vCommitted = new double[k];
        _vTrial = new double[k];
        _currents = new double[k];
        _jacobian = new double[k * k];
    }

    /// <summary>State at the last accepted time point.</summary>
    protected TState Committed { get; }

    /// <summary>State at the point being solved (valid during a transient Newton iteration).</summary>
    protected TState Trial { get; }

    /// <summary>Number of terminals K.</summary>
    public int TerminalCount => _nodes.Length;

    /// <summary>The state probes should read: the trial while a point is being solved, else the committed one.</summary>
    protected TState Present => _trialValid ? Trial : Committed;

    /// <summary>The simulation state (time, options) for derived classes.</summary>
    protected SimulationState SimulationState => _state;

    /// <summary>Terminal voltages at the last accepted point, V (relative to ground).</summary>
    protected ReadOnlySpan<double> CommittedVoltages => _vCommitted;

    public override void Setup(BindingContext context)
    {
        _state = context.State;
        _mna = context.Mna;
        _statistics = context.Simulation.Statistics;
        var k = _nodes.Length;
        _handles = new int[k * k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                _handles[i * k + j] = _mna.GetHandle(_nodes[i], _nodes[j]);
    }

    /// <summary>
    /// Advances <paramref name="state"/> (a copy of the committed state) from <paramref name="t0"/> to
    /// <paramref name="t1"/>, s, with terminal voltages moving linearly from <paramref name="v0"/> to
    /// <paramref name="v1"/>, V. Must not allocate.
    /// </summary>
    protected abstract void Advance(TState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1);

    /// <summary>
    /// Terminal currents (A, flowing into the device at each terminal) at terminal voltages <paramref name="v"/> and
    /// <paramref name="state"/>, and their Jacobian ∂I_i/∂V_j (S, row-major K×K). Must not allocate.
    /// </summary>
    protected abstract void Evaluate(TState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian);

    /// <summary>The largest circuit step the device accepts from its committed state, s (∞ for no limit).</summary>
    protected virtual double ProposeMaxStep(TState committed) => double.PositiveInfinity;

    /// <summary>
    /// After a converged trial over <paramref name="step"/>, the step the device would have wanted (e.g. scaled so the
    /// state changes by a set amount). A value below 0.9·step rejects the point, like a truncation error, so a fast
    /// change of the device is resolved by the circuit; ∞ for no opinion.
    /// </summary>
    protected virtual double ProposeStepAfter(TState committed, TState trial, double step) => double.PositiveInfinity;

    /// <summary>
    /// The step that would have changed a device quantity by <paramref name="allowed"/> when it changed by
    /// <paramref name="change"/> over <paramref name="step"/> (linear scaling, for <see cref="ProposeStepAfter"/>);
    /// ∞ when it did not change.
    /// </summary>
    protected static double StepForChange(double step, double change, double allowed) =>
        change > 0 ? step * allowed / change : double.PositiveInfinity;

    /// <summary>
    /// <see cref="Evaluate"/> for a two-terminal device: current <paramref name="current"/> (A) into terminal 0 and out
    /// of terminal 1, with small-signal conductance <paramref name="conductance"/> = ∂I/∂(V0 − V1) (S).
    /// </summary>
    protected static void StampTwoTerminal(Span<double> currents, Span<double> jacobian, double current, double conductance)
    {
        currents[0] = current;
        currents[1] = -current;
        jacobian[0] = conductance; jacobian[1] = -conductance;
        jacobian[2] = -conductance; jacobian[3] = conductance;
    }

    /// <summary>
    /// Called after each commit: a transient's accepted point (<paramref name="isTransient"/> true, the trial has
    /// become <see cref="Committed"/>), or an operating point or DC point (false: the committed state stands, its
    /// terminal voltages are the solution's). <paramref name="time"/> is the committed time, s. For counters, recorded
    /// events and snapshots handed to an observer; not called for rejected points.
    /// </summary>
    protected virtual void OnCommitted(double time, bool isTransient) { }

    public abstract IEnumerable<string> ProbeNames { get; }

    public abstract Func<double>? GetProbe(string quantity);

    public void Load()
    {
        var s = _state;
        var x = s.Solution;
        var k = _nodes.Length;
        for (var i = 0; i < k; i++) _v[i] = x[_nodes[i]];
        TState state;
        if (s.IsTransient)
        {
            if (!_trialValid || s.Time != _trialTime || s.Delta != _trialDelta || Moved())
            {
                Trial.CopyFrom(Committed);
                var t0 = Stopwatch.GetTimestamp();
                Advance(Trial, s.Time - s.Delta, s.Time, _vCommitted, _v);
                _statistics.DeviceSolverTicks += Stopwatch.GetTimestamp() - t0;
                _statistics.DeviceAdvances++;
                _trialValid = true;
                _trialTime = s.Time;
                _trialDelta = s.Delta;
                Array.Copy(_v, _vTrial, k);
            }
            state = Trial;
        }
        else state = Committed;

        Array.Clear(_jacobian);
        Evaluate(state, _v, _currents, _jacobian);
        var values = _mna.Values;
        var rhs = _mna.Rhs;
        for (var i = 0; i < k; i++)
        {
            var linear = _currents[i];
            for (var j = 0; j < k; j++)
            {
                var g = _jacobian[i * k + j];
                values[_handles[i * k + j]] += g;
                linear -= g * _v[j];
            }
            rhs[_nodes[i]] -= linear;
        }
    }

    /// <summary>
    /// The fraction of Newton's tolerance (RELTOL·|v| + VNTOL) by which terminal voltages may move before a trial is
    /// recomputed. Reusing a trial across moves as large as the tolerance itself drives the device with voltages that
    /// jitter by ~RELTOL from step to step; a lightly damped internal state (a pinned domain wall, α = 0.005) is
    /// rung by that jitter and depins about 1 % early, and memristor states drift by ~1e-4. A thousandth of the
    /// tolerance keeps the drive exact to ~1e-6 and still skips the recomputation when nothing changed.
    /// </summary>
    public const double TrialReuseFraction = 1e-3;

    /// <summary>True when a terminal voltage moved beyond <see cref="TrialReuseFraction"/>·(RELTOL·|v| + VNTOL)
    /// since the trial was computed.</summary>
    private bool Moved()
    {
        var o = _state.Options;
        for (var i = 0; i < _v.Length; i++)
            if (Math.Abs(_v[i] - _vTrial[i]) > TrialReuseFraction * (o.RelTol * Math.Max(Math.Abs(_v[i]), Math.Abs(_vTrial[i])) + o.VnTol)) return true;
        return false;
    }

    public void Accept()
    {
        var s = _state;
        if (s.IsTransient && _trialValid && s.Time == _trialTime)
        {
            Committed.CopyFrom(Trial);
            Array.Copy(_vTrial, _vCommitted, _vCommitted.Length);
            _committedTime = s.Time;
            _trialValid = false;
            OnCommitted(s.Time, isTransient: true);
            return;
        }
        else
        {
            // the operating point (t = 0) or a DC point: the committed state stands, its voltages are the solution's
            var x = s.Solution;
            for (var i = 0; i < _nodes.Length; i++) _vCommitted[i] = x[_nodes[i]];
            _committedTime = s.Time;
        }
        _trialValid = false;
        OnCommitted(_committedTime, isTransient: false);
    }

    public void Reject() => _trialValid = false;

    public double Truncate() =>
        _trialValid && _state.IsTransient ? ProposeStepAfter(Committed, Trial, _trialDelta) : double.PositiveInfinity;

    public double MaxStep() => ProposeMaxStep(Committed);

    /// <summary>Time of the committed state, s.</summary>
    protected double CommittedTime => _committedTime;

    public void LoadAc()
    {
        var k = _nodes.Length;
        var x = _state.Solution;
        for (var i = 0; i < k; i++) _v[i] = x[_nodes[i]];
        Array.Clear(_jacobian);
        Evaluate(Committed, _v, _currents, _jacobian);
        var values = _mna.ComplexValues;
        for (var i = 0; i < k * k; i++) values[_handles[i]] += _jacobian[i];
    }

    /// <summary>Terminal voltage of terminal <paramref name="i"/> in the present solution, V.</summary>
    protected double TerminalVoltage(int i) => _state.Solution[_nodes[i]];
}
