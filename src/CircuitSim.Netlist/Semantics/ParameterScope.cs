using System.Globalization;
using CircuitSim.Core.Expressions;

namespace CircuitSim.Netlist.Semantics;

/// <summary>A user function from <c>.func name(a, b) {body}</c>.</summary>
internal sealed record UserFunction(string Name, IReadOnlyList<string> Arguments, Expression Body, SourceLocation At);

/// <summary>
/// Parameters visible at one level of the hierarchy (.param, subcircuit parameters), evaluated lazily in order of
/// need, so a parameter may use one defined after it; a definition that depends on itself is reported as recursive.
/// Lookups fall back to the enclosing scope (the one the subcircuit was defined in, up to the globals).
/// </summary>
internal sealed class ParameterScope
{
    private readonly ParameterScope? _parent;
    private readonly Dictionary<string, (Expression Expr, SourceLocation At, string Text)> _definitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserFunction> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _evaluating = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>How many user-function calls enclose this scope (a function's argument scope is one deeper).</summary>
    private int _callDepth;

    private readonly VariationSites? _variation;

    public ParameterScope(ParameterScope? parent) => _parent = parent;

    /// <summary>A top-level scope whose statistical functions draw from <paramref name="variation"/>.</summary>
    public ParameterScope(VariationSites variation) => _variation = variation;

    public ParameterScope? Parent => _parent;

    /// <summary>The random streams of the run being read (shared by every scope under the top one).</summary>
    public VariationSites Variation => _variation ?? _parent?.Variation ?? FallbackVariation;

    private static VariationSites FallbackVariation => new(VariationSites.DefaultSeed, 0);

    /// <summary>The subcircuit instance this scope belongs to (<c>x1.</c>; empty at the top): a <c>.param</c> with a
    /// statistical function draws once per instance, at the site <c>{Path}param:{name}</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Defines (or redefines) a parameter by an expression, evaluated when first needed.</summary>
    public void Define(string name, Expression expression, SourceLocation at, string text)
    {
        _definitions[name] = (expression, at, text);
        _values.Remove(name);
    }

    /// <summary>Fixes a parameter to a value (a .step override, an evaluated instance parameter).</summary>
    public void Set(string name, double value)
    {
        _definitions.Remove(name);
        _values[name] = value;
    }

    public bool DefinesLocally(string name) => _definitions.ContainsKey(name) || _values.ContainsKey(name);

    public void DefineFunction(UserFunction f) => _functions[f.Name] = f;

    /// <summary>The value of a parameter visible here, or null.</summary>
    /// <exception cref="StatementException">The definition is recursive or does not evaluate.</exception>
    public double? Lookup(string name)
    {
        if (_values.TryGetValue(name, out var v)) return v;
        if (_definitions.TryGetValue(name, out var def))
        {
            if (!_evaluating.Add(name))
                throw new StatementException(def.At, $"recursive definition of parameter '{name}'");
            try
            {
                using var site = Variation.Enter(Path + "param:" + name);
                v = Evaluate(def.Expr, def.At, def.Text);
            }
            finally
            {
                _evaluating.Remove(name);
            }
            _values[name] = v;
            return v;
        }
        return _parent?.Lookup(name);
    }

    private UserFunction? FindFunction(string name) =>
        _functions.TryGetValue(name, out var f) ? f : _parent?.FindFunction(name);

    /// <summary>Evaluates an expression in this scope; errors are located at <paramref name="at"/> (+ the offset of
    /// the problem within <paramref name="text"/>).</summary>
    public double Evaluate(Expression expression, SourceLocation at, string text)
    {
        // one evaluator per scope, not one (with two delegates) per value: the location its user-function calls are
        // reported at is the expression being evaluated, which nests through a parameter's lookup
        _evaluator ??= new ExpressionEvaluator(Lookup, CallFunction);
        var outer = _evaluatingAt;
        _evaluatingAt = at;
        try
        {
            return _evaluator.Evaluate(expression);
        }
        catch (ExpressionEvaluationException e)
        {
            throw new StatementException(at with { Column = at.Column + e.Position }, $"{e.Message} in '{text}'");
        }
        finally
        {
            _evaluatingAt = outer;
        }
    }

    private ExpressionEvaluator? _evaluator;
    private SourceLocation? _evaluatingAt;

    private double? CallFunction(string name, IReadOnlyList<double> args) =>
        CallUserFunction(name, args, _evaluatingAt!) ?? StatisticalFunctions.TryEvaluate(name, args, Variation.Current);

    /// <summary>Parses and evaluates expression text; <paramref name="at"/> locates its first character.</summary>
    public double Evaluate(string text, SourceLocation at) => Evaluate(ParseShared(text, at), at, text);

    // parsed texts, kept by the top scope of a build: every instance of a subcircuit parses the same texts again
    // (a 16×16 Biolek crossbar spent half its run parsing its 512 B-source expressions and their {…} parts)
    private Dictionary<string, Expression>? _parsed;

    /// <summary><see cref="Parse"/>, once per text and build: expressions are immutable and their positions are
    /// relative to the text, so instances share them.</summary>
    public Expression ParseShared(string text, SourceLocation at)
    {
        var top = this;
        while (top._parent is not null) top = top._parent;
        var parsed = top._parsed ??= new Dictionary<string, Expression>(StringComparer.Ordinal);
        lock (parsed)
            if (parsed.TryGetValue(text, out var known)) return known;
        var expression = Parse(text, at);
        lock (parsed) parsed[text] = expression;
        return expression;
    }

    public static Expression Parse(string text, SourceLocation at)
    {
        try
        {
            return ExpressionParser.Parse(text);
        }
        catch (ExpressionSyntaxException e) when (e.Expected == ExpressionParser.LessNesting)
        {
            throw new StatementException(at with { Column = at.Column + e.Position }, e.Message, e.Expected);
        }
        catch (ExpressionSyntaxException e)
        {
            var found = e.Position < text.Length ? $"'{text[e.Position]}'" : "the end of the expression";
            throw new StatementException(at with { Column = at.Column + e.Position }, $"bad expression '{text}': unexpected {found}", e.Expected);
        }
    }

    private double? CallUserFunction(string name, IReadOnlyList<double> args, SourceLocation at)
    {
        var f = FindFunction(name);
        if (f is null) return null;
        if (args.Count != f.Arguments.Count)
            throw new StatementException(at, $"function '{name}' takes {f.Arguments.Count} arguments, got {args.Count}");
        if (_callDepth > 50) throw new StatementException(f.At, $"function '{f.Name}' calls itself");
        var local = new ParameterScope(this) { _callDepth = _callDepth + 1 };
        for (var i = 0; i < args.Count; i++) local.Set(f.Arguments[i], args[i]);
        return local.Evaluate(f.Body, f.At, f.Body.ToString()!);
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
