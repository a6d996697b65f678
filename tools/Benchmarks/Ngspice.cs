using System.Globalization;
using System.Text.RegularExpressions;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>One ngspice process: its wall time, whether it was stopped at the time limit, and what
/// <c>.options acct</c> printed (<c>"Transient analysis time" → 0.119</c>, keys without "(seconds)").</summary>
internal sealed record NgspiceRun(double WallSeconds, bool TimedOut, int ExitCode, IReadOnlyDictionary<string, double> Acct, string Output)
{
    public bool Ok => !TimedOut && ExitCode == 0;

    public double? Get(string key) => Acct.TryGetValue(key, out var v) ? v : null;

    /// <summary>ngspice's own analysis time: "Transient analysis time" for a transient, else "Total analysis time"
    /// (for a deck of several .op lines, the sum over them).</summary>
    public double? AnalysisSeconds(bool transient) => transient ? Get("Transient analysis time") : Get("Total analysis time");
}

/// <summary>Runs ngspice 39 in batch mode on copies of the netlists.</summary>
internal sealed partial class Ngspice
{
    private readonly string _exe;

    public Ngspice(string exe) => _exe = exe;

    /// <summary>The first line of <c>ngspice -v</c> that names the version, or a note that ngspice is missing.</summary>
    public string Version()
    {
        var text = Workspace.RunQuiet(_exe, "-v");
        if (text is null) return "ngspice NOT FOUND";
        var line = text.Split('\n').Select(l => l.Trim('*', ' ', '\r')).FirstOrDefault(l => l.StartsWith("ngspice", StringComparison.OrdinalIgnoreCase));
        return line is null ? "ngspice (unknown version)" : line.Split(':')[0].Trim();
    }

    /// <summary>
    /// Writes a copy of a netlist for timing: <c>.options acct</c> added before <c>.end</c>, and with
    /// <paramref name="opRepeat"/> &gt; 1 every <c>.op</c> line repeated that many times (ngspice runs every analysis
    /// line of a deck in turn, re-ordering the matrix for each).
    /// </summary>
    public static string WriteTimingCopy(string source, string directory, string? name = null, int opRepeat = 1)
    {
        var lines = File.ReadAllLines(source).ToList();
        var end = lines.FindLastIndex(l => l.Trim().Equals(".end", StringComparison.OrdinalIgnoreCase));
        if (end < 0) { lines.Add(".end"); end = lines.Count - 1; }
        lines.Insert(end, ".options acct");
        if (opRepeat > 1)
        {
            var expanded = new List<string>();
            foreach (var l in lines)
            {
                if (l.Trim().Equals(".op", StringComparison.OrdinalIgnoreCase)) expanded.AddRange(Enumerable.Repeat(l, opRepeat));
                else expanded.Add(l);
            }
            lines = expanded;
        }
        var path = Path.Combine(directory, name ?? Path.GetFileName(source));
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Runs <c>ngspice -b -r <paramref name="raw"/> <paramref name="netlist"/></c> with a wall-clock limit;
    /// a run past the limit is killed (this process only, by its id).</summary>
    public NgspiceRun Run(string netlist, string raw, double timeoutSeconds, string? logFile = null)
    {
        var full = Path.GetFullPath(netlist);
        var r = ProcessRunner.Run(_exe, new[] { "-b", "-r", raw, full }, Path.GetDirectoryName(full)!, timeoutSeconds);
        if (logFile is not null) File.WriteAllText(logFile, r.Output);
        return new NgspiceRun(r.WallSeconds, r.TimedOut, r.ExitCode, ParseAcct(r.Output), r.Output);
    }

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z .]*?)\s*(\(seconds\))?\s*=\s*([-+0-9.eE]+)\s*$")]
    private static partial Regex AcctLine();

    /// <summary>The <c>name = number</c> lines of ngspice's accounting output; a key seen twice keeps its last value.</summary>
    public static Dictionary<string, double> ParseAcct(string text)
    {
        var d = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n'))
        {
            var m = AcctLine().Match(line.TrimEnd('\r'));
            if (m.Success && double.TryParse(m.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                d[m.Groups[1].Value.Trim()] = v;
        }
        return d;
    }
}
