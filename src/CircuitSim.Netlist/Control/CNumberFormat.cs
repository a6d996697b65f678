using System.Globalization;

namespace CircuitSim.Netlist.Control;

/// <summary>C's <c>%.*e</c> and <c>%.*g</c>, which ngspice's tables use (two-digit exponents at least, "nan", "inf").</summary>
internal static class CNumberFormat
{
    /// <summary><c>%.{precision}e</c>: one digit, the point, <paramref name="precision"/> digits, e±dd.</summary>
    public static string E(double value, int precision)
    {
        if (!double.IsFinite(value)) return NonFinite(value);
        var format = precision > 0 ? "0." + new string('0', precision) + "e+00" : "0e+00";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary><c>%.{precision}g</c>: <paramref name="precision"/> significant digits, exponential when the exponent
    /// is below −4 or not below the precision, trailing zeros dropped.</summary>
    public static string G(double value, int precision)
    {
        if (!double.IsFinite(value)) return NonFinite(value);
        if (precision < 1) precision = 1;
        if (value == 0) return "0";
        var exponential = E(value, precision - 1);
        var exponent = int.Parse(exponential[(exponential.IndexOf('e') + 1)..], CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= precision)
        {
            var mantissa = exponential[..exponential.IndexOf('e')];
            return TrimZeros(mantissa) + exponential[exponential.IndexOf('e')..];
        }
        var fixedText = value.ToString("F" + Math.Max(0, precision - 1 - exponent), CultureInfo.InvariantCulture);
        return TrimZeros(fixedText);
    }

    private static string TrimZeros(string text)
    {
        if (!text.Contains('.')) return text;
        text = text.TrimEnd('0');
        return text.EndsWith('.') ? text[..^1] : text;
    }

    private static string NonFinite(double value) => double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
}
