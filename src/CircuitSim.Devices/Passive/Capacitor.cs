using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Passive;

/// <summary>Linear capacitor C: capacitance, F; IC = initial voltage, V (used with UIC).</summary>
public sealed class Capacitor : Component
{
    public Capacitor(string name, string a, string b, double capacitance) : base(name, a, b) => Capacitance = capacitance;

    /// <summary>Capacitance, F.</summary>
    [Parameter("c", "capacitance", Description = "capacitance, F")]
    public double Capacitance { get; set; }

    /// <summary>Initial voltage across the capacitor for a UIC transient, V.</summary>
    [Parameter("ic")]
    public double? InitialCondition { get; set; }

    [Parameter("m")]
    public double Multiplier { get; set; } = 1;

    public override IEnumerable<(int, int)> CapacitivePaths => new[] { (0, 1) };

    public override Behavior CreateBehavior(BindingContext context) => new CapacitorBehavior(this, context);

    /// <summary>
    /// q = C·v integrated by the engine's method; with UIC (or a DC-mode junction init) the first charge comes from
    /// IC, or from the .ic node voltages when IC is not given (SPICE's CAPgetic). Loading and the truncation error are
    /// done for all capacitors at once by their <see cref="CapacitorBatch"/>.
    /// </summary>
    private sealed class CapacitorBehavior : Behavior, IFrequencyBehavior, IInitialConditionBehavior, IProbeSource
    {
        // what the batch does not hold (a 100 000-capacitor ladder keeps one of these per capacitor)
        private readonly Capacitor _component;
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _a, _b;
        private readonly double _c;
        private int _q;
        private CapacitorBatch _batch = null!;
        private int _slot;

        public CapacitorBehavior(Capacitor c, BindingContext context) : base(c.Name)
        {
            _component = c;
            _s = context.State;
            _mna = context.Mna;
            _a = context.Node(c.Nodes[0]);
            _b = context.Node(c.Nodes[1]);
            _c = c.Capacitance * c.Multiplier;
        }

        public override void Setup(BindingContext context)
        {
            _q = context.AllocateStates(2);
            _batch = context.GetShared("capacitors", () => new CapacitorBatch(context, context.Circuit.Components.Count(k => k is Capacitor)));
            _slot = _batch.Add(_a, _b, _q, _c, _component.InitialCondition ?? 0, new ConductanceStamp(_mna, _a, _b));
        }

        public void SetInitialConditions(ReadOnlySpan<double> solution)
        {
            if (!_component.InitialCondition.HasValue) _batch.SetInitial(_slot, solution[_a] - solution[_b]);
        }

        public void LoadAc() => _batch.LoadAc(_slot, _mna.ComplexValues, new Complex(0, _s.Omega * _c));

        public IEnumerable<string> ProbeNames => new[] { "i", "q", "c" };

        public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
        {
            "i" => () => _s.IsTransient ? _s.States.State0[_q + 1] : 0,
            "q" => () => _s.States.State0[_q],
            "c" => () => _c,
            _ => null,
        };
    }
}
