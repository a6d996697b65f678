namespace CircuitSim.Tools.Benchmarks;

/// <summary>How far one vector of ours is from ngspice's.</summary>
/// <param name="Error">Max over ngspice's points of |ours − ngspice| / scale, where scale is the range of ngspice's
/// vector (max − min; its magnitude when nearly constant; for an operating point |value|), at least 1e-9.</param>
/// <param name="TubeError">The same with a timing allowance (null without one): each ngspice point may be matched by any
/// of our values within ±time_tol (or ours by any of ngspice's), which absorbs small shifts of steep edges.</param>
/// <param name="At">Where the error is largest (time), or null for an operating point.</param>
internal sealed record VectorComparison(string Name, double Error, double? TubeError, double? At, string? Problem)
{
    public double Effective => TubeError ?? Error;
}

/// <summary>Compares saved vectors of our run with ngspice's on ngspice's own time points (ours interpolated).</summary>
internal static class Compare
{
    private const double Floor = 1e-9;

    public static VectorComparison Vector(Waveforms ours, Waveforms ngspice, string name, double timeTol)
    {
        if (!ours.Has(name)) return new VectorComparison(name, double.NaN, null, null, "not in our output");
        if (!ngspice.Has(name)) return new VectorComparison(name, double.NaN, null, null, "not in ngspice's output");
        var o = ours.Monotonic();
        var r = ngspice.Monotonic();
        var ref_ = r.Get(name);
        var mine = o.Get(name);
        if (r.ScaleName is null || o.ScaleName is null)
        {
            var scaleOp = Math.Max(Math.Abs(ref_[0]), Floor);
            return new VectorComparison(name, Math.Abs(mine[0] - ref_[0]) / scaleOp, null, null, null);
        }
        if (o.Scale[^1] < r.Scale[^1] * (1 - 1e-9))
            return new VectorComparison(name, double.NaN, null, null, $"our run ends at {Fmt.G(o.Scale[^1], 4)} s");

        var range = ref_.Max() - ref_.Min();
        var magnitude = ref_.Max(Math.Abs);
        if (range <= 1e-6 * magnitude) range = magnitude;
        var scale = Math.Max(range, Floor);
        double worst = 0, worstTube = 0;
        double? at = null;
        for (var k = 0; k < r.Points; k++)
        {
            var t = r.Scale[k];
            var mineAtT = Waveforms.Interpolate(o.Scale, mine, t);
            var e = Math.Abs(mineAtT - ref_[k]);
            if (e > worst) { worst = e; at = t; }
            if (timeTol > 0 && e > 0)
            {
                var (oLo, oHi) = RangeOver(o.Scale, mine, t - timeTol, t + timeTol);
                var (rLo, rHi) = RangeOver(r.Scale, ref_, t - timeTol, t + timeTol);
                var tube = Math.Min(Distance(ref_[k], oLo, oHi), Distance(mineAtT, rLo, rHi));
                worstTube = Math.Max(worstTube, tube);
            }
        }
        return new VectorComparison(name, worst / scale, timeTol > 0 ? worstTube / scale : null, at, null);
    }

    private static double Distance(double x, double lo, double hi) => x < lo ? lo - x : x > hi ? x - hi : 0;

    /// <summary>Min and max of a piecewise-linear waveform over [t0, t1].</summary>
    private static (double Lo, double Hi) RangeOver(double[] xs, double[] ys, double t0, double t1)
    {
        var a = Waveforms.Interpolate(xs, ys, t0);
        var b = Waveforms.Interpolate(xs, ys, t1);
        double lo = Math.Min(a, b), hi = Math.Max(a, b);
        var i = Array.BinarySearch(xs, t0);
        if (i < 0) i = ~i;
        for (; i < xs.Length && xs[i] <= t1; i++)
        {
            lo = Math.Min(lo, ys[i]);
            hi = Math.Max(hi, ys[i]);
        }
        return (lo, hi);
    }

    /// <summary>The vectors a generated netlist names for checking (<c>*@output</c>, else <c>.save</c>) and its
    /// tolerances (<c>*@tol</c>, <c>*@time_tol</c>).</summary>
    public static (List<string> Vectors, double? Tol, double TimeTol) Metadata(string netlist)
    {
        var vectors = new List<string>();
        double? tol = null;
        double timeTol = 0;
        var saves = new List<string>();
        foreach (var raw in File.ReadLines(netlist))
        {
            var line = raw.Trim();
            var parts = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (parts[0].Equals("*@output", StringComparison.OrdinalIgnoreCase)) vectors.AddRange(parts.Skip(1));
            else if (parts[0].Equals("*@tol", StringComparison.OrdinalIgnoreCase)) tol = Parse(parts[1]);
            else if (parts[0].Equals("*@time_tol", StringComparison.OrdinalIgnoreCase)) timeTol = Parse(parts[1]) ?? 0;
            else if (parts[0].Equals(".save", StringComparison.OrdinalIgnoreCase)) saves.AddRange(parts.Skip(1));
        }
        return (vectors.Count > 0 ? vectors : saves, tol, timeTol);
    }

    private static double? Parse(string s) =>
        double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
