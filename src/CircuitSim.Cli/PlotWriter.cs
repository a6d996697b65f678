using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Output;

namespace CircuitSim.Cli;

/// <summary>Chooses what to draw for a plot: up to eight traces (voltages left, currents on a right axis), AC as magnitude in dB.</summary>
internal static class PlotWriter
{
    public const int MaxTraces = 8;

    /// <summary>Charts drawn for a plot without a .plot line, at most (96 traces); the rest is said, not drawn.</summary>
    public const int MaxDefaultCharts = 12;

    /// <summary>
    /// What a plot without a <c>.plot</c> line draws: every vector, node voltages first, then currents, then the rest,
    /// each kind in charts of at most <see cref="MaxTraces"/> traces (so a chart's traces share a unit and stay legible).
    /// </summary>
    public static IReadOnlyList<string[]> DefaultGroups(WaveformSet set) =>
        set.Vectors.Skip(1).GroupBy(v => v.Kind)
            .OrderBy(g => g.Key switch { VectorKind.Voltage => 0, VectorKind.Current => 1, _ => 2 })
            .SelectMany(g => g.Select(v => v.Name).Chunk(MaxTraces))
            .ToList();

    /// <summary>"23 node voltages, 5 currents and 2 other vectors" for the note that says what was drawn.</summary>
    public static string Describe(WaveformSet set, IEnumerable<string[]> groups)
    {
        var names = groups.SelectMany(g => g).ToHashSet();
        var kinds = set.Vectors.Skip(1).Where(v => names.Contains(v.Name)).GroupBy(v => v.Kind switch
        {
            VectorKind.Voltage => "node voltage",
            VectorKind.Current => "current",
            _ => "other vector",
        }).Select(g => $"{g.Count()} {g.Key}{(g.Count() == 1 ? "" : "s")}").ToList();
        return kinds.Count <= 1 ? string.Concat(kinds) : string.Join(", ", kinds.Take(kinds.Count - 1)) + " and " + kinds[^1];
    }

    /// <summary>The chart of a plot without <c>.plot</c> lines, written as <c>stem.png</c> and/or <c>stem.svg</c>.</summary>
    public static IReadOnlyList<string> Save(WaveformSet set, PlotInfo? info, string stem, PlotFormat format, IReadOnlyList<string>? names = null) =>
        Chart(set, info, names).Save(stem, format);

    /// <summary>The chart a <c>.plot</c> line asks for, written as <c>stem.png</c> and/or <c>stem.svg</c>.</summary>
    public static IReadOnlyList<string> Save(WaveformSet set, PlotInfo info, PlotRequest request, string stem, PlotFormat format) =>
        Chart(set, info, request).Save(stem, format);

    /// <summary>The first vectors (or <paramref name="names"/>) against the scale.</summary>
    public static LineChart Chart(WaveformSet set, PlotInfo? info, IReadOnlyList<string>? names = null)
    {
        var chosen = (names is { Count: > 0 } ? names : set.Vectors.Skip(1).Select(v => v.Name)).Take(MaxTraces).ToArray();
        var chart = info?.Analysis is AcSpec || set.IsComplex
            ? WaveformPlots.FrequencyResponse(set, ComplexPart.MagnitudeDb, false, chosen)
            : WaveformPlots.TimeSeries(set, chosen);
        chart.Title = WithStep(chart.Title, info?.StepLabel);
        return chart;
    }

    /// <summary>The chart a <c>.plot</c> line asks for: its vectors against the scale, or against its x vector.</summary>
    public static LineChart Chart(WaveformSet set, PlotInfo info, PlotRequest request)
    {
        var ys = request.Y.Take(MaxTraces).ToArray();
        var chart = request.X is { } x
            ? WaveformPlots.XY(set, x, ys)
            : info.Analysis is AcSpec || set.IsComplex
                ? WaveformPlots.FrequencyResponse(set, ComplexPart.MagnitudeDb, false, ys)
                : WaveformPlots.TimeSeries(set, ys);
        chart.Title = WithStep(chart.Title, info.StepLabel);
        return chart;
    }

    /// <summary>The title with the .step label appended once (the waveform header's title may carry it already).</summary>
    private static string? WithStep(string? title, string? stepLabel) =>
        stepLabel is null || (title?.EndsWith($"({stepLabel})", StringComparison.Ordinal) ?? false) ? title : $"{title} ({stepLabel})";
}
