namespace CircuitSim.Output;

public enum AxisScale
{
    Linear = 0,
    /// <summary>Base-10 logarithmic; values ≤ 0 are not drawn.</summary>
    Log = 1,
}

/// <summary>Settings of one plot axis.</summary>
public sealed class PlotAxis
{
    /// <summary>Axis title without the unit (e.g. <c>Time</c>); the unit is appended in parentheses.</summary>
    public string? Title { get; set; }

    /// <summary>Unit symbol used in tick labels and the title (<c>s</c>, <c>Hz</c>, <c>V</c>, <c>A</c>, <c>J</c>, <c>dB</c>, <c>°</c>).</summary>
    public string Unit { get; set; } = "";

    public AxisScale Scale { get; set; } = AxisScale.Linear;

    /// <summary>Fixed lower limit (null: from the data).</summary>
    public double? Min { get; set; }

    /// <summary>Fixed upper limit (null: from the data).</summary>
    public double? Max { get; set; }

    /// <summary>Tick labels with SI prefixes (<c>100 mV</c>); false gives plain numbers (dB, degrees).</summary>
    public bool UseSiPrefixes { get; set; } = true;

    /// <summary>Fraction of the data span added on each side (null: the chart's default for this axis).</summary>
    public double? Padding { get; set; }

    /// <summary>Sets the quantity name and unit from a vector kind (Time/s, Frequency/Hz, Voltage/V, Current/A).</summary>
    public PlotAxis ForKind(VectorKind kind)
    {
        Title = VectorKinds.Quantity(kind) is { Length: > 0 } q ? q : Title;
        Unit = VectorKinds.Unit(kind);
        if (kind == VectorKind.Frequency) Scale = AxisScale.Log;
        return this;
    }

    /// <summary>The title as drawn: <c>Title (Unit)</c>.</summary>
    public string? DisplayTitle =>
        string.IsNullOrEmpty(Title) ? (string.IsNullOrEmpty(Unit) ? null : $"({Unit})")
        : string.IsNullOrEmpty(Unit) ? Title : $"{Title} ({Unit})";
}
