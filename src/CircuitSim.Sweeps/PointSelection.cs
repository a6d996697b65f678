using System.Globalization;
using System.Text;

namespace CircuitSim.Sweeps;

/// <summary>
/// Which points of a plan a worker runs: a list such as <c>0-9,12,20-23</c> (<c>--points</c>), or slice i of N
/// (<c>--shard i/N</c>: contiguous, sizes differing by at most one, the same on every machine).
/// </summary>
public static class PointSelection
{
    /// <exception cref="SweepException">Not a list of indices and ranges inside the plan.</exception>
    public static IReadOnlyList<int> Parse(string text, int pointCount)
    {
        var result = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            var (a, b) = dash < 0 ? (Index(part, text), Index(part, text)) : (Index(part[..dash], text), Index(part[(dash + 1)..], text));
            if (b < a) throw new SweepException($"--points '{text}': range {part} runs backwards");
            if (b >= pointCount) throw new SweepException($"--points '{text}': point {b} is beyond the plan's {pointCount} points (0–{pointCount - 1})");
            for (var i = a; i <= b; i++) result.Add(i);
        }
        if (result.Count == 0) throw new SweepException($"--points '{text}' names no point");
        return result.ToList();
    }

    private static int Index(string s, string whole) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i
            : throw new SweepException($"--points '{whole}': '{s}' is not a point index (expected e.g. 0-9,12)");

    /// <summary>Parses <c>i/N</c> (0 ≤ i &lt; N).</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        var slash = text.IndexOf('/');
        if (slash > 0 && int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && i < n)
            return (i, n);
        throw new SweepException($"--shard '{text}': expected i/N with 0 ≤ i < N (e.g. 3/8; a Kubernetes Indexed Job passes $JOB_COMPLETION_INDEX as i)");
    }

    /// <summary>The points of shard <paramref name="index"/> of <paramref name="count"/>: [⌊i·P/N⌋, ⌊(i+1)·P/N⌋).</summary>
    public static IReadOnlyList<int> Shard(int index, int count, int pointCount)
    {
        var start = (int)((long)index * pointCount / count);
        var end = (int)((long)(index + 1) * pointCount / count);
        return Enumerable.Range(start, end - start).ToList();
    }

    /// <summary>Packs points into chunks of at most <paramref name="perChunk"/>, each written compactly (<c>0-9</c>).</summary>
    public static IReadOnlyList<string> Chunks(IReadOnlyList<int> points, int perChunk) =>
        points.Chunk(perChunk).Select(Format).ToList();

    /// <summary>Sorted indices as ranges: 0,1,2,5,7,8 → <c>0-2,5,7-8</c>.</summary>
    public static string Format(IEnumerable<int> points)
    {
        var sorted = points.Distinct().Order().ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i) sb.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return sb.ToString();
    }
}
