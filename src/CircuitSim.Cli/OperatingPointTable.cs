using System.Globalization;
using CircuitSim.Netlist.Running;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>The summary's table of each plot without a scale (.op node voltages and source currents, .tf results):
/// one row a vector, at most <see cref="MaxRows"/> rows and <see cref="MaxTables"/> plots (the rest are in the CSV
/// and raw files).</summary>
internal static class OperatingPointTable
{
    public const int MaxRows = 60;
    public const int MaxTables = 4;

    public static void Write(IAnsiConsole console, IEnumerable<PlotOutcome> outcomes)
    {
        var plots = outcomes.Where(o => o.Values.Count > 0).ToList();
        foreach (var o in plots.Take(MaxTables))
        {
            var title = o.Info.PlotName + (o.Info.StepLabel is null ? "" : $" ({o.Info.StepLabel})");
            var table = new Table().Border(TableBorder.Rounded).Column(title).Column("value", rightAligned: true);
            foreach (var (name, value) in o.Values.Take(MaxRows))
                table.Row(name, value.ToString("G7", CultureInfo.InvariantCulture));
            if (o.Values.Count > MaxRows)
                table.AddRow(PlainText.Cell($"… {o.Values.Count - MaxRows} more in the output files", new Style(Color.Grey)), PlainText.Cell(""));
            console.Write(table);
        }
        if (plots.Count > MaxTables)
            PlainText.Line(console, $"{plots.Count - MaxTables} more plots without a scale are in the output files", new Style(Color.Grey));
    }
}
