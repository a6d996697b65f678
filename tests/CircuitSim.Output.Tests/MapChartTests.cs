using static CircuitSim.Output.Tests.Support.ChartProbe;

namespace CircuitSim.Output.Tests;

/// <summary>Texture and film snapshot charts, checked through the ScottPlot model.</summary>
public class MapChartTests
{
    private static readonly MapGrid Grid = new(4, 2, 2e-9, 2e-9);

    /// <summary>m_z = +1 in the top-left cell (0, 1), −1 elsewhere; in-plane m along +x in cell (0, 0) only.</summary>
    private static double[] Texture()
    {
        var m = new double[3 * Grid.CellCount];
        for (int c = 0; c < Grid.CellCount; c++) m[3 * c + 2] = -1;
        m[3 * 4 + 2] = 1; // cell (0, 1)
        m[0] = 1; m[2] = 0; // cell (0, 0)
        return m;
    }

    [Fact]
    public void TextureChart_PutsTheTopRowOfCellsAtTheTopOfTheMap()
    {
        using var plot = new TextureChart(Grid, Texture()).Build();
        var map = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.Equal(1.0, map.Intensities[0, 0]);  // row 0 is drawn at the top: y index 1
        Assert.Equal(-1.0, map.Intensities[1, 1]);
        Assert.Equal((-1.0, 1.0), (map.ManualRange!.Value.Min, map.ManualRange.Value.Max));
        var r = map.GetAxisLimits();
        Assert.Equal(2.0, r.HorizontalSpan / r.VerticalSpan, 9);
    }

    [Fact]
    public void TextureChart_GreysTheCellsOutsideTheMagnet()
    {
        using var plot = new TextureChart(Grid, Texture(), c => c != 3).Build();
        var map = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.True(double.IsNaN(map.Intensities[1, 3])); // cell (3, 0)
        Assert.Equal(1, map.Intensities.Cast<double>().Count(double.IsNaN));
    }

    [Fact]
    public void TextureChart_DrawsAnArrowOnlyWhereMagnetizationIsInPlane()
    {
        using var plot = new TextureChart(Grid, Texture()).Build();
        var field = Assert.Single(plot.GetPlottables().OfType<ArrowField>());
        var arrow = Assert.Single(field.Arrows);
        Assert.True(arrow.HalfDx > 0);
        Assert.Equal(0.0, arrow.HalfDy);
    }

    [Fact]
    public void FilmSnapshot_DrawsBothMapsTheirArrowsAndTheLabelledContacts()
    {
        var j = new double[2 * Grid.CellCount];
        for (int c = 0; c < Grid.CellCount; c++) j[2 * c] = 1e12 * (c + 1);
        var chart = new FilmSnapshotChart(Grid, Texture(), j,
            [new EdgeContact(EdgeSide.Left, 0.5, 0.5, 0.05), new EdgeContact(EdgeSide.Right, 0.5, 0.5, -0.05)]) { Title = "after 20 ns" };
        using var plot = chart.Build();
        Assert.Equal(2, plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>().Count());
        var arrows = plot.GetPlottables().OfType<ArrowField>().ToList();
        Assert.Equal(2, arrows.Count);
        Assert.Equal(Grid.CellCount, arrows[1].Arrows.Count); // one current arrow per cell on a grid this small
        var texts = Texts(plot);
        Assert.Equal(2, texts.Count(t => t == "1 (+0.05 V)"));
        Assert.Equal(2, texts.Count(t => t == "2 (-0.05 V)"));
        Assert.Contains("after 20 ns", texts);
        Assert.Contains(texts, t => t.StartsWith("log₁₀|j| (max 8.00e12 A/m²)"));
        Assert.Equal(8e12, chart.MaxCurrentDensity);
    }

    [Fact]
    public void FilmSnapshot_CurrentMapSpansThreeDecadesBelowTheMaximum()
    {
        var j = new double[2 * Grid.CellCount];
        j[0] = 1e9;   // three decades below the maximum: 0
        j[2] = 1e12;  // the maximum: 1
        j[4] = 1e6;   // below the range: clamped to 0
        using var plot = new FilmSnapshotChart(Grid, Texture(), j, []).Build();
        var current = plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>().Last();
        Assert.Equal(0.0, current.Intensities[1, 0], 12);
        Assert.Equal(1.0, current.Intensities[1, 1], 12);
        Assert.Equal(0.0, current.Intensities[1, 2], 12);
    }
}
