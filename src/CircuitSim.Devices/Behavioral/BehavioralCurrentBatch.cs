using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Expressions;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Behavioral;

/// <summary>
/// The I= B sources of a circuit that run one program (the same subcircuit's source in every instance: a crossbar's 256
/// memristors are 512 sources of two programs), loaded together where the first of them would have loaded: one
/// <see cref="ExpressionBatch"/> evaluates them all, then each stamps its Jacobian entries and right-hand side in
/// member order, with the same arithmetic as a source loading alone. A small-signal operating point is loaded source by
/// source (each keeps its local derivatives for AC). Its members keep no state (no ddt or idt), so there is no
/// truncation error to check.
/// </summary>
internal sealed class BehavioralCurrentBatch : Behavior, ILoadBehavior
{
    private readonly SimulationState _state;
    private readonly MnaSystem _mna;
    private readonly ExpressionBatch _expressions;
    private readonly List<ILoadBehavior> _members = new();
    private readonly List<(int Pos, int Neg, int[] PosHandles, int[] NegHandles)> _pending = new();
    // per member: its terminals; per lane j and member i: the matrix handles of its rows at [j·count + i]
    private int[] _pos = [], _neg = [], _posHandles = [], _negHandles = [];

    public BehavioralCurrentBatch(BindingContext context, CompiledExpression template) : base("b source batch")
    {
        _state = context.State;
        _mna = context.Mna;
        _expressions = new ExpressionBatch(template);
    }

    /// <summary>Adds a source (setup only): <paramref name="source"/> loads it alone (small-signal points), the others
    /// are its program, terminals and the handles of its two rows for each unknown. Returns its index.</summary>
    public int Add(ILoadBehavior source, CompiledExpression expression, int pos, int neg, int[] posHandles, int[] negHandles)
    {
        _members.Add(source);
        _pending.Add((pos, neg, posHandles, negHandles));
        return _expressions.Add(expression);
    }

    /// <summary>Member <paramref name="member"/>'s current at the last load, A.</summary>
    public double ValueOf(int member) => _expressions.Values[member];

    public void Load()
    {
        var s = _state;
        var x = s.Solution;
        var time = s.IsDc ? 0 : s.Time;
        var celsius = s.Temperature - Constants.CelsiusToKelvin;
        if (s.Init == InitMode.SmallSignal)
        {
            foreach (var m in _members) m.Load();
            _expressions.Evaluate(x, time, celsius); // the values the probes read (forward and reverse mode agree)
            return;
        }
        if (_pos.Length != _members.Count) Build(); // the first load after setup
        _expressions.Evaluate(x, time, celsius);
        var linear = _expressions.Linear;
        var gradients = _expressions.Gradients;
        var stride = _expressions.Stride;
        var n = _members.Count;
        var k = _expressions.Lanes;
        var values = _mna.Values;
        var rhs = _mna.Rhs;
        var posHandles = _posHandles;
        var negHandles = _negHandles;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var g = gradients[j * stride + i];
                values[posHandles[j * n + i]] += g;
                values[negHandles[j * n + i]] -= g;
            }
            rhs[_pos[i]] -= linear[i];
            rhs[_neg[i]] += linear[i];
        }
    }

    private void Build()
    {
        var n = _members.Count;
        var k = _expressions.Lanes;
        _pos = new int[n];
        _neg = new int[n];
        _posHandles = new int[k * n];
        _negHandles = new int[k * n];
        for (var i = 0; i < n; i++)
        {
            var (pos, neg, posHandles, negHandles) = _pending[i];
            _pos[i] = pos;
            _neg[i] = neg;
            for (var j = 0; j < k; j++)
            {
                _posHandles[j * n + i] = posHandles[j];
                _negHandles[j * n + i] = negHandles[j];
            }
        }
    }
}
