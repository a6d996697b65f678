namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Named real vectors over a scale (time), or one point for an operating point: what a run of either simulator
/// produced. Names are canonical ngspice vector names in lower case: <c>v(node)</c>, <c>i(source)</c>.
/// </summary>
internal sealed class Waveforms
{
    private readonly Dictionary<string, double[]> _vectors = new(StringComparer.OrdinalIgnoreCase);

    public Waveforms(string? scaleName, double[] scale)
    {
        ScaleName = scaleName;
        Scale = scale;
    }

    /// <summary>"time", or null for an operating point (then <see cref="Scale"/> is a single 0).</summary>
    public string? ScaleName { get; }
    public double[] Scale { get; }
    public int Points => Scale.Length;
    public IEnumerable<string> Names => _vectors.Keys;

    public void Add(string name, double[] values)
    {
        if (values.Length != Scale.Length) throw new ArgumentException($"vector {name}: {values.Length} values for {Scale.Length} points");
        _vectors[Canonical(name)] = values;
    }

    public bool Has(string name) => _vectors.ContainsKey(Canonical(name));

    /// <exception cref="KeyNotFoundException">No such vector.</exception>
    public double[] Get(string name) => _vectors.TryGetValue(Canonical(name), out var v) ? v
        : throw new KeyNotFoundException($"no vector {name} (have: {string.Join(", ", _vectors.Keys.Take(8))}{(_vectors.Count > 8 ? ", …" : "")})");

    /// <summary>
    /// The canonical form of a vector name: lower case, <c>x#branch</c> → <c>i(x)</c>, a bare node name → <c>v(node)</c>,
    /// spaces removed.
    /// </summary>
    public static string Canonical(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (n.EndsWith("#branch", StringComparison.Ordinal)) return $"i({n[..^7]})";
        if (n.Contains('(', StringComparison.Ordinal) || n.StartsWith('@') || n == "time") return n;
        return $"v({n})";
    }

    /// <summary>The value at scale <paramref name="x"/>, interpolated linearly between the two neighbouring points
    /// (the end values outside the range).</summary>
    public double At(string name, double x) => Interpolate(Scale, Get(name), x);

    public static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (xs.Length == 1 || x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        var i = Array.BinarySearch(xs, x);
        if (i >= 0)
        {
            // several points may share a scale value (breakpoints): take the last one
            while (i + 1 < xs.Length && xs[i + 1] == x) i++;
            return ys[i];
        }
        i = ~i; // xs[i-1] < x < xs[i]
        var x0 = xs[i - 1];
        var x1 = xs[i];
        return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - x0) / (x1 - x0);
    }

    /// <summary>The first scale value at which the vector crosses <paramref name="level"/> in either direction
    /// (linear interpolation between points), or null.</summary>
    public double? FirstCrossing(string name, double level)
    {
        var y = Get(name);
        for (var k = 1; k < y.Length; k++)
        {
            var a = y[k - 1] - level;
            var b = y[k] - level;
            if (a == 0 && k == 1) return Scale[0];
            if ((a < 0 && b >= 0) || (a > 0 && b <= 0))
                return Scale[k - 1] + (Scale[k] - Scale[k - 1]) * a / (a - b);
        }
        return null;
    }

    /// <summary>Keeps only points where the scale strictly increases (of points sharing a scale value, the last),
    /// which interpolation needs.</summary>
    public Waveforms Monotonic()
    {
        if (ScaleName is null) return this;
        var keep = new List<int>();
        for (var k = 0; k < Scale.Length; k++)
        {
            if (keep.Count > 0 && Scale[k] <= Scale[keep[^1]]) keep[^1] = k;
            else keep.Add(k);
        }
        if (keep.Count == Scale.Length) return this;
        var w = new Waveforms(ScaleName, keep.Select(k => Scale[k]).ToArray());
        foreach (var (name, v) in _vectors) w.Add(name, keep.Select(k => v[k]).ToArray());
        return w;
    }
}
