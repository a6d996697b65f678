namespace CircuitSim.Netlist.Tests.Support;

/// <summary>
/// The comparison of the reference folder's compare_csv.py: per column, the largest |test − ref| over the reference
/// points divided by the reference range (|ref| for an operating point or a constant column, floor 1e-9); the test
/// waveform is interpolated linearly onto the reference scale. With a time tolerance a point also passes when the
/// value is reached within ±DT (a tube that absorbs edge and phase jitter).
/// </summary>
public static class WaveformComparison
{
    public sealed record ColumnError(string Name, double Error, double At);

    public static ColumnError Compare(string name, double[] refScale, double[] reference, double[] testScale, double[] test,
        double timeTolerance, bool operatingPoint)
    {
        const double floor = 1e-9;
        if (operatingPoint)
            return new ColumnError(name, Math.Abs(test[0] - reference[0]) / Math.Max(Math.Abs(reference[0]), floor), 0);
        var range = reference.Max() - reference.Min();
        var magnitude = reference.Max(Math.Abs);
        if (range <= 1e-6 * magnitude) range = magnitude;
        range = Math.Max(range, floor);
        var nested = Enumerable.Range(0, refScale.Length - 1).Any(i => refScale[i + 1] < refScale[i]);
        double worst = 0, at = double.NaN;
        for (var k = 0; k < refScale.Length; k++)
        {
            var x = refScale[k];
            var value = nested || (testScale.Length == refScale.Length && testScale[k] == x) ? test[k] : Interpolate(testScale, test, x);
            var e = Math.Abs(value - reference[k]);
            if (timeTolerance > 0 && e > 0 && !nested)
            {
                var (vmin, vmax) = RangeOver(testScale, test, x - timeTolerance, x + timeTolerance);
                var e1 = Distance(reference[k], vmin, vmax);
                var (rmin, rmax) = RangeOfSamples(refScale, reference, x - timeTolerance, x + timeTolerance);
                var e2 = Distance(value, rmin, rmax);
                e = Math.Min(e1, e2);
            }
            if (e > worst) (worst, at) = (e, x);
        }
        return new ColumnError(name, worst / range, at);
    }

    private static double Distance(double v, double lo, double hi) => v >= lo && v <= hi ? 0 : Math.Min(Math.Abs(lo - v), Math.Abs(hi - v));

    private static (double, double) RangeOver(double[] xs, double[] ys, double a, double b)
    {
        double lo = Math.Min(Interpolate(xs, ys, a), Interpolate(xs, ys, b)), hi = Math.Max(Interpolate(xs, ys, a), Interpolate(xs, ys, b));
        for (var i = LowerBound(xs, a); i < xs.Length && xs[i] <= b; i++)
        {
            lo = Math.Min(lo, ys[i]);
            hi = Math.Max(hi, ys[i]);
        }
        return (lo, hi);
    }

    private static (double, double) RangeOfSamples(double[] xs, double[] ys, double a, double b)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = LowerBound(xs, a); i < xs.Length && xs[i] <= b; i++)
        {
            lo = Math.Min(lo, ys[i]);
            hi = Math.Max(hi, ys[i]);
        }
        return (lo, hi);
    }

    private static int LowerBound(double[] xs, double x)
    {
        int lo = 0, hi = xs.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (xs[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public static double Interpolate(double[] xs, double[] ys, double x)
    {
        var i = LowerBound(xs, x);
        if (i <= 0) return ys[0];
        if (i >= xs.Length) return ys[^1];
        var x0 = xs[i - 1];
        var x1 = xs[i];
        return x1 == x0 ? ys[i] : ys[i - 1] + (ys[i] - ys[i - 1]) * (x - x0) / (x1 - x0);
    }
}
