using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CircuitSim.Core.Expressions;

/// <summary>What a compiled expression's names mean in a circuit.</summary>
public interface IExpressionBinder
{
    /// <summary>Unknown index of a node (0 = ground).</summary>
    int BindVoltage(string node, int position);

    /// <summary>Unknown index of an element's branch current.</summary>
    int BindCurrent(string element, int position);
}

/// <summary>A call whose value depends on the argument's history: <c>ddt(x)</c> or <c>idt(x [, ic])</c>.</summary>
public enum StatefulFunction { Ddt, Idt }

/// <summary>One <c>ddt</c>/<c>idt</c> call of a compiled expression, numbered in compile order (inner calls first).</summary>
public readonly record struct StatefulCall(StatefulFunction Function, double InitialValue);

/// <summary>Gives the value of the stateful calls of an expression (a B source keeps their history in its device
/// states and integrates them with the transient's method).</summary>
public interface IStatefulCallHandler
{
    /// <summary>The value of call <paramref name="call"/> at the present argument and its derivative with respect to
    /// the argument.</summary>
    double Evaluate(int call, double argument, out double derivative);
}

/// <summary>
/// An expression compiled to a register program that returns its value and its exact partial derivatives with respect
/// to every circuit unknown it reads, for B-source Jacobians. The program is a list of instructions in evaluation
/// order, one register each, with common subexpressions shared and constant parts folded at compile time
/// (<see cref="ExpressionCompiler"/>). An expression of up to four unknowns (a behavioural memristor's sources read
/// three) carries each register's gradient forward in one 256-bit vector: one pass. A larger one runs forward once for
/// the values, keeping each instruction's local partial derivatives, then backward once for the gradient (reverse
/// mode: two passes whatever the number of unknowns). Nothing is allocated while evaluating once each mode has run
/// once; native AOT has no code generation, so the interpreter itself is what is fast.
/// </summary>
/// <remarks>
/// A <c>ddt</c>/<c>idt</c> call is a one-operand instruction whose value and local derivative come
/// from an <see cref="IStatefulCallHandler"/>; for AC the backward pass is run again with complex adjoints, the
/// calls' local derivatives replaced by jω (ddt) and 1/(jω) (idt).
/// </remarks>
public sealed class CompiledExpression
{
    private readonly Instruction[] _code;
    private readonly double[] _values;
    // reverse mode's local derivatives and adjoints, and those kept for AC: made on first use (a memristor crossbar's
    // sources run forward mode only, and a transient needs no small-signal copies)
    private double[]? _da, _db, _adjoint;
    private readonly int _k;
    private readonly PiecewiseLinearTable[] _tables;
    private readonly StatefulCall[] _calls;
    private readonly IStatefulCallHandler? _handler;
    // the local derivatives of the evaluation at the operating point, and the complex adjoints of an AC point
    private double[]? _smallSignalDa, _smallSignalDb;
    private System.Numerics.Complex[]? _complexAdjoint;
    // forward mode (up to four unknowns): each register's gradient in one 256-bit vector, lane j = ∂/∂ unknown j
    private readonly Vector256<double>[]? _gradients;
    private static readonly Vector256<double>[] Unit =
        [Vector256.Create(1.0, 0, 0, 0), Vector256.Create(0.0, 1, 0, 0), Vector256.Create(0.0, 0, 1, 0), Vector256.Create(0.0, 0, 0, 1)];

    internal CompiledExpression(Instruction[] code, int[] unknowns, string text, PiecewiseLinearTable[] tables, StatefulCall[] calls,
        IStatefulCallHandler? handler)
    {
        _code = code;
        Unknowns = unknowns;
        _k = unknowns.Length;
        var n = Math.Max(code.Length, 1);
        _values = new double[n];
        if (_k <= ForwardModeUnknowns && Vector256.IsHardwareAccelerated) _gradients = new Vector256<double>[n];
        _tables = tables;
        _calls = calls;
        _handler = handler;
        Text = text;
        foreach (var i in code)
            if (i.Op is Opcode.Time or Opcode.Ddt or Opcode.Idt) DependsOnTime = true;
    }

    /// <summary>The <c>ddt</c>/<c>idt</c> calls, in compile order (inner calls first).</summary>
    public IReadOnlyList<StatefulCall> StatefulCalls => _calls;

    /// <summary>The circuit unknowns the expression reads, in input order.</summary>
    public int[] Unknowns { get; }

    /// <summary>True when the value depends on time.</summary>
    public bool DependsOnTime { get; }

    public string Text { get; }

    /// <summary>The program (for <see cref="ExpressionBatch"/>).</summary>
    internal Instruction[] Code => _code;

    /// <summary>Whether <see cref="Evaluate(ReadOnlySpan{double}, double, double, Span{double})"/> carries the gradient
    /// forward (few enough unknowns, and 256-bit vectors in hardware).</summary>
    internal bool IsForwardMode => _gradients is not null;

    /// <summary>Instructions after sharing and folding (for tests of the compiler).</summary>
    internal int InstructionCount => _code.Length;

    /// <summary>Compiles <paramref name="expression"/>; names other than time/temper/pi/e must have been substituted.
    /// An expression with <c>ddt</c>/<c>idt</c> needs a binder that is also an <see cref="IStatefulCallHandler"/>.</summary>
    public static CompiledExpression Compile(Expression expression, IExpressionBinder binder, string? text = null) =>
        ExpressionCompiler.Compile(expression, binder, text ?? expression.ToString()!);

    /// <summary>The most unknowns an expression may read for its gradient to be carried forward in one 256-bit vector
    /// per register (every B source of a two-terminal memristor model reads three).</summary>
    internal const int ForwardModeUnknowns = 4;

    /// <summary>
    /// Evaluates at the unknowns' values in <paramref name="solution"/> (indexed by unknown), writing
    /// ∂value/∂x[Unknowns[k]] into <paramref name="gradient"/>[k]. An expression of up to
    /// <see cref="ForwardModeUnknowns"/> unknowns carries its gradient forward (one pass, no stored local derivatives:
    /// about half the work of the two passes of reverse mode); a larger one runs reverse mode.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> solution, double time, double temperature, Span<double> gradient) =>
        _gradients is null
            ? EvaluateReverse(solution, time, temperature, gradient)
            : EvaluateForward(solution, time, temperature, gradient);

    /// <summary><see cref="Evaluate(ReadOnlySpan{double}, double, double, Span{double})"/> at the operating point of a
    /// small-signal analysis: also keeps the local derivatives for <see cref="SmallSignalGradient"/>.</summary>
    public double EvaluateSmallSignalPoint(ReadOnlySpan<double> solution, double time, double temperature, Span<double> gradient)
    {
        var f = EvaluateReverse(solution, time, temperature, gradient);
        _smallSignalDa ??= new double[_values.Length];
        _smallSignalDb ??= new double[_values.Length];
        Array.Copy(_da!, _smallSignalDa, _code.Length);
        Array.Copy(_db!, _smallSignalDb, _code.Length);
        return f;
    }

    /// <summary>Reverse mode: the forward pass keeps each instruction's local derivatives, one backward pass gathers
    /// the gradient (any number of unknowns).</summary>
    internal double EvaluateReverse(ReadOnlySpan<double> solution, double time, double temperature, Span<double> gradient)
    {
        var result = Forward(solution, time, temperature, derivatives: true);
        var code = _code;
        var adj = _adjoint ??= new double[_values.Length];
        var da = _da!;
        var db = _db!;
        gradient[.._k].Clear();
        Array.Clear(adj, 0, code.Length);
        adj[code.Length - 1] = 1;
        for (var r = code.Length - 1; r >= 0; r--)
        {
            var a = adj[r];
            if (a == 0) continue; // also keeps 0·∞ out of unrelated entries
            ref readonly var i = ref code[r];
            switch (i.Kind)
            {
                case Shape.Input: gradient[i.A] += a; break;
                case Shape.InputDifference: gradient[i.A] += a; gradient[i.B] -= a; break;
                case Shape.Unary: adj[i.A] += a * da[r]; break;
                case Shape.Binary:
                    adj[i.A] += a * da[r];
                    adj[i.B] += a * db[r];
                    break;
                case Shape.Choice: adj[(int)da[r]] += a; break; // da holds the register it copied
            }
        }
        return result;
    }

    /// <summary>The small-signal gradient at angular frequency <paramref name="omega"/> from the evaluation kept by
    /// <see cref="EvaluateSmallSignalPoint"/>: ddt acts as jω and idt as 1/(jω) (0 at ω = 0, where it is a constant).</summary>
    public void SmallSignalGradient(double omega, Span<System.Numerics.Complex> gradient)
    {
        var code = _code;
        var adj = _complexAdjoint ??= new System.Numerics.Complex[_values.Length];
        var da = _smallSignalDa ??= new double[_values.Length];
        var db = _smallSignalDb ??= new double[_values.Length];
        gradient[.._k].Clear();
        Array.Clear(adj, 0, code.Length);
        adj[code.Length - 1] = 1;
        var ddt = new System.Numerics.Complex(0, omega);
        var idt = omega == 0 ? System.Numerics.Complex.Zero : new System.Numerics.Complex(0, -1 / omega);
        for (var r = code.Length - 1; r >= 0; r--)
        {
            var a = adj[r];
            if (a == System.Numerics.Complex.Zero) continue;
            ref readonly var i = ref code[r];
            switch (i.Kind)
            {
                case Shape.Input: gradient[i.A] += a; break;
                case Shape.InputDifference: gradient[i.A] += a; gradient[i.B] -= a; break;
                case Shape.Unary:
                    adj[i.A] += a * (i.Op == Opcode.Ddt ? ddt : i.Op == Opcode.Idt ? idt : da[r]);
                    break;
                case Shape.Binary:
                    adj[i.A] += a * da[r];
                    adj[i.B] += a * db[r];
                    break;
                case Shape.Choice: adj[(int)da[r]] += a; break;
            }
        }
    }

    /// <summary>
    /// Forward mode: every register carries its value and its gradient (lane j: ∂/∂ unknown j). The values are those of
    /// reverse mode bit for bit; a gradient lane may differ in its last bits (the chain rule's products are summed in
    /// another order). A lane the operand does not depend on stays exactly 0, whatever the local derivative (0·∞ would
    /// be NaN), as reverse mode skips zero adjoints.
    /// </summary>
    internal double EvaluateForward(ReadOnlySpan<double> solution, double time, double temperature, Span<double> gradient)
    {
        var code = _code;
        var v = _values;
        var g = _gradients!;
        var unknowns = Unknowns;
        var zero = Vector256<double>.Zero;
        for (var r = 0; r < code.Length; r++)
        {
            ref readonly var i = ref code[r];
            switch (i.Op)
            {
                case Opcode.Constant: v[r] = i.Constant; g[r] = zero; break;
                case Opcode.Input: v[r] = solution[unknowns[i.A]]; g[r] = Unit[i.A]; break;
                case Opcode.InputDifference:
                    v[r] = solution[unknowns[i.A]] - solution[unknowns[i.B]];
                    g[r] = Unit[i.A] - Unit[i.B];
                    break;
                case Opcode.Time: v[r] = time; g[r] = zero; break;
                case Opcode.Temperature: v[r] = temperature; g[r] = zero; break;
                case Opcode.Add: v[r] = v[i.A] + v[i.B]; g[r] = g[i.A] + g[i.B]; break;
                case Opcode.Subtract: v[r] = v[i.A] - v[i.B]; g[r] = g[i.A] - g[i.B]; break;
                case Opcode.Multiply:
                {
                    var x = v[i.A];
                    var y = v[i.B];
                    v[r] = x * y;
                    g[r] = Scaled(g[i.A], y) + Scaled(g[i.B], x);
                    break;
                }
                case Opcode.Divide:
                {
                    var y = v[i.B];
                    var f = v[i.A] / y;
                    v[r] = f;
                    g[r] = Scaled(g[i.A], 1 / y) + Scaled(g[i.B], -f / y);
                    break;
                }
                case Opcode.Negate: v[r] = -v[i.A]; g[r] = -g[i.A]; break;
                case Opcode.Affine: v[r] = i.Constant + i.Slope * v[i.A]; g[r] = Scaled(g[i.A], i.Slope); break;
                case Opcode.Square:
                {
                    var x = v[i.A];
                    v[r] = x * x;
                    g[r] = Scaled(g[i.A], 2 * x);
                    break;
                }
                case Opcode.Step:
                {
                    var x = v[i.A];
                    v[r] = x > 0 ? 1 : x < 0 ? 0 : 0.5;
                    g[r] = zero;
                    break;
                }
                case Opcode.Exp:
                {
                    var f = Math.Exp(v[i.A]);
                    v[r] = f;
                    g[r] = Scaled(g[i.A], f);
                    break;
                }
                case Opcode.Select:
                {
                    var chosen = v[i.A] != 0 ? i.B : i.C;
                    v[r] = v[chosen];
                    g[r] = g[chosen];
                    break;
                }
                case Opcode.Limit:
                {
                    var x = v[i.A];
                    var chosen = x < v[i.B] ? i.B : x > v[i.C] ? i.C : i.A;
                    v[r] = v[chosen];
                    g[r] = g[chosen];
                    break;
                }
                case Opcode.Table:
                {
                    v[r] = _tables[i.C].Evaluate(v[i.A], out var d);
                    g[r] = Scaled(g[i.A], d);
                    break;
                }
                case Opcode.Ddt:
                case Opcode.Idt:
                {
                    v[r] = _handler!.Evaluate(i.C, v[i.A], out var d);
                    g[r] = Scaled(g[i.A], d);
                    break;
                }
                default:
                    if (i.Kind == Shape.Unary)
                    {
                        var x = v[i.A];
                        var f = ExpressionFunctions.Unary(i.Op, x);
                        v[r] = f;
                        g[r] = Scaled(g[i.A], ExpressionFunctions.UnaryDerivative(i.Op, x, f));
                    }
                    else
                    {
                        var x = v[i.A];
                        var y = v[i.B];
                        var f = ExpressionFunctions.Binary(i.Op, x, y);
                        v[r] = f;
                        var (da, db) = ExpressionFunctions.BinaryDerivative(i.Op, x, y, f);
                        g[r] = Scaled(g[i.A], da) + Scaled(g[i.B], db);
                    }
                    break;
            }
        }
        var last = code.Length - 1;
        var result = g[last];
        for (var j = 0; j < _k; j++) gradient[j] = result.GetElement(j);
        return v[last];
    }

    /// <summary>A gradient times a local derivative, its zero lanes kept exactly 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Scaled(Vector256<double> gradient, double derivative) =>
        Vector256.ConditionalSelect(Vector256.Equals(gradient, Vector256<double>.Zero), Vector256<double>.Zero, gradient * derivative);

    /// <summary>Value only (no derivatives needed).</summary>
    public double Evaluate(ReadOnlySpan<double> solution, double time, double temperature) =>
        Forward(solution, time, temperature, derivatives: false);

    /// <summary>The forward pass: every register's value and, when asked, its local partial derivatives.</summary>
    private double Forward(ReadOnlySpan<double> solution, double time, double temperature, bool derivatives)
    {
        var code = _code;
        var v = _values;
        var da = _da ??= new double[v.Length];
        var db = _db ??= new double[v.Length];
        var unknowns = Unknowns;
        for (var r = 0; r < code.Length; r++)
        {
            ref readonly var i = ref code[r];
            switch (i.Op)
            {
                case Opcode.Constant: v[r] = i.Constant; break;
                case Opcode.Input: v[r] = solution[unknowns[i.A]]; break;
                case Opcode.InputDifference: v[r] = solution[unknowns[i.A]] - solution[unknowns[i.B]]; break;
                case Opcode.Time: v[r] = time; break;
                case Opcode.Temperature: v[r] = temperature; break;
                case Opcode.Add: v[r] = v[i.A] + v[i.B]; da[r] = 1; db[r] = 1; break;
                case Opcode.Subtract: v[r] = v[i.A] - v[i.B]; da[r] = 1; db[r] = -1; break;
                case Opcode.Multiply:
                {
                    var x = v[i.A];
                    var y = v[i.B];
                    v[r] = x * y;
                    da[r] = y;
                    db[r] = x;
                    break;
                }
                case Opcode.Divide:
                {
                    var y = v[i.B];
                    var f = v[i.A] / y;
                    v[r] = f;
                    da[r] = 1 / y;
                    db[r] = -f / y;
                    break;
                }
                case Opcode.Negate: v[r] = -v[i.A]; da[r] = -1; break;
                case Opcode.Affine: v[r] = i.Constant + i.Slope * v[i.A]; da[r] = i.Slope; break;
                case Opcode.Square:
                {
                    var x = v[i.A];
                    v[r] = x * x;
                    da[r] = 2 * x;
                    break;
                }
                case Opcode.Step:
                {
                    var x = v[i.A];
                    v[r] = x > 0 ? 1 : x < 0 ? 0 : 0.5;
                    da[r] = 0;
                    break;
                }
                case Opcode.Exp:
                {
                    var f = Math.Exp(v[i.A]);
                    v[r] = f;
                    da[r] = f;
                    break;
                }
                case Opcode.Select:
                {
                    var chosen = v[i.A] != 0 ? i.B : i.C;
                    v[r] = v[chosen];
                    da[r] = chosen;
                    break;
                }
                case Opcode.Limit:
                {
                    var x = v[i.A];
                    var chosen = x < v[i.B] ? i.B : x > v[i.C] ? i.C : i.A;
                    v[r] = v[chosen];
                    da[r] = chosen;
                    break;
                }
                case Opcode.Table: v[r] = _tables[i.C].Evaluate(v[i.A], out da[r]); break;
                case Opcode.Ddt:
                case Opcode.Idt: v[r] = _handler!.Evaluate(i.C, v[i.A], out da[r]); break;
                default:
                    if (i.Kind == Shape.Unary)
                    {
                        var x = v[i.A];
                        var f = ExpressionFunctions.Unary(i.Op, x);
                        v[r] = f;
                        if (derivatives) da[r] = ExpressionFunctions.UnaryDerivative(i.Op, x, f);
                    }
                    else
                    {
                        var x = v[i.A];
                        var y = v[i.B];
                        var f = ExpressionFunctions.Binary(i.Op, x, y);
                        v[r] = f;
                        if (derivatives) (da[r], db[r]) = ExpressionFunctions.BinaryDerivative(i.Op, x, y, f);
                    }
                    break;
            }
        }
        return v[code.Length - 1];
    }
}

/// <summary>How an instruction reads its operands (what the backward pass does with its local derivatives).</summary>
internal enum Shape : byte
{
    /// <summary>No operands that depend on the unknowns (constants, time, temperature).</summary>
    Leaf,
    /// <summary>Reads unknown slot A.</summary>
    Input,
    /// <summary>Reads unknown slot A minus unknown slot B (v(a,b)).</summary>
    InputDifference,
    /// <summary>One register operand A, local derivative da.</summary>
    Unary,
    /// <summary>Two register operands A and B, local derivatives da and db.</summary>
    Binary,
    /// <summary>Copies one of its operands (select, limit): which one is kept in da.</summary>
    Choice,
}

/// <summary>One register instruction: operation, operand registers (or unknown slots for inputs), constant, and the
/// slope of an affine instruction (a + b·x: <see cref="Constant"/> a, <see cref="Slope"/> b).</summary>
internal readonly record struct Instruction(Opcode Op, Shape Kind, int A, int B, int C, double Constant, double Slope = 0);
