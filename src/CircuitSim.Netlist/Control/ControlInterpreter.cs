using System.Globalization;
using System.Text;
using CircuitSim.Netlist.Running;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// Runs a <see cref="ControlScript"/> over an explicit environment: variables (<c>set</c>), plots of vectors (one a
/// analysis, plus what <c>let</c> and <c>meas</c> add) and the current plot. Blocks run on an explicit stack of frames,
/// so deep nesting needs no recursion. Analyses go through the <see cref="NetlistRunner"/> and its observers, so their
/// vectors reach the same files, .meas and .print as the netlist's analysis lines. The first error stops the script
/// and is kept in <see cref="Error"/>; what ran before it stays.
/// </summary>
internal sealed partial class ControlInterpreter
{
    private readonly Netlist _netlist;
    private readonly NetlistRunner _runner;
    private readonly IRunObserver[] _observers;
    private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<VectorPlot> _plots = new();
    private readonly Dictionary<string, int> _plotCounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<VectorPlot, PlotOutcome> _outcomes = new(ReferenceEqualityComparer.Instance);
    private readonly VectorPlot _constants;
    private VectorPlot? _current;
    private bool _quit;

    public ControlInterpreter(Netlist netlist, NetlistRunner runner, IRunObserver[] observers)
    {
        _netlist = netlist;
        _runner = runner;
        _observers = observers;
        _constants = new VectorPlot("const", netlist.Title, "Constants", DateTime.Now, null);
        foreach (var (name, value) in Constants) _constants.Set(VectorValue.Scalar(name, value));
    }

    /// <summary>ngspice's constants plot (ngspice 39 values).</summary>
    private static readonly (string Name, double Value)[] Constants =
    [
        ("pi", Math.PI), ("e", Math.E), ("c", 299792458), ("kelvin", -273.15), ("echarge", 1.602176634e-19),
        ("boltz", 1.380649e-23), ("planck", 6.62607015e-34), ("yes", 1), ("no", 0), ("true", 1), ("false", 0),
    ];

    /// <summary>The plots of the analyses that ran, in order.</summary>
    public List<PlotOutcome> Outcomes { get; } = new();

    /// <summary>The error that stopped the script, or null.</summary>
    public NetlistDiagnostic? Error { get; private set; }

    /// <summary>Whatever the script printed goes here.</summary>
    private TextWriter Terminal => _runner.Terminal ?? TextWriter.Null;

    private sealed class Frame(IReadOnlyList<ControlStatement> statements, ControlStatement? loop)
    {
        public IReadOnlyList<ControlStatement> Statements { get; } = statements;
        /// <summary>The loop whose body this frame is (null for the script and if/else bodies).</summary>
        public ControlStatement? Loop { get; } = loop;
        public int Next;
        public string[] Values = [];
        public int ValueIndex;
        public long Remaining;
    }

    public void Execute(ControlScript script)
    {
        var stack = new Stack<Frame>();
        stack.Push(new Frame(script.Statements, null));
        ControlStatement? running = null;
        try
        {
            while (stack.Count > 0 && !_quit && !_runner.Cancellation.IsCancellationRequested)
            {
                var frame = stack.Peek();
                if (frame.Next >= frame.Statements.Count)
                {
                    running = frame.Loop;
                    if (!Again(frame)) stack.Pop();
                    continue;
                }
                var statement = frame.Statements[frame.Next++];
                running = statement;
                switch (statement)
                {
                    case ControlCommand c:
                        Run(c);
                        break;
                    case IfBlock b:
                        stack.Push(new Frame(Condition(b.Condition, b.Line, b.ConditionOffset) ? b.Then : b.Else, null));
                        break;
                    case ForeachBlock b:
                    {
                        var values = ControlCommands.Words(Substitute(b.Values, b.Line, b.ValuesOffset)).Select(w => w.Text).ToArray();
                        if (values.Length == 0) break;
                        _variables[b.Variable] = values[0];
                        stack.Push(new Frame(b.Body, b) { Values = values });
                        break;
                    }
                    case RepeatBlock b:
                    {
                        var count = Count(b);
                        if (count != 0) stack.Push(new Frame(b.Body, b) { Remaining = count < 0 ? -1 : count - 1 });
                        break;
                    }
                    case WhileBlock b:
                        if (b.TestAfter || Condition(b.Condition, b.Line, b.ConditionOffset)) stack.Push(new Frame(b.Body, b));
                        break;
                    case BreakStatement:
                        while (stack.Count > 0 && stack.Pop().Loop is null) { }
                        break;
                    case ContinueStatement:
                        while (stack.Count > 0 && stack.Peek().Loop is null) stack.Pop();
                        if (stack.Count > 0) stack.Peek().Next = int.MaxValue;
                        break;
                }
            }
        }
        catch (ControlRuntimeException e)
        {
            Error = new NetlistDiagnostic(Severity.Error, e.Location, e.Message, e.Expected);
        }
        catch (Exception e) when (e is ControlEvaluationException or StatementException or IOException or UnauthorizedAccessException)
        {
            var at = running?.Line.Locate(0) ?? SourceLocation.Unknown;
            var (message, expected) = e is StatementException s ? (s.Message, s.Expected) : (e.Message, null);
            if (e is StatementException se) at = se.Location;
            Error = new NetlistDiagnostic(Severity.Error, at, message, expected);
        }
    }

    /// <summary>At the end of a loop body: sets up the next pass (true) or ends the loop (false).</summary>
    private bool Again(Frame frame)
    {
        switch (frame.Loop)
        {
            case ForeachBlock b when ++frame.ValueIndex < frame.Values.Length:
                _variables[b.Variable] = frame.Values[frame.ValueIndex];
                frame.Next = 0;
                return true;
            case RepeatBlock when frame.Remaining != 0:
                if (frame.Remaining > 0) frame.Remaining--;
                frame.Next = 0;
                return true;
            case WhileBlock b when Condition(b.Condition, b.Line, b.ConditionOffset):
                frame.Next = 0;
                return true;
            default:
                return false;
        }
    }

    private long Count(RepeatBlock b)
    {
        var text = Substitute(b.Count, b.Line, b.CountOffset).Trim();
        if (text.Length == 0) return -1;
        var value = Evaluate(text, b.Line, b.CountOffset).RealAt(0);
        if (!(value >= 0 && value <= int.MaxValue)) throw Failure(b.Line, b.CountOffset, $"repeat count must be a whole number from 0 up, got {text}");
        return (long)Math.Round(value);
    }

    /// <summary>True when the expression's first value is not zero.</summary>
    private bool Condition(string text, LogicalLine line, int offset)
    {
        var value = Evaluate(Substitute(text, line, offset), line, offset);
        return value.Length > 0 && value[0] != System.Numerics.Complex.Zero;
    }

    /// <summary>Replaces <c>$name</c> by the variable's value and <c>$&amp;name</c> by the vector's values.</summary>
    private string Substitute(string text, LogicalLine line, int offset)
    {
        if (!text.Contains('$')) return text;
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                sb.Append(text[i++]);
                continue;
            }
            var vector = text[i + 1] == '&';
            var start = i + (vector ? 2 : 1);
            var end = start;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.' or '#' || (vector && text[end] is '(' or ')' or ','))) end++;
            // a vector name may be v(node): take its parentheses, not a following one
            if (vector && text[start..end].Count(c => c == '(') < text[start..end].Count(c => c == ')')) end = text.LastIndexOf(')', end - 1);
            var name = text[start..end];
            if (name.Length == 0)
            {
                sb.Append(text[i++]);
                continue;
            }
            if (vector)
            {
                var v = Lookup(name) ?? throw Failure(line, offset + i, $"no such vector '{name}'", "$&vector");
                sb.Append(string.Join(' ', Enumerable.Range(0, v.Length).Select(k => v.RealAt(k).ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant())));
            }
            else if (_variables.TryGetValue(name, out var value)) sb.Append(value);
            else throw Failure(line, offset + i, $"no such variable '{name}' (set it with set {name} = …)");
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>A vector of the current plot, then of the constants, by name; <c>plot.name</c> (<c>tran1.x</c>) reads
    /// another plot.</summary>
    private VectorValue? Lookup(string name)
    {
        if (_current is not null && _current.TryGet(name, out var v)) return v;
        if (_constants.TryGet(name, out var c)) return c;
        var dot = name.IndexOf('.');
        if (dot <= 0) return null;
        var plot = _plots.FirstOrDefault(p => string.Equals(p.Name, name[..dot], StringComparison.OrdinalIgnoreCase));
        return plot is not null && plot.TryGet(name[(dot + 1)..], out var other) ? other : null;
    }

    private VectorValue Evaluate(string text, LogicalLine line, int offset)
    {
        VectorNode node;
        try
        {
            node = VectorExpressionParser.Parse(text);
        }
        catch (VectorSyntaxException e)
        {
            throw Failure(line, offset + e.Position, e.Message, e.Expected);
        }
        return Evaluate(node, text, line, offset);
    }

    private VectorValue Evaluate(VectorNode node, string text, LogicalLine line, int offset)
    {
        try
        {
            return new VectorEvaluator(Lookup, text).Evaluate(node);
        }
        catch (ControlEvaluationException e)
        {
            throw Failure(line, offset + node.Start, e.Message + (_current is null ? " (no analysis has run yet)" : $" in plot {_current.Name}"));
        }
    }

    /// <summary>Parses and evaluates a blank-separated list of expressions.</summary>
    private List<VectorValue> EvaluateList(string text, LogicalLine line, int offset)
    {
        List<VectorNode> nodes;
        try
        {
            nodes = VectorExpressionParser.ParseList(text);
        }
        catch (VectorSyntaxException e)
        {
            throw Failure(line, offset + e.Position, e.Message, e.Expected);
        }
        return nodes.Select(n => Evaluate(n, text, line, offset)).ToList();
    }

    /// <summary>An integer variable (numdgt, width, nfreqs…) or the default when it is not set or not a number.</summary>
    private int IntegerVariable(string name, int fallback) =>
        _variables.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 1
            ? (int)Math.Min(v, 1_000_000) : fallback;

    private static ControlRuntimeException Failure(LogicalLine line, int offset, string message, string? expected = null) =>
        new(line.Locate(Math.Clamp(offset, 0, line.Text.Length)), message, expected);

    private static ControlRuntimeException Failure(ControlCommand c, string message, string? expected = null) =>
        Failure(c.Line, c.ArgumentsOffset, message, expected);

    private void Print(string text)
    {
        Terminal.Write(text);
        Terminal.Flush();
    }
}

/// <summary>A control command failed while the script ran; <see cref="Location"/> is where.</summary>
internal sealed class ControlRuntimeException(SourceLocation location, string message, string? expected = null) : Exception(message)
{
    public SourceLocation Location { get; } = location;
    public string? Expected { get; } = expected;
}
