using CircuitSim.Core.Simulations;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Output;

namespace CircuitSim.Cli.Tests;

/// <summary>What the CLI's charts show, read from their ScottPlot models.</summary>
public sealed class ChartContentTests
{
    private static readonly TranSpec Tran = new(new SourceLocation("t.cir", 1, 1, ".tran 1n 10n"), 1e-9, 1e-8, 0, null, false);

    private static WaveformSet Rc(string title) => new(title, PlotNames.Transient,
    [
        new WaveformVector("time", VectorKind.Time, [0.0, 1e-9, 2e-9]),
        new WaveformVector("v(out)", VectorKind.Voltage, [0.0, 0.5, 0.8]),
        new WaveformVector("i(v1)", VectorKind.Current, [-1e-3, -0.5e-3, -0.2e-3]),
    ]);

    private static PlotInfo Info(string title, string? step) =>
        new(title, PlotNames.Transient, Tran, "time", ["v(out)", "i(v1)"], [ProbeKind.Voltage, ProbeKind.Current], false, step);

    [Fact]
    public void DefaultGroups_PutNodeVoltagesFirstInChartsOfEightAndEachKindApart()
    {
        var vectors = new List<WaveformVector> { new("time", VectorKind.Time, [0.0, 1e-9]) };
        vectors.Add(new WaveformVector("i(v1)", VectorKind.Current, [0.0, 1e-3]));
        for (var k = 0; k < 11; k++) vectors.Add(new WaveformVector($"v(n{k})", VectorKind.Voltage, [0.0, 1.0]));

        var groups = PlotWriter.DefaultGroups(new WaveformSet("ladder", PlotNames.Transient, vectors));

        Assert.Equal(3, groups.Count);
        Assert.Equal(Enumerable.Range(0, 8).Select(k => $"v(n{k})"), groups[0]);
        Assert.Equal(new[] { "v(n8)", "v(n9)", "v(n10)" }, groups[1]);
        Assert.Equal(new[] { "i(v1)" }, groups[2]);
    }

    [Fact]
    public void APlotLineWithVs_DrawsItsYAgainstItsX()
    {
        using var plot = PlotWriter.Chart(Rc("rc"), Info("rc", null), new PlotRequest("tran", ["i(v1)"], "v(out)")).Build();

        Assert.Equal("v(out) (V)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("i(v1) (A)", plot.Axes.Left.Label.Text);
        Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>());
    }

    [Fact]
    public void AStepChart_NamesItsStepValueOnce()
    {
        using var carried = PlotWriter.Chart(Rc("stepped (f=5E+08)"), Info("stepped", "f=5E+08")).Build();
        using var added = PlotWriter.Chart(Rc("stepped"), Info("stepped", "f=5E+08")).Build();

        Assert.Equal("stepped (f=5E+08)", carried.Axes.Title.Label.Text);
        Assert.Equal("stepped (f=5E+08)", added.Axes.Title.Label.Text);
    }

    [Fact]
    public void APlotWithoutPlotLines_DrawsCurrentsOnTheRightAxis()
    {
        using var plot = PlotWriter.Chart(Rc("rc"), Info("rc", null)).Build();

        var traces = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["v(out)", "i(v1) (right)"], traces.Select(t => t.LegendText));
        Assert.Same(plot.Axes.Right, traces[1].Axes.YAxis);
    }
}
