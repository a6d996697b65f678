using System.Globalization;
using CircuitSim.Netlist.Running;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>The summary's table of each plot without a scale (.op node voltages and source currents, .tf results):
/// one row a vector, at most <see cref="MaxRows"/> rows a plot (the rest are in the CSV and raw files).</summary>
internal static class OperatingPointTable
{
    public const int MaxRows = 60;

    public static void Write(IAnsiConsole console, IEnumerable<PlotOutcome> outcomes)
    {
        foreach (var o in outcomes.Where(o => o.Values.Count > 0))
        {
            var title = o.Info.PlotName + (o.Info.StepLabel is null ? "" : $" ({o.Info.StepLabel})");
            var table = new Table().Border(TableBorder.Rounded).AddColumn(Markup.Escape(title)).AddColumn(new TableColumn("value").RightAligned());
            foreach (var (name, value) in o.Values.Take(MaxRows))
                table.AddRow(Markup.Escape(name), Markup.Escape(value.ToString("G7", CultureInfo.InvariantCulture)));
            if (o.Values.Count > MaxRows)
                table.AddRow($"[grey]… {o.Values.Count - MaxRows} more in the output files[/]", "");
            console.Write(table);
        }
    }
}
