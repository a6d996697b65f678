namespace CircuitSim.Output;

/// <summary>What to plot of a complex (AC) vector.</summary>
public enum ComplexPart
{
    Magnitude = 0,
    MagnitudeDb,
    PhaseDegrees,
    Real,
    Imaginary,
}

/// <summary>Ready-made charts from <see cref="WaveformSet"/>s; axis titles and units come from the vector kinds.</summary>
public static class WaveformPlots
{
    /// <summary>
    /// Vectors against the scale (time, sweep). No names: every vector but the scale. When two kinds of
    /// quantity are mixed, the second goes to a secondary axis on the right (with voltages and currents,
    /// the currents). Complex vectors are drawn as magnitude.
    /// </summary>
    public static LineChart TimeSeries(WaveformSet plot, params string[] names)
    {
        var scale = plot.Scale ?? throw new ArgumentException("The plot has no vectors.", nameof(plot));
        var vectors = Select(plot, names);
        var chart = new LineChart { Title = DefaultTitle(plot) };
        chart.XAxis.ForKind(scale.Kind);
        chart.XAxis.Scale = plot.LogScale ? AxisScale.Log : AxisScale.Linear;
        if (scale.Kind == VectorKind.Other) chart.XAxis.Title = scale.Name;
        var x = scale.RealPart();

        // two kinds of quantity (a voltage and a current, a wall position and a current): one axis each, so that
        // neither is flattened against the other's scale; a voltage takes the left axis, else the first vector's kind
        var kinds = vectors.Select(v => v.Kind).Distinct().ToList();
        bool split = kinds.Count == 2;
        var leftKind = split ? (kinds.Contains(VectorKind.Voltage) ? VectorKind.Voltage : kinds[0]) : kinds.Count == 1 ? kinds[0] : VectorKind.Other;
        SetValueAxis(chart.YAxis, leftKind, vectors.Where(v => !split || v.Kind == leftKind).ToList());
        if (split) SetValueAxis(chart.Y2Axis, kinds.First(k => k != leftKind), vectors.Where(v => v.Kind != leftKind).ToList());
        foreach (var v in vectors)
            chart.Add(v.Name, x, v.IsComplex ? v.Magnitude() : v.Real!, secondaryAxis: split && v.Kind != leftKind);
        return chart;
    }

    /// <summary>X–Y plot of one vector against another (e.g. a pinched hysteresis loop: current vs voltage).</summary>
    public static LineChart XY(WaveformSet plot, string xName, string yName, string? label = null)
    {
        var xv = plot[xName];
        var yv = plot[yName];
        var chart = new LineChart { Title = DefaultTitle(plot), XPadding = 0.05 };
        chart.XAxis.Title = AxisTitle(xv);
        chart.XAxis.Unit = VectorKinds.Unit(xv.Kind);
        chart.YAxis.Title = AxisTitle(yv);
        chart.YAxis.Unit = VectorKinds.Unit(yv.Kind);
        chart.Add(label ?? $"{yv.Name} vs {xv.Name}", xv.RealPart(), yv.RealPart());
        chart.ShowLegend = label is not null;
        return chart;
    }

    /// <summary>X–Y plot of several vectors against one (a legend names each trace when there are several).</summary>
    public static LineChart XY(WaveformSet plot, string xName, IReadOnlyList<string> yNames)
    {
        if (yNames.Count == 1) return XY(plot, xName, yNames[0]);
        var xv = plot[xName];
        var ys = yNames.Select(n => plot[n]).ToList();
        var chart = new LineChart { Title = DefaultTitle(plot), XPadding = 0.05 };
        chart.XAxis.Title = AxisTitle(xv);
        chart.XAxis.Unit = VectorKinds.Unit(xv.Kind);
        var kinds = ys.Select(v => v.Kind).Distinct().ToList();
        SetValueAxis(chart.YAxis, kinds.Count == 1 ? kinds[0] : VectorKind.Other, ys);
        var x = xv.RealPart();
        foreach (var y in ys) chart.Add(y.Name, x, y.RealPart());
        return chart;
    }

    /// <summary>Frequency response on a log frequency axis (AC analysis). Magnitude in dB and phase
    /// get plain-number axes; <paramref name="logY"/> draws a linear magnitude on a log axis.</summary>
    public static LineChart FrequencyResponse(WaveformSet plot, ComplexPart part = ComplexPart.Magnitude, bool logY = false, params string[] names)
    {
        var scale = plot.Scale ?? throw new ArgumentException("The plot has no vectors.", nameof(plot));
        var vectors = Select(plot, names);
        var chart = new LineChart { Title = DefaultTitle(plot) };
        chart.XAxis.ForKind(VectorKind.Frequency);
        chart.XAxis.Scale = AxisScale.Log;
        var x = scale.RealPart();
        var kinds = vectors.Select(v => v.Kind).Distinct().ToList();
        var kind = kinds.Count == 1 ? kinds[0] : VectorKind.Other;
        string unit = VectorKinds.Unit(kind);
        switch (part)
        {
            case ComplexPart.MagnitudeDb:
                chart.YAxis.Title = "Magnitude";
                chart.YAxis.Unit = "dB";
                chart.YAxis.UseSiPrefixes = false;
                break;
            case ComplexPart.PhaseDegrees:
                chart.YAxis.Title = "Phase";
                chart.YAxis.Unit = "°";
                chart.YAxis.UseSiPrefixes = false;
                break;
            default:
                chart.YAxis.Title = part switch { ComplexPart.Real => "Real part", ComplexPart.Imaginary => "Imaginary part", _ => "Magnitude" };
                chart.YAxis.Unit = unit;
                chart.YAxis.Scale = logY ? AxisScale.Log : AxisScale.Linear;
                break;
        }
        foreach (var v in vectors)
        {
            var y = part switch
            {
                ComplexPart.MagnitudeDb => v.MagnitudeDb(),
                ComplexPart.PhaseDegrees => v.PhaseDegrees(),
                ComplexPart.Real => v.RealPart(),
                ComplexPart.Imaginary => v.ImaginaryPart(),
                _ => v.Magnitude(),
            };
            chart.Add(v.Name, x, y);
        }
        return chart;
    }

    /// <summary>Bar chart of one value per category (e.g. energy per input pattern, unit <c>J</c>).</summary>
    public static BarChart Bars(IEnumerable<string> categories, double[] values, string? valueTitle = null, string unit = "", string? title = null, string? categoryTitle = null)
    {
        var chart = new BarChart { Title = title, CategoryTitle = categoryTitle };
        chart.Categories.AddRange(categories);
        chart.ValueAxis.Title = valueTitle;
        chart.ValueAxis.Unit = unit;
        chart.Add(valueTitle ?? "", values);
        return chart;
    }

    private static List<WaveformVector> Select(WaveformSet plot, string[] names) =>
        names is { Length: > 0 } ? names.Select(n => plot[n]).ToList() : plot.Vectors.Skip(1).ToList();

    private static string? DefaultTitle(WaveformSet plot) =>
        !string.IsNullOrWhiteSpace(plot.Title) ? plot.Title : string.IsNullOrWhiteSpace(plot.PlotName) ? null : plot.PlotName;

    private static string AxisTitle(WaveformVector v) =>
        v.Kind is VectorKind.Voltage or VectorKind.Current ? v.Name : VectorKinds.Quantity(v.Kind) is { Length: > 0 } q ? q : v.Name;

    private static void SetValueAxis(PlotAxis axis, VectorKind kind, List<WaveformVector> vectors)
    {
        axis.Unit = VectorKinds.Unit(kind);
        axis.Title = vectors.Count == 1 ? vectors[0].Name : VectorKinds.Quantity(kind) is { Length: > 0 } q ? q : null;
    }
}
