using System.Globalization;

namespace CircuitSim.Core.Expressions;

/// <summary>
/// SPICE numbers, the one parser of element values, parameters, expressions and .meas lines: a decimal mantissa
/// (<c>1.5</c>, <c>.5</c>, <c>2.</c>) with an optional sign and exponent (<c>2.2e-9</c>), then an optional scale suffix
/// and any unit letters, which are ignored (<c>10pF</c>, <c>1kOhm</c>, <c>1.65v</c>, <c>10ns</c>). Suffixes, in any case:
/// f p n u µ m k meg g t mil, as ngspice 39 reads them; <c>a</c> (atto) is not one there (<c>1a</c> is 1) nor here,
/// and Greek μ (U+03BC) is a unit letter, not micro. The value is the double nearest the decimal number the text
/// writes (mantissa, exponent and suffix combined before rounding, so <c>0.3m</c> is exactly 0.3e-3).
/// </summary>
public static class EngineeringNumber
{
    /// <summary>Parses a whole token; false when it is not a number. A number beyond the double range is ±∞ (the
    /// caller says why that is no good where it is written).</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var sign = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        var digits = MantissaDigits(text, sign);
        if (digits == 0) return false;
        var length = MantissaLength(text, sign);
        var suffix = text.AsSpan(sign + length);
        foreach (var c in suffix)
            if (!char.IsLetter(c)) return false;
        var exponent = 0;
        var exponentAt = sign + digits;
        if (length > digits && !int.TryParse(text.AsSpan(exponentAt + 1, length - digits - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            return false;
        var (scale, factor) = Scale(suffix);
        var decimalText = string.Concat(text.AsSpan(0, exponentAt), "e", ((long)exponent + scale).ToString(CultureInfo.InvariantCulture));
        if (!double.TryParse(decimalText, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        value *= factor;
        return true;
    }

    public static double Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a number");

    /// <summary>Length of the numeric part (digits, point, exponent) starting at <paramref name="start"/>.</summary>
    public static int MantissaLength(string text, int start)
    {
        var i = start + MantissaDigits(text, start);
        if (i == start) return 0;
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

    /// <summary>Length of the digits and point before any exponent (0 when there is no digit).</summary>
    private static int MantissaDigits(string text, int start)
    {
        var i = start;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        }
        return digits == 0 ? 0 : i - start;
    }

    /// <summary>The power of ten of a suffix and, for <c>mil</c>, its factor (0 and 1 when the letters are a unit).</summary>
    private static (int Exponent, double Factor) Scale(ReadOnlySpan<char> suffix)
    {
        if (suffix.Length == 0) return (0, 1);
        if (suffix.StartsWith("meg", StringComparison.OrdinalIgnoreCase)) return (6, 1);
        if (suffix.StartsWith("mil", StringComparison.OrdinalIgnoreCase)) return (0, 25.4e-6);
        return suffix[0] switch
        {
            'f' or 'F' => (-15, 1),
            'p' or 'P' => (-12, 1),
            'n' or 'N' => (-9, 1),
            'u' or 'U' or 'µ' => (-6, 1),
            'm' or 'M' => (-3, 1),
            'k' or 'K' => (3, 1),
            'g' or 'G' => (9, 1),
            't' or 'T' => (12, 1),
            _ => (0, 1),
        };
    }
}
