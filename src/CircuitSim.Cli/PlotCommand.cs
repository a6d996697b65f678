using CircuitSim.Output;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary><c>circuitsim plot file.raw|file.csv [vectors…] [--xy x,y] [-o out.png|out.svg] [--plot-format png|svg|both]</c>.</summary>
public static class PlotCommand
{
    /// <param name="plotIndex">1-based plot of a raw file; 0 chooses the last plot that is not an operating point (a
    /// run's .op comes first and has nothing to draw against) and says which it drew.</param>
    /// <param name="console">Where to say what was chosen and written (the standard output).</param>
    public static int Execute(FileInfo input, string[] vectors, string? xy, string? output, string? title, int plotIndex, IAnsiConsole console, IAnsiConsole errors,
        PlotFormat format = PlotFormat.Png)
    {
        if (!input.Exists)
        {
            errors.MarkupLine($"[red]file not found: {Markup.Escape(input.FullName)}[/]");
            return ExitCodes.BadInput;
        }
        IReadOnlyList<WaveformSet> plots;
        try
        {
            plots = input.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? new[] { CsvFile.Read(input.FullName) }
                : RawFile.Read(input.FullName);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            errors.MarkupLine($"[red]cannot read {Markup.Escape(input.Name)}: {Markup.Escape(e.Message)}[/]");
            return ExitCodes.BadInput;
        }
        if (plotIndex == 0 && plots.Count > 1)
        {
            plotIndex = LastWithAScale(plots) + 1;
            console.MarkupLine(Markup.Escape($"{input.Name} has {plots.Count} plots: {List(plots)}; drawing {plotIndex} (--plot-index N draws another)"));
        }
        else if (plotIndex == 0) plotIndex = 1;
        if (plotIndex < 1 || plotIndex > plots.Count)
        {
            errors.MarkupLine($"[red]{Markup.Escape(input.Name)} has {plots.Count} plot(s); --plot-index {plotIndex} does not exist: {Markup.Escape(List(plots))}[/]");
            return ExitCodes.BadInput;
        }
        var set = plots[plotIndex - 1];
        foreach (var name in vectors.Concat(xy?.Split(',', StringSplitOptions.TrimEntries) ?? Array.Empty<string>()))
            if (!set.TryGetVector(name, out _))
            {
                errors.MarkupLine($"[red]no vector '{Markup.Escape(name)}' in {Markup.Escape(input.Name)}; it has: {Markup.Escape(string.Join(", ", set.Vectors.Select(v => v.Name).Take(20)))}[/]");
                return ExitCodes.BadInput;
            }
        LineChart chart;
        if (xy is not null)
        {
            var parts = xy.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                errors.MarkupLine("[red]--xy takes two vector names separated by a comma, e.g. --xy v(p),i(vam)[/]");
                return ExitCodes.BadInput;
            }
            chart = WaveformPlots.XY(set, parts[0], parts[1]);
        }
        else
        {
            if (vectors.Length == 0)
            {
                var groups = PlotWriter.DefaultGroups(set);
                vectors = groups.Count > 0 ? groups[0] : Array.Empty<string>();
                if (groups.Count > 1)
                    console.MarkupLine(Markup.Escape($"drew {PlotWriter.Describe(set, groups.Take(1))}; not drawn: {PlotWriter.Describe(set, groups.Skip(1))} (name the vectors to draw)"));
            }
            chart = set.IsComplex
                ? WaveformPlots.FrequencyResponse(set, ComplexPart.MagnitudeDb, false, vectors)
                : WaveformPlots.TimeSeries(set, vectors);
        }
        if (title is not null) chart.Title = title;
        IReadOnlyList<string> written;
        try
        {
            if (output is not null)
            {
                chart.SaveAs(output);
                written = [output];
            }
            else written = chart.Save(Path.ChangeExtension(input.FullName, null), format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.MarkupLine($"[red]cannot write the chart: {Markup.Escape(e.Message)}[/]");
            return ExitCodes.BadInput;
        }
        foreach (var path in written) console.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
        return ExitCodes.Success;
    }

    /// <summary>The last plot with a scale (time, sweep or frequency); the last plot when none has one.</summary>
    private static int LastWithAScale(IReadOnlyList<WaveformSet> plots)
    {
        for (var k = plots.Count - 1; k >= 0; k--)
            if (plots[k].PointCount > 1) return k;
        return plots.Count - 1;
    }

    private static string List(IReadOnlyList<WaveformSet> plots) =>
        string.Join(", ", plots.Select((p, k) => $"{k + 1} {p.PlotName}{(string.IsNullOrEmpty(p.Title) ? "" : $" ({p.Title})")}"));
}
