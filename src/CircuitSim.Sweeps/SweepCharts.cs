using CircuitSim.Output;

namespace CircuitSim.Sweeps;

/// <summary>
/// The charts of a merged sweep, all built here (one place to change when the charts move to another library): a
/// histogram of each measurement, and each measurement against each swept parameter or temperature (the mean over the
/// Monte Carlo runs, with their minimum and maximum, when both vary), as PNG and/or SVG.
/// </summary>
public static class SweepCharts
{
    /// <summary>Writes the charts into <paramref name="directory"/>; returns their paths.</summary>
    public static List<string> Write(ResultTable table, string directory, PlotFormat format = PlotFormat.Png)
    {
        var written = new List<string>();
        var ok = table.Rows.Where(r => r.Status == PointStatus.Ok).ToList();
        var axes = table.Plan.Parameters.Where(p => !p.Equals("run", StringComparison.OrdinalIgnoreCase))
            .Select(p => (Name: p, Of: (Func<SweepPoint, double?>)(pt => pt.Parameters.TryGetValue(p, out var v) ? v : null))).ToList();
        if (table.Plan.Points.Select(p => p.Temperature).Distinct().Count() > 1) axes.Add(("temperature", pt => pt.Temperature));
        foreach (var column in table.ValueColumns)
        {
            var values = ok.Select(r => r.Value(column)).Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToArray();
            if (values.Length == 0) continue;
            var stem = Path.Combine(directory, "chart." + FileSafe(column));
            written.AddRange(Histogram(column, values).Save(stem + ".histogram", format));
            foreach (var axis in axes)
            {
                var chart = Against(column, axis.Name, ok.Select(r => (axis.Of(r.Point), r.Value(column))));
                if (chart is null) continue;
                written.AddRange(chart.Save($"{stem}.vs.{FileSafe(axis.Name)}", format));
            }
        }
        return written;
    }

    /// <summary>Counts in √n bins (5 to 40) between the smallest and largest value.</summary>
    public static BarChart Histogram(string name, double[] values)
    {
        var bins = Math.Clamp((int)Math.Round(Math.Sqrt(values.Length)), 5, 40);
        double lo = values.Min(), hi = values.Max();
        if (hi == lo) { lo -= 0.5 * Math.Max(Math.Abs(lo), 1e-30); hi += 0.5 * Math.Max(Math.Abs(hi), 1e-30); }
        var width = (hi - lo) / bins;
        var counts = new double[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        var chart = new BarChart { Title = $"{name}: {values.Length} points", CategoryTitle = $"{name} (bin centre)", ShowValues = false };
        for (var i = 0; i < bins; i++) chart.Categories.Add(EngineeringFormat.Format(lo + (i + 0.5) * width, "", 3));
        chart.ValueAxis.Title = "points";
        chart.ValueAxis.UseSiPrefixes = false;
        chart.Add(name, counts);
        return chart;
    }

    /// <summary>A measurement against a swept quantity; null when it takes fewer than two values.</summary>
    public static LineChart? Against(string name, string axis, IEnumerable<(double? X, double? Y)> points)
    {
        var groups = points.Where(p => p.X is not null && p.Y is { } y && double.IsFinite(y))
            .GroupBy(p => p.X!.Value).OrderBy(g => g.Key).ToList();
        if (groups.Count < 2) return null;
        var x = groups.Select(g => g.Key).ToArray();
        var chart = new LineChart { Title = $"{name} against {axis}", XPadding = 0.05 };
        chart.XAxis.Title = axis;
        chart.YAxis.Title = name;
        var several = groups.Any(g => g.Count() > 1);
        chart.Add(several ? "mean" : name, x, groups.Select(g => g.Average(p => p.Y!.Value)).ToArray()).ShowMarkers = true;
        if (several)
        {
            chart.Add("min", x, groups.Select(g => g.Min(p => p.Y!.Value)).ToArray()).Dashed = true;
            chart.Add("max", x, groups.Select(g => g.Max(p => p.Y!.Value)).ToArray()).Dashed = true;
        }
        return chart;
    }

    private static string FileSafe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
}
