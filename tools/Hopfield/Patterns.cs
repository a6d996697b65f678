namespace CircuitSim.Tools.Hopfield;

/// <summary>Binary input patterns of a K-neuron network: signs ±1, written "+-+-".</summary>
public static class Patterns
{
    /// <summary>Parses "+-+-" into signs.</summary>
    public static int[] Parse(string text)
    {
        if (text.Length == 0 || text.Any(c => c is not ('+' or '-')))
            throw new ArgumentException($"a pattern is a string of '+' and '-', got '{text}'");
        return text.Select(c => c == '+' ? 1 : -1).ToArray();
    }

    public static string Name(IReadOnlyList<int> signs) => new(signs.Select(s => s > 0 ? '+' : '-').ToArray());

    /// <summary>A file-name-safe form: "+-+-" → "pmpm".</summary>
    public static string FileName(IReadOnlyList<int> signs) => new(signs.Select(s => s > 0 ? 'p' : 'm').ToArray());

    /// <summary>All 2^K patterns, "++++" first, in binary order (+ = 0).</summary>
    public static IReadOnlyList<int[]> All(int k) =>
        Enumerable.Range(0, 1 << k).Select(p => Enumerable.Range(0, k).Select(i => ((p >> (k - 1 - i)) & 1) == 0 ? 1 : -1).ToArray()).ToList();

    /// <summary>True for the pattern and its global sign flip.</summary>
    public static bool SameUpToSign(IReadOnlyList<int> a, IReadOnlyList<int> b) =>
        a.SequenceEqual(b) || a.Zip(b).All(p => p.First == -p.Second);

    public static bool IsTrivial(IReadOnlyList<int> a) => a.All(s => s == a[0]);
}
