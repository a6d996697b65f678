using System.Collections;
using System.Globalization;
using System.Text;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// A text rendering of everything a netlist read into (components, models, options, analyses, .step, .ic/.nodeset,
/// saves, measures) through their public properties, to compare two netlists that should read the same.
/// Source locations are left out.
/// </summary>
internal static class NetlistDump
{
    public static string Of(Netlist netlist)
    {
        var sb = new StringBuilder();
        foreach (var c in netlist.Circuit.Components) Object(sb, c, 0);
        foreach (var m in netlist.Circuit.Models.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)) Object(sb, m, 0);
        Object(sb, netlist.Options, 0);
        foreach (var a in netlist.Analyses) Object(sb, a, 0);
        if (netlist.Step is { } step) Object(sb, step, 0);
        foreach (var (k, v) in netlist.InitialConditions.OrderBy(p => p.Key)) sb.AppendLine($"ic {k}={Number(v)}");
        foreach (var (k, v) in netlist.Nodesets.OrderBy(p => p.Key)) sb.AppendLine($"nodeset {k}={Number(v)}");
        foreach (var s in netlist.Saves) sb.AppendLine("save " + s);
        foreach (var m in netlist.Measures) sb.AppendLine($"meas {m.Analysis} {m.Name} {m.Text}");
        return sb.ToString();
    }

    private static void Object(StringBuilder sb, object o, int depth)
    {
        sb.Append(' ', 2 * depth).AppendLine(o.GetType().Name);
        foreach (var p in o.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).OrderBy(p => p.Name))
        {
            if (p.PropertyType == typeof(SourceLocation)) continue;
            var value = p.GetValue(o);
            sb.Append(' ', 2 * depth + 2).Append(p.Name).Append(" = ");
            switch (value)
            {
                case null: sb.AppendLine("null"); break;
                case double d: sb.AppendLine(Number(d)); break;
                case string s: sb.AppendLine(s); break;
                case IEnumerable items:
                    sb.AppendLine();
                    foreach (var item in items) Value(sb, item, depth + 2);
                    break;
                case Waveform or CircuitSim.Core.Analyses.SweepSpec when depth < 4:
                    sb.AppendLine();
                    Object(sb, value, depth + 2);
                    break;
                default: sb.AppendLine(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }

    private static void Value(StringBuilder sb, object? item, int depth)
    {
        if (item is CircuitSim.Core.Analyses.SweepSpec) Object(sb, item, depth);
        else sb.Append(' ', 2 * depth).AppendLine(item is double d ? Number(d) : Convert.ToString(item, CultureInfo.InvariantCulture));
    }

    /// <summary>Rounded to 12 significant digits, so 2*1n and 2n compare equal.</summary>
    private static string Number(double d) => d.ToString("G12", CultureInfo.InvariantCulture);
}
