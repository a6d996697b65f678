using CircuitSim.Core.Expressions;

namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// Prepares a B-source expression for one instance: parameters become numbers, user functions are inlined, and
/// node and element names inside v() and i() are mapped to their flattened names (<c>x1.mid</c>).
/// </summary>
internal sealed class ExpressionRewriter : IExpressionVisitor<Expression>
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "time", "temper", "pi", "e" };
    private readonly Func<string, double?> _parameter;
    private readonly Func<string, UserFunction?> _function;
    private readonly Func<string, string> _node;
    private readonly Func<string, string> _element;
    private readonly Dictionary<string, Expression> _arguments;
    private readonly int _depth;
    private readonly SourceLocation _at;
    private readonly string _text;

    /// <param name="at">Where <paramref name="text"/>, the expression's source, starts (for errors).</param>
    public ExpressionRewriter(Func<string, double?> parameter, Func<string, UserFunction?> function,
        Func<string, string> node, Func<string, string> element, SourceLocation at, string text)
        : this(parameter, function, node, element, new Dictionary<string, Expression>(StringComparer.OrdinalIgnoreCase), 0, at, text) { }

    private ExpressionRewriter(Func<string, double?> parameter, Func<string, UserFunction?> function,
        Func<string, string> node, Func<string, string> element, Dictionary<string, Expression> arguments, int depth,
        SourceLocation at, string text)
    {
        _at = at;
        _text = text;
        _parameter = parameter;
        _function = function;
        _node = node;
        _element = element;
        _arguments = arguments;
        _depth = depth;
    }

    public Expression Rewrite(Expression e) => e.Accept(this);

    public Expression Visit(NumberExpression e) => e;

    public Expression Visit(VariableExpression e)
    {
        if (_arguments.TryGetValue(e.Name, out var arg)) return arg;
        if (Reserved.Contains(e.Name)) return e;
        var v = _parameter(e.Name) ?? throw new StatementException(_at with { Column = _at.Column + e.Position },
            $"undefined parameter '{e.Name}' in '{_text}'", "a parameter, time, temper, pi or e");
        return new NumberExpression(v, e.Position);
    }

    public Expression Visit(VoltageExpression e) =>
        new VoltageExpression(_node(e.Node), e.Reference is null ? null : _node(e.Reference), e.Position);

    public Expression Visit(CurrentExpression e) => new CurrentExpression(_element(e.Element), e.Position);

    public Expression Visit(UnaryExpression e) => e with { Operand = e.Operand.Accept(this) };

    public Expression Visit(BinaryExpression e) => e with { Left = e.Left.Accept(this), Right = e.Right.Accept(this) };

    public Expression Visit(ConditionalExpression e) =>
        e with { Condition = e.Condition.Accept(this), IfTrue = e.IfTrue.Accept(this), IfFalse = e.IfFalse.Accept(this) };

    public Expression Visit(CallExpression e)
    {
        var args = e.Arguments.Select(a => a.Accept(this)).ToList();
        var f = ExpressionFunctions.IsBuiltIn(e.Function) ? null : _function(e.Function);
        if (f is null && !ExpressionFunctions.IsBuiltIn(e.Function))
            throw new StatementException(_at with { Column = _at.Column + e.Position }, $"unknown function '{e.Function}' in '{_text}'",
                "a built-in function or one defined with .func");
        if (f is null) return e with { Arguments = args };
        if (_depth > 50) throw new StatementException(f.At, $"function '{f.Name}' calls itself");
        if (args.Count != f.Arguments.Count)
            throw new StatementException(f.At, $"function '{f.Name}' takes {f.Arguments.Count} arguments, got {args.Count}");
        var bound = new Dictionary<string, Expression>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++) bound[f.Arguments[i]] = args[i];
        return new ExpressionRewriter(_parameter, _function, _node, _element, bound, _depth + 1, f.At, f.Body.ToString()!).Rewrite(f.Body);
    }
}
