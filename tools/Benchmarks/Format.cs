using System.Globalization;
using System.Text;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>Medians and spreads of repeated measurements.</summary>
internal static class Stat
{
    public static double Median(IReadOnlyList<double> xs)
    {
        if (xs.Count == 0) return double.NaN;
        var s = xs.OrderBy(x => x).ToArray();
        var m = s.Length / 2;
        return s.Length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /// <summary>The index of the sample closest to the median (the "median run", whose breakdown is shown).</summary>
    public static int MedianIndex(IReadOnlyList<double> xs)
    {
        var m = Median(xs);
        var best = 0;
        for (var i = 1; i < xs.Count; i++)
            if (Math.Abs(xs[i] - m) < Math.Abs(xs[best] - m)) best = i;
        return best;
    }

    /// <summary>"median [min–max] ×n" in engineering units; the spread as ± half the range relative to the median.</summary>
    public static string Cell(IReadOnlyList<double> xs)
    {
        if (xs.Count == 0) return "–";
        if (xs.Count == 1) return $"{Fmt.Time(xs[0])} (n=1)";
        var med = Median(xs);
        var spread = med > 0 ? 50 * (xs.Max() - xs.Min()) / med : 0;
        return $"{Fmt.Time(med)} [{Fmt.Time(xs.Min())}–{Fmt.Time(xs.Max())}, ±{spread.ToString("F0", CultureInfo.InvariantCulture)}%] n={xs.Count}";
    }
}

/// <summary>Number formatting for the tables (invariant culture).</summary>
internal static class Fmt
{
    public static string Time(double seconds)
    {
        if (double.IsNaN(seconds)) return "–";
        var a = Math.Abs(seconds);
        if (a == 0) return "0";
        if (a < 1e-3) return Sig(seconds * 1e6, 3) + " µs";
        if (a < 1) return Sig(seconds * 1e3, 3) + " ms";
        return Sig(seconds, 3) + " s";
    }

    /// <summary>Milliseconds with one decimal (for breakdowns that must add up).</summary>
    public static string Ms(double seconds) =>
        double.IsNaN(seconds) ? "–" : Math.Abs(seconds) < 0.05e-3 ? "0.0" : (seconds * 1e3).ToString("F1", CultureInfo.InvariantCulture);

    public static string Sig(double x, int digits)
    {
        if (x == 0 || double.IsNaN(x) || double.IsInfinity(x)) return x.ToString(CultureInfo.InvariantCulture);
        var mag = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        var decimals = Math.Clamp(digits - 1 - mag, 0, 15);
        return Math.Round(x, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    public static string G(double x, int digits = 7) => double.IsNaN(x) ? "–" : x.ToString("G" + digits, CultureInfo.InvariantCulture);

    public static string Ratio(double ngspice, double ours) =>
        double.IsNaN(ngspice) || double.IsNaN(ours) || ours <= 0 ? "–" : Sig(ngspice / ours, 3) + "×";

    /// <summary>A relative difference as a signed percentage or in scientific notation when tiny.</summary>
    public static string Rel(double r)
    {
        if (double.IsNaN(r)) return "–";
        var a = Math.Abs(r);
        if (a == 0) return "0";
        if (a < 1e-4) return r.ToString("+0.0E+0;-0.0E+0", CultureInfo.InvariantCulture);
        return (r * 100).ToString("+0.000;-0.000", CultureInfo.InvariantCulture) + " %";
    }

    public static string Int(long x) => x.ToString(CultureInfo.InvariantCulture);

    public static string Pct(double part, double whole) =>
        whole > 0 && !double.IsNaN(part) ? Math.Max(0, 100 * part / whole).ToString("F0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>"12.3 (45%)": milliseconds and share of a total.</summary>
    public static string MsPct(double part, double whole) => double.IsNaN(part) ? "–" : $"{Ms(part)} ({Pct(part, whole)})";
}

/// <summary>A GitHub-flavoured Markdown table, padded so it also reads well as plain text.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _right;
    private readonly List<string[]> _rows = new();

    /// <param name="headers">Column titles; a title ending in ">" is right-aligned (the ">" is dropped).</param>
    public MarkdownTable(params string[] headers)
    {
        _right = headers.Select(h => h.EndsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimEnd('>')).ToArray();
    }

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException($"{cells.Length} cells for {_headers.Length} columns");
        _rows.Add(cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)).ToArray());
    }

    public override string ToString()
    {
        var widths = _headers.Select((h, i) => Math.Max(3, _rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        var sb = new StringBuilder();
        string Line(IEnumerable<string> cells) =>
            "| " + string.Join(" | ", cells.Select((c, i) => _right[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |";
        sb.AppendLine(Line(_headers));
        sb.AppendLine("|" + string.Join("|", widths.Select((w, i) => _right[i] ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var r in _rows) sb.AppendLine(Line(r));
        return sb.ToString();
    }
}
