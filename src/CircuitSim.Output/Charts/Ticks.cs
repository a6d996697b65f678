using System.Globalization;

namespace CircuitSim.Output;

/// <summary>Tick positions for plot axes: 1-2-5 steps on linear axes, decades (with 2..9 minors) on log axes.</summary>
public static class Ticks
{
    /// <summary>
    /// Ticks at multiples of the smallest 1-2-5 step (1, 2, 5 × 10^k) that puts at most
    /// <paramref name="maxCount"/> ticks into [<paramref name="min"/>, <paramref name="max"/>].
    /// Tick values are the doubles nearest to the decimal values (0.3, not 0.30000000000000004).
    /// </summary>
    public static double[] Linear(double min, double max, int maxCount, out double step)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) throw new ArgumentException("Range must be finite.");
        if (min > max) (min, max) = (max, min);
        maxCount = Math.Max(2, maxCount);
        double range = max - min;
        if (range == 0)
        {
            var (m0, e0) = NiceAtLeast(min == 0 ? 1 : Math.Abs(min) / 10);
            step = Decimal(m0, e0);
            return [min];
        }
        // Any step below range/(maxCount+1) gives too many ticks; search upwards from there.
        var (m, e) = NiceAtLeast(range / (maxCount + 1));
        while (true)
        {
            step = Decimal(m, e);
            double first = Math.Ceiling(min / step - 1e-9);
            double last = Math.Floor(max / step + 1e-9);
            if (last - first + 1 <= maxCount)
            {
                var ticks = new double[(int)Math.Max(0, last - first + 1)];
                for (int i = 0; i < ticks.Length; i++) ticks[i] = Decimal((first + i) * m, e);
                return ticks;
            }
            (m, e) = m == 1 ? (2, e) : m == 2 ? (5, e) : (1, e + 1);
        }
    }

    public static double[] Linear(double min, double max, int maxCount) => Linear(min, max, maxCount, out _);

    /// <summary>The smallest 1-2-5 number ≥ x (x &gt; 0), e.g. 0.13 → 0.2, 3 → 5, 7 → 10.</summary>
    public static double NiceStep(double x)
    {
        var (m, e) = NiceAtLeast(x);
        return Decimal(m, e);
    }

    private static (int Mantissa, int Exponent) NiceAtLeast(double x)
    {
        if (!(x > 0) || !double.IsFinite(x)) return (1, 0);
        int e = (int)Math.Floor(Math.Log10(x));
        double n = x / Pow10(e);
        if (n > 10 - 1e-9) { e++; n /= 10; }
        int m = n <= 1 + 1e-9 ? 1 : n <= 2 + 1e-9 ? 2 : n <= 5 + 1e-9 ? 5 : 10;
        return m == 10 ? (1, e + 1) : (m, e);
    }

    /// <summary>The double nearest to mantissa × 10^exponent (exact division by a power of ten).</summary>
    private static double Decimal(double mantissa, int exponent) =>
        exponent >= 0 ? mantissa * Pow10(exponent) : mantissa / Pow10(-exponent);

    /// <summary>
    /// Log-axis ticks for [min, max] (both &gt; 0). Majors are decades (every n-th decade over a wide
    /// range); a range spanning less than two decades gets 1, 2, 5 × 10^k majors, and a range
    /// inside one such step falls back to linear 1-2-5 ticks. Minors are 2..9 × 10^k (for grid lines).
    /// </summary>
    public static (double[] Major, double[] Minor) Log(double min, double max, int maxCount = 10)
    {
        if (!(min > 0) || !(max > 0) || !double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException("Log axis range must be positive and finite.");
        if (min > max) (min, max) = (max, min);
        maxCount = Math.Max(2, maxCount);
        int lo = (int)Math.Floor(Math.Log10(min) + 1e-9);
        int hi = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        var major = new List<double>();
        var minor = new List<double>();
        int inRangeDecades = 0;
        for (int e = lo; e <= hi; e++) if (InRange(Pow10(e), min, max)) inRangeDecades++;
        int every = Math.Max(1, (int)Math.Ceiling(inRangeDecades / (double)maxCount));
        for (int e = lo; e <= hi; e++)
        {
            double d = Pow10(e);
            if (InRange(d, min, max))
            {
                if (FloorMod(e, every) == 0) major.Add(d);
                else minor.Add(d);
            }
            if (every == 1)
            {
                for (int k = 2; k <= 9; k++)
                {
                    double v = k * d;
                    if (InRange(v, min, max)) minor.Add(v);
                }
            }
        }
        if (major.Count < 3 && every == 1)
        {
            var m125 = new List<double>();
            for (int e = lo; e <= hi; e++)
            {
                foreach (int k in (ReadOnlySpan<int>)[1, 2, 5])
                {
                    double v = k * Pow10(e);
                    if (InRange(v, min, max)) m125.Add(v);
                }
            }
            if (m125.Count > major.Count)
            {
                major = m125;
                minor.RemoveAll(v => m125.Exists(x => Math.Abs(x - v) <= 1e-9 * v));
            }
        }
        if (major.Count < 2)
        {
            major = Linear(min, max, Math.Min(maxCount, 6)).Where(v => v > 0).ToList();
            minor.Clear();
        }
        return (major.ToArray(), minor.ToArray());
    }

    private static int FloorMod(int a, int b) => ((a % b) + b) % b;

    private static bool InRange(double v, double min, double max) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);

    // filled on first use (a run formats a handful of exponents; parsing all 601 cost start-up time); a race writes the
    // same value twice
    private static readonly double[] Powers = new double[601];

    /// <summary>10^e, correctly rounded (for |e| ≤ 300).</summary>
    internal static double Pow10(int e)
    {
        if (e is < -300 or > 300) return Math.Pow(10, e);
        var p = Powers[e + 300];
        if (p == 0)
            Powers[e + 300] = p = double.Parse("1e" + e.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return p;
    }
}
