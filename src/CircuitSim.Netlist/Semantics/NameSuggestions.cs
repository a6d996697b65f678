namespace CircuitSim.Netlist.Semantics;

/// <summary>"Did you mean" help for misspelt names: edit distances to the names that exist.</summary>
internal static class NameSuggestions
{
    /// <summary>Levenshtein distance (insertions, deletions and substitutions), case as given.</summary>
    public static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) row[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
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
}
