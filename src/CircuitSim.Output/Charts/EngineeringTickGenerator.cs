using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// Ticks of a linear axis at 1-2-5 steps, labelled in engineering units with one SI prefix for the whole axis
/// (<see cref="TickLabels.Linear"/>), as many as fit the axis's length: on a horizontal axis the labels must not
/// touch. Minor ticks split each step in four or five.
/// </summary>
public sealed class EngineeringTickGenerator(PlotAxis axis) : ITickGenerator
{
    /// <summary>Least distance between major ticks on horizontal and vertical axes, in pixels.</summary>
    public const float HorizontalSpacing = 90, VerticalSpacing = 42;

    public Tick[] Ticks { get; set; } = [];
    public int MaxTickCount { get; set; } = 10_000;

    /// <summary>The power of ten (a multiple of three) of the labels' SI prefix after the last regeneration.</summary>
    public int LabelExponent3 { get; private set; }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        double min = Math.Min(range.Min, range.Max), max = Math.Max(range.Min, range.Max);
        if (!double.IsFinite(min) || !double.IsFinite(max)) { Ticks = []; return; }
        bool horizontal = edge is Edge.Bottom or Edge.Top;
        int maxCount = Math.Max(2, (int)(size.Length / (horizontal ? HorizontalSpacing : VerticalSpacing)) + 1);
        double[] major = [];
        string[] labels = [];
        double step = 1;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            major = Output.Ticks.Linear(min, max, maxCount, out step);
            labels = TickLabels.Linear(major, step, axis, out int e3);
            LabelExponent3 = e3;
            if (!horizontal || major.Length < 2 || maxCount <= 2 || max <= min) break;
            float widest = labels.Max(l => labelStyle.Measure(l, paint).Width);
            double spacing = step / (max - min) * size.Length;
            if (widest + 12 <= spacing) break;
            maxCount--;
        }
        var ticks = new List<Tick>(major.Length * 6);
        for (int i = 0; i < major.Length; i++) ticks.Add(Tick.Major(major[i], labels[i]));
        if (max > min)
        {
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            int parts = Math.Abs(mantissa - 2) < 1e-6 ? 4 : 5;
            double minor = step / parts;
            double first = Math.Ceiling(min / minor - 1e-9);
            for (double k = first; k * minor <= max * (1 + 1e-12) + 1e-300 && ticks.Count < 2000; k++)
                if (Math.Abs(k % parts) > 1e-6) ticks.Add(Tick.Minor(k * minor));
        }
        Ticks = ticks.ToArray();
    }
}

/// <summary>
/// Ticks of a log axis whose data are drawn as log10 (ScottPlot has no log scale): majors at decades (or 1-2-5 in a
/// narrow range) labelled with the value in engineering units ("1 kHz", "10 kHz"), minors at 2…9 × 10^k.
/// </summary>
public sealed class LogTickGenerator(PlotAxis axis) : ITickGenerator
{
    public Tick[] Ticks { get; set; } = [];
    public int MaxTickCount { get; set; } = 10_000;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        double a = Math.Min(range.Min, range.Max), b = Math.Max(range.Min, range.Max);
        if (!double.IsFinite(a) || !double.IsFinite(b) || b - a > 600) { Ticks = []; return; }
        bool horizontal = edge is Edge.Bottom or Edge.Top;
        int maxCount = Math.Max(2, (int)(size.Length / (horizontal ? 60 : EngineeringTickGenerator.VerticalSpacing)) + 1);
        double[] major = [], minor = [];
        string[] labels = [];
        for (int attempt = 0; attempt < 8; attempt++)
        {
            (major, minor) = Output.Ticks.Log(Math.Pow(10, a), Math.Pow(10, b), maxCount);
            labels = Array.ConvertAll(major, v => TickLabels.Log(v, axis));
            if (!horizontal || major.Length < 2 || maxCount <= 2 || b <= a) break;
            float widest = labels.Max(l => labelStyle.Measure(l, paint).Width);
            double spacing = double.PositiveInfinity;
            for (int i = 1; i < major.Length; i++)
                spacing = Math.Min(spacing, (Math.Log10(major[i]) - Math.Log10(major[i - 1])) / (b - a) * size.Length);
            if (widest + 12 <= spacing) break;
            maxCount--;
        }
        var ticks = new List<Tick>(major.Length + minor.Length);
        for (int i = 0; i < major.Length; i++) ticks.Add(Tick.Major(Math.Log10(major[i]), labels[i]));
        foreach (var v in minor) ticks.Add(Tick.Minor(Math.Log10(v)));
        Ticks = ticks.ToArray();
    }
}
