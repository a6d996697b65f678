using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Vertical bar chart rendered to SVG (e.g. the energy of each input pattern): one bar per category
/// and series (grouped when there are several series), a value axis that includes zero with
/// SI-prefixed 1-2-5 ticks, horizontal grid lines, optional value labels above the bars and a
/// legend when there is more than one series. Long category labels are drawn slanted.
/// </summary>
public sealed class BarChart
{
    public string? Title { get; set; }
    public int Width { get; set; } = 800;
    public int Height { get; set; } = 500;
    public List<string> Categories { get; } = new();
    public List<BarSeries> Series { get; } = new();

    /// <summary>Value (vertical) axis; set its <see cref="PlotAxis.Unit"/> (e.g. <c>J</c>).</summary>
    public PlotAxis ValueAxis { get; } = new();

    /// <summary>Title under the category labels (e.g. <c>Input pattern</c>).</summary>
    public string? CategoryTitle { get; set; }

    /// <summary>Value labels above the bars: null = when they fit.</summary>
    public bool? ShowValues { get; set; }

    public bool ShowLegend { get; set; } = true;

    public BarSeries Add(string label, double[] values)
    {
        var s = new BarSeries(label, values);
        Series.Add(s);
        return s;
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());

    private const double TickFont = 11;

    public string ToSvg()
    {
        var sb = new StringBuilder(4096);
        Svg.Header(sb, Width, Height, Title);
        int nCat = Math.Max(Categories.Count, Series.Count == 0 ? 0 : Series.Max(s => s.Values.Length));
        int nSer = Math.Max(1, Series.Count);
        var cats = Enumerable.Range(0, nCat).Select(i => i < Categories.Count ? Categories[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var axis = AxisLayout.Create(ValueAxis, Series.SelectMany(s => s.Values), 0.08, includeZero: ValueAxis.Scale == AxisScale.Linear);

        var legend = ShowLegend && Series.Count > 1 ? Series.Where(s => !string.IsNullOrEmpty(s.Label)).ToList() : [];
        double legendW = legend.Count == 0 ? 0 : legend.Max(s => Svg.TextWidth(s.Label, TickFont)) + 40;

        double top = string.IsNullOrEmpty(Title) ? 16 : 44;
        double catLabelW = cats.Count == 0 ? 0 : cats.Max(c => Svg.TextWidth(c, TickFont));
        // First guess of the plot width to decide whether category labels must be slanted.
        double guessW = Width - 90 - (legendW > 0 ? legendW + 10 : 18);
        double slot0 = nCat == 0 ? guessW : guessW / nCat;
        bool slant = catLabelW + 6 > slot0;
        double catBand = slant ? catLabelW * 0.72 + TickFont + 8 : TickFont + 10;
        double bottom = 12 + catBand + (CategoryTitle is null ? 0 : 22);
        double plotH = Math.Max(40, Height - top - bottom);
        axis.MakeTicks(ValueAxis, plotH, 42, horizontal: false);
        double yLabelW = axis.Labels.Length == 0 ? 0 : axis.Labels.Max(l => Svg.TextWidth(l, TickFont));
        double left = 14 + (ValueAxis.DisplayTitle is null ? 0 : 22) + yLabelW + 9;
        double right = legendW > 0 ? legendW + 16 : 18;
        double plotW = Math.Max(40, Width - left - right);
        double x0 = left, x1 = left + plotW, yTop = top, yBot = top + plotH;
        axis.P0 = yBot;
        axis.P1 = yTop;

        sb.Append("<g class=\"grid\" shape-rendering=\"crispEdges\">\n");
        foreach (var v in axis.Minor) Svg.Line(sb, x0, axis.Map(v), x1, axis.Map(v), "#eeeeee");
        foreach (var v in axis.Major) Svg.Line(sb, x0, axis.Map(v), x1, axis.Map(v), "#d8d8d8");
        sb.Append("</g>\n");

        double slot = nCat == 0 ? plotW : plotW / nCat;
        double group = slot * 0.78;
        double barW = group / nSer;
        double baseVal = axis.Scale == AxisScale.Log ? axis.Min : Math.Clamp(0, axis.Min, axis.Max);
        double basePx = axis.Map(baseVal);

        // Value labels use the axis prefix (the unit is on the axis) and three significant digits.
        int vExp = axis.LabelExponent3;
        double vMax = Series.SelectMany(s => s.Values).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max() / Ticks.Pow10(vExp);
        int vDec = vMax > 0 ? Math.Clamp(2 - (int)Math.Floor(Math.Log10(vMax)), 0, 6) : 0;
        string ValueLabel(double v) => axis.Scale == AxisScale.Log
            ? EngineeringFormat.Format(v, "", 3)
            : (v / Ticks.Pow10(vExp)).ToString("F" + vDec, System.Globalization.CultureInfo.InvariantCulture);
        bool showValues = ShowValues ?? AllValueLabelsFit(barW);
        sb.Append("<g class=\"bars\">\n");
        for (int si = 0; si < Series.Count; si++)
        {
            var s = Series[si];
            string color = s.Color ?? Palette.Get(si);
            for (int c = 0; c < s.Values.Length; c++)
            {
                double v = s.Values[c];
                if (!axis.Accepts(v)) continue;
                double bx = x0 + c * slot + (slot - group) / 2 + si * barW;
                double py = axis.Map(Math.Clamp(v, axis.Min, axis.Max));
                double yA = Math.Min(py, basePx), h = Math.Abs(py - basePx);
                sb.Append("<rect class=\"bar\" x=\"").Append(Svg.N(bx + 0.5)).Append("\" y=\"").Append(Svg.N(yA))
                  .Append("\" width=\"").Append(Svg.N(Math.Max(1, barW - 1))).Append("\" height=\"").Append(Svg.N(h))
                  .Append("\" fill=\"").Append(color).Append("\"><title>")
                  .Append(Svg.Escape($"{cats[c]}: {EngineeringFormat.Format(v, ValueAxis.Unit, 4)}")).Append("</title></rect>\n");
                if (showValues)
                {
                    string label = Svg.Minus(ValueLabel(v));
                    double ty = v >= baseVal ? yA - 4 : yA + h + 4 + TickFont * 0.8;
                    Svg.Text(sb, bx + barW / 2, ty, label, "middle", TickFont - 1, "value-label", fill: "#333333");
                }
            }
        }
        sb.Append("</g>\n");

        sb.Append("<g class=\"axes\">\n");
        sb.Append($"<rect x=\"{Svg.N(x0)}\" y=\"{Svg.N(yTop)}\" width=\"{Svg.N(plotW)}\" height=\"{Svg.N(plotH)}\" fill=\"none\" stroke=\"#444444\" stroke-width=\"1\" shape-rendering=\"crispEdges\"/>\n");
        if (axis.Scale == AxisScale.Linear && axis.Min < 0 && axis.Max > 0)
            Svg.Line(sb, x0, basePx, x1, basePx, "#444444", 1, "shape-rendering=\"crispEdges\"");
        for (int i = 0; i < axis.Major.Length; i++)
        {
            double py = axis.Map(axis.Major[i]);
            Svg.Line(sb, x0 - 5, py, x0, py, "#444444", 1, "shape-rendering=\"crispEdges\"");
            Svg.Text(sb, x0 - 8, py + TickFont * 0.36, axis.Labels[i], "end", TickFont, "tick-label y");
        }
        for (int c = 0; c < nCat; c++)
        {
            double cx = x0 + (c + 0.5) * slot;
            Svg.Line(sb, cx, yBot, cx, yBot + 4, "#444444", 1, "shape-rendering=\"crispEdges\"");
            if (slant)
                Svg.Text(sb, cx + 3, yBot + 8 + TickFont * 0.6, cats[c], "end", TickFont, "tick-label x", rotate: -40);
            else
                Svg.Text(sb, cx, yBot + 8 + TickFont, cats[c], "middle", TickFont, "tick-label x");
        }
        if (CategoryTitle is not null) Svg.Text(sb, (x0 + x1) / 2, Height - 12, CategoryTitle, "middle", 12.5, "axis-title x");
        if (ValueAxis.DisplayTitle is { } yt) Svg.Text(sb, 14 + 10, (yTop + yBot) / 2, yt, "middle", 12.5, "axis-title y", rotate: -90);
        sb.Append("</g>\n");

        if (legend.Count > 0)
        {
            double lx = Width - legendW - 6, ly = yTop;
            sb.Append("<g class=\"legend\">\n");
            sb.Append($"<rect x=\"{Svg.N(lx)}\" y=\"{Svg.N(ly)}\" width=\"{Svg.N(legendW)}\" height=\"{Svg.N(20 * legend.Count + 10)}\" fill=\"#ffffff\" stroke=\"#cccccc\" rx=\"3\"/>\n");
            for (int k = 0; k < legend.Count; k++)
            {
                var s = legend[k];
                double cy = ly + 15 + 20 * k;
                sb.Append($"<rect x=\"{Svg.N(lx + 10)}\" y=\"{Svg.N(cy - 6)}\" width=\"14\" height=\"12\" fill=\"{s.Color ?? Palette.Get(Series.IndexOf(s))}\"/>\n");
                Svg.Text(sb, lx + 30, cy + TickFont * 0.36, s.Label, "start", TickFont, "legend-label");
            }
            sb.Append("</g>\n");
        }
        if (!string.IsNullOrEmpty(Title)) Svg.Title(sb, Width / 2.0, 28, Title, 15, Width - 24);
        sb.Append("</svg>\n");
        return sb.ToString();

        bool AllValueLabelsFit(double w)
        {
            foreach (var s in Series)
                foreach (var v in s.Values)
                    if (double.IsFinite(v) && Svg.TextWidth(ValueLabel(v), TickFont - 1) > w + 2) return false;
            return true;
        }
    }
}
