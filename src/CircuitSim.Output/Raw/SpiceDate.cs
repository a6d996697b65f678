using System.Globalization;

namespace CircuitSim.Output;

/// <summary>The date format ngspice writes in raw files: <c>Sat Nov 21 05:19:04  2026</c>
/// (C <c>asctime</c> with a second space before the year).</summary>
public static class SpiceDate
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Format(DateTime date) => string.Create(CultureInfo.InvariantCulture,
        $"{Days[(int)date.DayOfWeek]} {Months[date.Month - 1]} {date.Day,2} {date.Hour:00}:{date.Minute:00}:{date.Second:00}  {date.Year}");

    /// <summary>Parses the ngspice date (any amount of white space between the fields).</summary>
    public static bool TryParse(string? text, out DateTime date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var f = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5) return false;
        int month = Array.FindIndex(Months, m => m.Equals(f[1], StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0) return false;
        if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out int day)) return false;
        if (!int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return false;
        if (!TimeSpan.TryParseExact(f[3], @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var tod)) return false;
        try
        {
            date = new DateTime(year, month, day) + tod;
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
