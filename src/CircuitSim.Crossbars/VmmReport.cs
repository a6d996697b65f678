using System.Globalization;
using System.Text;
using CircuitSim.Output;

namespace CircuitSim.Crossbars;

/// <summary>The VMM read as Markdown (summary, then one line per output column) and as charts.</summary>
public static class VmmReport
{
    public static string Markdown(CrossbarDesign design, VmmResult result)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {design.Title}");
        sb.AppendLine();
        sb.AppendLine($"- array: {design.Rows} rows x {design.PhysicalColumns} physical columns " +
                      $"({(design.Layout.Differential ? $"{design.Layout.LogicalColumns} differential outputs" : "single-ended")}), " +
                      $"{(design.Cell == CellStructure.OneR ? "1R" : "1T1R")}, {design.Device.Describe()}");
        sb.AppendLine($"- wires: row {Ohm(design.Wires.RowSegment)}, column {Ohm(design.Wires.ColumnSegment)} per segment; driver {Ohm(design.Wires.Driver)}; " +
                      $"read-out {(design.Readout.IsTransimpedance ? "ideal transimpedance" : Ohm(design.Readout.SenseResistance) + " sense resistors")}");
        foreach (var note in design.Notes) sb.AppendLine($"- {note}");
        sb.AppendLine($"- G of the ideal G·V: {(result.ConductanceSource == "simulation" ? "each device's conductance in the simulation at the read (@dev[g])" : "the programmed conductances")}" +
                      (result.ReadTime is { } t ? $"; read at t = {EngineeringFormat.Format(t, "s")}" : "; operating point"));
        sb.AppendLine($"- simulation: {result.SimulationSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        sb.AppendLine();
        sb.AppendLine($"**Worst-case relative error {Percent(result.WorstRelativeError)}**, RMS {Percent(result.RmsRelativeError)} " +
                      "(error = (I − Σ G·V) / Σ G·|V| per output column).");
        sb.AppendLine();
        sb.AppendLine("| output | I simulated | I ideal (G·V) | relative error |");
        sb.AppendLine("|---:|---:|---:|---:|");
        foreach (var c in result.Logical)
            sb.AppendLine($"| {c.Column} | {EngineeringFormat.Format(c.Measured, "A", 6)} | {EngineeringFormat.Format(c.Ideal, "A", 6)} | {Percent(c.RelativeError)} |");
        if (design.ColumnSources is not null) Programming(sb, design, result);
        return sb.ToString();
    }

    /// <summary>After a write: each device's conductance at the read against its target, in % of the mapping range.</summary>
    private static void Programming(StringBuilder sb, CrossbarDesign design, VmmResult result)
    {
        var (lo, hi) = design.MappingRange;
        var errors = ProgrammingErrors(design, result);
        sb.AppendLine();
        sb.AppendLine($"## Programming (read-time conductance against target, in % of the range {EngineeringFormat.Format(lo, "S")} … {EngineeringFormat.Format(hi, "S")})");
        sb.AppendLine();
        sb.AppendLine($"Worst {Percent(errors.Cast<double>().Max(Math.Abs))}, RMS {Percent(Math.Sqrt(errors.Cast<double>().Average(e => e * e)))} over {errors.Length} devices.");
        if (design.Rows * design.PhysicalColumns > 256) return;
        sb.AppendLine();
        sb.AppendLine("| device | target | after the write | error |");
        sb.AppendLine("|---|---:|---:|---:|");
        for (var i = 1; i <= design.Rows; i++)
            for (var j = 1; j <= design.PhysicalColumns; j++)
                sb.AppendLine($"| {design.DeviceName(i, j)} | {EngineeringFormat.Format(design.TargetConductances[i - 1, j - 1], "S", 5)} | " +
                              $"{EngineeringFormat.Format(result.Conductances[i - 1, j - 1], "S", 5)} | {Percent(errors[i - 1, j - 1])} |");
    }

    /// <summary>(G after the write − G target)/(G_max − G_min) for every device.</summary>
    public static double[,] ProgrammingErrors(CrossbarDesign design, VmmResult result)
    {
        var (lo, hi) = design.MappingRange;
        var e = new double[design.Rows, design.PhysicalColumns];
        for (var i = 0; i < design.Rows; i++)
            for (var j = 0; j < design.PhysicalColumns; j++)
                e[i, j] = (result.Conductances[i, j] - design.TargetConductances[i, j]) / (hi - lo);
        return e;
    }

    /// <summary>Target and programmed conductance of every device (row-major), after a write.</summary>
    public static BarChart ProgrammedConductances(CrossbarDesign design, VmmResult result)
    {
        var chart = new BarChart { Title = $"{design.Title}: conductance after the write", CategoryTitle = "device" };
        var names = new List<string>();
        var target = new List<double>();
        var achieved = new List<double>();
        for (var i = 1; i <= design.Rows; i++)
            for (var j = 1; j <= design.PhysicalColumns; j++)
            {
                names.Add(design.DeviceName(i, j));
                target.Add(design.TargetConductances[i - 1, j - 1]);
                achieved.Add(result.Conductances[i - 1, j - 1]);
            }
        chart.Categories.AddRange(names);
        chart.ValueAxis.Title = "conductance";
        chart.ValueAxis.Unit = "S";
        chart.Add("target", target.ToArray());
        chart.Add("after the write (at the read)", achieved.ToArray());
        return chart;
    }

    /// <summary>Simulated and ideal output currents side by side.</summary>
    public static BarChart ColumnCurrents(CrossbarDesign design, VmmResult result)
    {
        var chart = new BarChart
        {
            Title = $"{design.Title}: output currents (worst error {Percent(result.WorstRelativeError)})",
            CategoryTitle = "output column",
        };
        chart.Categories.AddRange(result.Logical.Select(c => c.Column.ToString(CultureInfo.InvariantCulture)));
        chart.ValueAxis.Title = "current";
        chart.ValueAxis.Unit = "A";
        chart.Add("simulated", result.Logical.Select(c => c.Measured).ToArray());
        chart.Add("ideal G·V", result.Logical.Select(c => c.Ideal).ToArray());
        return chart;
    }

    private static string Ohm(double r) => EngineeringFormat.Format(r, "Ω");

    public static string Percent(double e) =>
        double.IsFinite(e) ? (100 * e).ToString(Math.Abs(e) >= 1e-3 ? "F3" : "G3", CultureInfo.InvariantCulture) + " %" : "∞";
}
