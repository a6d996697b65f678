namespace CircuitSim.Netlist;

/// <summary>The names most like a misspelt one, for messages that list what exists (closest first).</summary>
internal static class SimilarNames
{
    /// <summary>Up to <paramref name="count"/> of <paramref name="names"/>, by edit distance to <paramref name="name"/>
    /// (case-insensitive), ties in their given order; "…, (N in all)" when there are more.</summary>
    public static string List(string name, IReadOnlyList<string> names, int count = 6)
    {
        var closest = names
            .Select((n, index) => (n, index, distance: Distance(name.ToLowerInvariant(), n.ToLowerInvariant())))
            .OrderBy(t => t.distance).ThenBy(t => t.index)
            .Take(count).Select(t => t.n);
        var text = string.Join(", ", closest);
        return names.Count > count ? text + $", … ({names.Count} in all)" : text;
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
