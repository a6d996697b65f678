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
    /// <summary>"file:line:col: error: message", the offending line and a caret under the column.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.Append(Location.Line > 0 ? $"{Location}: " : $"{Location.File}: ");
        sb.Append(Severity == Severity.Error ? "error: " : "warning: ");
        sb.Append(Message);
        if (Expected is not null) sb.Append($" (expected {Expected})");
        if (Location.Line > 0 && Location.LineText.Length > 0)
        {
            var text = Location.LineText.Replace('\t', ' ');
            sb.AppendLine();
            sb.Append("    ").AppendLine(text);
            sb.Append("    ").Append(new string(' ', Math.Max(0, Math.Min(Location.Column - 1, text.Length)))).Append('^');
        }
        return sb.ToString();
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
