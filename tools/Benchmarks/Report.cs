using System.Text;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// The Markdown document of one suite: a header saying where and how it was measured, then sections. It is saved to
/// <c>results/&lt;suite&gt;-&lt;yyyyMMdd-HHmm&gt;.md</c> after every section (a run stopped half-way keeps what it had)
/// and printed to stdout when the suite ends.
/// </summary>
internal sealed class Report
{
    private readonly List<string> _sections = new();
    private readonly string _header;
    private readonly string? _loadAtStart;

    public Report(Workspace ws, string suite, string title, string machine, string method)
    {
        var started = DateTime.Now;
        Path = System.IO.Path.Combine(ws.ResultsDir, $"{suite}-{Workspace.Stamp(started)}.md");
        _loadAtStart = Workspace.LoadAverage();
        var sb = new StringBuilder();
        sb.AppendLine($"# CircuitSim benchmark: {title}");
        sb.AppendLine();
        sb.AppendLine($"Measured {started:yyyy-MM-dd HH:mm} (local time) on {machine}.");
        sb.AppendLine();
        sb.AppendLine("**These numbers come from a shared machine** (other people build and test on it at the same time): " +
                      "single runs are noisy, so compare medians, and read the spread ([min–max], ± half the range relative to the median) " +
                      "before trusting a difference. CircuitSim and ngspice runs of a case are interleaved so that load changes hit both.");
        sb.AppendLine();
        sb.AppendLine(method);
        _header = sb.ToString();
    }

    public string Path { get; }

    /// <summary>Drops the sections added so far (a suite that rebuilds its tables as cases finish).</summary>
    public void Reset() => _sections.Clear();

    public void Add(string markdown)
    {
        _sections.Add(markdown.TrimEnd() + Environment.NewLine);
        Save();
    }

    public void Add(string heading, MarkdownTable table, string? note = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## {heading}");
        sb.AppendLine();
        sb.Append(table);
        if (note is not null)
        {
            sb.AppendLine();
            sb.AppendLine(note);
        }
        Add(sb.ToString());
    }

    private string Document(bool finished)
    {
        var sb = new StringBuilder(_header);
        foreach (var s in _sections)
        {
            sb.AppendLine();
            sb.Append(s);
        }
        sb.AppendLine();
        var load = Workspace.LoadAverage();
        if (finished)
            sb.AppendLine($"Load average (1/5/15 min) at start: {_loadAtStart ?? "?"}; at end: {load ?? "?"} ({Environment.ProcessorCount} logical cores).");
        else sb.AppendLine("*(incomplete: the run is still going or was stopped)*");
        return sb.ToString();
    }

    private void Save() => File.WriteAllText(Path, Document(false));

    /// <summary>Saves the final document and prints it.</summary>
    public void Finish()
    {
        var doc = Document(true);
        File.WriteAllText(Path, doc);
        Console.Out.WriteLine(doc);
        Console.Out.Flush();
        Measurement.Progress($"results written to {Path}");
    }
}
