using CircuitSim.Core.Circuits;
using CircuitSim.Core.Expressions;
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

    /// <param name="registry">The device and model types netlists may use (default: the standard SPICE set only; the
    /// magnetic devices come from their families, see <see cref="DeviceRegistry.With"/>).</param>
    public NetlistReader(DeviceRegistry? registry = null) => _registry = registry ?? new DeviceRegistry();

    /// <exception cref="NetlistException">The netlist has errors.</exception>
    public Netlist ReadFile(string path) => Read(NetlistLoader.Load(path));

    /// <exception cref="NetlistException">The netlist has errors.</exception>
    public Netlist ReadText(string text, string file = "<netlist>") => Read(NetlistLoader.FromText(text, file));

    private Netlist Read(NetlistSource source)
    {
        var diagnostics = source.Diagnostics;
        var top = Structure(source.Statements, diagnostics);
        var globals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in top.Statements.Where(s => s.IsDotCommand && s.Keyword == ".global"))
            foreach (var t in s.Tokens.Skip(1))
                if (t.IsWord) globals.Add(t.Text);

        var seed = SeedOption(top, diagnostics);
        // the rebuilds below keep the top block alive with the netlist, but not the loader's statement list: it is as
        // long as the top block's (8 bytes a line, 2 MB on a 200 000-line netlist)
        var title = source.Title;
        var (circuit, scope) = Build(title, top, globals, null, seed, diagnostics, first: true);
        var netlist = new Netlist(title, source.File, circuit, (overrides, runSeed) =>
        {
            var bag = new DiagnosticBag();
            var (c, _) = Build(title, top, globals, overrides, runSeed, bag);
            bag.ThrowIfErrors();
            return c;
        }) { Seed = seed };
        netlist.AnalysesFor = (overrides, runSeed) =>
        {
            // the analyses of a .step run, evaluated with its parameter values
            var bag = new DiagnosticBag();
            var (_, stepScope) = Build(title, top, globals, overrides, runSeed, bag);
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

        var read = new List<Statement>();
        foreach (var s in top.Statements)
        {
            if (!s.IsDotCommand || s.Keyword is ".param" or ".func" or ".model" or ".global") continue;
            try
            {
                ControlReader.Read(s, netlist, scope, diagnostics);
                read.Add(s);
            }
            catch (StatementException e)
            {
                diagnostics.Error(e.Location, e.Message, e.Expected);
            }
        }
        netlist.Scope = scope;
        OutputNameCheck.Run(read, circuit, diagnostics);
        if (source.ControlLines.Count > 0)
            netlist.Control = Control.ControlParser.Parse(source.ControlLines, diagnostics, command => CheckCommand(command, netlist, scope));
        if (netlist.Fouriers.Count > 0 && netlist.Control is null && !netlist.Analyses.Any(a => a is TranSpec))
            foreach (var four in netlist.Fouriers)
                diagnostics.Error(four.At, ".four needs a transient: there is no .tran line", "a .tran line");
        if (netlist.Step is { } step && step.Parameter.ToLowerInvariant() is not ("temp" or MonteCarloRun) && !IsDefined(scope, step.Parameter))
            diagnostics.Error(step.At, $".step: parameter '{step.Parameter}' is not defined by a .param", "a parameter defined with .param");
        if (netlist.Step is { } runs && runs.Parameter.Equals(MonteCarloRun, StringComparison.OrdinalIgnoreCase))
            foreach (var v in runs.Values)
                if (RunIndexProblem(v) is { } problem) { diagnostics.Error(runs.At, ".step param run: " + problem, "whole run numbers, e.g. .step param run 1 100 1"); break; }
        if (netlist.Temperatures.Count > 1)
            diagnostics.Warning(netlist.TemperatureAt!, $".temp lists {netlist.Temperatures.Count} temperatures: circuitsim run simulates at the first ({netlist.Temperatures[0]:G6} °C), circuitsim sweep at each");
        diagnostics.ThrowIfErrors();
        if (netlist.Analyses.Count == 0 && netlist.Control is null)
            diagnostics.Warning(new SourceLocation(source.File, 0, 0, ""), "no analysis (.op, .dc, .tran or .ac) in the netlist");
        netlist.Warnings.AddRange(diagnostics.Items.Where(d => d.Severity == Severity.Warning));
        return netlist;
    }

    /// <summary>The checks of a .control command that need the netlist: analysis commands read as their dot lines.</summary>
    private static void CheckCommand(Control.ControlCommand command, Netlist netlist, ParameterScope scope)
    {
        if (command.Name is "tran" or "dc" or "ac" or "tf") Control.ControlInterpreter.BuildAnalysis(command, command.Arguments, scope);
    }

    /// <summary>Whether a global parameter exists; one whose definition fails to evaluate exists (its error is reported already).</summary>
    private static bool IsDefined(ParameterScope scope, string name)
    {
        try { return scope.Lookup(name) is not null; }
        catch (StatementException) { return true; }
    }

    /// <summary>The parameter whose <c>.step</c> numbers Monte Carlo runs (LTspice's <c>.step param run 1 N 1</c>): its
    /// value is the run index of the statistical functions' random streams.</summary>
    public const string MonteCarloRun = "run";

    private static string? RunIndexProblem(double run) =>
        run >= 0 && run <= long.MaxValue / 2 && run == Math.Floor(run) ? null : $"run {run:G6} is not a whole number ≥ 0";

    /// <summary><c>.options seed=N</c>, read before anything is built because the statistical functions need it.</summary>
    private static ulong SeedOption(Block top, DiagnosticBag diagnostics)
    {
        var seed = VariationSites.DefaultSeed;
        foreach (var s in top.Statements.Where(s => s.IsDotCommand && s.Keyword is ".options" or ".option" or ".opt"))
            for (var i = 1; i + 2 < s.Tokens.Count; i++)
            {
                if (!s.Tokens[i].Is("seed") || s.Tokens[i + 1].Kind != TokenKind.Equals) continue;
                var value = s.Tokens[i + 2];
                if (value.IsWord && EngineeringNumber.TryParse(value.Text, out var v) && v >= 0 && v <= ulong.MaxValue / 2 && v == Math.Floor(v))
                    seed = (ulong)v;
                else diagnostics.Error(s.At(value), $"seed must be a whole number ≥ 0, not '{value}'", "seed=N");
            }
        return seed;
    }

    private (Circuit Circuit, ParameterScope Scope) Build(string title, Block top, HashSet<string> globals,
        IReadOnlyDictionary<string, double>? overrides, ulong seed, DiagnosticBag diagnostics, bool first = false)
    {
        long run = 0;
        if (overrides is not null && overrides.TryGetValue(MonteCarloRun, out var runValue))
        {
            if (RunIndexProblem(runValue) is { } problem) throw new ArgumentException(problem, nameof(overrides));
            run = (long)runValue;
        }
        var scope = new ParameterScope(new VariationSites(seed, run));
        var ctx = new ExpansionContext { Prefix = "", Ports = new(StringComparer.OrdinalIgnoreCase), Scope = scope, Block = top };
        foreach (var s in top.Statements)
        {
            try
            {
                if (!s.IsDotCommand) continue;
                if (s.Keyword == ".param") CircuitBuilder.DefineParameters(s, scope);
                else if (s.Keyword == ".func") CircuitBuilder.DefineFunction(s, ctx);
            }
            catch (StatementException e)
            {
                diagnostics.Error(e.Location, e.Message, e.Expected);
            }
        }
        // run is the Monte Carlo run index everywhere (0 outside a run), unless the netlist defines it itself
        if (!scope.DefinesLocally(MonteCarloRun)) scope.Set(MonteCarloRun, run);
        if (overrides is not null)
            foreach (var (name, value) in overrides) scope.Set(name, value);
        // surface bad .param definitions even when nothing uses them
        foreach (var s in top.Statements.Where(s => s.IsDotCommand && s.Keyword == ".param"))
            foreach (var t in s.Tokens.Skip(1).Where((t, i) => t.IsWord && i + 2 < s.Tokens.Count && s.Tokens[i + 2].Kind == TokenKind.Equals))
                try { scope.Lookup(t.Text); }
                catch (StatementException e) { diagnostics.Error(e.Location, e.Message, e.Expected); }
        var circuit = new CircuitBuilder(_registry, diagnostics, globals) { ForgetsTopLevelTokens = first }.Build(title, top, scope, ctx);
        return (circuit, scope);
    }

    /// <summary>Groups statements into the top block and nested .subckt definitions.</summary>
    private static Block Structure(List<Statement> statements, DiagnosticBag diagnostics)
    {
        var top = new Block(null);
        // sized once: a list grown by doubling ends up to twice as long as the lines it holds
        top.Statements.Capacity = statements.Count;
        var stack = new Stack<(Block Block, Statement Header, string Name, List<string> Ports, List<SubcircuitParameter> Parameters)>();
        var current = top;
        foreach (var s in statements)
        {
            if (s.IsDotCommand && s.Keyword == ".subckt")
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
            if (s.IsDotCommand && s.Keyword == ".ends")
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
