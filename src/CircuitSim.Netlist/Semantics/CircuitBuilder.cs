using CircuitSim.Core.Circuits;
using CircuitSim.Core.Expressions;
using CircuitSim.Core.Simulations;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>Where an expansion is: the instance prefix, the port map, the parameter scope and local models.</summary>
internal sealed class ExpansionContext
{
    public required string Prefix { get; init; }
    public required Dictionary<string, string> Ports { get; init; }
    public required ParameterScope Scope { get; init; }
    public required Block Block { get; init; }
    public ExpansionContext? Parent { get; init; }
    public int Depth { get; init; }
    public Dictionary<string, string> Models { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Local model names in the order the cards are written (binned sets are searched in this order).</summary>
    public List<string> ModelOrder { get; } = new();
    public Dictionary<string, UserFunction> Functions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? FindModel(string name) => Models.TryGetValue(name, out var q) ? q : Parent?.FindModel(name);
    public UserFunction? FindFunction(string name) => Functions.TryGetValue(name, out var f) ? f : Parent?.FindFunction(name);
}

/// <summary>
/// Expands the statement tree into a flat <see cref="Circuit"/>: parameters and models first at each level, then
/// elements; subcircuit instances recursively with their own parameter scope, nodes named <c>x1.node</c> and elements
/// <c>x1.r1</c>. Each statement's errors are recorded and the expansion goes on, so one pass reports several.
/// </summary>
internal sealed partial class CircuitBuilder
{
    private readonly DeviceRegistry _registry;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _globalNodes;
    private Circuit _circuit = null!;
    // where each MOSFET model card sets its LEVEL (qualified model name → the level token), for the level check
    private readonly Dictionary<string, SourceLocation> _levelAt = new(StringComparer.OrdinalIgnoreCase);

    public CircuitBuilder(DeviceRegistry registry, DiagnosticBag diagnostics, HashSet<string> globalNodes)
    {
        _registry = registry;
        _diagnostics = diagnostics;
        _globalNodes = globalNodes;
    }

    /// <summary>Drop each top-level element's tokens once it is built (only where no other thread reads the statements:
    /// the first build, before the netlist is handed out).</summary>
    public bool ForgetsTopLevelTokens { get; init; }

    /// <summary>Builds the circuit of the top-level block with the given global scope.</summary>
    public Circuit Build(string title, Block top, ParameterScope globals, ExpansionContext? topContext = null)
    {
        _circuit = new Circuit(title);
        // one component per top-level element line: exact without subcircuits, a lower bound with them
        var elements = 0;
        foreach (var s in top.Statements) if (!s.IsDotCommand) elements++;
        _circuit.EnsureCapacity(elements);
        var ctx = topContext ?? new ExpansionContext { Prefix = "", Ports = new(StringComparer.OrdinalIgnoreCase), Scope = globals, Block = top };
        Expand(ctx, topLevel: true);
        CheckMosfetLevels();
        return _circuit;
    }

    /// <summary>
    /// A MOSFET whose model card asks for a level this simulator does not implement is an error at the card's LEVEL
    /// (once per model), when the netlist is read: not a run-time failure without a position. Unused cards of other
    /// levels (a model library) are fine.
    /// </summary>
    private void CheckMosfetLevels()
    {
        var users = _circuit.Components.OfType<Mosfet1>().GroupBy(m => m.ModelName, StringComparer.OrdinalIgnoreCase);
        foreach (var g in users)
        {
            if (!_circuit.TryGetModel(g.Key, out var model) || model is not MosfetModel card || Mosfet1.ImplementedLevels.Contains(card.Level)) continue;
            var at = _levelAt.TryGetValue(card.Name, out var l) ? l : new SourceLocation("", 0, 0, "");
            var count = g.Count();
            _diagnostics.Error(at,
                $"model '{card.Name}' is LEVEL={card.Level}, which is not implemented (MOSFET levels: {string.Join(", ", Mosfet1.ImplementedLevels)}, and 14 or 54 for BSIM4 4.8); " +
                $"used by {g.First().Name}{(count > 1 ? $" and {count - 1} more" : "")}",
                $"LEVEL={Mosfet1.ImplementedLevels.First()}");
        }
    }

    private void Expand(ExpansionContext ctx, bool topLevel)
    {
        // parameters, functions and models first, so elements may use ones defined after them
        // (state passed in, not captured: a lambda capturing s made a closure for every statement, element lines too)
        foreach (var s in ctx.Block.Statements)
            if (s.IsDotCommand) Guard(s, (ctx, topLevel), static (builder, statement, state) => builder.ReadDefinition(statement, state.ctx, state.topLevel));
        foreach (var s in ctx.Block.Statements)
        {
            if (s.IsDotCommand) continue;
            using var site = ctx.Scope.Variation.Enter(ctx.Prefix + ElementSiteName(s));
            Guard(s, ctx, static (builder, statement, context) => builder.ReadElement(statement, context));
            // a top-level element is read once per build; subcircuit elements are read once per instance
            if (topLevel && ForgetsTopLevelTokens) s.ForgetTokens();
        }
    }

    /// <summary>A dot command of an expansion's first pass: parameters, functions and models (only models at the top,
    /// whose parameters and functions the reader defined before the build).</summary>
    private void ReadDefinition(Statement s, ExpansionContext ctx, bool topLevel)
    {
        switch (s.Keyword)
        {
            case ".param" when !topLevel: DefineParameters(s, ctx.Scope); break;
            case ".func" when !topLevel: DefineFunction(s, ctx); break;
            case ".model":
                using (ctx.Scope.Variation.Enter(ctx.Prefix + (s.Tokens.Count > 1 ? s.Tokens[1].Text : "")))
                    DefineModel(s, ctx);
                break;
            case ".param" or ".func" or ".global": break;
            default:
                if (!topLevel)
                    throw new StatementException(s.At(s.Tokens[0]), $"{s.Keyword} is not allowed inside a subcircuit", ".param, .model or elements");
                break;
        }
    }

    /// <summary>Runs one statement's reader, turning its failures into diagnostics at the statement; the reader's
    /// state is passed in, so no closure is made per statement.</summary>
    private void Guard<TState>(Statement s, TState state, Action<CircuitBuilder, Statement, TState> read)
    {
        try
        {
            read(this, s, state);
        }
        catch (StatementException e)
        {
            _diagnostics.Error(e.Location, e.Message, e.Expected);
        }
        catch (DuplicateNameException e)
        {
            _diagnostics.Error(s.Start, $"duplicate name '{e.EntityName}'", "a unique element or model name");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or CircuitException or InvalidOperationException)
        {
            _diagnostics.Error(s.Start, e.Message);
        }
    }

    // ---------- parameters, functions, models ----------

    /// <summary><c>.param a=1 b={a*2} c = 3*a</c>: the value after '=' runs to the next <c>name=</c>.</summary>
    internal static void DefineParameters(Statement s, ParameterScope scope)
    {
        var t = s.Tokens;
        var i = 1;
        if (t.Count < 2) throw new StatementException(s.End, ".param needs name=value", "name=value");
        while (i < t.Count)
        {
            if (!t[i].IsWord || i + 1 >= t.Count || t[i + 1].Kind != TokenKind.Equals)
                throw new StatementException(s.At(t[i]), $"expected name=value, got '{t[i]}'", "name=value");
            var name = t[i].Text;
            var valueStart = i + 2;
            var end = valueStart;
            while (end < t.Count && !(t[end].IsWord && end + 1 < t.Count && t[end + 1].Kind == TokenKind.Equals)) end++;
            if (end == valueStart) throw new StatementException(s.At(t[i + 1]), $"missing value of parameter '{name}'", "a value");
            string text;
            SourceLocation at;
            if (end == valueStart + 1 && t[valueStart].Kind is TokenKind.Brace or TokenKind.Quoted)
            {
                text = t[valueStart].Text;
                at = s.At(t[valueStart]) with { Column = s.At(t[valueStart]).Column + 1 };
            }
            else
            {
                text = s.TextBetween(valueStart, end);
                at = s.At(t[valueStart]);
            }
            scope.Define(name, ParameterScope.Parse(text, at), at, text);
            i = end;
        }
    }

    /// <summary><c>.func name(a, b) {body}</c> or <c>.func name(a, b) = body</c>.</summary>
    internal static UserFunction ParseFunction(Statement s)
    {
        var t = s.Tokens;
        if (t.Count < 3 || !t[1].IsWord || t[2].Kind != TokenKind.Group)
            throw new StatementException(s.Start, ".func needs a name, an argument list and a body", ".func name(args) {body}");
        var args = t[2].Children.Select(c => c.IsWord ? c.Text : throw new StatementException(s.At(c), "function arguments must be names")).ToList();
        var bodyIndex = 3;
        if (bodyIndex < t.Count && t[bodyIndex].Kind == TokenKind.Equals) bodyIndex++;
        if (bodyIndex >= t.Count) throw new StatementException(s.End, $"function '{t[1].Text}' has no body", "{expression}");
        string text;
        SourceLocation at;
        if (t[bodyIndex].Kind is TokenKind.Brace or TokenKind.Quoted)
        {
            text = t[bodyIndex].Text;
            at = s.At(t[bodyIndex]) with { Column = s.At(t[bodyIndex]).Column + 1 };
        }
        else
        {
            text = s.TextFrom(t[bodyIndex]);
            at = s.At(t[bodyIndex]);
        }
        return new UserFunction(t[1].Text, args, ParameterScope.Parse(text, at), at);
    }

    internal static void DefineFunction(Statement s, ExpansionContext ctx)
    {
        var f = ParseFunction(s);
        ctx.Functions[f.Name] = f;
        ctx.Scope.DefineFunction(f);
    }

    /// <summary><c>.model name type (p=v …)</c> (parentheses optional).</summary>
    private void DefineModel(Statement s, ExpansionContext ctx)
    {
        var t = s.Tokens;
        if (t.Count < 3 || !t[1].IsWord || !t[2].IsWord)
            throw new StatementException(s.End, ".model needs a name and a type", ".model name type (parameters)");
        var name = t[1].Text;
        var typeToken = t[2];
        var qualified = ctx.Prefix + name;
        if (ctx.Models.ContainsKey(name) || _circuit.Contains(qualified))
            throw new StatementException(s.At(t[1]), $"model '{name}' is defined twice", "a unique model name");
        // known from here on, so the elements using a model whose card has an error are not reported as well
        ctx.Models[name] = qualified;
        ctx.ModelOrder.Add(name);
        var rest = new List<Token>();
        for (var i = 3; i < t.Count; i++)
        {
            if (t[i].Kind == TokenKind.Group) rest.AddRange(t[i].Children);
            else rest.Add(t[i]);
        }
        var pseudo = new Statement(s.Line, new List<Token> { t[0] }.Concat(rest).ToList());
        var args = ElementArgs.From(pseudo, 1);
        var model = CreateMosfetModel(s, typeToken, qualified, args, ctx.Scope);
        if (model is null && !_registry.TryCreateModel(typeToken.Text, qualified, out model))
            throw new StatementException(s.At(typeToken), $"unknown model type '{typeToken.Text}'", "one of " + string.Join(", ", _registry.ModelTypes));
        foreach (var p in args.Positional)
            throw new StatementException(s.At(p), $"unexpected '{p}' in .model {name}", "name=value");
        SetParameters(model, s, args.Named, ctx.Scope, $"model {name} ({typeToken.Text})");
        if (args.Named.FirstOrDefault(n => n.Key.Is("level")) is { Value: not null } level) _levelAt[qualified] = s.At(level.Value);
        WarnUnusedParameters(model, s, name);
        _circuit.Add(model);
    }

    // ---------- values ----------

    /// <summary>The number a value token stands for: a SPICE number, a {braced} or 'quoted' expression, or an
    /// unbraced expression/parameter name.</summary>
    internal static double Number(Statement s, Token t, ParameterScope scope)
    {
        // a plain number draws nothing: only an expression enters its random-draw site (name and hash built for it)
        if (t.Kind == TokenKind.Word && EngineeringNumber.TryParse(t.Text, out var v)) return v;
        using var site = scope.Variation.Enter(scope.Variation.CurrentName + ":" + FieldName(s, t));
        switch (t.Kind)
        {
            case TokenKind.Word:
                return scope.Evaluate(t.Text, s.At(t));
            case TokenKind.Brace:
            case TokenKind.Quoted:
                var at = s.At(t);
                return scope.Evaluate(t.Text, at with { Column = at.Column + 1 });
            default:
                throw new StatementException(s.At(t), $"expected a value, got '{t}'", "a number or {expression}");
        }
    }

    /// <summary>The name an element's random draws are keyed by: the element's own name (for Y devices the name after
    /// the type).</summary>
    private static string ElementSiteName(Statement s) =>
        s.Name is ['y' or 'Y', ..] && s.Tokens.Count > 1 && s.Tokens[1].IsWord ? s.Tokens[1].Text : s.Name;

    /// <summary>Which field of a statement a value token is, for the draw keys (docs/sweeps.md): the parameter's name
    /// for <c>name=value</c>, otherwise the token's position (<c>#3</c>, <c>#4.1</c> inside a parenthesized list).</summary>
    internal static string FieldName(Statement s, Token t)
    {
        var tokens = s.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], t))
                return i >= 2 && tokens[i - 1].Kind == TokenKind.Equals && tokens[i - 2].IsWord ? tokens[i - 2].Text.ToLowerInvariant() : "#" + i;
            if (tokens[i].Kind != TokenKind.Group) continue;
            for (var j = 0; j < tokens[i].Children.Count; j++)
                if (ReferenceEquals(tokens[i].Children[j], t)) return $"#{i}.{j}";
        }
        return "@" + t.Offset;
    }

    /// <summary>Sets named parameters on a component or model through the parameter registry.</summary>
    internal static void SetParameters(Entity target, Statement s, IEnumerable<(Token Key, Token Value)> named, ParameterScope scope, string what)
    {
        foreach (var (key, value) in named)
        {
            var type = target.ParameterType(key.Text);
            if (type is null) throw UnknownParameter(target, s, key, what);
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            object v = underlying == typeof(string) || underlying.IsEnum
                ? value.Text
                : underlying == typeof(bool) && value.IsWord && !EngineeringNumber.TryParse(value.Text, out _)
                    ? value.Text
                    : Number(s, value, scope);
            try
            {
                target.SetParameter(key.Text, v);
            }
            catch (ArgumentException e)
            {
                throw new StatementException(s.At(value), e.Message);
            }
            catch (OverflowException)
            {
                throw new StatementException(s.At(value), $"value of parameter '{key.Text}' is out of range for an integer", "an integer");
            }
        }
    }

    /// <summary>An unknown parameter name: the names the entity accepts (the closest few when there are many) and the
    /// likely intended one.</summary>
    private static StatementException UnknownParameter(Entity target, Statement s, Token key, string what)
    {
        var names = target.ParameterNames;
        var message = $"unknown parameter '{key.Text}' for {what}";
        // a short table is listed whole; a long one (a BSIM4 card's ~900 names) gives the likely name and the closest few
        const int listed = 40;
        if (names.Count <= listed)
            return new StatementException(s.At(key), message, names.Count > 0 ? "one of " + string.Join(", ", names) : "no parameters");
        if (SimilarNames.Likely(names, key.Text) is { } likely) message += $"; did you mean '{likely}'?";
        var expected = $"one of the {names.Count} parameter names, the closest being " + string.Join(", ", SimilarNames.Closest(names, key.Text, 5));
        return new StatementException(s.At(key), message, expected);
    }

    // ---------- names ----------

    private string Node(ExpansionContext ctx, Statement s, Token t)
    {
        if (!t.IsWord) throw new StatementException(s.At(t), $"expected a node name, got '{t}'", "a node name");
        var name = t.Text;
        if (Circuit.IsGround(name)) return "0";
        if (ctx.Ports.TryGetValue(name, out var mapped)) return mapped;
        if (_globalNodes.Contains(name)) return name;
        return OneString(ctx.Prefix + name);
    }

    /// <summary>One string object per node name: each element's token is a string of its own, and a large circuit names
    /// every node two or three times (docs/performance.md).</summary>
    private string OneString(string name)
    {
        if (_nodeNames.TryGetValue(name, out var known)) return known;
        _nodeNames.Add(name);
        return name;
    }

    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);

    private static string MapNodeName(ExpansionContext ctx, HashSet<string> globals, string name)
    {
        if (Circuit.IsGround(name)) return "0";
        if (ctx.Ports.TryGetValue(name, out var mapped)) return mapped;
        if (globals.Contains(name)) return name;
        return ctx.Prefix + name;
    }

    private static string ElementName(ExpansionContext ctx, string name) => ctx.Prefix + name;

    private void Add(Statement s, Component c)
    {
        try
        {
            _circuit.Add(c);
        }
        catch (DuplicateNameException)
        {
            throw new StatementException(s.At(s.Tokens[0]), $"duplicate element name '{c.Name}'", "a unique element name");
        }
    }
}
