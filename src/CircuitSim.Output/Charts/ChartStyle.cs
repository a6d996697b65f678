using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// The look every chart shares: the embedded font, text sizes, a white figure with a dark frame, light grey major
/// and fainter minor grid lines, and the trace palette.
/// </summary>
public static class ChartStyle
{
    public const float TitleSize = 14;
    public const float AxisTitleSize = 13;
    public const float TickLabelSize = 11.5f;
    public const float LegendSize = 11.5f;
    public const float NoteSize = 11;

    public static readonly Color Text = Color.FromHex("#222222");
    public static readonly Color Frame = Color.FromHex("#444444");
    public static readonly Color MajorGrid = Color.FromHex("#d8d8d8");
    public static readonly Color MinorGrid = Color.FromHex("#efefef");
    public static readonly Color Muted = Color.FromHex("#888888");

    /// <summary>A new plot with the shared look (the font is registered first).</summary>
    public static Plot NewPlot()
    {
        ChartFonts.Ensure();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Title.Label.FontName = ChartFonts.Family;
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Text;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = ChartFonts.Family;
            axis.Label.FontSize = AxisTitleSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Text;
            axis.TickLabelStyle.FontName = ChartFonts.Family;
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.ForeColor = Text;
            axis.FrameLineStyle.Color = Frame;
            axis.MajorTickStyle.Color = Frame;
            axis.MinorTickStyle.Color = Frame;
        }
        plot.Grid.MajorLineColor = MajorGrid;
        plot.Grid.MinorLineColor = MinorGrid;
        plot.Grid.MinorLineWidth = 1;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = Text;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.OutlineColor = Color.FromHex("#cccccc");
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.IsVisible = false; // ScottPlot shows a legend inside the data area unless told not to
        return plot;
    }

    /// <summary>The legend, outside the data area on the right.</summary>
    public static void ShowLegend(Plot plot)
    {
        var panel = plot.ShowLegend(Edge.Right);
        panel.Alignment = Alignment.UpperCenter;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = Text;
        plot.Legend.SetBestFontOnEachRender = false;
    }

    /// <summary>
    /// The title (bold), centred over the data area as ScottPlot places it. A title wider than the room there (the
    /// data area and the narrower margin on each side) is shrunk down to 12 px; if it still does not fit, it is broken
    /// into two lines at the space nearest its middle and shrunk (down to 11 px) until both fit; a title too long even
    /// for that fills the first line and has its second cut with an ellipsis. Call it last: a long title is fitted by laying the plot out once at its size.
    /// </summary>
    public static void SetTitle(Plot plot, string? title, int width, int height)
    {
        if (string.IsNullOrEmpty(title)) return;
        using var font = new SkiaSharp.SKFont(ChartFonts.Typeface(bold: true), TitleSize);
        double room = width - 24;
        if (font.MeasureText(title) > width / 2.0) // may not fit around the data area's centre
        {
            plot.Title(title, TitleSize); // the title's height takes part in the layout
            plot.RenderInMemory(width, height);
            var data = plot.LastRender.DataRect;
            room = data.Width + 2 * Math.Min(data.Left, width - data.Right) - 12;
        }
        var (text, size) = FitTitle(title, font, room);
        plot.Title(text, size);
        plot.Axes.Title.Label.FontName = ChartFonts.Family;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Text;
    }

    /// <summary>The title's text (one or two lines) and font size for <paramref name="room"/> pixels of width.</summary>
    internal static (string Text, float Size) FitTitle(string title, SkiaSharp.SKFont font, double room)
    {
        float size = TitleSize;
        double Widest(IEnumerable<string> lines) => lines.Max(l => (double)font.MeasureText(l));
        font.Size = size;
        while (size > 12 && font.MeasureText(title) > room) font.Size = size -= 0.5f;
        if (font.MeasureText(title) <= room) return (title, size);

        string[] lines = SplitNearMiddle(title);
        font.Size = size = TitleSize;
        while (size > 11 && Widest(lines) > room) font.Size = size -= 0.5f;
        if (font.MeasureText(lines[0]) > room) lines = FillFirstLine(title, font, room); // far too long: fill, then cut
        string last = lines[^1];
        if (font.MeasureText(last) > room)
        {
            while (last.Length > 1 && font.MeasureText(last + "…") > room) last = last[..^1];
            lines[^1] = last.TrimEnd() + "…";
        }
        return (string.Join('\n', lines), size);
    }

    /// <summary>As many words as fit on the first line, the rest on the second (the title alone if no word fits).</summary>
    private static string[] FillFirstLine(string title, SkiaSharp.SKFont font, double room)
    {
        int end = -1;
        for (int i = title.IndexOf(' '); i > 0 && font.MeasureText(title[..i]) <= room; i = title.IndexOf(' ', i + 1)) end = i;
        return end <= 0 ? [title] : [title[..end].TrimEnd(), title[(end + 1)..].TrimStart()];
    }

    /// <summary>Two lines broken at the space nearest the middle, or the title alone when it has no space.</summary>
    private static string[] SplitNearMiddle(string title)
    {
        int middle = title.Length / 2, best = -1;
        for (int i = 0; i < title.Length; i++)
            if (title[i] == ' ' && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle))) best = i;
        return best <= 0 ? [title] : [title[..best].TrimEnd(), title[(best + 1)..].TrimStart()];
    }

    /// <summary>Text drawn in data coordinates (labels, notes) in the shared font.</summary>
    public static ScottPlot.Plottables.Text AddText(Plot plot, string text, double x, double y, float size, Alignment alignment, Color? color = null)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelFontName = ChartFonts.Family;
        t.LabelFontSize = size;
        t.LabelFontColor = color ?? Text;
        t.LabelAlignment = alignment;
        return t;
    }
}

/// <summary>Distinct, colour-blind-friendly trace colours (Okabe–Ito based, then a few extras).</summary>
public static class Palette
{
    public static IReadOnlyList<string> Colors { get; } =
    [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#000000", // black
        "#8C564B", // brown
        "#7F7F7F", // grey
        "#B8A000", // dark yellow
    ];

    public static string Get(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];

    /// <summary>The colour of a hex string (<c>#rrggbb</c>).</summary>
    public static Color Parse(string hex) => Color.FromHex(hex);
}
