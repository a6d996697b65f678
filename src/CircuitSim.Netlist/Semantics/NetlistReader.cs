using CircuitSim.Core.Circuits;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// Reads an ngspice-dialect netlist into a checked <see cref="Netlist"/>: the statement tree (subcircuits), global
/// parameters and functions, the flattened circuit and the control statements. Every error found in the pass is
/// reported together, each with file, line, column and what was expected.
/// </summary>
public sealed class NetlistReader
{
    private readonly DeviceRegistry _registry;

    public NetlistReader(DeviceRegistry? registry = null) => _registry = registry ?? DeviceRegistry.CreateDefault();

    /// <exception cref="NetlistException">The netlist has errors.</exception>
    public Netlist ReadFile(string path) => Read(NetlistLoader.Load(path));

    /// <exception cref="NetlistException">The netlist has errors.</exception>
    public Netlist ReadText(string text, string file = "<netlist>") => Read(NetlistLoader.FromText(text, file));

    private Netlist Read(NetlistSource source)
    {
        var diagnostics = source.Diagnostics;
        var top = Structure(source.Statements, diagnostics);
        var globals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in top.Statements.Where(s => s.Keyword == ".global"))
            foreach (var t in s.Tokens.Skip(1))
                if (t.IsWord) globals.Add(t.Text);

        var (circuit, scope) = Build(source.Title, top, globals, null, diagnostics);
        var netlist = new Netlist(source.Title, source.File, circuit, overrides =>
        {
            var bag = new DiagnosticBag();
            var (c, _) = Build(source.Title, top, globals, overrides, bag);
            bag.ThrowIfErrors();
            return c;
        });
        netlist.AnalysesFor = overrides =>
        {
            // the analyses of a .step run, evaluated with its parameter values
            var bag = new DiagnosticBag();
            var (_, stepScope) = Build(source.Title, top, globals, overrides, bag);
            var analyses = new List<AnalysisSpec>();
            foreach (var s in top.Statements.Where(s => s.IsDotCommand))
            {
                try
                {
                    if (ControlReader.Analysis(s, stepScope) is { } a) analyses.Add(a);
                }
                catch (StatementException e)
                {
                    bag.Error(e.Location, e.Message, e.Expected);
                }
            }
            bag.ThrowIfErrors();
            return analyses;
        };

        foreach (var s in top.Statements)
        {
            if (!s.IsDotCommand || s.Keyword is ".param" or ".func" or ".model" or ".global") continue;
            try
            {
                ControlReader.Read(s, netlist, scope, diagnostics);
            }
            catch (StatementException e)
            {
                diagnostics.Error(e.Location, e.Message, e.Expected);
            }
        }
        if (netlist.Step is { } step && !string.Equals(step.Parameter, "temp", StringComparison.OrdinalIgnoreCase) && !IsDefined(scope, step.Parameter))
            diagnostics.Error(step.At, $".step: parameter '{step.Parameter}' is not defined by a .param", "a parameter defined with .param");
        diagnostics.ThrowIfErrors();
        if (netlist.Analyses.Count == 0)
            diagnostics.Warning(new SourceLocation(source.File, 0, 0, ""), "no analysis (.op, .dc, .tran or .ac) in the netlist");
        netlist.Warnings.AddRange(diagnostics.Items.Where(d => d.Severity == Severity.Warning));
        return netlist;
    }

    /// <summary>Whether a global parameter exists; one whose definition fails to evaluate exists (its error is reported already).</summary>
    private static bool IsDefined(ParameterScope scope, string name)
    {
        try { return scope.Lookup(name) is not null; }
        catch (StatementException) { return true; }
    }

    private (Circuit Circuit, ParameterScope Scope) Build(string title, Block top, HashSet<string> globals,
        IReadOnlyDictionary<string, double>? overrides, DiagnosticBag diagnostics)
    {
        var scope = new ParameterScope(null);
        var ctx = new ExpansionContext { Prefix = "", Ports = new(StringComparer.OrdinalIgnoreCase), Scope = scope, Block = top };
        foreach (var s in top.Statements)
        {
            try
            {
                if (s.Keyword == ".param") CircuitBuilder.DefineParameters(s, scope);
                else if (s.Keyword == ".func") CircuitBuilder.DefineFunction(s, ctx);
            }
            catch (StatementException e)
            {
                diagnostics.Error(e.Location, e.Message, e.Expected);
            }
        }
        if (overrides is not null)
            foreach (var (name, value) in overrides) scope.Set(name, value);
        // surface bad .param definitions even when nothing uses them
        foreach (var s in top.Statements.Where(s => s.Keyword == ".param"))
            foreach (var t in s.Tokens.Skip(1).Where((t, i) => t.IsWord && i + 2 < s.Tokens.Count && s.Tokens[i + 2].Kind == TokenKind.Equals))
                try { scope.Lookup(t.Text); }
                catch (StatementException e) { diagnostics.Error(e.Location, e.Message, e.Expected); }
        var circuit = new CircuitBuilder(_registry, diagnostics, globals).Build(title, top, scope, ctx);
        return (circuit, scope);
    }

    /// <summary>Groups statements into the top block and nested .subckt definitions.</summary>
    private static Block Structure(List<Statement> statements, DiagnosticBag diagnostics)
    {
        var top = new Block(null);
        var stack = new Stack<(Block Block, Statement Header, string Name, List<string> Ports, List<SubcircuitParameter> Parameters)>();
        var current = top;
        foreach (var s in statements)
        {
            if (s.Keyword == ".subckt")
            {
                try
                {
                    var (name, ports, parameters) = SubcircuitHeader(s);
                    var block = new Block(current);
                    stack.Push((block, s, name, ports, parameters));
                    current = block;
                }
                catch (StatementException e)
                {
                    diagnostics.Error(e.Location, e.Message, e.Expected);
                    var block = new Block(current);
                    stack.Push((block, s, "?", new(), new()));
                    current = block;
                }
                continue;
            }
            if (s.Keyword == ".ends")
            {
                if (stack.Count == 0)
                {
                    diagnostics.Error(s.Start, ".ends without .subckt");
                    continue;
                }
                var (block, header, name, ports, parameters) = stack.Pop();
                current = block.Parent!;
                if (s.Tokens.Count > 1 && !string.Equals(s.Tokens[1].Text, name, StringComparison.OrdinalIgnoreCase))
                    diagnostics.Error(s.At(s.Tokens[1]), $".ends {s.Tokens[1].Text} closes subcircuit '{name}'", $".ends {name}");
                if (name == "?") continue;
                if (!current.Subcircuits.TryAdd(name, new SubcircuitDefinition(name, ports, parameters, block, header)))
                    diagnostics.Error(header.At(header.Tokens[1]), $"subcircuit '{name}' is defined twice", "a unique subcircuit name");
                continue;
            }
            current.Statements.Add(s);
        }
        while (stack.Count > 0)
        {
            var (_, header, name, _, _) = stack.Pop();
            diagnostics.Error(header.Start, $"subcircuit '{name}' is not closed", $".ends {name}");
        }
        return top;
    }

    private static (string Name, List<string> Ports, List<SubcircuitParameter> Parameters) SubcircuitHeader(Statement s)
    {
        var t = s.Tokens;
        if (t.Count < 2 || !t[1].IsWord) throw new StatementException(s.End, ".subckt needs a name", ".subckt name ports… [params: p=v…]");
        var ports = new List<string>();
        var parameters = new List<SubcircuitParameter>();
        var i = 2;
        for (; i < t.Count; i++)
        {
            if (t[i].Is("params:")) { i++; break; }
            if (t[i].IsWord && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals) break;
            if (!t[i].IsWord) throw new StatementException(s.At(t[i]), $"expected a port name, got '{t[i]}'", "a node name");
            ports.Add(t[i].Text);
        }
        for (; i < t.Count; i++)
        {
            if (t[i].Is("params:")) continue;
            if (!t[i].IsWord) throw new StatementException(s.At(t[i]), $"expected a parameter name, got '{t[i]}'", "name=value");
            if (i + 2 < t.Count && t[i + 1].Kind == TokenKind.Equals)
            {
                parameters.Add(new SubcircuitParameter(t[i].Text, t[i + 2], s));
                i += 2;
            }
            else parameters.Add(new SubcircuitParameter(t[i].Text, null, s));
        }
        return (t[1].Text, ports, parameters);
    }
}
