namespace CircuitSim.Sweeps.Tests;

/// <summary>The merged sweep's charts, read from their ScottPlot models.</summary>
public class SweepChartsTests
{
    [Fact]
    public void Histogram_CountsEveryValueInSquareRootOfNBins()
    {
        var values = Enumerable.Range(0, 100).Select(i => 1e-3 * i).ToArray();
        using var plot = SweepCharts.Histogram("vout", values).Build();
        var bars = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>()).Bars;
        Assert.Equal(10, bars.Count);
        Assert.Equal(100, bars.Sum(b => b.Value));
        Assert.Equal("vout: 100 points", plot.Axes.Title.Label.Text);
        Assert.Equal("points", plot.Axes.Left.Label.Text);
        Assert.Equal("vout (bin centre)", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Against_DrawsTheMeanWithTheMinimumAndMaximumWhenRunsRepeatAValue()
    {
        var points = new (double?, double?)[] { (1, 1.0), (1, 3.0), (2, 2.0), (2, 6.0) };
        using var plot = SweepCharts.Against("vout", "r", points)!.Build();
        var traces = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["mean", "min", "max"], traces.Select(t => t.LegendText));
        Assert.Equal([2.0, 4.0], traces[0].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal("vout against r", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void Against_IsNullForASingleValue() =>
        Assert.Null(SweepCharts.Against("vout", "r", [(1.0, 2.0), (1.0, 3.0)]));
}
