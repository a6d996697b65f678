using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Controlled;

/// <summary>Voltage-controlled voltage source E: v(pos, neg) = gain · v(cpos, cneg).</summary>
public sealed class VoltageControlledVoltageSource : Component
{
    public VoltageControlledVoltageSource(string name, string pos, string neg, string controlPos, string controlNeg, double gain)
        : base(name, pos, neg, controlPos, controlNeg) => Gain = gain;

    [Parameter("gain")]
    public double Gain { get; set; }

    public override IEnumerable<(int, int)> VoltageDefinedPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILinearLoadBehavior, IFrequencyBehavior, IBranchBehavior
    {
        private readonly VoltageControlledVoltageSource _e;
        private readonly MnaSystem _mna;
        private readonly int[] _n;
        private BranchStamp _stamp;
        private int _brCp, _brCn;

        public Impl(VoltageControlledVoltageSource e, BindingContext context) : base(e.Name)
        {
            _e = e;
            _mna = context.Mna;
            _n = context.Nodes(e);
            Branch = context.CreateBranch(e.Name);
        }

        public int Branch { get; }

        public override void Setup(BindingContext context)
        {
            _stamp = new BranchStamp(_mna, _n[0], _n[1], Branch);
            _brCp = _mna.GetHandle(Branch, _n[2]);
            _brCn = _mna.GetHandle(Branch, _n[3]);
        }

        public void Load()
        {
            var v = _mna.Values;
            _stamp.Add(v);
            v[_brCp] -= _e.Gain;
            v[_brCn] += _e.Gain;
        }

        public void LoadAc()
        {
            var v = _mna.ComplexValues;
            _stamp.Add(v);
            v[_brCp] -= _e.Gain;
            v[_brCn] += _e.Gain;
        }
    }
}

/// <summary>Voltage-controlled current source G: a current gm · v(cpos, cneg) flows from pos through the source into neg.</summary>
public sealed class VoltageControlledCurrentSource : Component
{
    public VoltageControlledCurrentSource(string name, string pos, string neg, string controlPos, string controlNeg, double transconductance)
        : base(name, pos, neg, controlPos, controlNeg) => Transconductance = transconductance;

    /// <summary>Transconductance, S.</summary>
    [Parameter("gain", "gm")]
    public double Transconductance { get; set; }

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILinearLoadBehavior, IFrequencyBehavior
    {
        private readonly VoltageControlledCurrentSource _g;
        private readonly MnaSystem _mna;
        private readonly int[] _n;
        private int _pcp, _pcn, _ncp, _ncn;

        public Impl(VoltageControlledCurrentSource g, BindingContext context) : base(g.Name)
        {
            _g = g;
            _mna = context.Mna;
            _n = context.Nodes(g);
        }

        public override void Setup(BindingContext context)
        {
            _pcp = _mna.GetHandle(_n[0], _n[2]);
            _pcn = _mna.GetHandle(_n[0], _n[3]);
            _ncp = _mna.GetHandle(_n[1], _n[2]);
            _ncn = _mna.GetHandle(_n[1], _n[3]);
        }

        public void Load()
        {
            var v = _mna.Values;
            var g = _g.Transconductance;
            v[_pcp] += g; v[_pcn] -= g; v[_ncp] -= g; v[_ncn] += g;
        }

        public void LoadAc()
        {
            var v = _mna.ComplexValues;
            var g = _g.Transconductance;
            v[_pcp] += g; v[_pcn] -= g; v[_ncp] -= g; v[_ncn] += g;
        }
    }
}

/// <summary>Current-controlled current source F: a current gain · i(control) flows from pos through the source into neg;
/// the control is a voltage source (or another element with a branch current).</summary>
public sealed class CurrentControlledCurrentSource : Component
{
    public CurrentControlledCurrentSource(string name, string pos, string neg, string control, double gain)
        : base(name, pos, neg)
    {
        Control = control;
        Gain = gain;
    }

    public string Control { get; }

    [Parameter("gain")]
    public double Gain { get; set; }

    public override IEnumerable<string> References => new[] { Control };

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILinearLoadBehavior, IFrequencyBehavior
    {
        private readonly CurrentControlledCurrentSource _f;
        private readonly MnaSystem _mna;
        private readonly int _pos, _neg;
        private int _pBr, _nBr;

        public Impl(CurrentControlledCurrentSource f, BindingContext context) : base(f.Name)
        {
            _f = f;
            _mna = context.Mna;
            _pos = context.Node(f.Nodes[0]);
            _neg = context.Node(f.Nodes[1]);
        }

        public override void Setup(BindingContext context)
        {
            var control = context.GetBehavior<IBranchBehavior>(_f.Control, _f.Name).Branch;
            _pBr = _mna.GetHandle(_pos, control);
            _nBr = _mna.GetHandle(_neg, control);
        }

        public void Load()
        {
            _mna.Values[_pBr] += _f.Gain;
            _mna.Values[_nBr] -= _f.Gain;
        }

        public void LoadAc()
        {
            _mna.ComplexValues[_pBr] += _f.Gain;
            _mna.ComplexValues[_nBr] -= _f.Gain;
        }
    }
}

/// <summary>Current-controlled voltage source H: v(pos, neg) = transresistance · i(control).</summary>
public sealed class CurrentControlledVoltageSource : Component
{
    public CurrentControlledVoltageSource(string name, string pos, string neg, string control, double transresistance)
        : base(name, pos, neg)
    {
        Control = control;
        Transresistance = transresistance;
    }

    public string Control { get; }

    /// <summary>Transresistance, Ω.</summary>
    [Parameter("gain")]
    public double Transresistance { get; set; }

    public override IEnumerable<string> References => new[] { Control };

    public override IEnumerable<(int, int)> VoltageDefinedPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILinearLoadBehavior, IFrequencyBehavior, IBranchBehavior
    {
        private readonly CurrentControlledVoltageSource _h;
        private readonly MnaSystem _mna;
        private readonly int _pos, _neg;
        private BranchStamp _stamp;
        private int _brControl;

        public Impl(CurrentControlledVoltageSource h, BindingContext context) : base(h.Name)
        {
            _h = h;
            _mna = context.Mna;
            _pos = context.Node(h.Nodes[0]);
            _neg = context.Node(h.Nodes[1]);
            Branch = context.CreateBranch(h.Name);
        }

        public int Branch { get; }

        public override void Setup(BindingContext context)
        {
            _stamp = new BranchStamp(_mna, _pos, _neg, Branch);
            _brControl = _mna.GetHandle(Branch, context.GetBehavior<IBranchBehavior>(_h.Control, _h.Name).Branch);
        }

        public void Load()
        {
            _stamp.Add(_mna.Values);
            _mna.Values[_brControl] -= _h.Transresistance;
        }

        public void LoadAc()
        {
            _stamp.Add(_mna.ComplexValues);
            _mna.ComplexValues[_brControl] -= _h.Transresistance;
        }
    }
}
