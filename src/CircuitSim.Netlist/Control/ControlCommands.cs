using CircuitSim.Netlist.Measurements;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// The commands the <c>.control</c> interpreter supports and the checks of their arguments that need no run
/// (done when the netlist is read, unless the arguments hold a <c>$variable</c>). See docs/control.md.
/// </summary>
internal static class ControlCommands
{
    private static readonly string[] Names =
    [
        "op", "dc", "tran", "ac", "tf", "run",
        "print", "wrdata", "write", "echo",
        "let", "unlet", "meas", "measure", "linearize", "fourier",
        "set", "unset", "option", "options", "opt", "alter", "altermod", "save", "setplot",
        "quit", "exit",
    ];

    private static readonly HashSet<string> Supported = new(Names, StringComparer.OrdinalIgnoreCase);

    /// <summary>The commands and control words, for "supported: …" messages.</summary>
    public static readonly string SupportedList =
        string.Join(" ", Names) + " foreach repeat while dowhile if else end break continue";

    public static bool IsSupported(string name) => Supported.Contains(name);

    /// <summary>The static check of a command's arguments, or null when it has none.</summary>
    public static Action<string>? Checker(string name) => name.ToLowerInvariant() switch
    {
        "op" or "run" or "quit" or "exit" => NoArguments,
        "print" => CheckPrint,
        "wrdata" => a => CheckFileAndExpressions(a, "wrdata file expr …", required: true),
        "write" => a => CheckFileAndExpressions(a, "write [file] [expr …]", required: false),
        "let" => a => SplitLet(a),
        "meas" or "measure" => CheckMeasure,
        "linearize" => a => { if (a.Trim().Length > 0) CheckExpressions(a, 0); },
        "fourier" => CheckFourier,
        "set" => a => SetArguments.Parse(a),
        "alter" => a => AlterArguments.Parse(a, model: false),
        "altermod" => a => AlterArguments.Parse(a, model: true),
        "setplot" => a => { if (Words(a).Count != 1) throw new ControlSyntaxException("setplot needs one plot name", 0, "setplot tran1"); },
        _ => null,
    };

    /// <summary>Checks that <paramref name="text"/> is one expression.</summary>
    public static void CheckExpression(string text)
    {
        try
        {
            VectorExpressionParser.Parse(text);
        }
        catch (VectorSyntaxException e)
        {
            throw new ControlSyntaxException(e.Message, e.Position, e.Expected);
        }
    }

    /// <summary>Parses the blank-separated expressions of <paramref name="text"/> from <paramref name="offset"/>.</summary>
    public static List<VectorNode> CheckExpressions(string text, int offset)
    {
        try
        {
            return VectorExpressionParser.ParseList(text[offset..]);
        }
        catch (VectorSyntaxException e)
        {
            throw new ControlSyntaxException(e.Message, offset + e.Position, e.Expected);
        }
    }

    private static void NoArguments(string text)
    {
        if (text.Trim().Length > 0) throw new ControlSyntaxException($"unexpected '{text.Trim()}'", 0, "no arguments");
    }

    private static void CheckPrint(string text)
    {
        var (mode, offset) = PrintMode(text);
        if (text[offset..].Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return;
        if (text[offset..].Trim().Length == 0) throw new ControlSyntaxException("print needs vectors or expressions", offset, "print [col|line] expr … or print all");
        _ = mode;
        CheckExpressions(text, offset);
    }

    /// <summary>The optional <c>col</c>/<c>line</c> keyword of print and where the expressions start.</summary>
    public static (string Mode, int Offset) PrintMode(string text)
    {
        var words = Words(text);
        if (words.Count > 0 && words[0].Text.ToLowerInvariant() is "col" or "line")
            return (words[0].Text.ToLowerInvariant(), words.Count > 1 ? words[1].Offset : text.Length);
        return ("col", 0);
    }

    private static void CheckFileAndExpressions(string text, string syntax, bool required)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            if (required) throw new ControlSyntaxException("missing the file name", 0, syntax);
            return;
        }
        if (words.Count > 1) CheckExpressions(text, words[1].Offset);
        else if (required) throw new ControlSyntaxException("no vectors to write", text.Length, syntax);
    }

    /// <summary><c>name = expression</c>: the name and where the expression starts.</summary>
    public static (string Name, int ExpressionOffset) SplitLet(string text)
    {
        const string syntax = "let name = expression";
        var eq = text.IndexOf('=');
        if (eq < 0) throw new ControlSyntaxException("let needs '='", text.Length, syntax);
        var name = text[..eq].Trim();
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || name.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '.' or '#')))
            throw new ControlSyntaxException($"'{name}' is not a vector name", 0, syntax);
        if (text[(eq + 1)..].Trim().Length == 0) throw new ControlSyntaxException("let needs an expression after '='", eq + 1, syntax);
        try
        {
            VectorExpressionParser.Parse(text[(eq + 1)..]);
        }
        catch (VectorSyntaxException e)
        {
            throw new ControlSyntaxException(e.Message, eq + 1 + e.Position, e.Expected);
        }
        return (name, eq + 1);
    }

    private static void CheckMeasure(string text)
    {
        const string syntax = "meas tran|dc|ac name …";
        var words = Words(text);
        if (words.Count < 3) throw new ControlSyntaxException("meas needs an analysis, a name and a measurement", text.Length, syntax);
        if (words[0].Text.ToLowerInvariant() is not ("tran" or "dc" or "ac"))
            throw new ControlSyntaxException($"unknown meas analysis '{words[0].Text}'", words[0].Offset, "tran, dc or ac");
        try
        {
            MeasureParser.Parse(text);
        }
        catch (MeasureSyntaxException e)
        {
            throw new ControlSyntaxException(e.Message, e.Column, e.Expected);
        }
    }

    private static void CheckFourier(string text)
    {
        const string syntax = "fourier freq expr …";
        var words = Words(text);
        if (words.Count < 2) throw new ControlSyntaxException("fourier needs the fundamental frequency and a vector", text.Length, syntax);
        if (!Core.Expressions.EngineeringNumber.TryParse(words[0].Text, out var f) || !(f > 0))
            throw new ControlSyntaxException($"'{words[0].Text}' is not a positive frequency", words[0].Offset, syntax);
        CheckExpressions(text, words[1].Offset);
    }

    /// <summary>The blank-separated words of <paramref name="text"/> with their offsets.</summary>
    public static List<(string Text, int Offset)> Words(string text)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            words.Add((text[start..i], start));
        }
        return words;
    }

    /// <summary>A statement for the netlist readers built from a command and its (substituted) arguments, so
    /// <c>tran 1n 10n</c> is read as <c>.tran 1n 10n</c> is.</summary>
    /// <exception cref="StatementException">The text does not tokenize.</exception>
    public static Statement Statement(ControlCommand command, string arguments)
    {
        var text = command.Line.Text[..command.ArgumentsOffset] + arguments;
        try
        {
            return new Statement(command.Line.WithText(text), LineGrammar.Tokenize(text));
        }
        catch (LineSyntaxException e)
        {
            throw new StatementException(command.Line.Locate(e.Position), e.Message, e.Expected);
        }
    }
}

/// <summary>The arguments of <c>set</c>: <c>name</c>, <c>name = value</c>, <c>name = "text"</c>, <c>name = ( a b c )</c>,
/// several in one command.</summary>
internal static class SetArguments
{
    /// <exception cref="ControlSyntaxException">The arguments do not fit.</exception>
    public static List<(string Name, string Value)> Parse(string text)
    {
        const string syntax = "set name [= value] …";
        var result = new List<(string, string)>();
        var i = 0;
        while (true)
        {
            Skip(text, ref i);
            if (i >= text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '=') i++;
            var name = text[start..i];
            if (name.Length == 0 || !char.IsLetter(name[0]) || name.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '.' or '#')))
                throw new ControlSyntaxException($"'{(name.Length > 0 ? name : text[start].ToString())}' is not a variable name", start, syntax);
            Skip(text, ref i);
            if (i >= text.Length || text[i] != '=')
            {
                result.Add((name, ""));
                continue;
            }
            i++;
            Skip(text, ref i);
            if (i >= text.Length) throw new ControlSyntaxException($"missing the value of {name}", i, syntax);
            string value;
            if (text[i] is '"' or '\'')
            {
                var close = text.IndexOf(text[i], i + 1);
                if (close < 0) throw new ControlSyntaxException("unterminated quote", i, "a closing quote");
                value = text[(i + 1)..close];
                i = close + 1;
            }
            else if (text[i] == '(')
            {
                var close = text.IndexOf(')', i + 1);
                if (close < 0) throw new ControlSyntaxException("unterminated list", i, "')'");
                value = string.Join(' ', ControlCommands.Words(text[(i + 1)..close]).Select(w => w.Text));
                i = close + 1;
            }
            else
            {
                var s = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                value = text[s..i];
            }
            result.Add((name, value));
        }
        if (result.Count == 0) throw new ControlSyntaxException("set needs a variable", 0, syntax);
        return result;
    }

    private static void Skip(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
    }
}

/// <summary>
/// The arguments of <c>alter</c> and <c>altermod</c>: <c>alter dev [=] value</c>, <c>alter dev param [=] value</c>,
/// <c>alter @dev[param] [=] value</c>; <c>altermod model param [=] value [param [=] value …]</c>. Values are
/// expressions of the control language (numbers with SPICE suffixes, vectors).
/// </summary>
internal static class AlterArguments
{
    public sealed record Change(string Parameter, string Value, int ValueOffset);

    /// <exception cref="ControlSyntaxException">The arguments do not fit.</exception>
    public static (string Target, int TargetOffset, List<Change> Changes) Parse(string text, bool model)
    {
        var syntax = model ? "altermod model param = value …" : "alter device [param] = value or alter @device[param] = value";
        // '=' separates like a blank
        var spaced = text.Replace('=', ' ');
        var words = ControlCommands.Words(spaced);
        if (words.Count < 2) throw new ControlSyntaxException($"{(model ? "altermod" : "alter")} needs a {(model ? "model" : "device")} and a value", text.Length, syntax);
        var target = words[0];
        var changes = new List<Change>();
        if (!model && target.Text.StartsWith('@'))
        {
            var open = target.Text.IndexOf('[');
            if (open < 2 || !target.Text.EndsWith(']')) throw new ControlSyntaxException($"expected @device[param], got '{target.Text}'", target.Offset, syntax);
            if (words.Count != 2) throw new ControlSyntaxException("alter @device[param] takes one value", words[2].Offset, syntax);
            changes.Add(new Change(target.Text[(open + 1)..^1], words[1].Text, words[1].Offset));
            return (target.Text[1..open], target.Offset, changes);
        }
        if (!model && words.Count == 2)
        {
            changes.Add(new Change("", words[1].Text, words[1].Offset));
            return (target.Text, target.Offset, changes);
        }
        if ((words.Count - 1) % 2 != 0)
            throw new ControlSyntaxException("expected parameter and value pairs", words[^1].Offset, syntax);
        for (var k = 1; k < words.Count; k += 2)
        {
            if (!char.IsLetter(words[k].Text[0])) throw new ControlSyntaxException($"'{words[k].Text}' is not a parameter name", words[k].Offset, syntax);
            changes.Add(new Change(words[k].Text, words[k + 1].Text, words[k + 1].Offset));
        }
        if (!model && changes.Count > 1) throw new ControlSyntaxException("alter changes one parameter (use several alter lines)", words[3].Offset, syntax);
        return (target.Text, target.Offset, changes);
    }
}
