namespace CircuitSim.Core.Expressions;

/// <summary>
/// Turns an expression tree into a <see cref="CompiledExpression"/>: one register per distinct subexpression
/// (a repeated <c>v(p,m)</c> or <c>u(-v(p,m))</c> is computed once), constant subexpressions folded, and the
/// frequent shapes fused into single instructions (v(a,b), c·x, c + x, x·x). Registers no result depends on are dropped.
/// </summary>
internal sealed class ExpressionCompiler : IExpressionVisitor<int>
{
    // one compiler per thread, its collections kept between compiles: a netlist's hundreds of B sources otherwise
    // grow (and drop) a dictionary and two lists each
    [ThreadStatic] private static ExpressionCompiler? _spare;
    private IExpressionBinder _binder;
    private readonly List<Instruction> _code = new();
    // keyed by the constants' bits: 0.0 and −0.0 are different constants
    private readonly Dictionary<(Opcode, Shape, int, int, int, long, long), int> _registers = new();
    private readonly List<int> _unknowns = new();
    private readonly List<PiecewiseLinearTable> _tables = new();
    private readonly List<StatefulCall> _calls = new();

    private ExpressionCompiler(IExpressionBinder binder) => _binder = binder;

    public static CompiledExpression Compile(Expression e, IExpressionBinder binder, string text)
    {
        // taken, not shared: a binder that compiles another expression while binding gets a compiler of its own
        var c = _spare ?? new ExpressionCompiler(binder);
        _spare = null;
        c._binder = binder;
        try
        {
            var result = e.Accept(c);
            return new CompiledExpression(c.Live(result), c._unknowns.ToArray(), text, c._tables.ToArray(), c._calls.ToArray(),
                binder as IStatefulCallHandler);
        }
        finally
        {
            c._code.Clear();
            c._registers.Clear();
            c._unknowns.Clear();
            c._tables.Clear();
            c._calls.Clear();
            c._binder = null!;
            _spare = c;
        }
    }

    public static Opcode OpcodeOf(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => Opcode.Add, BinaryOperator.Subtract => Opcode.Subtract, BinaryOperator.Multiply => Opcode.Multiply,
        BinaryOperator.Divide => Opcode.Divide, BinaryOperator.Modulo => Opcode.Modulo, BinaryOperator.Power => Opcode.Power,
        BinaryOperator.Equal => Opcode.Equal, BinaryOperator.NotEqual => Opcode.NotEqual, BinaryOperator.Less => Opcode.Less,
        BinaryOperator.LessEqual => Opcode.LessEqual, BinaryOperator.Greater => Opcode.Greater,
        BinaryOperator.GreaterEqual => Opcode.GreaterEqual, BinaryOperator.And => Opcode.And, _ => Opcode.Or,
    };

    /// <summary>The register of an instruction, shared with an identical one emitted before.</summary>
    private int Emit(Instruction i)
    {
        var key = (i.Op, i.Kind, i.A, i.B, i.C, BitConverter.DoubleToInt64Bits(i.Constant), BitConverter.DoubleToInt64Bits(i.Slope));
        if (_registers.TryGetValue(key, out var r)) return r;
        r = _code.Count;
        _code.Add(i);
        _registers[key] = r;
        return r;
    }

    private int Constant(double value) => Emit(new Instruction(Opcode.Constant, Shape.Leaf, 0, 0, 0, value));

    private bool IsConstant(int r, out double value)
    {
        var i = _code[r];
        value = i.Constant;
        return i.Op == Opcode.Constant;
    }

    private int Input(int unknown)
    {
        if (unknown == 0) return Constant(0);
        var slot = _unknowns.IndexOf(unknown);
        if (slot < 0) { slot = _unknowns.Count; _unknowns.Add(unknown); }
        return Emit(new Instruction(Opcode.Input, Shape.Input, slot, 0, 0, 0));
    }

    private int Unary(Opcode op, int a)
    {
        if (IsConstant(a, out var x)) return Constant(ExpressionFunctions.Unary(op, x));
        return Emit(new Instruction(op, Shape.Unary, a, 0, 0, 0));
    }

    private int Binary(Opcode op, int a, int b)
    {
        var ca = IsConstant(a, out var x);
        var cb = IsConstant(b, out var y);
        if (ca && cb) return Constant(ExpressionFunctions.Binary(op, x, y));
        switch (op)
        {
            case Opcode.Subtract when _code[a].Op == Opcode.Input && _code[b].Op == Opcode.Input:
                return Emit(new Instruction(Opcode.InputDifference, Shape.InputDifference, _code[a].A, _code[b].A, 0, 0));
            case Opcode.Multiply when ca: return Affine(0, x, b);
            case Opcode.Multiply when cb: return Affine(0, y, a);
            case Opcode.Multiply when a == b: return Emit(new Instruction(Opcode.Square, Shape.Unary, a, 0, 0, 0));
            case Opcode.Add when ca: return Affine(x, 1, b);
            case Opcode.Add when cb: return Affine(y, 1, a);
            case Opcode.Subtract when cb: return Affine(-y, 1, a);
            case Opcode.Subtract when ca: return Affine(x, -1, b);
        }
        return Emit(new Instruction(op, Shape.Binary, a, b, 0, 0));
    }

    /// <summary>
    /// a + b·x, each rewriting exact in floating point: c·x is 0 + c·x, x ± c and c − x are ±c + (±1)·x, and an offset
    /// or sign change of a pure scaling (0 + s·y) folds into one instruction, since ±(s·y) = (±s)·y.
    /// </summary>
    private int Affine(double a, double b, int x)
    {
        var inner = _code[x];
        if (inner.Op == Opcode.Affine && inner.Constant == 0 && (b == 1 || b == -1))
            return Emit(new Instruction(Opcode.Affine, Shape.Unary, inner.A, 0, 0, a, b * inner.Slope));
        return Emit(new Instruction(Opcode.Affine, Shape.Unary, x, 0, 0, a, b));
    }

    /// <summary>The instructions <paramref name="result"/> depends on, renumbered, the result last.</summary>
    private Instruction[] Live(int result)
    {
        var live = new bool[_code.Count];
        live[result] = true;
        for (var r = result; r >= 0; r--)
        {
            if (!live[r]) continue;
            var i = _code[r];
            switch (i.Kind)
            {
                case Shape.Unary: live[i.A] = true; break;
                case Shape.Binary: live[i.A] = live[i.B] = true; break;
                case Shape.Choice: live[i.A] = live[i.B] = live[i.C] = true; break;
            }
        }
        var map = new int[_code.Count];
        var count = 0;
        for (var r = 0; r <= result; r++)
            if (live[r]) count++;
        var code = new Instruction[count];
        var n = 0;
        for (var r = 0; r <= result; r++)
        {
            if (!live[r]) continue;
            var i = _code[r];
            map[r] = n;
            code[n++] = (i.Kind switch
            {
                Shape.Unary => i with { A = map[i.A] },
                Shape.Binary => i with { A = map[i.A], B = map[i.B] },
                Shape.Choice => i with { A = map[i.A], B = map[i.B], C = map[i.C] },
                _ => i,
            });
        }
        return code;
    }

    public int Visit(NumberExpression e) => Constant(e.Value);

    public int Visit(VariableExpression e) => e.Name.ToLowerInvariant() switch
    {
        "time" => Emit(new Instruction(Opcode.Time, Shape.Leaf, 0, 0, 0, 0)),
        "temper" => Emit(new Instruction(Opcode.Temperature, Shape.Leaf, 0, 0, 0, 0)),
        "pi" => Constant(Math.PI),
        "e" => Constant(Math.E),
        _ => throw new ExpressionEvaluationException($"undefined name '{e.Name}' (B-source expressions know time, temper, pi, e, v(), i() and substituted parameters)", e.Position),
    };

    public int Visit(VoltageExpression e)
    {
        var a = Input(_binder.BindVoltage(e.Node, e.Position));
        if (e.Reference is null) return a;
        return Binary(Opcode.Subtract, a, Input(_binder.BindVoltage(e.Reference, e.Position)));
    }

    public int Visit(CurrentExpression e) => Input(_binder.BindCurrent(e.Element, e.Position));

    public int Visit(UnaryExpression e)
    {
        var a = e.Operand.Accept(this);
        return e.Operator switch
        {
            UnaryOperator.Negate => Unary(Opcode.Negate, a),
            UnaryOperator.Not => Unary(Opcode.Not, a),
            _ => a,
        };
    }

    public int Visit(BinaryExpression e) => Binary(OpcodeOf(e.Operator), e.Left.Accept(this), e.Right.Accept(this));

    public int Visit(ConditionalExpression e) =>
        Select(e.Condition.Accept(this), e.IfTrue.Accept(this), e.IfFalse.Accept(this));

    private int Select(int c, int a, int b)
    {
        if (IsConstant(c, out var x)) return x != 0 ? a : b;
        return Emit(new Instruction(Opcode.Select, Shape.Choice, c, a, b, 0));
    }

    public int Visit(CallExpression e)
    {
        switch (e.Function.ToLowerInvariant())
        {
            case "ddt": return Stateful(e, StatefulFunction.Ddt);
            case "idt" or "sdt": return Stateful(e, StatefulFunction.Idt);
            case "pwl": return Table(e, PiecewiseLinearKind.Linear);
            case "table": return Table(e, PiecewiseLinearKind.Smoothed);
        }
        if (!ExpressionFunctions.TryGet(e.Function, ExpressionDialect.BehavioralSource, out var op, out var arity))
            throw new ExpressionEvaluationException($"unknown function '{e.Function}'", e.Position);
        if (e.Arguments.Count != arity)
            throw new ExpressionEvaluationException($"{e.Function}() takes {arity} argument{(arity == 1 ? "" : "s")}, got {e.Arguments.Count}", e.Position);
        var args = new int[arity];
        for (var k = 0; k < arity; k++) args[k] = e.Arguments[k].Accept(this);
        return arity switch
        {
            1 => Unary(op, args[0]),
            2 => Binary(op, args[0], args[1]),
            _ when op == Opcode.Select => Select(args[0], args[1], args[2]),
            _ => Limit(args[0], args[1], args[2]),
        };
    }

    private int Limit(int x, int lo, int hi)
    {
        if (IsConstant(x, out var vx) && IsConstant(lo, out var vlo) && IsConstant(hi, out var vhi))
            return Constant(vx < vlo ? vlo : vx > vhi ? vhi : vx);
        return Emit(new Instruction(Opcode.Limit, Shape.Choice, x, lo, hi, 0));
    }

    /// <summary><c>ddt(x)</c> or <c>idt(x [, ic])</c>: the argument, then the call, numbered after the calls inside it
    /// (never shared or folded: each call keeps its own history).</summary>
    private int Stateful(CallExpression e, StatefulFunction function)
    {
        if (_binder is not IStatefulCallHandler)
            throw new ExpressionEvaluationException($"{e.Function}() is supported in B sources only", e.Position);
        var max = function == StatefulFunction.Ddt ? 1 : 2;
        if (e.Arguments.Count < 1 || e.Arguments.Count > max)
            throw new ExpressionEvaluationException(
                function == StatefulFunction.Ddt ? $"ddt() takes 1 argument, got {e.Arguments.Count}" : $"{e.Function}() takes 1 or 2 arguments (x [, ic]), got {e.Arguments.Count}",
                e.Position);
        var initial = e.Arguments.Count == 2 ? ConstantOf(e.Arguments[1], $"the initial value of {e.Function}()") : 0;
        var argument = e.Arguments[0].Accept(this);
        _calls.Add(new StatefulCall(function, initial));
        return Emit(new Instruction(function == StatefulFunction.Ddt ? Opcode.Ddt : Opcode.Idt, Shape.Unary, argument, 0, _calls.Count - 1, 0));
    }

    /// <summary><c>pwl(x, x1, y1, x2, y2, …)</c> or <c>table(…)</c>: constant points, a lookup of x.</summary>
    private int Table(CallExpression e, PiecewiseLinearKind kind)
    {
        var args = e.Arguments;
        if (args.Count < 5 || args.Count % 2 == 0)
            throw new ExpressionEvaluationException($"{e.Function}() takes x and at least two x, y pairs, got {args.Count} arguments", e.Position);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 1; i < args.Count; i += 2)
        {
            xs.Add(ConstantOf(args[i], $"a point of {e.Function}()"));
            ys.Add(ConstantOf(args[i + 1], $"a point of {e.Function}()"));
        }
        PiecewiseLinearTable table;
        try
        {
            table = new PiecewiseLinearTable(xs, ys, kind);
        }
        catch (ArgumentException ex)
        {
            throw new ExpressionEvaluationException($"{e.Function}(): {ex.Message}", e.Position);
        }
        var x = args[0].Accept(this);
        if (IsConstant(x, out var value)) return Constant(table.Evaluate(value, out _));
        _tables.Add(table);
        return Emit(new Instruction(Opcode.Table, Shape.Unary, x, 0, _tables.Count - 1, 0));
    }

    /// <summary>The value of an argument that must not depend on the circuit or on time.</summary>
    private static double ConstantOf(Expression e, string what)
    {
        try
        {
            return new ExpressionEvaluator(name => name.ToLowerInvariant() is "time" or "temper" ? throw new ExpressionEvaluationException("", 0) : null).Evaluate(e);
        }
        catch (ExpressionEvaluationException)
        {
            throw new ExpressionEvaluationException($"{what} must be a constant, got '{e}'", e.Position);
        }
    }
}
