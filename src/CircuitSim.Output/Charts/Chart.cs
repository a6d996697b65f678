using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// A chart built with ScottPlot: <see cref="Build"/> makes the plot (the model tests inspect); <see cref="Save"/>
/// writes it as PNG and/or SVG, each file atomically.
/// </summary>
public abstract class Chart
{
    public string? Title { get; set; }

    /// <summary>Size in layout pixels (the SVG's size; a PNG has <see cref="PngScale"/> times as many pixels).</summary>
    public int Width { get; set; } = 800;

    public int Height { get; set; } = 500;

    /// <summary>Pixels per layout pixel in a PNG: 1.5 makes an 800 × 500 chart 1200 × 750, sharp on a slide.</summary>
    public double PngScale { get; set; } = 1.5;

    /// <summary>The ScottPlot model of the chart (axes with their limits and tick generators, plottables, title).</summary>
    public abstract Plot Build();

    /// <summary>PNG bytes of the chart.</summary>
    public byte[] ToPng()
    {
        using var plot = Build();
        plot.ScaleFactor = PngScale;
        return plot.GetImageBytes((int)Math.Round(Width * PngScale), (int)Math.Round(Height * PngScale), ImageFormat.Png);
    }

    /// <summary>SVG text of the chart.</summary>
    public string ToSvg()
    {
        using var plot = Build();
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Writes <c>stem.png</c> and/or <c>stem.svg</c>; returns the paths written, PNG first.</summary>
    public IReadOnlyList<string> Save(string stem, PlotFormat format)
    {
        var written = new List<string>(2);
        foreach (var extension in PlotFormats.Extensions(format))
        {
            var path = stem + extension;
            SaveAs(path);
            written.Add(path);
        }
        return written;
    }

    /// <summary>Writes the chart to <paramref name="path"/>: SVG when it ends in <c>.svg</c>, else PNG.</summary>
    public void SaveAs(string path)
    {
        if (PlotFormats.FromExtension(path) == PlotFormat.Svg) AtomicFile.WriteAllText(path, ToSvg());
        else AtomicFile.WriteAllBytes(path, ToPng());
    }
}
