using System.Globalization;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// Numbers with an optional SI-prefixed unit, as written in problem files and on the command line: "500e-9", "500 nm",
/// "1ns", "24.6 mT", "1e12 A/m2". A bare number is taken in the caller's default unit.
/// </summary>
public static class Quantity
{
    private static readonly (string Prefix, double Scale)[] Prefixes =
        [("f", 1e-15), ("p", 1e-12), ("n", 1e-9), ("u", 1e-6), ("µ", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("", 1)];

    /// <summary>
    /// Parses <paramref name="text"/> into the SI value of <paramref name="unit"/> (e.g. "s", "m", "T", "A/m2", "Hz").
    /// A bare number is multiplied by <paramref name="bareScale"/> (e.g. 1e-9 when bare numbers mean nm).
    /// Returns false with a reason when the text is not a number in that unit.
    /// </summary>
    public static bool TryParse(string text, string unit, double bareScale, out double value, out string reason)
    {
        value = 0;
        reason = "";
        string s = text.Trim();
        int end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or '-' or '+' or 'e' or 'E'))
        {
            // an 'e' that is not followed by a digit or sign starts a unit, not an exponent
            if (s[end] is 'e' or 'E' && (end + 1 >= s.Length || !(char.IsDigit(s[end + 1]) || s[end + 1] is '-' or '+'))) break;
            end++;
        }
        if (!double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            reason = $"expected a number{(unit.Length > 0 ? " in " + unit : "")}, got '{text}'";
            return false;
        }
        string suffix = s[end..].Trim();
        if (suffix.Length == 0)
        {
            value = number * bareScale;
            return true;
        }
        foreach (var (prefix, scale) in Prefixes)
        {
            if (suffix == prefix + unit)
            {
                value = number * scale;
                return true;
            }
        }
        reason = $"expected a number in {unit} (optionally with a prefix such as n{unit}), got '{text}'";
        return false;
    }

    /// <summary>As <see cref="TryParse"/>, throwing a <see cref="ProblemException"/> that names <paramref name="what"/>.</summary>
    public static double Parse(string text, string unit, double bareScale, string what)
    {
        if (!TryParse(text, unit, bareScale, out double v, out string reason)) throw new ProblemException($"{what}: {reason}");
        return v;
    }
}
