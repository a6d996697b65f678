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
    /// IC, or from the .ic node voltages when IC is not given (SPICE's CAPgetic).
    /// </summary>
    private sealed class CapacitorBehavior : Behavior, ILoadBehavior, IFrequencyBehavior, ITruncateBehavior, IInitialConditionBehavior, IProbeSource
    {
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _a, _b;
        private readonly double _c;
        private double _initial;
        private int _q;
        private ConductanceStamp _stamp;

        public CapacitorBehavior(Capacitor c, BindingContext context) : base(c.Name)
        {
            _s = context.State;
            _mna = context.Mna;
            _a = context.Node(c.Nodes[0]);
            _b = context.Node(c.Nodes[1]);
            _c = c.Capacitance * c.Multiplier;
            _initial = c.InitialCondition ?? 0;
            _hasInitial = c.InitialCondition.HasValue;
        }

        private readonly bool _hasInitial;

        public override void Setup(BindingContext context)
        {
            _q = context.AllocateStates(2);
            _stamp = new ConductanceStamp(_mna, _a, _b);
        }

        public void SetInitialConditions(ReadOnlySpan<double> solution)
        {
            if (!_hasInitial) _initial = solution[_a] - solution[_b];
        }

        public void Load()
        {
            var s = _s;
            if (!(s.IsTransient || s.IsTranOp)) return; // open at DC
            var useIc = (s.IsDc && s.Init == InitMode.Junction) || (s.UseInitialConditions && s.Init == InitMode.Transient);
            var v = useIc ? _initial : s.Solution[_a] - s.Solution[_b];
            var s0 = s.States.State0;
            if (!s.IsTransient)
            {
                s0[_q] = _c * v;
                return;
            }
            if (s.Init == InitMode.Predict) s0[_q] = s.States.State1[_q];
            else
            {
                s0[_q] = _c * v;
                if (s.Init == InitMode.Transient) s.States.State1[_q] = s0[_q];
            }
            s.Integrate(_q, _c, out var geq, out var ceq);
            if (s.Init == InitMode.Transient) s.States.State1[_q + 1] = s0[_q + 1];
            _stamp.Add(_mna.Values, geq);
            _mna.Rhs[_a] -= ceq;
            _mna.Rhs[_b] += ceq;
        }

        public void LoadAc() => _stamp.Add(_mna.ComplexValues, new Complex(0, _s.Omega * _c));

        public double Truncate() => _s.TruncationStep(_q);

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
