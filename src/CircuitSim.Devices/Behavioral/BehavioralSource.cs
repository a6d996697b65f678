using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Expressions;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Behavioral;

/// <summary>Whether a B source sets a voltage (V=) or a current (I=).</summary>
public enum BehavioralKind { Voltage, Current }

/// <summary>
/// Behavioural source B: <c>V = expr</c> or <c>I = expr</c> over node voltages v(a), v(a,b), branch currents i(vx),
/// time and temper, with exact derivatives (compiled once, evaluated without allocation). An I= source drives its
/// current from pos through the source into neg, like an I source.
/// </summary>
public sealed class BehavioralSource : Component
{
    public BehavioralSource(string name, string pos, string neg, BehavioralKind kind, string expression)
        : this(name, pos, neg, kind, ExpressionParser.Parse(expression), expression) { }

    /// <summary>From a parsed expression (the netlist reader substitutes parameters and maps names first).</summary>
    public BehavioralSource(string name, string pos, string neg, BehavioralKind kind, Expression expression, string text) : base(name, pos, neg)
    {
        Kind = kind;
        Text = text;
        Expression = expression;
    }

    public BehavioralKind Kind { get; }
    public string Text { get; }
    public Expression Expression { get; }

    public override IEnumerable<(int, int)> VoltageDefinedPaths => Kind == BehavioralKind.Voltage ? new[] { (0, 1) } : Array.Empty<(int, int)>();

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILoadBehavior, IFrequencyBehavior, IBranchBehavior, IProbeSource, IExpressionBinder
    {
        private readonly BehavioralSource _b;
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _pos, _neg;
        private BindingContext _context = null!;
        private CompiledExpression _f = null!;
        private double[] _gradient = Array.Empty<double>();
        private double[] _smallSignal = Array.Empty<double>();
        private int[] _posHandles = Array.Empty<int>(), _negHandles = Array.Empty<int>(), _branchHandles = Array.Empty<int>();
        private BranchStamp _stamp;
        private double _value;

        public Impl(BehavioralSource b, BindingContext context) : base(b.Name)
        {
            _b = b;
            _s = context.State;
            _mna = context.Mna;
            _pos = context.Node(b.Nodes[0]);
            _neg = context.Node(b.Nodes[1]);
            Branch = b.Kind == BehavioralKind.Voltage ? context.CreateBranch(b.Name) : 0;
        }

        public int Branch { get; }

        public override void Setup(BindingContext context)
        {
            _context = context;
            try
            {
                _f = CompiledExpression.Compile(_b.Expression, this, _b.Text);
            }
            catch (ExpressionEvaluationException e)
            {
                throw new CircuitException($"{_b.Name}: {e.Message} in '{_b.Text}'", _b.Name);
            }
            var k = _f.Unknowns.Length;
            _gradient = new double[k];
            _smallSignal = new double[k];
            if (_b.Kind == BehavioralKind.Voltage)
            {
                _stamp = new BranchStamp(_mna, _pos, _neg, Branch);
                _branchHandles = _f.Unknowns.Select(u => _mna.GetHandle(Branch, u)).ToArray();
            }
            else
            {
                _posHandles = _f.Unknowns.Select(u => _mna.GetHandle(_pos, u)).ToArray();
                _negHandles = _f.Unknowns.Select(u => _mna.GetHandle(_neg, u)).ToArray();
            }
        }

        int IExpressionBinder.BindVoltage(string node, int position)
        {
            if (Circuit.IsGround(node)) return 0;
            if (!_context.Unknowns.TryGetIndex(node, out var i))
                throw new CircuitException($"{_b.Name}: v({node}) refers to a node that is not in the circuit", _b.Name);
            return i;
        }

        int IExpressionBinder.BindCurrent(string element, int position) =>
            _context.GetBehavior<IBranchBehavior>(element, _b.Name).Branch;

        public void Load()
        {
            var s = _s;
            var x = s.Solution;
            var time = s.IsDc ? 0 : s.Time;
            var f = _f.Evaluate(x, time, s.Temperature - Constants.CelsiusToKelvin, _gradient);
            _value = f;
            var unknowns = _f.Unknowns;
            var linear = f;
            for (var j = 0; j < unknowns.Length; j++) linear -= _gradient[j] * x[unknowns[j]];
            var values = _mna.Values;
            var rhs = _mna.Rhs;
            if (_b.Kind == BehavioralKind.Voltage)
            {
                _stamp.Add(values);
                for (var j = 0; j < unknowns.Length; j++) values[_branchHandles[j]] -= _gradient[j];
                rhs[Branch] += linear;
            }
            else
            {
                for (var j = 0; j < unknowns.Length; j++)
                {
                    values[_posHandles[j]] += _gradient[j];
                    values[_negHandles[j]] -= _gradient[j];
                }
                rhs[_pos] -= linear;
                rhs[_neg] += linear;
            }
            if (s.Init == InitMode.SmallSignal) Array.Copy(_gradient, _smallSignal, _gradient.Length);
        }

        public void LoadAc()
        {
            var values = _mna.ComplexValues;
            if (_b.Kind == BehavioralKind.Voltage)
            {
                _stamp.Add(values);
                for (var j = 0; j < _smallSignal.Length; j++) values[_branchHandles[j]] -= _smallSignal[j];
            }
            else
            {
                for (var j = 0; j < _smallSignal.Length; j++)
                {
                    values[_posHandles[j]] += _smallSignal[j];
                    values[_negHandles[j]] -= _smallSignal[j];
                }
            }
        }

        public IEnumerable<string> ProbeNames => new[] { "i", "v" };

        public Func<double>? GetProbe(string quantity) => quantity.ToLowerInvariant() switch
        {
            "i" => () => _b.Kind == BehavioralKind.Voltage ? _s.Solution[Branch] : _value,
            "v" => () => _s.Solution[_pos] - _s.Solution[_neg],
            _ => null,
        };
    }
}
