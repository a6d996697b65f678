using static CircuitSim.Output.Tests.Support.ChartProbe;

namespace CircuitSim.Output.Tests;

/// <summary>Bar charts, checked through the ScottPlot model.</summary>
public class BarChartTests
{
    private static List<ScottPlot.Plottables.BarPlot> Bars(ScottPlot.Plot plot) =>
        plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().ToList();

    [Fact]
    public void SixteenPatterns_OneBarEachOnAPicojouleAxisFromZero()
    {
        var pats = Enumerable.Range(0, 16).Select(i => Convert.ToString(i, 2).PadLeft(4, '0')).ToArray();
        var e = pats.Select(p => (1 + 0.5 * p.Count(ch => ch == '1')) * 1e-12).ToArray();
        using var plot = Rendered(WaveformPlots.Bars(pats, e, "Energy", "J", "Energy per pattern", "Input pattern"));
        var bars = Assert.Single(Bars(plot)).Bars;
        Assert.Equal(16, bars.Count);
        Assert.Equal(e, bars.Select(b => b.Value));
        Assert.Equal(0.0, plot.Axes.GetLimits().Bottom);
        var y = MajorLabels(plot.Axes.Left);
        Assert.Contains("0.0 pJ", y);
        Assert.Contains("3.0 pJ", y);
        Assert.Equal(pats, MajorLabels(plot.Axes.Bottom));
        Assert.Equal("Energy (J)", plot.Axes.Left.Label.Text);
        Assert.Equal("Input pattern", plot.Axes.Bottom.Label.Text);
        Assert.Equal("Energy per pattern", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void NegativeValues_ExtendTheAxisBelowZeroWithAZeroLine()
    {
        var c = new BarChart();
        c.Categories.AddRange(["a", "b"]);
        c.ValueAxis.Unit = "J";
        c.Add("e", [2e-9, -1e-9]);
        using var plot = Rendered(c);
        Assert.True(plot.Axes.GetLimits().Bottom < -1e-9);
        Assert.Contains(MajorLabels(plot.Axes.Left), l => l.StartsWith('−') && l.EndsWith(" nJ"));
        Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalLine>(), h => h.Y == 0);
        Assert.Equal(2, Assert.Single(Bars(plot)).Bars.Count);
    }

    [Fact]
    public void TwoSeries_GroupBarsSideBySideWithALegend()
    {
        var c = new BarChart();
        c.Categories.AddRange(["1", "2", "3"]);
        c.Add("simulated", [1e-6, 2e-6, 3e-6]);
        c.Add("ideal", [1.1e-6, 2.1e-6, 3.1e-6]);
        using var plot = c.Build();
        var bars = Bars(plot);
        Assert.Equal(["simulated", "ideal"], bars.Select(b => b.LegendText));
        Assert.All(Enumerable.Range(0, 3), k => Assert.True(bars[0].Bars[k].Position < k && bars[1].Bars[k].Position > k));
        Assert.True(LegendShown(plot));
    }

    [Fact]
    public void ValueLabels_UseTheAxisPrefixWhenTheyFit()
    {
        var c = new BarChart();
        c.Categories.AddRange(["a", "b"]);
        c.ValueAxis.Unit = "A";
        c.Add("i", [1.5e-6, 3e-6]);
        using var plot = c.Build();
        Assert.Equal(["1.50", "3.00"], Assert.Single(Bars(plot)).Bars.Select(b => b.Label));
    }

    [Fact]
    public void LongCategoryLabels_AreSlanted()
    {
        var c = new BarChart();
        c.Categories.AddRange(Enumerable.Range(1, 16).Select(i => $"device x{i}_{i}"));
        c.Add("g", Enumerable.Range(1, 16).Select(i => (double)i).ToArray());
        using var plot = c.Build();
        Assert.NotEqual(0, plot.Axes.Bottom.TickLabelStyle.Rotation);
    }
}
