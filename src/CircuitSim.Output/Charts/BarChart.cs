using System.Globalization;
using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// Vertical bar chart (e.g. the energy of each input pattern): one bar per category and series (grouped when there
/// are several series), a linear value axis that includes zero with SI-prefixed 1-2-5 ticks, horizontal grid lines,
/// value labels above the bars when they fit, and a legend when there is more than one series. Category labels that
/// do not fit their slot are drawn slanted.
/// </summary>
public sealed class BarChart : Chart
{
    public List<string> Categories { get; } = new();
    public List<BarSeries> Series { get; } = new();

    /// <summary>Value (vertical) axis; set its <see cref="PlotAxis.Unit"/> (e.g. <c>J</c>). Always linear.</summary>
    public PlotAxis ValueAxis { get; } = new();

    /// <summary>Title under the category labels (e.g. <c>Input pattern</c>).</summary>
    public string? CategoryTitle { get; set; }

    /// <summary>Value labels above the bars: null = when they fit.</summary>
    public bool? ShowValues { get; set; }

    public bool ShowLegend { get; set; } = true;

    /// <summary>Fraction of a category's slot the group of bars fills.</summary>
    private const double GroupWidth = 0.78;

    public BarSeries Add(string label, double[] values)
    {
        var s = new BarSeries(label, values);
        Series.Add(s);
        return s;
    }

    /// <summary>The category labels, numbered from 1 where <see cref="Categories"/> has fewer than the values.</summary>
    public List<string> CategoryLabels()
    {
        int n = Math.Max(Categories.Count, Series.Count == 0 ? 0 : Series.Max(s => s.Values.Length));
        return Enumerable.Range(0, n).Select(i => i < Categories.Count ? Categories[i] : (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
    }

    public override Plot Build()
    {
        var plot = ChartStyle.NewPlot();
        var cats = CategoryLabels();
        int nSer = Math.Max(1, Series.Count);
        var range = AxisRange.Create(ValueAxis, Series.SelectMany(s => s.Values), 0.08, includeZero: true);
        ChartAxes.Configure(plot, plot.Axes.Left, ValueAxis, range);
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, cats.Count) - 0.5, plot.Axes.Bottom);
        plot.Grid.XAxisStyle.IsVisible = false;

        // Category axis: one labelled tick per category, slanted when the widest label is wider than its slot.
        var bottom = plot.Axes.Bottom;
        bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, cats.Count).Select(i => (double)i).ToArray(), cats.ToArray());
        bottom.Label.Text = CategoryTitle ?? "";
        double slotPx = (Width - 140.0) / Math.Max(1, cats.Count);
        using var tickFont = new SkiaSharp.SKFont(ChartFonts.Typeface(false), ChartStyle.TickLabelSize);
        double widest = cats.Count == 0 ? 0 : cats.Max(c => tickFont.MeasureText(c));
        if (widest + 6 > slotPx)
        {
            bottom.TickLabelStyle.Rotation = -40;
            bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            if (bottom is ScottPlot.AxisPanels.AxisBase b) b.MinimumSize = (float)(widest * 0.7 + 20 + (CategoryTitle is null ? 0 : 18));
        }

        // Value labels use the axis's SI prefix (the unit is on the axis) and three significant digits.
        int exp3 = LabelExponent(range);
        double scaledMax = Series.SelectMany(s => s.Values).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max() / Ticks.Pow10(exp3);
        int decimals = scaledMax > 0 ? Math.Clamp(2 - (int)Math.Floor(Math.Log10(scaledMax)), 0, 6) : 0;
        string ValueLabel(double v) => TickLabels.Minus((v / Ticks.Pow10(exp3)).ToString("F" + decimals, CultureInfo.InvariantCulture));
        double barWidth = GroupWidth / nSer;
        bool showValues = ShowValues ?? Series.SelectMany(s => s.Values).Where(double.IsFinite)
            .All(v => tickFont.MeasureText(ValueLabel(v)) * 0.92 <= barWidth * slotPx + 2);

        for (int si = 0; si < Series.Count; si++)
        {
            var s = Series[si];
            var colour = Palette.Parse(s.Color ?? Palette.Get(si));
            var bars = new List<Bar>();
            for (int c = 0; c < s.Values.Length; c++)
            {
                double v = s.Values[c];
                if (!double.IsFinite(v)) continue;
                bars.Add(new Bar
                {
                    Position = c - GroupWidth / 2 + (si + 0.5) * barWidth,
                    Value = v,
                    ValueBase = 0,
                    Size = barWidth * 0.94,
                    FillColor = colour,
                    LineWidth = 0,
                    Label = showValues ? ValueLabel(v) : "",
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = s.Label;
            plottable.ValueLabelStyle.FontName = ChartFonts.Family;
            plottable.ValueLabelStyle.FontSize = ChartStyle.TickLabelSize - 1;
            plottable.ValueLabelStyle.ForeColor = Color.FromHex("#333333");
        }
        if (range.Min < 0 && range.Max > 0)
        {
            var zero = plot.Add.HorizontalLine(0, 1, ChartStyle.Frame);
            zero.LegendText = "";
        }
        if (ShowLegend && Series.Count > 1 && Series.Exists(s => !string.IsNullOrEmpty(s.Label))) ChartStyle.ShowLegend(plot);
        ChartStyle.SetTitle(plot, Title, Width, Height);
        return plot;
    }

    /// <summary>The SI exponent the value axis's labels will share (as the tick generator picks it for this range).</summary>
    private int LabelExponent(AxisRange range)
    {
        var ticks = Ticks.Linear(range.Min, range.Max, Math.Max(2, (int)((Height - 120) / EngineeringTickGenerator.VerticalSpacing) + 1), out double step);
        TickLabels.Linear(ticks, step, ValueAxis, out int exp3);
        return exp3;
    }
}
