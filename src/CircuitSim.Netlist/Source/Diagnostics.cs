using System.Text;

namespace CircuitSim.Netlist;

/// <summary>A place in a netlist file: 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column, string LineText)
{
    public static readonly SourceLocation Unknown = new("<netlist>", 0, 0, "");
    public override string ToString() => $"{File}:{Line}:{Column}";
}

public enum Severity { Error, Warning }

/// <summary>A message about a netlist, with where it is and what was expected there.</summary>
public sealed record NetlistDiagnostic(Severity Severity, SourceLocation Location, string Message, string? Expected = null)
{
    /// <summary>Longest source text quoted under a message, characters; a longer line is cut around the column, so a
    /// huge line is never echoed whole.</summary>
    public const int MaxShown = 160;

    /// <summary>Longest quoted text inside a message, characters.</summary>
    public const int MaxQuoted = 60;

    /// <summary>Longest message (or expectation) shown, characters.</summary>
    public const int MaxMessage = 300;

    /// <summary>"file:line:col: error: message", the offending line (cut around the column when long) and a caret
    /// under the column.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.Append(Location.Line > 0 ? $"{Location}: " : $"{Location.File}: ");
        sb.Append(Severity == Severity.Error ? "error: " : "warning: ");
        sb.Append(Cut(Message));
        if (Expected is not null) sb.Append($" (expected {Cut(Expected)})");
        if (Location.Line > 0 && Location.LineText.Length > 0)
        {
            var (text, caret) = Window(Location.LineText, Location.Column - 1);
            sb.AppendLine();
            sb.Append("    ").AppendLine(text);
            sb.Append("    ").Append(new string(' ', caret)).Append('^');
        }
        return sb.ToString();
    }

    /// <summary>A quoted piece of source text in a message ('…') is cut to <see cref="MaxQuoted"/> characters, then the
    /// whole message to <see cref="MaxMessage"/>.</summary>
    private static string Cut(string text)
    {
        text = OneLine(text);
        if (text.Length > MaxQuoted)
            text = System.Text.RegularExpressions.Regex.Replace(text, "'([^']{" + (MaxQuoted + 1) + ",})'", m => "'" + m.Groups[1].Value[..(MaxQuoted - 1)] + "…'");
        return text.Length <= MaxMessage ? text : text[..(MaxMessage - 1)] + "…";
    }

    /// <summary>Control characters (a NUL, a stray CR) as spaces, so the quoted line and its caret stay aligned.</summary>
    private static string OneLine(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c)) return string.Create(text.Length, text, (span, t) => { for (var i = 0; i < t.Length; i++) span[i] = char.IsControl(t[i]) ? ' ' : t[i]; });
        return text;
    }

    /// <summary>At most <see cref="MaxShown"/> characters of <paramref name="line"/> around <paramref name="column"/>
    /// (0-based), with "…" where it was cut, and where the caret goes in the result.</summary>
    internal static (string Text, int Caret) Window(string line, int column)
    {
        line = OneLine(line);
        column = Math.Clamp(column, 0, line.Length);
        if (line.Length <= MaxShown) return (line, column);
        var start = Math.Clamp(column - MaxShown / 2, 0, line.Length - MaxShown);
        var end = start + MaxShown;
        var text = (start > 0 ? "…" : "") + line[start..end] + (end < line.Length ? "…" : "");
        return (text, column - start + (start > 0 ? 1 : 0));
    }

    public override string ToString() => Format();
}

/// <summary>The netlist has errors; every one found in the pass is listed.</summary>
public sealed class NetlistException : Exception
{
    public NetlistException(IReadOnlyList<NetlistDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Format())))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<NetlistDiagnostic> Diagnostics { get; }
    public IEnumerable<NetlistDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
}

/// <summary>Collects diagnostics so one pass reports several errors.</summary>
public sealed class DiagnosticBag
{
    private readonly List<NetlistDiagnostic> _items = new();

    public IReadOnlyList<NetlistDiagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Error(SourceLocation at, string message, string? expected = null) => Add(new(Severity.Error, at, message, expected));
    public void Warning(SourceLocation at, string message) => Add(new(Severity.Warning, at, message));

    /// <summary>Adds a diagnostic unless the same one (same place, same message) is there already: a bad definition
    /// reached from several uses is reported once.</summary>
    public void Add(NetlistDiagnostic d)
    {
        if (!_items.Contains(d)) _items.Add(d);
    }

    public void ThrowIfErrors()
    {
        if (HasErrors) throw new NetlistException(_items.ToList());
    }
}

/// <summary>Thrown inside the reader to abandon one statement; caught per statement and recorded.</summary>
internal sealed class StatementException : Exception
{
    public StatementException(SourceLocation at, string message, string? expected = null) : base(message)
    {
        Location = at;
        Expected = expected;
    }

    public SourceLocation Location { get; }
    public string? Expected { get; }
}

/// <summary>Which diagnostics a user is shown.</summary>
public static class DiagnosticDisplay
{
    /// <summary>Most diagnostics shown for one netlist.</summary>
    public const int MaxShown = 50;

    /// <summary>
    /// Every diagnostic of the netlist itself and only the first error of each included file (a file that is no
    /// netlist, such as <c>.include /etc/passwd</c>, would otherwise be quoted line by line), each file's remaining
    /// errors counted in one line; at most <see cref="MaxShown"/> in all, the rest counted.
    /// </summary>
    public static List<NetlistDiagnostic> Select(IReadOnlyList<NetlistDiagnostic> diagnostics, string netlistFile)
    {
        var top = SafeFullPath(netlistFile);
        var shown = new List<NetlistDiagnostic>();
        var hidden = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var d in diagnostics)
        {
            var file = d.Location.File;
            var included = d.Location.Line > 0 && SafeFullPath(file) != top;
            if (included && d.Severity == Severity.Error && !seenFiles.Add(file))
            {
                hidden[file] = hidden.GetValueOrDefault(file) + 1;
                continue;
            }
            if (shown.Count >= MaxShown)
            {
                dropped++;
                continue;
            }
            shown.Add(d);
        }
        foreach (var (file, count) in hidden)
            shown.Add(new NetlistDiagnostic(Severity.Error, new SourceLocation(file, 0, 0, ""),
                $"{count} more error{(count == 1 ? "" : "s")} in this included file (not shown; is it a netlist?)"));
        if (dropped > 0)
            shown.Add(new NetlistDiagnostic(Severity.Error, new SourceLocation(netlistFile, 0, 0, ""), $"{dropped} more diagnostics not shown"));
        return shown;
    }

    private static string SafeFullPath(string file)
    {
        try { return Path.GetFullPath(file); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return file; }
    }
}
