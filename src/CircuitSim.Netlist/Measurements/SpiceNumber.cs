using System.Globalization;

namespace CircuitSim.Netlist.Measurements;

/// <summary>SPICE numbers: a decimal mantissa, an optional exponent, an optional scale suffix
/// (T G MEG K MIL M U N P F A, case-insensitive) and optional trailing unit letters, which are ignored (<c>1.65v</c>, <c>10ns</c>).</summary>
internal static class SpiceNumber
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var s = text.AsSpan();
        int i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        int digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        int mantissaEnd = i;
        int exponent = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) j++;
            int expDigitsStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            if (j > expDigitsStart)
            {
                if (!int.TryParse(s[(i + 1)..j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                    return false;
                i = j;
            }
        }
        var suffix = s[i..];
        foreach (char c in suffix)
            if (!char.IsAsciiLetter(c)) return false;

        int scaleExponent = 0;
        double factor = 1;
        if (suffix.Length > 0)
        {
            if (suffix.StartsWith("meg", StringComparison.OrdinalIgnoreCase)) scaleExponent = 6;
            else if (suffix.StartsWith("mil", StringComparison.OrdinalIgnoreCase)) factor = 25.4e-6;
            else
            {
                scaleExponent = char.ToLowerInvariant(suffix[0]) switch
                {
                    't' => 12,
                    'g' => 9,
                    'k' => 3,
                    'm' => -3,
                    'u' => -6,
                    'n' => -9,
                    'p' => -12,
                    'f' => -15,
                    'a' => -18,
                    _ => 0, // a unit such as V or s
                };
            }
        }
        // Re-parse with the combined exponent so that "0.3m" is exactly the double nearest 0.3e-3.
        var combined = string.Concat(s[..mantissaEnd], "e", (exponent + scaleExponent).ToString(CultureInfo.InvariantCulture));
        if (!double.TryParse(combined, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        value *= factor;
        return double.IsFinite(value);
    }
}
