using ScottPlot;

namespace CircuitSim.Output;

/// <summary>Sets a ScottPlot axis up from a <see cref="PlotAxis"/>: title, limits and the tick generator of its scale.</summary>
internal static class ChartAxes
{
    public static void Configure(Plot plot, IAxis axis, PlotAxis spec, AxisRange range)
    {
        axis.TickGenerator = spec.Scale == AxisScale.Log ? new LogTickGenerator(spec) : new EngineeringTickGenerator(spec);
        axis.Label.Text = spec.DisplayTitle ?? "";
        // Minor grid lines only where they help reading: between the decades of a log axis.
        float minorGrid = spec.Scale == AxisScale.Log ? 1 : 0;
        if (axis == plot.Axes.Bottom) plot.Grid.XAxisStyle.MinorLineStyle.Width = minorGrid;
        if (axis == plot.Axes.Left) plot.Grid.YAxisStyle.MinorLineStyle.Width = minorGrid;
        var (min, max) = range.Drawn(spec.Scale);
        if (axis is IXAxis x) plot.Axes.SetLimitsX(min, max, x);
        else if (axis is IYAxis y) plot.Axes.SetLimitsY(min, max, y);
    }

    /// <summary>A value in drawn units: log10 on a log axis (NaN for values ≤ 0), itself on a linear one.</summary>
    public static double ToDrawn(double v, AxisScale scale) =>
        scale == AxisScale.Log ? (v > 0 ? Math.Log10(v) : double.NaN) : v;
}
