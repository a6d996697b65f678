namespace CircuitSim.Core.Expressions;

/// <summary>An expression that parses but cannot be evaluated (undefined name, wrong argument count...).</summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message, int position) : base(message) => Position = position;
    public int Position { get; }
}

/// <summary>
/// Evaluates an expression to a number by walking the tree: for parameter expressions (<c>.param</c>, <c>{…}</c>),
/// where names are parameters and user functions (<c>.func</c>) are supplied by the caller. v() and i() are errors.
/// </summary>
public sealed class ExpressionEvaluator : IExpressionVisitor<double>
{
    private readonly Func<string, double?> _variables;
    private readonly Func<string, IReadOnlyList<double>, double?>? _functions;
    private readonly ExpressionDialect _dialect;

    /// <param name="variables">Value of a name, or null when undefined.</param>
    /// <param name="functions">Value of a user function applied to arguments, or null when there is no such function.</param>
    /// <param name="dialect">Whose meaning of pow and pwr applies (parameters', unless checking a B source's value).</param>
    public ExpressionEvaluator(Func<string, double?> variables, Func<string, IReadOnlyList<double>, double?>? functions = null,
        ExpressionDialect dialect = ExpressionDialect.Parameter)
    {
        _variables = variables;
        _functions = functions;
        _dialect = dialect;
    }

    public double Evaluate(Expression e) => e.Accept(this);

    public double Visit(NumberExpression e) => e.Value;

    public double Visit(VariableExpression e)
    {
        var v = _variables(e.Name);
        if (v.HasValue) return v.Value;
        return e.Name.ToLowerInvariant() switch
        {
            "pi" => Math.PI,
            "e" => Math.E,
            "true" => 1,
            "false" => 0,
            _ => throw new ExpressionEvaluationException($"undefined parameter '{e.Name}'", e.Position),
        };
    }

    public double Visit(VoltageExpression e) =>
        throw new ExpressionEvaluationException($"{e} cannot be used in a parameter expression (only in B sources)", e.Position);

    public double Visit(CurrentExpression e) =>
        throw new ExpressionEvaluationException($"{e} cannot be used in a parameter expression (only in B sources)", e.Position);

    public double Visit(UnaryExpression e)
    {
        var x = e.Operand.Accept(this);
        return e.Operator switch { UnaryOperator.Negate => -x, UnaryOperator.Not => x == 0 ? 1 : 0, _ => x };
    }

    public double Visit(BinaryExpression e) =>
        ExpressionFunctions.Binary(ExpressionCompiler.OpcodeOf(e.Operator), e.Left.Accept(this), e.Right.Accept(this));

    public double Visit(ConditionalExpression e) =>
        e.Condition.Accept(this) != 0 ? e.IfTrue.Accept(this) : e.IfFalse.Accept(this);

    public double Visit(CallExpression e)
    {
        var args = e.Arguments.Select(a => a.Accept(this)).ToArray();
        if (_functions?.Invoke(e.Function, args) is { } user) return user;
        if (!ExpressionFunctions.TryGet(e.Function, _dialect, out var op, out var arity))
            throw new ExpressionEvaluationException($"unknown function '{e.Function}'", e.Position);
        if (args.Length != arity)
            throw new ExpressionEvaluationException($"{e.Function}() takes {arity} argument{(arity == 1 ? "" : "s")}, got {args.Length}", e.Position);
        return arity switch
        {
            1 => ExpressionFunctions.Unary(op, args[0]),
            2 => ExpressionFunctions.Binary(op, args[0], args[1]),
            _ => op == Opcode.Select ? (args[0] != 0 ? args[1] : args[2]) : Math.Min(Math.Max(args[0], args[1]), args[2]),
        };
    }
}
