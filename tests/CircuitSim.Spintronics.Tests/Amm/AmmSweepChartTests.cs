using CircuitSim.Spintronics.Amm.Analysis;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>What the AMM sweep chart shows, read from its ScottPlot model.</summary>
public sealed class AmmSweepChartTests
{
    [Fact]
    public void TheAmmSweepChart_DrawsTheAreaAgainstALogFrequencyAxis()
    {
        var runs = new[] { 5e8, 1e9, 2e10 }.Select((f, k) => new AmmLoopSummary("y1", $"f={f:E0}", f, f, 1e-3, 10, 100, 1e-9, 1e3 * (k + 1),
            0.01, true, 2, 5));
        var sweep = new AmmSweepOutput("y1", runs);

        using var plot = sweep.Chart("sweep").Build();

        Assert.Equal("sweep: y1 Lissajous area against f", plot.Axes.Title.Label.Text);
        Assert.Equal("f (Hz)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("Lissajous area dρ/dt–j (Ω·A/(m·s))", plot.Axes.Left.Label.Text);
        var limits = plot.Axes.GetLimits();
        Assert.True(limits.Left < Math.Log10(5e8) && limits.Right > Math.Log10(2e10) && limits.Right < 11, $"x drawn as log10: {limits}");
        var trace = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>());
        Assert.Equal(3, trace.Data.GetScatterPoints().Count);
        Assert.True(trace.MarkerSize > 0);
    }
}
