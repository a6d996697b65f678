namespace CircuitSim.Output;

/// <summary>Range, ticks, labels and the data-to-pixel mapping of one axis (internal to the charts).</summary>
internal sealed class AxisLayout
{
    public AxisScale Scale { get; private init; }
    public double Min { get; private set; }
    public double Max { get; private set; }
    public double[] Major { get; private set; } = [];
    public double[] Minor { get; private set; } = [];
    public string[] Labels { get; private set; } = [];
    public bool HasData { get; private init; }

    /// <summary>Engineering exponent shared by the linear tick labels (0 for log axes).</summary>
    public int LabelExponent3 { get; private set; }

    /// <summary>Pixel positions of Min and Max.</summary>
    public double P0 { get; set; }
    public double P1 { get; set; }

    public double Map(double v)
    {
        double f = Scale == AxisScale.Log
            ? (Math.Log10(v) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
            : (v - Min) / (Max - Min);
        return P0 + f * (P1 - P0);
    }

    public bool Accepts(double v) => double.IsFinite(v) && (Scale == AxisScale.Linear || v > 0);

    /// <summary>
    /// Builds the range from the data (finite values only; positive ones on log axes), the axis
    /// limits and padding, with fallbacks for empty or constant data.
    /// </summary>
    public static AxisLayout Create(PlotAxis axis, IEnumerable<double> data, double defaultPadding, bool includeZero = false)
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
            if (!hasData) { lo = 0; hi = 1; hasData = false; }
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

        if (log)
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
            lo = Math.Pow(10, a);
            hi = Math.Pow(10, b);
        }
        else
        {
            if (hi - lo <= Math.Max(Math.Abs(hi), Math.Abs(lo)) * 1e-12 || hi == lo)
            {
                double c = (hi + lo) / 2;
                double d = c == 0 ? 1 : Math.Abs(c) * 0.1;
                if (!fixedLo) lo = c - d;
                if (!fixedHi) hi = c + d;
                if (hi <= lo) { lo = c - d; hi = c + d; }
            }
            else
            {
                // A range that starts just after zero (a transient from t = 5 ns) starts at zero.
                if (!fixedLo && lo > 0 && lo <= 0.02 * (hi - lo)) lo = 0;
                if (!fixedHi && hi < 0 && -hi <= 0.02 * (hi - lo)) hi = 0;
                double span = hi - lo;
                bool zeroLo = includeZero && lo == 0;
                bool zeroHi = includeZero && hi == 0;
                if (!fixedLo && !zeroLo) lo -= pad * span;
                if (!fixedHi && !zeroHi) hi += pad * span;
            }
        }
        return new AxisLayout { Scale = axis.Scale, Min = lo, Max = hi, HasData = hasData };
    }

    /// <summary>Chooses ticks for the available pixel length and makes their labels.</summary>
    public void MakeTicks(PlotAxis axis, double pixelLength, double minSpacingPx, bool horizontal)
    {
        int maxCount = Math.Max(2, (int)(pixelLength / minSpacingPx) + 1);
        for (int attempt = 0; attempt < 8; attempt++)
        {
            if (Scale == AxisScale.Log)
            {
                (Major, Minor) = Ticks.Log(Min, Max, maxCount);
                Labels = Array.ConvertAll(Major, v => LogLabel(v, axis));
            }
            else
            {
                Major = Ticks.Linear(Min, Max, maxCount, out double step);
                Minor = [];
                Labels = LinearLabels(Major, step, axis, out int e3);
                LabelExponent3 = e3;
            }
            if (!horizontal || Major.Length < 2) return;
            // Horizontal axis: make sure neighbouring labels do not collide.
            double widest = Labels.Max(l => Svg.TextWidth(l, 11));
            double spacing = Scale == AxisScale.Log ? MinSpacing() : (Major[1] - Major[0]) / (Max - Min) * pixelLength;
            if (widest + 10 <= spacing || maxCount <= 2) return;
            maxCount = Math.Max(2, maxCount - 1);
        }

        double MinSpacing()
        {
            double s = double.PositiveInfinity;
            for (int i = 1; i < Major.Length; i++)
            {
                double a = Math.Log10(Major[i - 1]), b = Math.Log10(Major[i]);
                s = Math.Min(s, (b - a) / (Math.Log10(Max) - Math.Log10(Min)) * pixelLength);
            }
            return s;
        }
    }

    private static string LogLabel(double v, PlotAxis axis)
    {
        if (!axis.UseSiPrefixes)
            return Svg.Minus(PlainJoin(v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), axis.Unit));
        return Svg.Minus(EngineeringFormat.Format(v, axis.Unit, 3));
    }

    /// <summary>Labels sharing one SI prefix (chosen from the largest tick) and one number of decimals.</summary>
    internal static string[] LinearLabels(double[] ticks, double step, PlotAxis axis, out int exponent3)
    {
        double maxAbs = 0;
        foreach (var t in ticks) maxAbs = Math.Max(maxAbs, Math.Abs(t));
        int exp3 = 0;
        if (axis.UseSiPrefixes)
        {
            exp3 = EngineeringFormat.Exponent3(maxAbs == 0 ? step : maxAbs);
            if (string.IsNullOrEmpty(axis.Unit) && exp3 is >= -3 and <= 3) exp3 = 0; // plain numbers for unitless axes
        }
        exponent3 = exp3;
        double scaledStep = step / Ticks.Pow10(exp3);
        int decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(scaledStep) - 1e-9), 0, 15);
        var labels = new string[ticks.Length];
        for (int i = 0; i < ticks.Length; i++)
        {
            labels[i] = axis.UseSiPrefixes
                ? EngineeringFormat.FormatFixed(ticks[i], exp3, decimals, axis.Unit)
                : PlainJoin(ticks[i].ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture), axis.Unit);
            if (ticks[i] == 0) labels[i] = ZeroLabel(labels[i]);
            labels[i] = Svg.Minus(labels[i]);
        }
        return labels;
    }

    private static string ZeroLabel(string label) => label.StartsWith('-') ? label[1..] : label;

    private static string PlainJoin(string number, string unit) =>
        string.IsNullOrEmpty(unit) ? number : unit == "°" ? number + unit : number + " " + unit;
}
