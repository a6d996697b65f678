using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Tests.StatefulDevices;

/// <summary>
/// A test memristor with an exactly solvable internal ODE: state x relaxes towards a·V with time constant τ,
/// dx/dt = (a·V(t) − x)/τ, and the device conducts I = G0·(1 + x)·V. For a voltage that is linear within a step the
/// advance is exact, so the engine's coupling is the only source of error.
/// </summary>
internal sealed class RelaxingConductance : Component
{
    public RelaxingConductance(string name, string a, string b, double g0, double gain, double tau) : base(name, a, b)
    {
        G0 = g0;
        Gain = gain;
        Tau = tau;
    }

    public double G0 { get; }
    public double Gain { get; }
    public double Tau { get; }
    /// <summary>Device-proposed maximum step, s (∞: none).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;
    public double InitialState { get; init; }
    /// <summary>Every commit the device was told of (<c>OnCommitted</c>): time, state, and whether a transient's.</summary>
    public List<(double Time, double State, bool IsTransient)> Commits { get; } = new();
    public int Advances { get; private set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) =>
        new Impl(this, context.Nodes(this));

    internal sealed class State : IDeviceState<State>
    {
        public double X;
        public void CopyFrom(State other) => X = other.X;
    }

    private sealed class Impl : StatefulDeviceBehavior<State>
    {
        private readonly RelaxingConductance _d;

        public Impl(RelaxingConductance d, int[] nodes) : base(d.Name, nodes, new State { X = d.InitialState }, new State()) => _d = d;

        protected override void Advance(State state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
        {
            _d.Advances++;
            var h = t1 - t0;
            var vStart = v0[0] - v0[1];
            var slope = (v1[0] - v1[1] - vStart) / h;
            var a = _d.Gain;
            var tau = _d.Tau;
            var decay = Math.Exp(-h / tau);
            // exact solution for a linear drive a(V0 + s·u): x = a(V0 + s u) − a s τ + (x0 − a V0 + a s τ) e^{−u/τ}
            state.X = a * (vStart + slope * h) - a * slope * tau + (state.X - a * vStart + a * slope * tau) * decay;
        }

        protected override void Evaluate(State state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
        {
            var g = _d.G0 * (1 + state.X);
            var i = g * (v[0] - v[1]);
            currents[0] = i;
            currents[1] = -i;
            jacobian[0] = g; jacobian[1] = -g;
            jacobian[2] = -g; jacobian[3] = g;
        }

        protected override double ProposeMaxStep(State committed) => _d.MaxStep;

        protected override void OnCommitted(double time, bool isTransient) => _d.Commits.Add((time, Committed.X, isTransient));

        public override IEnumerable<string> ProbeNames => new[] { "x", "g" };

        public override Func<double>? GetProbe(string quantity) => quantity switch
        {
            "x" => () => Present.X,
            "g" => () => _d.G0 * (1 + Present.X),
            _ => null,
        };
    }
}

/// <summary>
/// A resistor that refuses to converge on the first attempt at the first <see cref="Failures"/> points inside a time
/// window, so the transient rejects steps there: the rollback of stateful devices is exercised. (Failing at every
/// point would shrink the step eightfold per point until the transient gives up, as in SPICE.)
/// </summary>
internal sealed class FlakyResistor : Component
{
    public FlakyResistor(string name, string a, string b, double resistance, double from, double to) : base(name, a, b)
    {
        Resistance = resistance;
        From = from;
        To = to;
    }

    public double Resistance { get; }
    public double From { get; }
    public double To { get; }
    public int Failures { get; init; } = 10;

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILoadBehavior, IRejectBehavior, IAcceptBehavior
    {
        private readonly FlakyResistor _r;
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _a, _b;
        private int _aa, _ab, _ba, _bb;
        private bool _failedHere;
        private int _failures;

        public Impl(FlakyResistor r, BindingContext context) : base(r.Name)
        {
            _r = r;
            _s = context.State;
            _mna = context.Mna;
            _a = context.Node(r.Nodes[0]);
            _b = context.Node(r.Nodes[1]);
        }

        public override void Setup(BindingContext context)
        {
            _aa = _mna.GetHandle(_a, _a); _ab = _mna.GetHandle(_a, _b); _ba = _mna.GetHandle(_b, _a); _bb = _mna.GetHandle(_b, _b);
        }

        public void Load()
        {
            var g = 1 / _r.Resistance;
            var v = _mna.Values;
            v[_aa] += g; v[_ab] -= g; v[_ba] -= g; v[_bb] += g;
            if (_s.IsTransient && !_failedHere && _failures < _r.Failures && _s.Time > _r.From && _s.Time < _r.To) _s.NonConvergenceCount++;
        }

        public void Reject()
        {
            if (!_failedHere && _s.Time > _r.From && _s.Time < _r.To) _failures++;
            _failedHere = true;
        }
        public void Accept() => _failedHere = false;
    }
}
