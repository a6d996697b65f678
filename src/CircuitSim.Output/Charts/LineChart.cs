using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// Line / X–Y chart: several traces, linear or log axes (log axes draw log10 of the data), an optional secondary y
/// axis on the right, 1-2-5 ticks with SI-prefixed labels, grid, legend to the right and title. NaN (and, on a log
/// axis, values ≤ 0) break a trace; a trace with a single point is drawn as a marker.
/// </summary>
public sealed class LineChart : Chart
{
    public PlotAxis XAxis { get; } = new();
    public PlotAxis YAxis { get; } = new();

    /// <summary>Right-hand axis for series with <see cref="PlotSeries.SecondaryAxis"/>.</summary>
    public PlotAxis Y2Axis { get; } = new();

    public List<PlotSeries> Series { get; } = new();
    public bool ShowLegend { get; set; } = true;
    public bool ShowGrid { get; set; } = true;

    /// <summary>Padding of the x range as a fraction of the span (0 for time/frequency plots, where the range is the
    /// sweep; X–Y plots use 0.05).</summary>
    public double XPadding { get; set; }

    /// <summary>Padding of the y ranges.</summary>
    public double YPadding { get; set; } = 0.05;

    /// <summary>Traces with more points than this many per layout pixel of width, and an ascending x, are drawn as a
    /// signal (per-pixel-column min/max), which keeps long transients fast to draw and their SVG small; sparser traces
    /// are drawn point to point (a signal's vertical strokes would show as steps).</summary>
    internal const int SignalPointsPerPixel = 8;

    /// <summary>Adds a trace and returns it (for further styling).</summary>
    public PlotSeries Add(string label, double[] x, double[] y, bool secondaryAxis = false)
    {
        var s = new PlotSeries(label, x, y) { SecondaryAxis = secondaryAxis };
        Series.Add(s);
        return s;
    }

    public override Plot Build()
    {
        var plot = ChartStyle.NewPlot();
        bool hasY2 = Series.Exists(s => s.SecondaryAxis);
        var xr = AxisRange.Create(XAxis, Series.SelectMany(s => s.X), XPadding);
        var yr = AxisRange.Create(YAxis, Series.Where(s => !s.SecondaryAxis || !hasY2).SelectMany(s => VisibleY(s, XAxis, xr)), YPadding);
        ChartAxes.Configure(plot, plot.Axes.Bottom, XAxis, xr);
        ChartAxes.Configure(plot, plot.Axes.Left, YAxis, yr);
        if (hasY2)
        {
            var y2r = AxisRange.Create(Y2Axis, Series.Where(s => s.SecondaryAxis).SelectMany(s => VisibleY(s, XAxis, xr)), YPadding);
            ChartAxes.Configure(plot, plot.Axes.Right, Y2Axis, y2r);
        }
        if (!ShowGrid) plot.HideGrid();

        bool anyPoint = false;
        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var yAxis = s.SecondaryAxis && hasY2 ? plot.Axes.Right : plot.Axes.Left;
            var spec = s.SecondaryAxis && hasY2 ? Y2Axis : YAxis;
            anyPoint |= AddTrace(plot, s, Palette.Parse(s.Color ?? Palette.Get(i)), yAxis, spec, hasY2 && s.SecondaryAxis ? s.Label + " (right)" : s.Label);
        }
        if (!anyPoint)
        {
            var (x0, x1) = xr.Drawn(XAxis.Scale);
            var (y0, y1) = yr.Drawn(YAxis.Scale);
            ChartStyle.AddText(plot, "no data", (x0 + x1) / 2, (y0 + y1) / 2, 14, Alignment.MiddleCenter, ChartStyle.Muted);
        }
        if (ShowLegend && Series.Exists(s => !string.IsNullOrEmpty(s.Label))) ChartStyle.ShowLegend(plot);
        ChartStyle.SetTitle(plot, Title, Width, Height);
        return plot;
    }

    /// <summary>Adds one trace as runs of drawable points (one plottable per run; only the first is named in the legend).</summary>
    private bool AddTrace(Plot plot, PlotSeries s, Color color, IYAxis yAxis, PlotAxis ySpec, string legend)
    {
        bool named = false, any = false;
        foreach (var (xs, ys) in Runs(s, XAxis, ySpec))
        {
            any = true;
            bool signal = xs.Length > SignalPointsPerPixel * Width && Ascending(xs) && !s.ShowMarkers;
            IHasLegendText p;
            if (signal)
            {
                var sig = plot.Add.SignalXY(xs, ys, color);
                sig.LineWidth = (float)s.LineWidth;
                sig.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                sig.MarkerSize = 0;
                sig.Axes.YAxis = yAxis;
                p = sig;
            }
            else
            {
                var sc = plot.Add.ScatterLine(xs, ys, color);
                sc.LineWidth = xs.Length == 1 ? 0 : (float)s.LineWidth;
                sc.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                sc.MarkerShape = MarkerShape.FilledCircle;
                sc.MarkerSize = s.ShowMarkers || xs.Length == 1 ? 6 : 0;
                sc.Axes.YAxis = yAxis;
                p = sc;
            }
            p.LegendText = named ? "" : legend;
            named = true;
        }
        return any;
    }

    /// <summary>The drawable points of a series as contiguous runs, in drawn units (log10 on log axes).</summary>
    internal static IEnumerable<(double[] X, double[] Y)> Runs(PlotSeries s, PlotAxis xAxis, PlotAxis yAxis)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i <= s.X.Length; i++)
        {
            double x = i < s.X.Length ? ChartAxes.ToDrawn(s.X[i], xAxis.Scale) : double.NaN;
            double y = i < s.X.Length ? ChartAxes.ToDrawn(s.Y[i], yAxis.Scale) : double.NaN;
            if (double.IsFinite(x) && double.IsFinite(y))
            {
                xs.Add(x);
                ys.Add(y);
                continue;
            }
            if (xs.Count == 0) continue;
            yield return (xs.ToArray(), ys.ToArray());
            xs.Clear();
            ys.Clear();
        }
    }

    private static bool Ascending(double[] x)
    {
        for (int i = 1; i < x.Length; i++)
            if (x[i] < x[i - 1]) return false;
        return true;
    }

    /// <summary>Only y values whose x is drawable and inside the x range count for the y range.</summary>
    private static IEnumerable<double> VisibleY(PlotSeries s, PlotAxis xAxis, AxisRange xr)
    {
        for (int i = 0; i < s.Y.Length; i++)
        {
            double x = s.X[i];
            if (!double.IsFinite(x) || (xAxis.Scale == AxisScale.Log && x <= 0)) continue;
            if (x < xr.Min || x > xr.Max) continue;
            yield return s.Y[i];
        }
    }
}
