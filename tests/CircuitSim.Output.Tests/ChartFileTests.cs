using System.Xml.Linq;
using CircuitSim.Output.Tests.Support;
using SkiaSharp;
using static CircuitSim.Output.Tests.Support.ChartProbe;

namespace CircuitSim.Output.Tests;

/// <summary>Chart files: PNG and SVG are written and decodable, the formats parse, and text is really drawn.</summary>
public class ChartFileTests
{
    private static LineChart Chart(string? title = "a title")
    {
        var c = new LineChart { Title = title };
        c.XAxis.ForKind(VectorKind.Time);
        c.YAxis.ForKind(VectorKind.Voltage);
        c.Add("v", [0, 1e-9, 2e-9], [0, 1, 0.5]);
        return c;
    }

    [Fact]
    public void Png_IsWrittenAtOneAndAHalfTimesTheLayoutSize()
    {
        using var dir = new TempDir();
        var written = Chart().Save(dir.File("c"), PlotFormat.Png);
        Assert.Equal([dir.File("c.png")], written);
        Assert.Equal((1200, 750), PngSize(File.ReadAllBytes(dir.File("c.png"))));
        using var bitmap = SKBitmap.Decode(dir.File("c.png"));
        Assert.Equal(1200, bitmap.Width);
    }

    [Fact]
    public void Svg_IsWrittenAsWellFormedSvgOfTheLayoutSize()
    {
        using var dir = new TempDir();
        var written = Chart().Save(dir.File("c"), PlotFormat.Svg);
        Assert.Equal([dir.File("c.svg")], written);
        var root = XDocument.Load(dir.File("c.svg")).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(("800", "500"), ((string?)root.Attribute("width"), (string?)root.Attribute("height")));
        Assert.Contains(root.Descendants(), e => e.Name.LocalName == "text" && ((string?)e.Attribute("font-family"))?.Contains(ChartFonts.Family) == true);
    }

    [Fact]
    public void Both_WritesThePngThenTheSvg()
    {
        using var dir = new TempDir();
        Assert.Equal([dir.File("c.png"), dir.File("c.svg")], Chart().Save(dir.File("c"), PlotFormat.Both));
        Assert.True(File.Exists(dir.File("c.png")) && File.Exists(dir.File("c.svg")));
    }

    [Fact]
    public void SaveAs_TakesTheFormatFromTheExtension()
    {
        using var dir = new TempDir();
        Chart().SaveAs(dir.File("x.svg"));
        Chart().SaveAs(dir.File("y.png"));
        Assert.StartsWith("<?xml", File.ReadAllText(dir.File("x.svg")));
        Assert.Equal((1200, 750), PngSize(File.ReadAllBytes(dir.File("y.png"))));
    }

    [Theory]
    [InlineData("png", PlotFormat.Png)]
    [InlineData("SVG", PlotFormat.Svg)]
    [InlineData("both", PlotFormat.Both)]
    public void PlotFormats_ParseTheOptionValues(string name, PlotFormat expected) => Assert.Equal(expected, PlotFormats.Parse(name));

    [Fact]
    public void PlotFormats_RefuseAnUnknownName() => Assert.Throws<ArgumentException>(() => PlotFormats.Parse("jpeg"));

    [Fact]
    public void ChartFonts_RegisterTheEmbeddedDejaVuSans()
    {
        ChartFonts.Ensure();
        Assert.Equal(ChartFonts.Family, ScottPlot.Fonts.Default);
        Assert.Equal("DejaVu Sans", ChartFonts.Typeface(bold: false).FamilyName);
        Assert.Equal(ChartFonts.Typeface(bold: true), ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false));
    }

    /// <summary>A missing font draws nothing and would pass every model check: compare the pixels of the title band
    /// of a chart with and without its title.</summary>
    [Fact]
    public void Title_IsDrawnAsVisiblePixels()
    {
        using var with = SKBitmap.Decode(Chart("Title text").ToPng());
        using var without = SKBitmap.Decode(Chart(null).ToPng());
        Assert.True(DarkPixels(with, 0, 0, with.Width, 40) > 200, "no dark pixels where the title goes");
        Assert.Equal(0, DarkPixels(without, 0, 0, without.Width, 20));
    }

    [Fact]
    public void TickLabels_AreDrawnAsVisiblePixels()
    {
        var chart = Chart();
        using var bitmap = SKBitmap.Decode(chart.ToPng());
        using var plot = Rendered(chart);
        // the band left of the data area holds the y tick labels and the axis title
        int left = (int)(plot.LastRender.DataRect.Left * chart.PngScale);
        Assert.True(DarkPixels(bitmap, 0, 0, left - 8, bitmap.Height) > 300, "no text left of the data area");
    }

    private static int DarkPixels(SKBitmap bitmap, int x0, int y0, int x1, int y1)
    {
        int n = 0;
        for (int y = y0; y < Math.Min(y1, bitmap.Height); y++)
            for (int x = x0; x < Math.Min(x1, bitmap.Width); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128) n++;
            }
        return n;
    }
}
