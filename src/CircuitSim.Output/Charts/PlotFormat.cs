namespace CircuitSim.Output;

/// <summary>Which image files a chart is written as: PNG (the default), SVG, or both.</summary>
[Flags]
public enum PlotFormat
{
    Png = 1,
    Svg = 2,
    Both = Png | Svg,
}

/// <summary>Parsing and file extensions of <see cref="PlotFormat"/>.</summary>
public static class PlotFormats
{
    /// <summary>The values the <c>--plot-format</c> option accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["png", "svg", "both"];

    /// <summary><c>png</c>, <c>svg</c> or <c>both</c> (any case); anything else is an <see cref="ArgumentException"/>.</summary>
    public static PlotFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "png" => PlotFormat.Png,
        "svg" => PlotFormat.Svg,
        "both" => PlotFormat.Both,
        _ => throw new ArgumentException($"plot format '{name}' is not one of png, svg, both", nameof(name)),
    };

    /// <summary>The format a file name asks for: <c>.svg</c> gives SVG, anything else PNG.</summary>
    public static PlotFormat FromExtension(string path) =>
        Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? PlotFormat.Svg : PlotFormat.Png;

    /// <summary>The extensions (with the dot) of the files a format writes, PNG first.</summary>
    public static IEnumerable<string> Extensions(PlotFormat format)
    {
        if (format.HasFlag(PlotFormat.Png)) yield return ".png";
        if (format.HasFlag(PlotFormat.Svg)) yield return ".svg";
    }
}
