using CircuitSim.Output;

namespace CircuitSim.Tools.AmmStudies;

/// <summary>SVG charts of the studies (rendered with <c>rsvg-convert</c> to look at them).</summary>
internal static class Charts
{
    public static LineChart Xy(string title, string xTitle, string xUnit, string yTitle, string yUnit)
    {
        var c = new LineChart { Title = title, XPadding = 0.04 };
        c.XAxis.Title = xTitle;
        c.XAxis.Unit = xUnit;
        c.YAxis.Title = yTitle;
        c.YAxis.Unit = yUnit;
        return c;
    }

    public static void Save(LineChart chart, string directory, string file)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, file);
        chart.Save(path);
        Console.WriteLine($"  wrote {path}");
    }

    public static void Csv(string directory, string file, string header, IEnumerable<string> rows)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, file);
        File.WriteAllLines(path, new[] { header }.Concat(rows));
        Console.WriteLine($"  wrote {path}");
    }
}
