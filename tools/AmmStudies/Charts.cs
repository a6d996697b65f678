using CircuitSim.Output;

namespace CircuitSim.Tools.AmmStudies;

/// <summary>The studies' charts (PNG unless <c>--plot-format</c> says otherwise) and tables.</summary>
internal static class Charts
{
    /// <summary>The chart files to write.</summary>
    public static PlotFormat Format { get; set; } = PlotFormat.Png;

    public static LineChart Xy(string title, string xTitle, string xUnit, string yTitle, string yUnit)
    {
        var c = new LineChart { Title = title, XPadding = 0.04 };
        c.XAxis.Title = xTitle;
        c.XAxis.Unit = xUnit;
        c.YAxis.Title = yTitle;
        c.YAxis.Unit = yUnit;
        return c;
    }

    /// <summary>Writes <c>directory/stem.png</c> and/or <c>.svg</c>.</summary>
    public static void Save(LineChart chart, string directory, string stem)
    {
        Directory.CreateDirectory(directory);
        foreach (var path in chart.Save(Path.Combine(directory, stem), Format)) Console.WriteLine($"  wrote {path}");
    }

    public static void Csv(string directory, string file, string header, IEnumerable<string> rows)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, file);
        File.WriteAllLines(path, new[] { header }.Concat(rows));
        Console.WriteLine($"  wrote {path}");
    }
}
