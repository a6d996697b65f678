using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Memristors;

/// <summary>
/// Reference memristor YMEMRISTOR (n+, n−, model): i = v/R(x), R = R_on·x + R_off·(1 − x). For the HP kind the
/// state grows with current flowing from n+ to n− (ẋ = μ_v·R_on/D²·i·f); for VTEAM a voltage above v_off drives it
/// towards OFF and below v_on towards ON. The state is integrated by an adaptive Runge–Kutta method inside each
/// circuit step, with the terminal voltage linear across the step.
/// </summary>
public sealed class Memristor : Component
{
    public Memristor(string name, string pos, string neg, string model) : base(name, pos, neg) => ModelName = model;

    public string ModelName { get; }

    /// <summary>Initial state x(0).</summary>
    [Parameter("x0")] public double? InitialState { get; set; }
    /// <summary>Initial resistance, Ω.</summary>
    [Parameter("rinit")] public double? InitialResistance { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        var model = context.GetModel<MemristorModel>(ModelName, Name);
        if (!(model.Roff > model.Ron && model.Ron > 0))
            throw new CircuitException($"{Name}: model '{model.Name}' needs 0 < ron < roff", Name);
        double x0;
        if (InitialState.HasValue) x0 = InitialState.Value;
        else if (InitialResistance.HasValue) x0 = (model.Roff - InitialResistance.Value) / (model.Roff - model.Ron);
        else if (model.InitialState.HasValue) x0 = model.InitialState.Value;
        else if (model.InitialResistance.HasValue) x0 = (model.Roff - model.InitialResistance.Value) / (model.Roff - model.Ron);
        else x0 = 0.5;
        if (!(x0 >= 0 && x0 <= 1)) throw new CircuitException($"{Name}: initial state x0 = {x0:G4} is outside [0, 1]", Name);
        return new MemristorBehavior(Name, context.Nodes(this), model, x0);
    }
}

internal sealed class MemristorState : IDeviceState<MemristorState>
{
    public readonly double[] X = new double[1];
    public AdaptiveStepState Step;

    public void CopyFrom(MemristorState other)
    {
        X[0] = other.X[0];
        Step = other.Step;
    }
}

internal sealed class MemristorBehavior : StatefulDeviceBehavior<MemristorState>
{
    private readonly MemristorModel _m;
    private readonly DriftEquation _equation;
    private readonly DormandPrince54 _integrator;

    public MemristorBehavior(string name, int[] nodes, MemristorModel model, double x0)
        : base(name, nodes, new MemristorState(), new MemristorState())
    {
        _m = model;
        Committed.X[0] = x0;
        _equation = new DriftEquation(model);
        _integrator = new DormandPrince54(1, new DormandPrinceOptions { RelativeTolerance = model.RelativeTolerance, AbsoluteTolerance = 1e-12 },
            new UnitInterval());
    }

    private double Resistance(double x) => _m.Ron * x + _m.Roff * (1 - x);

    protected override void Advance(MemristorState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        _equation.Drive(t0, t1, v0[0] - v0[1], v1[0] - v1[1]);
        var r = _integrator.Advance(_equation, t0, t1, state.X, ref state.Step);
        if (r.Status != IntegrationStatus.Completed)
            throw new SimulationException($"{Name}: the memristor state integration failed at t = {r.TimeReached:G6} s ({r.Status})");
    }

    protected override void Evaluate(MemristorState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
    {
        var g = 1 / Resistance(state.X[0]);
        StampTwoTerminal(currents, jacobian, g * (v[0] - v[1]), g);
    }

    protected override double ProposeStepAfter(MemristorState committed, MemristorState trial, double step)
    {
        return StepForChange(step, Math.Abs(trial.X[0] - committed.X[0]), _m.MaxStateChange);
    }

    public override IEnumerable<string> ProbeNames => new[] { "x", "w", "r", "g", "i" };

    public override Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
    {
        "x" => () => Present.X[0],
        // VTEAM: x = 1 is ON (R = R_on), which is w = w_on
        "w" => () => _m.Kind == MemristorKind.Hp ? Present.X[0] * _m.Thickness : _m.WOff - Present.X[0] * (_m.WOff - _m.WOn),
        "r" => () => Resistance(Present.X[0]),
        "g" => () => 1 / Resistance(Present.X[0]),
        "i" => () => (TerminalVoltage(0) - TerminalVoltage(1)) / Resistance(Present.X[0]),
        _ => null,
    };

    /// <summary>ẋ of the chosen kind and window, with the terminal voltage linear in time across the step.</summary>
    private sealed class DriftEquation : IOdeSystem
    {
        private readonly MemristorModel _m;
        private double _t0, _v0, _slope;

        public DriftEquation(MemristorModel m) => _m = m;

        public int Dimension => 1;

        public void Drive(double t0, double t1, double v0, double v1)
        {
            _t0 = t0;
            _v0 = v0;
            _slope = t1 > t0 ? (v1 - v0) / (t1 - t0) : 0;
        }

        public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            var m = _m;
            var x = Math.Clamp(y[0], 0, 1);
            var v = _v0 + _slope * (t - _t0);
            double rate;
            if (m.Kind == MemristorKind.Hp)
            {
                var i = v / (m.Ron * x + m.Roff * (1 - x));
                rate = m.Mobility * m.Ron / (m.Thickness * m.Thickness) * i;
            }
            else
            {
                var span = m.WOff - m.WOn;
                // VTEAM drives w up (towards OFF) above v_off; in x = fraction ON that is a decrease
                rate = v > m.VOff ? -m.KOff * Math.Pow(v / m.VOff - 1, m.AlphaOff) / span
                    : v < m.VOn ? -m.KOn * Math.Pow(v / m.VOn - 1, m.AlphaOn) / span
                    : 0;
            }
            dydt[0] = rate * Window(x, rate);
        }

        private double Window(double x, double rate)
        {
            var p2 = 2 * _m.WindowExponent;
            return _m.Window switch
            {
                MemristorWindow.Joglekar => 1 - Math.Pow(Math.Abs(2 * x - 1), p2),
                // stp(−i): 1 when the state is being driven down (towards OFF), so the window is 1 − (x − 1)^{2p}
                MemristorWindow.Biolek => 1 - Math.Pow(Math.Abs(x - (rate < 0 ? 1 : 0)), p2),
                _ => x <= 0 && rate < 0 || x >= 1 && rate > 0 ? 0 : 1,
            };
        }
    }

    /// <summary>Keeps x in [0, 1] after every internal step.</summary>
    private sealed class UnitInterval : IStateProjection
    {
        public void Project(Span<double> y) => y[0] = Math.Clamp(y[0], 0, 1);
    }
}
