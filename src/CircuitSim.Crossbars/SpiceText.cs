using System.Globalization;
using System.Text;

namespace CircuitSim.Crossbars;

/// <summary>Numbers and long lines in the form the netlist reader (and ngspice) reads (public: the device families'
/// crossbar cells write their element lines with it).</summary>
public static class SpiceText
{
    /// <summary>A number with <paramref name="digits"/> significant digits, invariant culture (1.5E-05, 2000).</summary>
    public static string Num(double value, int digits = 8) => value.ToString("G" + digits, CultureInfo.InvariantCulture);

    /// <summary>Breaks a long element or source line into <c>+</c> continuation lines of about <paramref name="width"/>
    /// characters, at spaces.</summary>
    public static string Wrap(string line, int width = 110)
    {
        if (line.Length <= width) return line;
        var sb = new StringBuilder();
        var current = 0;
        foreach (var word in line.Split(' '))
        {
            if (current > 0 && current + 1 + word.Length > width)
            {
                sb.Append("\n+ ");
                current = 2;
            }
            else if (current > 0)
            {
                sb.Append(' ');
                current++;
            }
            sb.Append(word);
            current += word.Length;
        }
        return sb.ToString();
    }
}
