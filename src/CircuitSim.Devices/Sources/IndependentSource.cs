using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Sources;

/// <summary>
/// What independent V and I sources share: a DC value, an AC magnitude and phase, and an optional time function.
/// A standalone .op or .dc uses the DC value when one is given; a transient, including its operating point, uses the
/// time function (its value at t = 0 for the operating point), as ngspice does.
/// </summary>
public abstract class IndependentSource : Component
{
    protected IndependentSource(string name, string pos, string neg, double? dc, Waveform? waveform) : base(name, pos, neg)
    {
        DcValue = dc;
        Waveform = waveform;
    }

    /// <summary>DC value, V or A.</summary>
    [Parameter("dc")]
    public double? DcValue { get; set; }

    /// <summary>AC magnitude, V or A.</summary>
    [Parameter("acmag", "ac")]
    public double AcMagnitude { get; set; }

    /// <summary>AC phase, degrees.</summary>
    [Parameter("acphase")]
    public double AcPhase { get; set; }

    public Waveform? Waveform { get; set; }

    /// <summary>Source value for the present analysis point; the DC sweep value overrides.</summary>
    internal double ValueAt(SimulationState s, double? sweep)
    {
        if (sweep.HasValue) return sweep.Value * s.SourceFactor;
        double v;
        if ((s.Mode & (AnalysisMode.DcOp | AnalysisMode.DcSweep)) != 0 && DcValue.HasValue) v = DcValue.Value;
        else if (Waveform is not null) v = Waveform.Value(s.IsDc ? 0 : s.Time, s.Step, s.FinalTime);
        else v = DcValue ?? 0;
        return v * s.SourceFactor;
    }

    internal Complex AcValue => Complex.FromPolarCoordinates(AcMagnitude, AcPhase * Math.PI / 180);
}

/// <summary>Independent voltage source V: v(pos) − v(neg) = value; i(V) is the current into pos.</summary>
public sealed class VoltageSource : IndependentSource
{
    public VoltageSource(string name, string pos, string neg, double dc) : base(name, pos, neg, dc, null) { }

    public VoltageSource(string name, string pos, string neg, Waveform waveform, double? dc = null) : base(name, pos, neg, dc, waveform) { }

    public override IEnumerable<(int, int)> VoltageDefinedPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new VoltageSourceBehavior(this, context);

    private sealed class VoltageSourceBehavior : Behavior, ILinearLoadBehavior, IFrequencyBehavior, IBranchBehavior, IBreakpointBehavior,
        ISweepableSource, IProbeSource
    {
        private readonly VoltageSource _v;
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _pos, _neg;
        private BranchStamp _stamp;

        public VoltageSourceBehavior(VoltageSource v, BindingContext context) : base(v.Name)
        {
            _v = v;
            _s = context.State;
            _mna = context.Mna;
            _pos = context.Node(v.Nodes[0]);
            _neg = context.Node(v.Nodes[1]);
            Branch = context.CreateBranch(v.Name);
        }

        public int Branch { get; }
        public double? SweepValue { get; set; }

        public override void Setup(BindingContext context) => _stamp = new BranchStamp(_mna, _pos, _neg, Branch);

        public void Load()
        {
            _stamp.Add(_mna.Values);
            _mna.Rhs[Branch] += _v.ValueAt(_s, SweepValue);
        }

        public void LoadAc()
        {
            _stamp.Add(_mna.ComplexValues);
            _mna.ComplexRhs[Branch] += _v.AcValue;
        }

        public void AddBreakpoints(BreakpointTable table, double after, double until) =>
            _v.Waveform?.AddBreakpoints(table, after, until, _s.Step, _s.FinalTime);

        public IEnumerable<string> ProbeNames => new[] { "i", "v", "p" };

        public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
        {
            "i" => () => _s.Solution[Branch],
            "v" => () => _s.Solution[_pos] - _s.Solution[_neg],
            "p" => () => -_s.Solution[Branch] * (_s.Solution[_pos] - _s.Solution[_neg]),
            _ => null,
        };
    }
}

/// <summary>Independent current source I: the current flows from pos through the source into neg.</summary>
public sealed class CurrentSource : IndependentSource
{
    public CurrentSource(string name, string pos, string neg, double dc) : base(name, pos, neg, dc, null) { }

    public CurrentSource(string name, string pos, string neg, Waveform waveform, double? dc = null) : base(name, pos, neg, dc, waveform) { }

    public override Behavior CreateBehavior(BindingContext context) => new CurrentSourceBehavior(this, context);

    private sealed class CurrentSourceBehavior : Behavior, ILinearLoadBehavior, IFrequencyBehavior, IBreakpointBehavior, ISweepableSource, IProbeSource
    {
        private readonly CurrentSource _i;
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _pos, _neg;

        public CurrentSourceBehavior(CurrentSource i, BindingContext context) : base(i.Name)
        {
            _i = i;
            _s = context.State;
            _mna = context.Mna;
            _pos = context.Node(i.Nodes[0]);
            _neg = context.Node(i.Nodes[1]);
        }

        public double? SweepValue { get; set; }

        public void Load()
        {
            var value = _i.ValueAt(_s, SweepValue);
            _mna.Rhs[_pos] -= value;
            _mna.Rhs[_neg] += value;
        }

        public void LoadAc()
        {
            var value = _i.AcValue;
            _mna.ComplexRhs[_pos] -= value;
            _mna.ComplexRhs[_neg] += value;
        }

        public void AddBreakpoints(BreakpointTable table, double after, double until) =>
            _i.Waveform?.AddBreakpoints(table, after, until, _s.Step, _s.FinalTime);

        public IEnumerable<string> ProbeNames => new[] { "i", "v" };

        public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
        {
            "i" => () => _i.ValueAt(_s, SweepValue),
            "v" => () => _s.Solution[_pos] - _s.Solution[_neg],
            _ => null,
        };
    }
}
