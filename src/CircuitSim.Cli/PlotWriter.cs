using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Output;

namespace CircuitSim.Cli;

/// <summary>Chooses what to draw for a plot: up to eight traces (voltages left, currents on a right axis), AC as magnitude in dB.</summary>
internal static class PlotWriter
{
    public const int MaxTraces = 8;

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
