using CircuitSim.Output;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary><c>circuitsim plot file.raw|file.csv [vectors…] [--xy x,y] [-o out.png|out.svg] [--plot-format png|svg|both]</c>.</summary>
public static class PlotCommand
{
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
        if (plotIndex < 1 || plotIndex > plots.Count)
        {
            errors.MarkupLine($"[red]{Markup.Escape(input.Name)} has {plots.Count} plot(s); --plot-index {plotIndex} does not exist[/]");
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
            chart = set.IsComplex
                ? WaveformPlots.FrequencyResponse(set, ComplexPart.MagnitudeDb, false, vectors)
                : WaveformPlots.TimeSeries(set, vectors.Length > 0 ? vectors : set.Vectors.Skip(1).Take(PlotWriter.MaxTraces).Select(v => v.Name).ToArray());
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
}
