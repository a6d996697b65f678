namespace CircuitSim.Netlist.Control;

/// <summary>A statement of a <c>.control</c> block; <see cref="Line"/> locates it for messages.</summary>
public abstract record ControlStatement(LogicalLine Line);

/// <summary>A command: its name and the text after it (substituted when it runs); <see cref="ArgumentsOffset"/> is
/// where that text starts in the line.</summary>
public sealed record ControlCommand(LogicalLine Line, string Name, string Arguments, int ArgumentsOffset) : ControlStatement(Line);

/// <summary><c>foreach var v1 v2 …</c> … <c>end</c>.</summary>
public sealed record ForeachBlock(LogicalLine Line, string Variable, string Values, int ValuesOffset, List<ControlStatement> Body) : ControlStatement(Line);

/// <summary><c>repeat [n]</c> … <c>end</c> (without n: until <c>break</c>).</summary>
public sealed record RepeatBlock(LogicalLine Line, string Count, int CountOffset, List<ControlStatement> Body) : ControlStatement(Line);

/// <summary><c>while cond</c> … <c>end</c>, or <c>dowhile cond</c> … <c>end</c> (<see cref="TestAfter"/>: the body
/// runs once before the first test).</summary>
public sealed record WhileBlock(LogicalLine Line, string Condition, int ConditionOffset, bool TestAfter, List<ControlStatement> Body) : ControlStatement(Line);

/// <summary><c>if cond</c> … [<c>else</c> …] <c>end</c>.</summary>
public sealed record IfBlock(LogicalLine Line, string Condition, int ConditionOffset, List<ControlStatement> Then, List<ControlStatement> Else) : ControlStatement(Line);

public sealed record BreakStatement(LogicalLine Line) : ControlStatement(Line);

public sealed record ContinueStatement(LogicalLine Line) : ControlStatement(Line);

/// <summary>The statements of a netlist's <c>.control</c> blocks, in order.</summary>
public sealed class ControlScript
{
    public ControlScript(IReadOnlyList<ControlStatement> statements) => Statements = statements;

    public IReadOnlyList<ControlStatement> Statements { get; }
}

/// <summary>
/// Turns the lines of <c>.control</c> blocks into a <see cref="ControlScript"/> with an explicit stack of open blocks
/// (so nesting depth is not limited by recursion). Every command must be one the interpreter supports; its arguments
/// are checked now when they hold no <c>$variable</c>, otherwise when they run.
/// </summary>
internal static class ControlParser
{
    private enum Part { Body, Then, Else }

    /// <param name="check">Further checks of a command without <c>$variables</c> (those that need the netlist);
    /// it reports by throwing <see cref="StatementException"/>.</param>
    public static ControlScript Parse(IReadOnlyList<LogicalLine> lines, DiagnosticBag diagnostics, Action<ControlCommand>? check = null)
    {
        var top = new List<ControlStatement>();
        var open = new Stack<(ControlStatement Block, Part Part)>();
        List<ControlStatement> Current() => open.Count == 0 ? top : open.Peek() switch
        {
            (IfBlock b, Part.Else) => b.Else,
            (IfBlock b, _) => b.Then,
            (ForeachBlock b, _) => b.Body,
            (RepeatBlock b, _) => b.Body,
            (WhileBlock b, _) => b.Body,
            _ => top,
        };

        foreach (var line in lines)
        {
            var text = line.Text;
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
            if (start == text.Length || text[start] is '*' or '#') continue;
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            var word = text[start..end].ToLowerInvariant();
            var restOffset = end;
            while (restOffset < text.Length && char.IsWhiteSpace(text[restOffset])) restOffset++;
            var rest = text[restOffset..].TrimEnd();
            var at = line.Locate(start);
            switch (word)
            {
                case "foreach":
                {
                    var (variable, valuesOffset) = FirstWord(text, restOffset);
                    if (variable.Length == 0)
                    {
                        diagnostics.Error(line.Locate(restOffset), "foreach needs a variable and its values", "foreach var value1 value2 …");
                        variable = "?";
                    }
                    var block = new ForeachBlock(line, variable, text[valuesOffset..].TrimEnd(), valuesOffset, new());
                    Current().Add(block);
                    open.Push((block, Part.Body));
                    break;
                }
                case "repeat":
                {
                    var block = new RepeatBlock(line, rest, restOffset, new());
                    Current().Add(block);
                    open.Push((block, Part.Body));
                    break;
                }
                case "while" or "dowhile":
                {
                    if (rest.Length == 0) diagnostics.Error(line.Locate(restOffset), $"{word} needs a condition", $"{word} expression");
                    else if (!rest.Contains('$')) Check(ControlCommands.CheckExpression, rest, line, restOffset, diagnostics);
                    var block = new WhileBlock(line, rest, restOffset, word == "dowhile", new());
                    Current().Add(block);
                    open.Push((block, Part.Body));
                    break;
                }
                case "if":
                {
                    if (rest.Length == 0) diagnostics.Error(line.Locate(restOffset), "if needs a condition", "if expression");
                    else if (!rest.Contains('$')) Check(ControlCommands.CheckExpression, rest, line, restOffset, diagnostics);
                    var block = new IfBlock(line, rest, restOffset, new(), new());
                    Current().Add(block);
                    open.Push((block, Part.Then));
                    break;
                }
                case "else":
                    if (open.Count == 0 || open.Peek() is not (IfBlock, Part.Then))
                        diagnostics.Error(at, "else without if", "else inside an if … end block");
                    else
                    {
                        var (block, _) = open.Pop();
                        open.Push((block, Part.Else));
                    }
                    if (rest.Length > 0) diagnostics.Error(line.Locate(restOffset), $"unexpected '{rest}' after else", "else alone on its line");
                    break;
                case "end":
                    if (open.Count == 0) diagnostics.Error(at, "end without foreach, repeat, while, dowhile or if");
                    else open.Pop();
                    break;
                case "break" or "continue":
                    if (!open.Any(o => o.Block is ForeachBlock or RepeatBlock or WhileBlock))
                        diagnostics.Error(at, $"{word} outside a loop", "break or continue inside foreach, repeat, while or dowhile");
                    Current().Add(word == "break" ? new BreakStatement(line) : new ContinueStatement(line));
                    break;
                default:
                    if (!ControlCommands.IsSupported(word))
                    {
                        diagnostics.Error(at, $"not supported in .control: {word}; supported: {ControlCommands.SupportedList}");
                        break;
                    }
                    var command = new ControlCommand(line, word, rest, restOffset);
                    if (!rest.Contains('$'))
                    {
                        if (ControlCommands.Checker(word) is { } syntax) Check(syntax, rest, line, restOffset, diagnostics);
                        try
                        {
                            check?.Invoke(command);
                        }
                        catch (StatementException e)
                        {
                            diagnostics.Error(e.Location, e.Message, e.Expected);
                        }
                    }
                    Current().Add(command);
                    break;
            }
        }
        foreach (var (block, _) in open)
        {
            var kind = block switch { ForeachBlock => "foreach", RepeatBlock => "repeat", WhileBlock w => w.TestAfter ? "dowhile" : "while", _ => "if" };
            diagnostics.Error(block.Line.Locate(0), $"{kind} is not closed", "end");
        }
        return new ControlScript(top);
    }

    /// <summary>Runs a static check of a command's arguments and records its complaint at the right column.</summary>
    private static void Check(Action<string> check, string arguments, LogicalLine line, int offset, DiagnosticBag diagnostics)
    {
        try
        {
            check(arguments);
        }
        catch (ControlSyntaxException e)
        {
            diagnostics.Error(line.Locate(offset + e.Position), e.Message, e.Expected);
        }
    }

    private static (string Word, int After) FirstWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var after = end;
        while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
        return (text[start..end], after);
    }
}

/// <summary>A command's arguments do not fit its syntax; <see cref="Position"/> is the offset in the arguments.</summary>
public sealed class ControlSyntaxException : FormatException
{
    public ControlSyntaxException(string message, int position, string? expected = null) : base(message)
    {
        Position = position;
        Expected = expected;
    }

    public int Position { get; }
    public string? Expected { get; }
}
