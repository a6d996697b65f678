using System.Numerics;
using CircuitSim.Output.Tests.Support;
using ScottPlot;
using static CircuitSim.Output.Tests.Support.ChartProbe;

namespace CircuitSim.Output.Tests;

/// <summary>Line and X–Y charts, checked through the ScottPlot model: traces, axis ranges, titles and tick labels.</summary>
public class LineChartTests
{
    private static LineChart Chart(double[] x, params (string Label, double[] Y)[] series)
    {
        var c = new LineChart { Title = "test" };
        c.XAxis.ForKind(VectorKind.Time);
        c.YAxis.ForKind(VectorKind.Voltage);
        foreach (var s in series) c.Add(s.Label, x, s.Y);
        return c;
    }

    private static double[] Range(int n, double step) => Enumerable.Range(0, n).Select(i => i * step).ToArray();

    [Fact]
    public void TimeSeries_DrawsOneNamedTracePerVectorInDistinctColours()
    {
        using var plot = Rendered(WaveformPlots.TimeSeries(Samples.Transient(200), "v(in)", "v(out)", "i(vin)"));
        var traces = Traces(plot);
        Assert.Equal(["v(in)", "v(out)", "i(vin) (right)"], TraceNames(plot));
        Assert.Equal(3, traces.Cast<IHasLine>().Select(t => t.LineColor).Distinct().Count());
        Assert.Equal("test circuit: rc with awkward values", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void TimeSeries_XRangeIsTheSweepWithoutPadding()
    {
        var x = Range(11, 1e-6);
        using var plot = Chart(x, ("v", x)).Build();
        var limits = plot.Axes.GetLimits();
        Assert.Equal((x[0], x[^1]), (limits.Left, limits.Right));
    }

    [Fact]
    public void NanosecondTimeAxis_LabelsTicksInNs()
    {
        var x = Range(26, 0.1e-9); // 0 … 2.5 ns
        using var plot = Rendered(Chart(x, ("v", x.Select(Math.Sin).ToArray())));
        var labels = MajorLabels(plot.Axes.Bottom);
        Assert.Contains("0.0 ns", labels);
        Assert.Contains("2.5 ns", labels);
        Assert.All(labels, l => Assert.EndsWith(" ns", l));
        Assert.Equal("Time (s)", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void MillivoltAxis_LabelsTicksInmV()
    {
        var x = Range(11, 1e-6);
        using var plot = Rendered(Chart(x, ("v", x.Select(t => 0.1 * t / 1e-5).ToArray()))); // 0 … 100 mV
        var labels = MajorLabels(plot.Axes.Left);
        Assert.Contains("0 mV", labels);
        Assert.Contains("100 mV", labels);
        Assert.All(labels, l => Assert.EndsWith(" mV", l));
        Assert.Contains(MajorLabels(plot.Axes.Bottom), l => l.EndsWith(" µs"));
    }

    [Fact]
    public void HorizontalTickLabels_LeaveRoomBetweenNeighbours()
    {
        var x = Range(1001, 1.234567e-12);
        using var plot = Rendered(Chart(x, ("v", x)));
        var px = MajorPositions(plot.Axes.Bottom).Select(v => plot.GetPixel(new Coordinates(v, 0)).X).ToArray();
        Assert.True(px.Length >= 3, $"{px.Length} ticks");
        double spacing = Enumerable.Range(1, px.Length - 1).Min(i => px[i] - px[i - 1]);
        Assert.True(spacing >= EngineeringTickGenerator.HorizontalSpacing - 1, $"ticks {spacing} px apart");
    }

    [Fact]
    public void MixedVoltagesAndCurrents_CurrentsGoToTheRightAxisInmA()
    {
        var set = new WaveformSet("mix", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, Range(11, 1e-3)),
            new WaveformVector("v(a)", VectorKind.Voltage, Range(11, 0.5)),
            new WaveformVector("i(v1)", VectorKind.Current, Range(11, -0.12e-3)),
        ]);
        using var plot = Rendered(WaveformPlots.TimeSeries(set));
        var current = Assert.Single(Traces(plot), t => t.LegendText == "i(v1) (right)");
        Assert.Same(plot.Axes.Right, ((ScottPlot.Plottables.Scatter)current).Axes.YAxis);
        Assert.All(MajorLabels(plot.Axes.Left), l => Assert.EndsWith(" V", l));
        var right = MajorLabels(plot.Axes.Right);
        Assert.NotEmpty(right);
        Assert.All(right, l => Assert.EndsWith(" mA", l));
        Assert.Contains("−1.2 mA", right);
        Assert.Equal("i(v1) (A)", plot.Axes.Right.Label.Text);
        Assert.Contains(MajorLabels(plot.Axes.Bottom), l => l.EndsWith(" ms"));
    }

    [Fact]
    public void TwoKindsOtherThanVoltage_TheSecondKindGoesToTheRightAxis()
    {
        // a domain wall's position (metres, a plain number here) and its drive current: on one axis the
        // micrometre-sized position would be a flat line at zero next to milliamps
        var set = new WaveformSet("wall", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, Range(11, 1e-6)),
            new WaveformVector("@d1[q]", VectorKind.Other, Range(11, 0.1e-6)),
            new WaveformVector("i(i1)", VectorKind.Current, Range(11, 0.6e-3)),
        ]);
        using var plot = Rendered(WaveformPlots.TimeSeries(set));
        var position = Assert.Single(Traces(plot), t => t.LegendText == "@d1[q]");
        var current = Assert.Single(Traces(plot), t => t.LegendText == "i(i1) (right)");
        Assert.Same(plot.Axes.Left, ((ScottPlot.Plottables.Scatter)position).Axes.YAxis);
        Assert.Same(plot.Axes.Right, ((ScottPlot.Plottables.Scatter)current).Axes.YAxis);
        Assert.Equal("@d1[q]", plot.Axes.Left.Label.Text);
        Assert.Equal("i(i1) (A)", plot.Axes.Right.Label.Text);
        Assert.All(MajorLabels(plot.Axes.Right), l => Assert.EndsWith(" mA", l));
    }

    [Fact]
    public void XYPlot_HysteresisLoop_HasMicroampAndVoltAxesPaddedByFivePercent()
    {
        int n = 400;
        var v = new double[n];
        var i = new double[n];
        for (int k = 0; k < n; k++)
        {
            double ph = 2 * Math.PI * k / (n - 1);
            v[k] = 1.2 * Math.Sin(ph);
            i[k] = v[k] / (8e3 + 4e3 * Math.Cos(ph)); // pinched loop, about ±300 µA
        }
        var set = new WaveformSet("memristor", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, Range(n, 1e-3)),
            new WaveformVector("v(p)", VectorKind.Voltage, v),
            new WaveformVector("i(vam)", VectorKind.Current, i),
        ]);
        using var plot = Rendered(WaveformPlots.XY(set, "v(p)", "i(vam)"));
        Assert.Single(Traces(plot));
        Assert.False(LegendShown(plot));
        var limits = plot.Axes.GetLimits();
        double vMax = v.Max(), vMin = v.Min();
        Assert.Equal(vMin - 0.05 * (vMax - vMin), limits.Left, 12);
        Assert.Equal(vMax + 0.05 * (vMax - vMin), limits.Right, 12);
        Assert.All(MajorLabels(plot.Axes.Left), l => Assert.EndsWith(" µA", l));
        Assert.Contains("1.0 V", MajorLabels(plot.Axes.Bottom));
        Assert.Equal("i(vam) (A)", plot.Axes.Left.Label.Text);
        Assert.Equal("v(p) (V)", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void XYPlot_OfSeveralVectors_DrawsOneTraceEachWithALegend()
    {
        var set = new WaveformSet("sweep", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, Range(3, 1e-9)),
            new WaveformVector("i(i1)", VectorKind.Current, [0.0, 1e-3, 2e-3]),
            new WaveformVector("@d1[r]", VectorKind.Resistance, [36.0, 50, 70]),
            new WaveformVector("@d2[r]", VectorKind.Resistance, [36.0, 40, 45]),
        ]);
        using var plot = Rendered(WaveformPlots.XY(set, "i(i1)", new[] { "@d1[r]", "@d2[r]" }));
        Assert.Equal(["@d1[r]", "@d2[r]"], TraceNames(plot));
        Assert.True(LegendShown(plot));
        Assert.Equal("Resistance (Ω)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void ATitleTooLongForTwoLines_IsShrunkAndItsSecondLineCut()
    {
        var chart = Chart(Range(2, 1), ("a", [0.0, 1]));
        chart.Title = string.Concat(Enumerable.Repeat("a very long title ", 30)); // 540 characters
        using var plot = chart.Build();
        var title = plot.Axes.Title.Label;
        Assert.True(title.FontSize < ChartStyle.TitleSize, $"title drawn at {title.FontSize} px");
        Assert.Equal(2, title.Text.Split('\n').Length);
        Assert.EndsWith("…", title.Text);
    }

    [Fact]
    public void ATitleTooWideForOneLine_IsBrokenIntoTwoLinesKeepingEveryWord()
    {
        var chart = Chart(Range(2, 1), ("a", [0.0, 1]));
        chart.Title = "DW-MTJ synapse row: CMOS pulse generators step three domain-wall synapses through their resistance levels and back";
        using var plot = chart.Build();
        var title = plot.Axes.Title.Label;
        var lines = title.Text.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(chart.Title, string.Join(' ', lines));
        Assert.True(title.FontSize >= 11, $"title drawn at {title.FontSize} px");
    }

    [Fact]
    public void AcMagnitude_DrawsLog10OfTheFrequencyAndLabelsDecadesWithHzPrefixes()
    {
        var set = Samples.Ac(31); // 10 Hz … 10 MHz
        using var plot = Rendered(WaveformPlots.FrequencyResponse(set, ComplexPart.Magnitude, false, "v(out)"));
        var limits = plot.Axes.GetLimits();
        Assert.Equal([1.0, 7.0], [limits.Left, limits.Right], new ToleranceComparer(1e-12));
        Assert.Equal(["10 Hz", "100 Hz", "1 kHz", "10 kHz", "100 kHz", "1 MHz", "10 MHz"], MajorLabels(plot.Axes.Bottom));
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7], MajorPositions(plot.Axes.Bottom), new ToleranceComparer(1e-12));
        // log minor ticks: 2…9 × 10^k, eight per decade
        var minors = MinorPositions(plot.Axes.Bottom);
        Assert.Equal(6 * 8, minors.Length);
        Assert.Contains(minors, p => Math.Abs(p - Math.Log10(20)) < 1e-12);
        Assert.Equal("Frequency (Hz)", plot.Axes.Bottom.Label.Text);
        var trace = (ScottPlot.Plottables.Scatter)Assert.Single(Traces(plot));
        Assert.Equal(Math.Log10(set.Scale!.RealPart()[0]), trace.Data.GetScatterPoints()[0].X, 12);
    }

    [Fact]
    public void AcMagnitudeInDecibels_UsesPlainDbLabels()
    {
        using var plot = Rendered(WaveformPlots.FrequencyResponse(Samples.Ac(31), ComplexPart.MagnitudeDb, false, "v(out)"));
        var y = MajorLabels(plot.Axes.Left);
        Assert.Contains("0 dB", y);
        Assert.Contains(y, l => l.StartsWith('−') && l.EndsWith(" dB"));
        Assert.Equal("Magnitude (dB)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void LogYAxis_LeavesOutNonPositiveValuesAndLabelsDecades()
    {
        var c = new LineChart();
        c.YAxis.Scale = AxisScale.Log;
        c.YAxis.Unit = "A";
        c.Add("i", [0, 1, 2, 3, 4], [0, 1e-9, 1e-6, 1e-3, -1]);
        using var plot = Rendered(c);
        var trace = (ScottPlot.Plottables.Scatter)Assert.Single(Traces(plot));
        Assert.Equal([-9.0, -6, -3], trace.Data.GetScatterPoints().Select(p => p.Y), new ToleranceComparer(1e-12));
        var y = MajorLabels(plot.Axes.Left);
        Assert.Contains("1 nA", y);
        Assert.Contains("1 mA", y);
    }

    [Fact]
    public void ConstantTrace_GetsAFiniteRangeAroundTheValue()
    {
        using var plot = Rendered(Chart(Range(10, 1e-9), ("flat", Enumerable.Repeat(1.8, 10).ToArray())));
        var limits = plot.Axes.GetLimits();
        Assert.True(limits.Bottom < 1.8 && limits.Top > 1.8 && double.IsFinite(limits.Bottom) && double.IsFinite(limits.Top));
        var y = MajorLabels(plot.Axes.Left);
        Assert.True(y.Length >= 3);
        Assert.Contains(y, l => l == "1.8 V" || l == "1.80 V");
    }

    [Fact]
    public void AllZeroTrace_GetsAFiniteRange()
    {
        using var plot = Rendered(Chart(Range(5, 1), ("zero", new double[5])));
        Assert.Equal((-1.0, 1.0), (plot.Axes.GetLimits().Bottom, plot.Axes.GetLimits().Top));
        Assert.Contains("0.0 V", MajorLabels(plot.Axes.Left));
    }

    [Fact]
    public void SinglePoint_IsDrawnAsAMarker()
    {
        using var plot = Chart([1e-9], ("one", [0.5])).Build();
        var trace = (ScottPlot.Plottables.Scatter)Assert.Single(Traces(plot));
        Assert.True(trace.MarkerSize > 0);
        Assert.Equal(0, trace.LineWidth);
    }

    [Fact]
    public void NaNValues_BreakTheTraceIntoRunsNamedOnce()
    {
        using var plot = Chart([0, 1, 2, 3, 4, 5], ("gap", [0, 1, double.NaN, 3, 4, double.PositiveInfinity])).Build();
        var runs = Traces(plot).Cast<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal([0.0, 1], runs[0].Data.GetScatterPoints().Select(p => p.X));
        Assert.Equal([3.0, 4], runs[1].Data.GetScatterPoints().Select(p => p.X));
        Assert.Equal(["gap"], TraceNames(plot));
    }

    [Fact]
    public void AllNaNData_DrawsEmptyAxesWithANote()
    {
        using var plot = Chart([double.NaN, double.NaN], ("nothing", [double.NaN, double.NaN])).Build();
        Assert.Empty(Traces(plot));
        Assert.Contains("no data", Texts(plot));
        Assert.True(plot.Axes.GetLimits().IsReal);
    }

    [Fact]
    public void DenseAscendingTrace_IsDrawnAsASignal()
    {
        int n = 1_000_000;
        var x = new double[n];
        var y = new double[n];
        for (int k = 0; k < n; k++) { x[k] = k * 1e-12; y[k] = Math.Sin(k * 0.001); }
        using var plot = Chart(x, ("dense", y)).Build();
        Assert.IsType<ScottPlot.Plottables.SignalXY>(Assert.Single(Traces(plot)));
    }

    [Fact]
    public void SeriesStyle_DashedAndMarkersReachThePlot()
    {
        var c = Chart([0, 1, 2], ("a", [0, 1, 2]));
        c.Series[0].Dashed = true;
        c.Series[0].ShowMarkers = true;
        using var plot = c.Build();
        var trace = (ScottPlot.Plottables.Scatter)Assert.Single(Traces(plot));
        Assert.Equal(LinePattern.Dashed.Name, trace.LinePattern.Name);
        Assert.True(trace.MarkerSize > 0);
    }

    [Fact]
    public void ComplexVectorInTimeSeries_IsDrawnAsMagnitude()
    {
        var set = new WaveformSet("c", PlotNames.Ac,
        [
            new WaveformVector("frequency", VectorKind.Frequency, [1.0, 10.0]),
            new WaveformVector("v(o)", VectorKind.Voltage, new[] { new Complex(3, 4), new Complex(0, 1) }),
        ]);
        Assert.Equal([5.0, 1.0], WaveformPlots.TimeSeries(set).Series[0].Y);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double v) => 0;
    }
}
