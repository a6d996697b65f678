using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Line / X–Y chart rendered to SVG: several traces, linear or log axes, an optional secondary
/// y axis on the right, 1-2-5 ticks with SI-prefixed labels, grid, legend and title.
/// Every trace is one <c>&lt;path class="trace"&gt;</c> (NaN values break the line; a trace with
/// a single point gets a marker). Dense monotonic traces are reduced to their per-pixel
/// min/max envelope, so the SVG stays small for long transients.
/// </summary>
public sealed class LineChart
{
    public string? Title { get; set; }
    public int Width { get; set; } = 800;
    public int Height { get; set; } = 500;
    public PlotAxis XAxis { get; } = new();
    public PlotAxis YAxis { get; } = new();

    /// <summary>Right-hand axis for series with <see cref="PlotSeries.SecondaryAxis"/>.</summary>
    public PlotAxis Y2Axis { get; } = new();

    public List<PlotSeries> Series { get; } = new();
    public bool ShowLegend { get; set; } = true;
    public bool ShowGrid { get; set; } = true;

    /// <summary>Default padding of the x range as a fraction of the span (0 for time/frequency
    /// plots, where the range is the sweep; X–Y plots use 0.05).</summary>
    public double XPadding { get; set; }

    /// <summary>Default padding of the y ranges.</summary>
    public double YPadding { get; set; } = 0.05;

    /// <summary>Adds a trace and returns it (for further styling).</summary>
    public PlotSeries Add(string label, double[] x, double[] y, bool secondaryAxis = false)
    {
        var s = new PlotSeries(label, x, y) { SecondaryAxis = secondaryAxis };
        Series.Add(s);
        return s;
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());

    private const double TickFont = 11;
    private const double LabelFont = 12.5;
    private const double TitleFont = 15;

    public string ToSvg()
    {
        var sb = new StringBuilder(4096);
        Svg.Header(sb, Width, Height, Title);

        bool hasY2 = Series.Exists(s => s.SecondaryAxis);
        var xl = AxisLayout.Create(XAxis, Series.SelectMany(s => s.X), XPadding);
        var yl = AxisLayout.Create(YAxis, Series.Where(s => !s.SecondaryAxis || !hasY2).SelectMany(s => FiniteY(s, xl)), YPadding);
        var y2l = hasY2 ? AxisLayout.Create(Y2Axis, Series.Where(s => s.SecondaryAxis).SelectMany(s => FiniteY(s, xl)), YPadding) : null;

        // Layout: vertical extents first (they fix the y ticks), then the widths of the y labels.
        double top = string.IsNullOrEmpty(Title) ? 16 : 44;
        double bottom = 12 + 18 + (XAxis.DisplayTitle is null ? 0 : 24);
        double plotH = Math.Max(40, Height - top - bottom);
        yl.MakeTicks(YAxis, plotH, 42, horizontal: false);
        y2l?.MakeTicks(Y2Axis, plotH, 42, horizontal: false);

        double yLabelW = yl.Labels.Length == 0 ? 0 : yl.Labels.Max(l => Svg.TextWidth(l, TickFont));
        double left = 14 + (YAxis.DisplayTitle is null ? 0 : 22) + yLabelW + 9;
        double right = 18;
        if (y2l is not null)
        {
            double w = y2l.Labels.Length == 0 ? 0 : y2l.Labels.Max(l => Svg.TextWidth(l, TickFont));
            right = 9 + w + (Y2Axis.DisplayTitle is null ? 0 : 24) + 12;
        }
        var legendItems = ShowLegend ? Series.Where(s => !string.IsNullOrEmpty(s.Label)).ToList() : [];
        double legendW = 0;
        if (legendItems.Count > 0)
        {
            legendW = legendItems.Max(s => Svg.TextWidth(LegendText(s, hasY2), TickFont)) + 50;
            right += legendW + 4;
        }
        double plotW = Math.Max(40, Width - left - right);
        xl.MakeTicks(XAxis, plotW, 90, horizontal: true);

        double x0 = left, x1 = left + plotW, yTop = top, yBot = top + plotH;
        xl.P0 = x0; xl.P1 = x1;
        yl.P0 = yBot; yl.P1 = yTop;
        if (y2l is not null) { y2l.P0 = yBot; y2l.P1 = yTop; }

        // Plot-area background and grid.
        if (ShowGrid)
        {
            sb.Append("<g class=\"grid\" shape-rendering=\"crispEdges\">\n");
            foreach (var v in xl.Minor) Svg.Line(sb, xl.Map(v), yTop, xl.Map(v), yBot, "#f0f0f0");
            foreach (var v in yl.Minor) Svg.Line(sb, x0, yl.Map(v), x1, yl.Map(v), "#f0f0f0");
            foreach (var v in xl.Major) Svg.Line(sb, xl.Map(v), yTop, xl.Map(v), yBot, "#d8d8d8");
            foreach (var v in yl.Major) Svg.Line(sb, x0, yl.Map(v), x1, yl.Map(v), "#d8d8d8");
            sb.Append("</g>\n");
        }

        // Axes: frame, ticks, tick labels, titles.
        sb.Append("<g class=\"axes\">\n");
        sb.Append($"<rect x=\"{Svg.N(x0)}\" y=\"{Svg.N(yTop)}\" width=\"{Svg.N(plotW)}\" height=\"{Svg.N(plotH)}\" fill=\"none\" stroke=\"#444444\" stroke-width=\"1\" shape-rendering=\"crispEdges\"/>\n");
        for (int i = 0; i < xl.Major.Length; i++)
        {
            double px = xl.Map(xl.Major[i]);
            Svg.Line(sb, px, yBot, px, yBot + 5, "#444444", 1, "shape-rendering=\"crispEdges\"");
            Svg.Text(sb, px, yBot + 8 + TickFont, xl.Labels[i], "middle", TickFont, "tick-label x");
        }
        for (int i = 0; i < yl.Major.Length; i++)
        {
            double py = yl.Map(yl.Major[i]);
            Svg.Line(sb, x0 - 5, py, x0, py, "#444444", 1, "shape-rendering=\"crispEdges\"");
            Svg.Text(sb, x0 - 8, py + TickFont * 0.36, yl.Labels[i], "end", TickFont, "tick-label y");
        }
        if (y2l is not null)
        {
            for (int i = 0; i < y2l.Major.Length; i++)
            {
                double py = y2l.Map(y2l.Major[i]);
                Svg.Line(sb, x1, py, x1 + 5, py, "#444444", 1, "shape-rendering=\"crispEdges\"");
                Svg.Text(sb, x1 + 8, py + TickFont * 0.36, y2l.Labels[i], "start", TickFont, "tick-label y2");
            }
        }
        if (XAxis.DisplayTitle is { } xt) Svg.Text(sb, (x0 + x1) / 2, Height - 12, xt, "middle", LabelFont, "axis-title x");
        if (YAxis.DisplayTitle is { } yt) Svg.Text(sb, 14 + LabelFont * 0.8, (yTop + yBot) / 2, yt, "middle", LabelFont, "axis-title y", rotate: -90);
        if (y2l is not null && Y2Axis.DisplayTitle is { } y2t)
        {
            double w = y2l.Labels.Length == 0 ? 0 : y2l.Labels.Max(l => Svg.TextWidth(l, TickFont));
            double px = x1 + 9 + w + 8 + LabelFont * 0.8;
            Svg.Text(sb, px, (yTop + yBot) / 2, y2t, "middle", LabelFont, "axis-title y2", rotate: 90);
        }
        sb.Append("</g>\n");

        // Traces, clipped to the plot area.
        sb.Append("<defs><clipPath id=\"plot-area\"><rect x=\"").Append(Svg.N(x0 - 1)).Append("\" y=\"").Append(Svg.N(yTop - 1))
          .Append("\" width=\"").Append(Svg.N(plotW + 2)).Append("\" height=\"").Append(Svg.N(plotH + 2)).Append("\"/></clipPath></defs>\n");
        sb.Append("<g class=\"traces\" clip-path=\"url(#plot-area)\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n");
        bool anyPoint = false;
        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var ya = s.SecondaryAxis && y2l is not null ? y2l : yl;
            string color = s.Color ?? Palette.Get(i);
            var pts = Project(s, xl, ya, plotW);
            anyPoint |= pts.Count > 0;
            sb.Append("<path class=\"trace\" data-label=\"").Append(Svg.Escape(s.Label)).Append("\" stroke=\"").Append(color)
              .Append("\" stroke-width=\"").Append(Svg.N(s.LineWidth)).Append('"');
            if (s.Dashed) sb.Append(" stroke-dasharray=\"6 4\"");
            sb.Append(" d=\"").Append(PathData(pts)).Append("\"/>\n");
            int finite = 0;
            foreach (var p in pts) if (!double.IsNaN(p.X)) finite++;
            if (s.ShowMarkers || finite == 1)
            {
                foreach (var p in pts)
                {
                    if (double.IsNaN(p.X)) continue;
                    sb.Append("<circle cx=\"").Append(Svg.N(p.X)).Append("\" cy=\"").Append(Svg.N(p.Y)).Append("\" r=\"3\" fill=\"")
                      .Append(color).Append("\" stroke=\"none\"/>\n");
                }
            }
        }
        sb.Append("</g>\n");
        if (!anyPoint)
            Svg.Text(sb, (x0 + x1) / 2, (yTop + yBot) / 2, "no data", "middle", 14, "no-data", fill: "#888888");

        // Legend, to the right of the plot area.
        if (legendItems.Count > 0)
        {
            double lx = Width - legendW - 6, ly = yTop;
            double lh = 20 * legendItems.Count + 10;
            sb.Append("<g class=\"legend\">\n");
            sb.Append($"<rect x=\"{Svg.N(lx)}\" y=\"{Svg.N(ly)}\" width=\"{Svg.N(legendW)}\" height=\"{Svg.N(lh)}\" fill=\"#ffffff\" stroke=\"#cccccc\" rx=\"3\"/>\n");
            for (int k = 0; k < legendItems.Count; k++)
            {
                var s = legendItems[k];
                string color = s.Color ?? Palette.Get(Series.IndexOf(s));
                double cy = ly + 15 + 20 * k;
                Svg.Line(sb, lx + 10, cy, lx + 34, cy, color, Math.Max(2, s.LineWidth), s.Dashed ? "stroke-dasharray=\"6 4\"" : null);
                Svg.Text(sb, lx + 40, cy + TickFont * 0.36, LegendText(s, hasY2), "start", TickFont, "legend-label");
            }
            sb.Append("</g>\n");
        }

        if (!string.IsNullOrEmpty(Title))
            Svg.Title(sb, Width / 2.0, 28, Title, TitleFont, Width - 24);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string LegendText(PlotSeries s, bool hasY2) => hasY2 && s.SecondaryAxis ? s.Label + " (right)" : s.Label;

    private static IEnumerable<double> FiniteY(PlotSeries s, AxisLayout xl)
    {
        // Only y values whose x is drawable count for the y range.
        for (int i = 0; i < s.Y.Length; i++)
        {
            if (!xl.Accepts(s.X[i])) continue;
            if (s.X[i] < xl.Min || s.X[i] > xl.Max) continue;
            yield return s.Y[i];
        }
    }

    private readonly record struct Pt(double X, double Y)
    {
        public static readonly Pt Break = new(double.NaN, double.NaN);
    }

    /// <summary>Maps a series to pixels; NaN/non-drawable values become breaks. Dense monotonic data
    /// are reduced to first/min/max/last per pixel column; then points closer than 0.3 px to the
    /// previous kept point are dropped.</summary>
    private static List<Pt> Project(PlotSeries s, AxisLayout xl, AxisLayout yl, double plotW)
    {
        var raw = new List<Pt>(s.X.Length);
        for (int i = 0; i < s.X.Length; i++)
        {
            double x = s.X[i], y = s.Y[i];
            if (!xl.Accepts(x) || !yl.Accepts(y)) { raw.Add(Pt.Break); continue; }
            raw.Add(new Pt(xl.Map(x), yl.Map(y)));
        }
        if (raw.Count > 4 * plotW && IsMonotonic(raw)) raw = Envelope(raw);

        var outp = new List<Pt>(raw.Count);
        Pt last = Pt.Break;
        for (int i = 0; i < raw.Count; i++)
        {
            var p = raw[i];
            if (double.IsNaN(p.X))
            {
                if (outp.Count > 0 && !double.IsNaN(outp[^1].X)) outp.Add(Pt.Break);
                last = Pt.Break;
                continue;
            }
            bool isLastOfRun = i + 1 == raw.Count || double.IsNaN(raw[i + 1].X);
            if (!double.IsNaN(last.X) && !isLastOfRun && Math.Abs(p.X - last.X) < 0.3 && Math.Abs(p.Y - last.Y) < 0.3) continue;
            outp.Add(p);
            last = p;
        }
        while (outp.Count > 0 && double.IsNaN(outp[^1].X)) outp.RemoveAt(outp.Count - 1);
        return outp;
    }

    private static bool IsMonotonic(List<Pt> pts)
    {
        double prev = double.NegativeInfinity;
        foreach (var p in pts)
        {
            if (double.IsNaN(p.X)) continue;
            if (p.X < prev) return false;
            prev = p.X;
        }
        return true;
    }

    private static List<Pt> Envelope(List<Pt> pts)
    {
        var outp = new List<Pt>();
        int i = 0;
        while (i < pts.Count)
        {
            if (double.IsNaN(pts[i].X)) { outp.Add(Pt.Break); i++; continue; }
            int col = (int)Math.Floor(pts[i].X);
            int start = i, iMin = i, iMax = i;
            while (i < pts.Count && !double.IsNaN(pts[i].X) && (int)Math.Floor(pts[i].X) == col)
            {
                if (pts[i].Y < pts[iMin].Y) iMin = i;
                if (pts[i].Y > pts[iMax].Y) iMax = i;
                i++;
            }
            int end = i - 1;
            Span<int> idx = [start, iMin, iMax, end];
            idx.Sort();
            int prev = -1;
            foreach (var k in idx)
            {
                if (k == prev) continue;
                outp.Add(pts[k]);
                prev = k;
            }
        }
        return outp;
    }

    private static string PathData(List<Pt> pts)
    {
        var sb = new StringBuilder(pts.Count * 14);
        bool pen = false;
        foreach (var p in pts)
        {
            if (double.IsNaN(p.X)) { pen = false; continue; }
            sb.Append(pen ? 'L' : 'M').Append(Svg.N(p.X)).Append(',').Append(Svg.N(p.Y));
            pen = true;
        }
        return sb.ToString();
    }
}
