using System.Globalization;

namespace CircuitSim.Core.Expressions;

/// <summary>
/// SPICE numbers: <c>1.5k</c>, <c>10uF</c>, <c>1meg</c>, <c>2.2e-9</c>, <c>25mil</c>. The scale suffix is
/// case-insensitive (f p n u m k meg g t mil); letters after it are ignored, as in SPICE ("uF", "kOhm").
/// </summary>
public static class EngineeringNumber
{
    /// <summary>Parses a whole token; false when it is not a number.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var sign = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        var length = MantissaLength(text, sign);
        if (length == 0) return false;
        if (!double.TryParse(text.AsSpan(0, sign + length), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        var suffix = text.AsSpan(sign + length);
        foreach (var c in suffix)
            if (!char.IsLetter(c)) return false;
        value *= Scale(suffix);
        return true;
    }

    public static double Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a number");

    /// <summary>Length of the numeric part (digits, point, exponent) starting at <paramref name="start"/>.</summary>
    public static int MantissaLength(string text, int start)
    {
        var i = start;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        }
        if (digits == 0) return 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-')) j++;
            var expDigits = 0;
            while (j < text.Length && char.IsAsciiDigit(text[j])) { j++; expDigits++; }
            if (expDigits > 0) i = j;
        }
        return i - start;
    }

    /// <summary>The multiplier of a suffix (1 when the letters are not a known scale).</summary>
    public static double Scale(ReadOnlySpan<char> suffix)
    {
        if (suffix.Length == 0) return 1;
        if (suffix.StartsWith("meg", StringComparison.OrdinalIgnoreCase)) return 1e6;
        if (suffix.StartsWith("mil", StringComparison.OrdinalIgnoreCase)) return 25.4e-6;
        return char.ToLowerInvariant(suffix[0]) switch
        {
            'f' => 1e-15,
            'p' => 1e-12,
            'n' => 1e-9,
            'u' or 'µ' => 1e-6,
            'm' => 1e-3,
            'k' => 1e3,
            'g' => 1e9,
            't' => 1e12,
            _ => 1,
        };
    }
}
