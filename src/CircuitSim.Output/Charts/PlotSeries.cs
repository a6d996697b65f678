namespace CircuitSim.Output;

/// <summary>One trace of a <see cref="LineChart"/>: x/y data (NaN breaks the line) and its style.</summary>
public sealed class PlotSeries
{
    public PlotSeries(string label, double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"Series '{label}': x has {x.Length} points, y has {y.Length}.");
        Label = label ?? "";
        X = x;
        Y = y;
    }

    public string Label { get; set; }
    public double[] X { get; }
    public double[] Y { get; }

    /// <summary>CSS colour; null picks the next palette colour.</summary>
    public string? Color { get; set; }

    public double LineWidth { get; set; } = 1.6;
    public bool Dashed { get; set; }

    /// <summary>Draw a small circle at every point.</summary>
    public bool ShowMarkers { get; set; }

    /// <summary>Plot against the right-hand (secondary) y axis.</summary>
    public bool SecondaryAxis { get; set; }
}

/// <summary>One group of bars in a <see cref="BarChart"/> (one value per category).</summary>
public sealed class BarSeries
{
    public BarSeries(string label, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Label = label ?? "";
        Values = values;
    }

    public string Label { get; set; }
    public double[] Values { get; }
    public string? Color { get; set; }
}
