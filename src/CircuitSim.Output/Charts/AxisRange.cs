namespace CircuitSim.Output;

/// <summary>
/// The range an axis shows, in data units: from the data (finite values only; positive ones on log axes), the
/// axis's fixed limits and padding, with fallbacks for empty or constant data.
/// </summary>
internal readonly record struct AxisRange(double Min, double Max, bool HasData)
{
    public static AxisRange Create(PlotAxis axis, IEnumerable<double> data, double defaultPadding, bool includeZero = false)
    {
        bool log = axis.Scale == AxisScale.Log;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in data)
        {
            if (!double.IsFinite(v) || (log && v <= 0)) continue;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        bool hasData = lo <= hi;
        if (includeZero && !log)
        {
            if (!hasData) { lo = 0; hi = 1; }
            lo = Math.Min(lo, 0);
            hi = Math.Max(hi, 0);
        }
        if (!hasData && !includeZero) { lo = log ? 1 : 0; hi = log ? 10 : 1; }

        double pad = axis.Padding ?? defaultPadding;
        bool fixedLo = axis.Min is double mn && (!log || mn > 0);
        bool fixedHi = axis.Max is double mx && (!log || mx > 0);
        if (fixedLo) lo = axis.Min!.Value;
        if (fixedHi) hi = axis.Max!.Value;
        if (lo > hi) (lo, hi) = (hi, lo);
        return log ? LogRange(lo, hi, pad, fixedLo, fixedHi, hasData) : LinearRange(lo, hi, pad, fixedLo, fixedHi, includeZero, hasData);
    }

    private static AxisRange LogRange(double lo, double hi, double pad, bool fixedLo, bool fixedHi, bool hasData)
    {
        double a = Math.Log10(lo), b = Math.Log10(hi);
        if (b - a < 1e-12)
        {
            if (!fixedLo) a -= 0.5;
            if (!fixedHi) b += 0.5;
            if (b - a < 1e-12) { a -= 0.5; b += 0.5; }
        }
        else
        {
            double span = b - a;
            if (!fixedLo) a -= pad * span;
            if (!fixedHi) b += pad * span;
        }
        return new AxisRange(Math.Pow(10, a), Math.Pow(10, b), hasData);
    }

    private static AxisRange LinearRange(double lo, double hi, double pad, bool fixedLo, bool fixedHi, bool includeZero, bool hasData)
    {
        if (hi - lo <= Math.Max(Math.Abs(hi), Math.Abs(lo)) * 1e-12 || hi == lo)
        {
            double c = (hi + lo) / 2;
            double d = c == 0 ? 1 : Math.Abs(c) * 0.1;
            if (!fixedLo) lo = c - d;
            if (!fixedHi) hi = c + d;
            if (hi <= lo) { lo = c - d; hi = c + d; }
            return new AxisRange(lo, hi, hasData);
        }
        // A range that starts just after zero (a transient from t = 5 ns) starts at zero.
        if (!fixedLo && lo > 0 && lo <= 0.02 * (hi - lo)) lo = 0;
        if (!fixedHi && hi < 0 && -hi <= 0.02 * (hi - lo)) hi = 0;
        double span = hi - lo;
        if (!fixedLo && !(includeZero && lo == 0)) lo -= pad * span;
        if (!fixedHi && !(includeZero && hi == 0)) hi += pad * span;
        return new AxisRange(lo, hi, hasData);
    }

    /// <summary>The range as drawn: log10 of the limits on a log axis (the data are drawn as log10 too).</summary>
    public (double Min, double Max) Drawn(AxisScale scale) =>
        scale == AxisScale.Log ? (Math.Log10(Min), Math.Log10(Max)) : (Min, Max);
}
