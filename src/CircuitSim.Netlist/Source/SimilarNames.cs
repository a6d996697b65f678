namespace CircuitSim.Netlist;

/// <summary>The names most like a misspelt one, for messages that list what exists (closest first).</summary>
internal static class SimilarNames
{
    /// <summary>Up to <paramref name="count"/> of <paramref name="names"/>, by edit distance to <paramref name="name"/>
    /// (case-insensitive), ties in their given order; "…, (N in all)" when there are more.</summary>
    public static string List(string name, IReadOnlyList<string> names, int count = 6)
    {
        var closest = Closest(names, name, count);
        var text = string.Join(", ", closest);
        return names.Count > count ? text + $", … ({names.Count} in all)" : text;
    }

    /// <summary>The <paramref name="count"/> names closest to <paramref name="given"/> (case-insensitive), nearest first,
    /// ties in the names' order.</summary>
    public static IReadOnlyList<string> Closest(IReadOnlyList<string> names, string given, int count)
    {
        var g = given.ToLowerInvariant();
        return names.Select((n, i) => (n, i, d: Distance(g, n.ToLowerInvariant())))
            .OrderBy(t => t.d).ThenBy(t => t.i).Take(count).Select(t => t.n).ToList();
    }

    /// <summary>The single name within two edits of <paramref name="given"/> (the nearest), or null.</summary>
    public static string? Likely(IReadOnlyList<string> names, string given)
    {
        var g = given.ToLowerInvariant();
        string? best = null;
        var bestDistance = 3;
        foreach (var n in names)
        {
            var d = Distance(g, n.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (n, d);
        }
        return best;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
