using Spectre.Console;
using Spectre.Console.Rendering;

namespace CircuitSim.Cli;

/// <summary>
/// Console text without markup: a <see cref="Text"/> is written as it is, while a string given to Spectre.Console as
/// markup is parsed for tags and emoji codes, whose tables (thousands of emoji names, the colour table) are built on
/// first use and cost a trivial run a few milliseconds of its start-up. The run summary, which every run prints, goes
/// through here.
/// </summary>
internal static class PlainText
{
    /// <summary>A table cell or header showing <paramref name="text"/> literally.</summary>
    public static IRenderable Cell(string text, Style? style = null) => new Text(text, style);

    /// <summary>Writes <paramref name="text"/> literally, then a line break.</summary>
    public static void Line(IAnsiConsole console, string text, Style? style = null)
    {
        console.Write(new Text(text, style));
        console.WriteLine();
    }

    /// <summary>Adds a row of literal cells.</summary>
    public static Table Row(this Table table, params string[] cells) => table.AddRow(cells.Select(c => Cell(c)).ToArray());

    /// <summary>Adds a column whose header is shown literally.</summary>
    public static Table Column(this Table table, string header, bool rightAligned = false)
    {
        var column = new TableColumn(Cell(header));
        return table.AddColumn(rightAligned ? column.RightAligned() : column);
    }
}
