using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Cli.Tests.ToyFamily;

/// <summary>
/// A device family that lives only in this test project, added through its registrar alone: the relaxor, whose
/// state x relaxes towards gain·V with time constant τ (dx/dt = (gain·V − x)/τ) and which conducts
/// I = G0·(1 + x)·V. <c>.model name RELAX (g0=… gain=… tau=…)</c>, <c>YRELAX name a b model [x0=…]</c>; as a crossbar
/// cell x0 ∈ [0, 1] sets G ∈ [G0, 2·G0]. The same ODE as the engine's worked example (docs/design.md §6).
/// </summary>
internal sealed class RelaxorFamily : ICrossbarCellFamily
{
    public string Name => "YRELAX";

    public void Register(DeviceRegistry registry) => registry
        .RegisterModel("relax", n => new RelaxorModel(n))
        .RegisterDevice(new YDeviceRegistration("relax", 2, 2, (name, nodes, model) => new Relaxor(name, nodes[0], nodes[1], model)));

    public IEnumerable<CellDeviceType> CrossbarCells(DeviceRegistry devices) => new[]
    {
        new CellDeviceType("yrelax", new[] { "relax" },
            card => new RelaxorCell(card ?? ModelCard.Inline("toy", ".model toy RELAX (g0=100u gain=0.5 tau=1u)", devices))),
    };
}

internal sealed class RelaxorModel(string name) : Model(name)
{
    /// <summary>Conductance at x = 0, S.</summary>
    [Parameter("g0")] public double G0 { get; set; } = 1e-3;
    /// <summary>The state x approaches gain·V, 1/V.</summary>
    [Parameter("gain")] public double Gain { get; set; } = 0.5;
    /// <summary>Relaxation time, s.</summary>
    [Parameter("tau")] public double Tau { get; set; } = 1e-6;
}

internal sealed class Relaxor(string name, string a, string b, string model) : Component(name, a, b)
{
    public string ModelName { get; } = model;

    /// <summary>The state at t = 0.</summary>
    [Parameter("x0")] public double InitialState { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) =>
        new RelaxorBehavior(Name, context.Nodes(this), context.GetModel<RelaxorModel>(ModelName, Name), InitialState);
}

internal sealed class RelaxorState : IDeviceState<RelaxorState>
{
    public double X;

    public void CopyFrom(RelaxorState other) => X = other.X;
}

internal sealed class RelaxorBehavior(string name, int[] nodes, RelaxorModel model, double x0)
    : StatefulDeviceBehavior<RelaxorState>(name, nodes, new RelaxorState { X = x0 }, new RelaxorState())
{
    /// <summary>Exact for a drive linear in time: x = a(V0 + s·u) − a·s·τ + (x0 − a·V0 + a·s·τ)·e^(−u/τ).</summary>
    protected override void Advance(RelaxorState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        double h = t1 - t0, a = model.Gain, tau = model.Tau;
        double start = v0[0] - v0[1], slope = (v1[0] - v1[1] - start) / h;
        state.X = a * (start + slope * h) - a * slope * tau + (state.X - a * start + a * slope * tau) * Math.Exp(-h / tau);
    }

    protected override void Evaluate(RelaxorState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
    {
        double g = model.G0 * (1 + state.X);
        StampTwoTerminal(currents, jacobian, g * (v[0] - v[1]), g);
    }

    public override IEnumerable<string> ProbeNames => new[] { "x", "g" };

    public override Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "x" => () => Present.X,
        "g" => () => model.G0 * (1 + Present.X),
        _ => null,
    };
}

/// <summary>The relaxor at a cross-point: G = G0·(1 + x0), so a conductance g is x0 = g/G0 − 1, x0 ∈ [0, 1].</summary>
internal sealed class RelaxorCell : CellDevice
{
    private readonly RelaxorModel _model;

    public RelaxorCell(ModelCard card)
    {
        Card = card;
        _model = card.Model as RelaxorModel ?? throw new CrossbarInputException($"model '{card.Name}' is not a RELAX model");
    }

    public override string TypeName => "YRELAX";
    public override string NamePrefix => "x";
    public override ModelCard Card { get; }
    public override (double Min, double Max) DefaultRange => (_model.G0, 2 * _model.G0);

    public override double Realize(double g) => Math.Clamp(g, DefaultRange.Min, DefaultRange.Max);

    public override string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed) =>
        $"YRELAX {name} {plus} {minus} {Card.Name} x0={SpiceText.Num(g / _model.G0 - 1, 15)}";

    public override string Describe() => $"YRELAX '{Card.Name}' (G0 {SpiceText.Num(_model.G0, 4)} S)";
}
