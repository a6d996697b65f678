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
/// current from pos through the source into neg, like an I source. <c>ddt(x)</c> and <c>idt(x [, ic])</c> keep x
/// (or its integral) in device states like a capacitor's charge: the transient's method integrates them and their
/// truncation error limits the step; at an operating point ddt is 0 and idt its initial value; in AC they act as jω
/// and 1/(jω).
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

    /// <summary>An I= source whose current reads the voltages of both its terminals (v(p,m), or v(p) with m grounded)
    /// outside ddt()/idt() is a conductance between them, like a resistor: a behavioural memristor I = v(p,m)/R(x)
    /// conducts at DC, a capacitor written I = C·ddt(v(p,m)) does not.</summary>
    public override IEnumerable<(int, int)> DcPaths => Kind == BehavioralKind.Current && ReadsOwnVoltage() ? new[] { (0, 1) } : Array.Empty<(int, int)>();

    private bool ReadsOwnVoltage()
    {
        static string Key(string? node) => node is null || Circuit.IsGround(node) ? "0" : node;
        var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in Voltages(Expression))
        {
            read.Add(Key(v.Node));
            read.Add(Key(v.Reference));
        }
        return read.Contains(Key(Nodes[0])) && read.Contains(Key(Nodes[1]));
    }

    private static IEnumerable<VoltageExpression> Voltages(Expression e) => e switch
    {
        VoltageExpression v => new[] { v },
        UnaryExpression u => Voltages(u.Operand),
        BinaryExpression b => Voltages(b.Left).Concat(Voltages(b.Right)),
        // ddt() is 0 and idt() its initial value at DC: a voltage read only through them does not conduct there
        CallExpression c when c.Function.ToLowerInvariant() is "ddt" or "idt" or "sdt" => Array.Empty<VoltageExpression>(),
        CallExpression c => c.Arguments.SelectMany(Voltages),
        ConditionalExpression c => Voltages(c.Condition).Concat(Voltages(c.IfTrue)).Concat(Voltages(c.IfFalse)),
        _ => Array.Empty<VoltageExpression>(),
    };

    public override Behavior CreateBehavior(BindingContext context) => new Impl(this, context);

    private sealed class Impl : Behavior, ILoadBehavior, IFrequencyBehavior, IBranchBehavior, IProbeSource, IExpressionBinder,
        IStatefulCallHandler, ITruncateBehavior
    {
        private readonly BehavioralSource _b;
        private readonly SimulationState _s;
        private readonly MnaSystem _mna;
        private readonly int _pos, _neg;
        // the component's kind, kept here: the load reads nothing of the component (the crossbar's 512 components lie
        // scattered over the heap, and reading one per load was a cache miss)
        private readonly bool _isVoltage;
        private BindingContext _context = null!;
        private CompiledExpression _f = null!;
        private double[] _gradient = Array.Empty<double>();
        private Complex[] _smallSignal = Array.Empty<Complex>();
        // two state slots per ddt/idt call: the "charge" (x for ddt, the integral for idt) and its derivative
        private int _states;
        private int[] _posHandles = Array.Empty<int>(), _negHandles = Array.Empty<int>(), _branchHandles = Array.Empty<int>();
        private BranchStamp _stamp;
        private double _value;
        // the batch that loads this source with the others running its program (I= sources only), and its index there
        private BehavioralCurrentBatch? _batch;
        private int _member;

        public Impl(BehavioralSource b, BindingContext context) : base(b.Name)
        {
            _b = b;
            _s = context.State;
            _mna = context.Mna;
            _pos = context.Node(b.Nodes[0]);
            _neg = context.Node(b.Nodes[1]);
            _isVoltage = b.Kind == BehavioralKind.Voltage;
            Branch = _isVoltage ? context.CreateBranch(b.Name) : 0;
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
            _smallSignal = new Complex[k];
            if (_f.StatefulCalls.Count > 0) _states = context.AllocateStates(2 * _f.StatefulCalls.Count);
            if (_b.Kind == BehavioralKind.Voltage)
            {
                _stamp = new BranchStamp(_mna, _pos, _neg, Branch);
                _branchHandles = _f.Unknowns.Select(u => _mna.GetHandle(Branch, u)).ToArray();
            }
            else
            {
                _posHandles = _f.Unknowns.Select(u => _mna.GetHandle(_pos, u)).ToArray();
                _negHandles = _f.Unknowns.Select(u => _mna.GetHandle(_neg, u)).ToArray();
                if (ExpressionBatch.Supports(_f))
                {
                    _batch = context.GetShared(("b current", ExpressionBatch.KeyOf(_f)), () => new BehavioralCurrentBatch(context, _f));
                    _member = _batch.Add(this, _f, _pos, _neg, _posHandles, _negHandles);
                    LoadedByGroup = true;
                }
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
            var celsius = s.Temperature - Constants.CelsiusToKelvin;
            // the small-signal analysis reads the local derivatives of its operating point's evaluation
            var f = s.Init == InitMode.SmallSignal
                ? _f.EvaluateSmallSignalPoint(x, time, celsius, _gradient)
                : _f.Evaluate(x, time, celsius, _gradient);
            _value = f;
            var unknowns = _f.Unknowns;
            var linear = f;
            for (var j = 0; j < unknowns.Length; j++) linear -= _gradient[j] * x[unknowns[j]];
            var values = _mna.Values;
            var rhs = _mna.Rhs;
            if (_isVoltage)
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
        }

        double IStatefulCallHandler.Evaluate(int call, double argument, out double derivative)
        {
            var s = _s;
            var q = _states + 2 * call;
            var s0 = s.States.State0;
            var ddt = _f.StatefulCalls[call].Function == StatefulFunction.Ddt;
            if (!s.IsTransient)
            {
                // operating point: no time passes; keep the history the first step integrates from
                derivative = 0;
                s0[q] = ddt ? argument : _f.StatefulCalls[call].InitialValue;
                s0[q + 1] = ddt ? 0 : argument;
                return ddt ? 0 : s0[q];
            }
            if (s.Init == InitMode.Transient)
            {
                s.States.State1[q] = ddt ? argument : _f.StatefulCalls[call].InitialValue;
                s.States.State1[q + 1] = ddt ? 0 : argument;
            }
            if (ddt)
            {
                s0[q] = argument;
                s.Integrate(q, 1, out derivative, out _);
                return s0[q + 1];
            }
            // idt: the integral whose derivative, by the same formula, is the argument
            s0[q] = (argument - History(q)) / s.Ag[0];
            s0[q + 1] = argument;
            derivative = 1 / s.Ag[0];
            return s0[q];
        }

        /// <summary>The part of the integration formula's derivative that does not depend on the present value of
        /// slot <paramref name="q"/>: dq/dt = Ag[0]·q0 + history.</summary>
        private double History(int q)
        {
            var s = _s;
            var s1 = s.States.State1;
            if (s.Method == IntegrationMethodKind.Trapezoidal)
                return s.Order == 1 ? s.Ag[1] * s1[q] : -s.Ag[1] * s1[q + 1] - s.Ag[0] * s1[q];
            var history = 0.0;
            for (var i = 1; i <= s.Order; i++) history += s.Ag[i] * s.States[i][q];
            return history;
        }

        public double Truncate()
        {
            var limit = double.PositiveInfinity;
            for (var c = 0; c < _f.StatefulCalls.Count; c++) limit = Math.Min(limit, _s.TruncationStep(_states + 2 * c));
            return limit;
        }

        public void LoadAc()
        {
            var values = _mna.ComplexValues;
            _f.SmallSignalGradient(_s.Omega, _smallSignal);
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
            "i" => () => _b.Kind == BehavioralKind.Voltage ? _s.Solution[Branch] : _batch?.ValueOf(_member) ?? _value,
            "v" => () => _s.Solution[_pos] - _s.Solution[_neg],
            _ => null,
        };
    }
}
