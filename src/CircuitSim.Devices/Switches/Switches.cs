using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Switches;

/// <summary>Voltage-controlled switch model (.model name SW (VT VH RON ROFF)).</summary>
public sealed class VoltageSwitchModel : Model
{
    public VoltageSwitchModel(string name) : base(name) { }

    /// <summary>Threshold and hysteresis half-width, V.</summary>
    [Parameter("vt")] public double Threshold { get; set; }
    [Parameter("vh")] public double Hysteresis { get; set; }
    /// <summary>On and off resistances, Ω.</summary>
    [Parameter("ron")] public double OnResistance { get; set; } = 1;
    [Parameter("roff")] public double? OffResistance { get; set; }
}

/// <summary>Current-controlled switch model (.model name CSW (IT IH RON ROFF)).</summary>
public sealed class CurrentSwitchModel : Model
{
    public CurrentSwitchModel(string name) : base(name) { }

    /// <summary>Threshold and hysteresis half-width, A.</summary>
    [Parameter("it")] public double Threshold { get; set; }
    [Parameter("ih")] public double Hysteresis { get; set; }
    [Parameter("ron")] public double OnResistance { get; set; } = 1;
    [Parameter("roff")] public double? OffResistance { get; set; }
}

/// <summary>Voltage-controlled switch S (n+ n− nc+ nc− model): RON above VT+VH, ROFF below VT−VH, unchanged in between.</summary>
public sealed class VoltageSwitch : Component
{
    public VoltageSwitch(string name, string pos, string neg, string controlPos, string controlNeg, string model)
        : base(name, pos, neg, controlPos, controlNeg) => ModelName = model;

    public string ModelName { get; }

    /// <summary>Initial state inside the hysteresis band (default off).</summary>
    [Parameter("on")] public bool InitiallyOn { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        var m = context.GetModel<VoltageSwitchModel>(ModelName, Name);
        var n = context.Nodes(this);
        return new SwitchBehavior(Name, context, n[0], n[1], m.Threshold, m.Hysteresis, m.OnResistance,
            m.OffResistance ?? 1 / context.Options.Gmin, InitiallyOn, x => x[n[2]] - x[n[3]], null);
    }
}

/// <summary>Current-controlled switch W (n+ n− vcontrol model): controlled by the current through a voltage source.</summary>
public sealed class CurrentSwitch : Component
{
    public CurrentSwitch(string name, string pos, string neg, string control, string model) : base(name, pos, neg)
    {
        Control = control;
        ModelName = model;
    }

    public string Control { get; }
    public string ModelName { get; }

    [Parameter("on")] public bool InitiallyOn { get; set; }

    public override IEnumerable<string> References => new[] { Control };

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        var m = context.GetModel<CurrentSwitchModel>(ModelName, Name);
        var n = context.Nodes(this);
        var branch = 0;
        return new SwitchBehavior(Name, context, n[0], n[1], m.Threshold, m.Hysteresis, m.OnResistance,
            m.OffResistance ?? 1 / context.Options.Gmin, InitiallyOn, x => x[branch],
            ctx => branch = ctx.GetBehavior<IBranchBehavior>(Control, Name).Branch);
    }
}

/// <summary>
/// A resistor that is RON or ROFF by a control quantity with hysteresis. A change of state during Newton iterations
/// counts as non-convergence, so the iteration settles on a consistent state.
/// </summary>
internal sealed class SwitchBehavior : Behavior, ILoadBehavior, IFrequencyBehavior, IProbeSource
{
    private readonly SimulationState _s;
    private readonly MnaSystem _mna;
    private readonly int _pos, _neg;
    private readonly double _threshold, _hysteresis, _gOn, _gOff;
    private readonly bool _initiallyOn;
    private readonly Func<double[], double> _control;
    private readonly Action<BindingContext>? _bind;
    private ConductanceStamp _stamp;
    private int _state;

    public SwitchBehavior(string name, BindingContext context, int pos, int neg, double threshold, double hysteresis,
        double ron, double roff, bool initiallyOn, Func<double[], double> control, Action<BindingContext>? bind) : base(name)
    {
        _s = context.State;
        _mna = context.Mna;
        _pos = pos;
        _neg = neg;
        _threshold = threshold;
        _hysteresis = Math.Abs(hysteresis);
        _gOn = 1 / ron;
        _gOff = 1 / roff;
        _initiallyOn = initiallyOn;
        _control = control;
        _bind = bind;
    }

    public override void Setup(BindingContext context)
    {
        _bind?.Invoke(context);
        _state = context.AllocateStates(1);
        _stamp = new ConductanceStamp(_mna, _pos, _neg);
    }

    private bool Decide(double control, bool previous) =>
        control > _threshold + _hysteresis || (!(control < _threshold - _hysteresis) && previous);

    public void Load()
    {
        var s = _s;
        var s0 = s.States.State0;
        var control = _control(s.Solution);
        bool on;
        switch (s.Init)
        {
            case InitMode.Junction:
            case InitMode.Fix:
                on = Decide(control, _initiallyOn);
                break;
            case InitMode.SmallSignal:
                on = s0[_state] != 0;
                break;
            default:
                var previous = s.IsTransient ? s.States.State1[_state] != 0 : s0[_state] != 0;
                on = Decide(control, previous);
                if (s.Init == InitMode.Float && on != (s0[_state] != 0)) s.NonConvergenceCount++;
                break;
        }
        s0[_state] = on ? 1 : 0;
        _stamp.Add(_mna.Values, on ? _gOn : _gOff);
    }

    public void LoadAc() => _stamp.Add(_mna.ComplexValues, _s.States.State0[_state] != 0 ? _gOn : _gOff);

    public IEnumerable<string> ProbeNames => new[] { "state", "i" };

    public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "state" => () => _s.States.State0[_state],
        "i" => () => (_s.Solution[_pos] - _s.Solution[_neg]) * (_s.States.State0[_state] != 0 ? _gOn : _gOff),
        _ => null,
    };
}
