using System.Globalization;

namespace CircuitSim.Output;

/// <summary>Tick label text: engineering units with one SI prefix per axis ("2.5 ns", "100 mV"), or plain numbers.</summary>
public static class TickLabels
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Labels of linear ticks <paramref name="step"/> apart, sharing one SI prefix (chosen from the largest tick) and
    /// one number of decimals; <paramref name="exponent3"/> is the shared power of ten (a multiple of 3).
    /// </summary>
    public static string[] Linear(double[] ticks, double step, PlotAxis axis, out int exponent3)
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
                : Join(ticks[i].ToString("F" + decimals, Inv), axis.Unit);
            if (ticks[i] == 0 && labels[i].StartsWith('-')) labels[i] = labels[i][1..];
            labels[i] = Minus(labels[i]);
        }
        return labels;
    }

    /// <summary>The label of a tick on a log axis (the value itself, not its logarithm).</summary>
    public static string Log(double value, PlotAxis axis) =>
        Minus(axis.UseSiPrefixes ? EngineeringFormat.Format(value, axis.Unit, 3) : Join(value.ToString("G4", Inv), axis.Unit));

    /// <summary>Replaces a leading hyphen-minus with a typographic minus sign.</summary>
    public static string Minus(string s) => s.StartsWith('-') ? "−" + s[1..] : s;

    private static string Join(string number, string unit) =>
        string.IsNullOrEmpty(unit) ? number : unit == "°" ? number + unit : number + " " + unit;
}
