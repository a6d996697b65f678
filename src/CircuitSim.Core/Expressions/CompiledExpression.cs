namespace CircuitSim.Core.Expressions;

/// <summary>What a compiled expression's names mean in a circuit.</summary>
public interface IExpressionBinder
{
    /// <summary>Unknown index of a node (0 = ground).</summary>
    int BindVoltage(string node, int position);

    /// <summary>Unknown index of an element's branch current.</summary>
    int BindCurrent(string element, int position);
}

/// <summary>
/// An expression compiled to a stack program that returns its value and its exact partial derivatives with respect
/// to every circuit unknown it reads (forward-mode differentiation), for B-source Jacobians. Evaluation allocates
/// nothing: stacks are sized at compile time.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Opcode[] _ops;
    private readonly double[] _constants;
    private readonly int[] _operands;
    private readonly double[] _values;
    private readonly double[] _gradients;
    private readonly int _k;

    internal CompiledExpression(Opcode[] ops, double[] constants, int[] operands, int maxDepth, int[] unknowns, string text)
    {
        _ops = ops;
        _constants = constants;
        _operands = operands;
        Unknowns = unknowns;
        _k = unknowns.Length;
        _values = new double[Math.Max(maxDepth, 1)];
        _gradients = new double[Math.Max(maxDepth, 1) * Math.Max(_k, 1)];
        Text = text;
    }

    /// <summary>The circuit unknowns the expression reads, in input order.</summary>
    public int[] Unknowns { get; }

    /// <summary>True when the value depends on time.</summary>
    public bool DependsOnTime => Array.IndexOf(_ops, Opcode.Time) >= 0;

    public string Text { get; }

    /// <summary>Compiles <paramref name="expression"/>; names other than time/temper/pi/e must have been substituted.</summary>
    public static CompiledExpression Compile(Expression expression, IExpressionBinder binder, string? text = null) =>
        ExpressionCompiler.Compile(expression, binder, text ?? expression.ToString()!);

    /// <summary>
    /// Evaluates at the unknowns' values in <paramref name="solution"/> (indexed by unknown), writing
    /// ∂value/∂x[Unknowns[k]] into <paramref name="gradient"/>[k].
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> solution, double time, double temperature, Span<double> gradient)
    {
        var k = _k;
        var vs = _values;
        var gs = _gradients;
        var sp = 0;
        for (var pc = 0; pc < _ops.Length; pc++)
        {
            var op = _ops[pc];
            switch (op)
            {
                case Opcode.Constant:
                    vs[sp] = _constants[pc];
                    gs.AsSpan(sp * k, k).Clear();
                    sp++;
                    break;
                case Opcode.Input:
                {
                    var input = _operands[pc];
                    vs[sp] = solution[Unknowns[input]];
                    var g = gs.AsSpan(sp * k, k);
                    g.Clear();
                    g[input] = 1;
                    sp++;
                    break;
                }
                case Opcode.Time:
                case Opcode.Temperature:
                    vs[sp] = op == Opcode.Time ? time : temperature;
                    gs.AsSpan(sp * k, k).Clear();
                    sp++;
                    break;
                case Opcode.Select:
                {
                    sp -= 2;
                    var c = vs[sp - 1];
                    var chosen = c != 0 ? sp : sp + 1;
                    vs[sp - 1] = vs[chosen];
                    gs.AsSpan(chosen * k, k).CopyTo(gs.AsSpan((sp - 1) * k, k));
                    break;
                }
                case Opcode.Limit:
                {
                    sp -= 2;
                    var x = vs[sp - 1];
                    var lo = vs[sp];
                    var hi = vs[sp + 1];
                    var src = x < lo ? sp : x > hi ? sp + 1 : sp - 1;
                    vs[sp - 1] = vs[src];
                    if (src != sp - 1) gs.AsSpan(src * k, k).CopyTo(gs.AsSpan((sp - 1) * k, k));
                    break;
                }
                default:
                    if (op < Opcode.Add || (op >= Opcode.Abs && op < Opcode.Min))
                    {
                        var x = vs[sp - 1];
                        var f = ExpressionFunctions.Unary(op, x);
                        var d = ExpressionFunctions.UnaryDerivative(op, x, f);
                        vs[sp - 1] = f;
                        var g = gs.AsSpan((sp - 1) * k, k);
                        for (var j = 0; j < k; j++) g[j] *= d;
                    }
                    else
                    {
                        sp--;
                        var a = vs[sp - 1];
                        var b = vs[sp];
                        var f = ExpressionFunctions.Binary(op, a, b);
                        var (da, db) = ExpressionFunctions.BinaryDerivative(op, a, b, f);
                        vs[sp - 1] = f;
                        var ga = gs.AsSpan((sp - 1) * k, k);
                        var gb = gs.AsSpan(sp * k, k);
                        for (var j = 0; j < k; j++) ga[j] = da * ga[j] + db * gb[j];
                    }
                    break;
            }
        }
        gs.AsSpan(0, k).CopyTo(gradient);
        return vs[0];
    }

    /// <summary>Value only (no derivatives needed).</summary>
    public double Evaluate(ReadOnlySpan<double> solution, double time, double temperature)
    {
        Span<double> g = stackalloc double[Math.Max(_k, 1)];
        return Evaluate(solution, time, temperature, g[.._k]);
    }
}

/// <summary>Turns an expression tree into a <see cref="CompiledExpression"/>.</summary>
internal sealed class ExpressionCompiler : IExpressionVisitor<int>
{
    private readonly IExpressionBinder _binder;
    private readonly List<Opcode> _ops = new();
    private readonly List<double> _constants = new();
    private readonly List<int> _operands = new();
    private readonly List<int> _unknowns = new();
    private int _depth, _maxDepth;

    private ExpressionCompiler(IExpressionBinder binder) => _binder = binder;

    public static CompiledExpression Compile(Expression e, IExpressionBinder binder, string text)
    {
        var c = new ExpressionCompiler(binder);
        e.Accept(c);
        return new CompiledExpression(c._ops.ToArray(), c._constants.ToArray(), c._operands.ToArray(), c._maxDepth, c._unknowns.ToArray(), text);
    }

    public static Opcode OpcodeOf(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => Opcode.Add, BinaryOperator.Subtract => Opcode.Subtract, BinaryOperator.Multiply => Opcode.Multiply,
        BinaryOperator.Divide => Opcode.Divide, BinaryOperator.Modulo => Opcode.Modulo, BinaryOperator.Power => Opcode.Power,
        BinaryOperator.Equal => Opcode.Equal, BinaryOperator.NotEqual => Opcode.NotEqual, BinaryOperator.Less => Opcode.Less,
        BinaryOperator.LessEqual => Opcode.LessEqual, BinaryOperator.Greater => Opcode.Greater,
        BinaryOperator.GreaterEqual => Opcode.GreaterEqual, BinaryOperator.And => Opcode.And, _ => Opcode.Or,
    };

    private int Emit(Opcode op, double constant = 0, int operand = 0, int stackChange = 0)
    {
        _ops.Add(op);
        _constants.Add(constant);
        _operands.Add(operand);
        _depth += stackChange;
        _maxDepth = Math.Max(_maxDepth, _depth);
        return 0;
    }

    private int Input(int unknown)
    {
        if (unknown == 0) return Emit(Opcode.Constant, 0, 0, 1);
        var slot = _unknowns.IndexOf(unknown);
        if (slot < 0) { slot = _unknowns.Count; _unknowns.Add(unknown); }
        return Emit(Opcode.Input, 0, slot, 1);
    }

    public int Visit(NumberExpression e) => Emit(Opcode.Constant, e.Value, 0, 1);

    public int Visit(VariableExpression e) => e.Name.ToLowerInvariant() switch
    {
        "time" => Emit(Opcode.Time, 0, 0, 1),
        "temper" => Emit(Opcode.Temperature, 0, 0, 1),
        "pi" => Emit(Opcode.Constant, Math.PI, 0, 1),
        "e" => Emit(Opcode.Constant, Math.E, 0, 1),
        _ => throw new ExpressionEvaluationException($"undefined name '{e.Name}' (B-source expressions know time, temper, pi, e, v(), i() and substituted parameters)", e.Position),
    };

    public int Visit(VoltageExpression e)
    {
        Input(_binder.BindVoltage(e.Node, e.Position));
        if (e.Reference is null) return 0;
        Input(_binder.BindVoltage(e.Reference, e.Position));
        return Emit(Opcode.Subtract, 0, 0, -1);
    }

    public int Visit(CurrentExpression e) => Input(_binder.BindCurrent(e.Element, e.Position));

    public int Visit(UnaryExpression e)
    {
        e.Operand.Accept(this);
        return e.Operator switch
        {
            UnaryOperator.Negate => Emit(Opcode.Negate),
            UnaryOperator.Not => Emit(Opcode.Not),
            _ => 0,
        };
    }

    public int Visit(BinaryExpression e)
    {
        e.Left.Accept(this);
        e.Right.Accept(this);
        return Emit(OpcodeOf(e.Operator), 0, 0, -1);
    }

    public int Visit(ConditionalExpression e)
    {
        e.Condition.Accept(this);
        e.IfTrue.Accept(this);
        e.IfFalse.Accept(this);
        return Emit(Opcode.Select, 0, 0, -2);
    }

    public int Visit(CallExpression e)
    {
        if (!ExpressionFunctions.TryGet(e.Function, out var op, out var arity))
            throw new ExpressionEvaluationException($"unknown function '{e.Function}'", e.Position);
        if (e.Arguments.Count != arity)
            throw new ExpressionEvaluationException($"{e.Function}() takes {arity} argument{(arity == 1 ? "" : "s")}, got {e.Arguments.Count}", e.Position);
        foreach (var a in e.Arguments) a.Accept(this);
        return Emit(op, 0, 0, 1 - arity);
    }
}
