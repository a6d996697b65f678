using System.Globalization;

namespace CircuitSim.Output;

/// <summary>
/// Engineering notation with SI prefixes (f p n µ m k M G T): <c>Format(1.5e-9)</c> = <c>1.5n</c>,
/// <c>Format(2.5e-9, "s")</c> = <c>2.5 ns</c>, <c>Format(0.1, "V")</c> = <c>100 mV</c>.
/// Values outside the prefix range use exponent notation (<c>1e-18</c>).
/// </summary>
public static class EngineeringFormat
{
    private const int MinExponent = -15;
    private const int MaxExponent = 12;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Formats <paramref name="value"/> with at most <paramref name="significantDigits"/> significant
    /// digits (trailing zeros dropped) and an SI prefix. With a <paramref name="unit"/> the result is
    /// <c>number + space + prefix + unit</c>, without one the prefix follows the number directly
    /// (SPICE style, <c>1.5n</c>). <paramref name="asciiMicro"/> writes <c>u</c> instead of <c>µ</c>.
    /// </summary>
    public static string Format(double value, string unit = "", int significantDigits = 4, bool asciiMicro = false)
    {
        if (significantDigits < 1) significantDigits = 1;
        if (significantDigits > 17) significantDigits = 17;
        unit ??= "";
        if (double.IsNaN(value)) return Join("NaN", "", unit);
        if (double.IsInfinity(value)) return Join(value > 0 ? "Inf" : "-Inf", "", unit);
        if (value == 0) return Join("0", "", unit);
        // Below f: exponent notation (rounding 1e-30 in units of f would ask Math.Round for 19 decimals).
        if (Math.Abs(value) < Pow10(MinExponent) * 0.9995)
            return Join(value.ToString("G" + significantDigits.ToString(Inv), Inv).Replace("E", "e"), "", unit);

        int exp3 = Exponent3(value);
        double scaled = value / Pow10(exp3);
        int intDigits = (int)Math.Floor(Math.Log10(Math.Abs(scaled))) + 1;
        int decimals = Math.Max(0, significantDigits - intDigits);
        double rounded = Math.Round(scaled, decimals, MidpointRounding.AwayFromZero);
        if (Math.Abs(rounded) >= 1000 && exp3 + 3 <= MaxExponent)
        {
            exp3 += 3;
            scaled = value / Pow10(exp3);
            intDigits = (int)Math.Floor(Math.Log10(Math.Abs(scaled))) + 1;
            decimals = Math.Max(0, significantDigits - intDigits);
            rounded = Math.Round(scaled, decimals, MidpointRounding.AwayFromZero);
        }
        if (Math.Abs(value) < Pow10(MinExponent) * 0.9995 || Math.Abs(rounded) >= 1000)
        {
            // Outside f..T: plain exponent notation, e.g. 1e-18 or 2.5e+15.
            var s = value.ToString("G" + significantDigits.ToString(Inv), Inv).Replace("E", "e");
            return Join(s, "", unit);
        }
        var number = rounded.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), Inv);
        if (number == "-0") number = "0";
        return Join(number, Prefix(exp3, asciiMicro), unit);
    }

    /// <summary>Formats <paramref name="value"/> in units of 10^<paramref name="exponent3"/> with exactly
    /// <paramref name="decimals"/> decimals: <c>FormatFixed(0.0015, -3, 1, "s")</c> = <c>1.5 ms</c>.
    /// Used for axis labels that share one prefix.</summary>
    public static string FormatFixed(double value, int exponent3, int decimals, string unit = "", bool asciiMicro = false)
    {
        decimals = Math.Clamp(decimals, 0, 15);
        double scaled = value / Pow10(exponent3);
        var number = scaled.ToString("F" + decimals.ToString(Inv), Inv);
        if (IsNegativeZero(number)) number = number[1..];
        return Join(number, Prefix(exponent3, asciiMicro), unit ?? "");
    }

    /// <summary>The engineering exponent (multiple of 3, clamped to -15..12) for a value: 1.5e-9 gives -9.</summary>
    public static int Exponent3(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return 0;
        int e = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        // Guard against log10 rounding just below an exact power of ten.
        if (Math.Abs(value) >= Pow10(e + 1)) e++;
        int e3 = (int)Math.Floor(e / 3.0) * 3;
        return Math.Clamp(e3, MinExponent, MaxExponent);
    }

    /// <summary>The SI prefix for an engineering exponent: -9 gives <c>n</c>, 0 gives an empty string.</summary>
    public static string Prefix(int exponent3, bool asciiMicro = false) => exponent3 switch
    {
        -15 => "f",
        -12 => "p",
        -9 => "n",
        -6 => asciiMicro ? "u" : "µ",
        -3 => "m",
        0 => "",
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        _ => throw new ArgumentOutOfRangeException(nameof(exponent3), exponent3, "No SI prefix for this exponent."),
    };

    internal static double Pow10(int e) => Ticks.Pow10(e);

    private static bool IsNegativeZero(string number)
    {
        if (number.Length < 2 || number[0] != '-') return false;
        for (int i = 1; i < number.Length; i++) if (number[i] is not ('0' or '.')) return false;
        return true;
    }

    private static string Join(string number, string prefix, string unit)
    {
        if (unit.Length == 0) return number + prefix;
        if (unit == "°") return number + prefix + unit;
        return number + " " + prefix + unit;
    }
}
