using System.Numerics;
using System.Xml.Linq;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

public class SvgPlotTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static List<XElement> Traces(XDocument d) =>
        d.Descendants(Ns + "path").Where(p => (string?)p.Attribute("class") == "trace").ToList();

    private static List<string> Labels(XDocument d, string cls) =>
        d.Descendants(Ns + "text").Where(t => ((string?)t.Attribute("class") ?? "") == cls).Select(t => t.Value).ToList();

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
    public void TimeSeries_IsWellFormedSvgWithOnePathPerTrace()
    {
        var set = Samples.Transient(200);
        var chart = WaveformPlots.TimeSeries(set, "v(in)", "v(out)", "i(vin)");
        var doc = Parse(chart.ToSvg());
        Assert.Equal(Ns + "svg", doc.Root!.Name);
        var traces = Traces(doc);
        Assert.Equal(3, traces.Count);
        Assert.Equal(["v(in)", "v(out)", "i(vin)"], traces.Select(t => (string)t.Attribute("data-label")!));
        Assert.Equal(3, traces.Select(t => (string)t.Attribute("stroke")!).Distinct().Count()); // distinct colours
        Assert.Equal(3, doc.Descendants(Ns + "path").Count()); // legend samples and grid are not paths
    }

    [Fact]
    public void NanosecondTimeAxis_LabelsInNs()
    {
        var x = Range(26, 0.1e-9); // 0 … 2.5 ns
        var doc = Parse(Chart(x, ("v", x.Select(Math.Sin).ToArray())).ToSvg());
        var labels = Labels(doc, "tick-label x");
        Assert.Contains("0.0 ns", labels);
        Assert.Contains("2.5 ns", labels);
        Assert.All(labels, l => Assert.EndsWith(" ns", l));
        Assert.Contains("Time (s)", Labels(doc, "axis-title x"));
    }

    [Fact]
    public void MillivoltAxis_LabelsInmV()
    {
        var x = Range(11, 1e-6);
        var doc = Parse(Chart(x, ("v", x.Select(t => 0.1 * t / 1e-5).ToArray())).ToSvg()); // 0 … 100 mV
        var labels = Labels(doc, "tick-label y");
        Assert.Contains("0 mV", labels);
        Assert.Contains("100 mV", labels);
        Assert.All(labels, l => Assert.EndsWith(" mV", l));
        Assert.Contains(Labels(doc, "tick-label x"), l => l.EndsWith(" µs"));
    }

    [Fact]
    public void MixedVoltagesAndCurrents_CurrentsGoToARightAxisInmA()
    {
        var set = new WaveformSet("mix", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, Range(11, 1e-3)),
            new WaveformVector("v(a)", VectorKind.Voltage, Range(11, 0.5)),
            new WaveformVector("i(v1)", VectorKind.Current, Range(11, -0.12e-3)),
        ]);
        var doc = Parse(WaveformPlots.TimeSeries(set).ToSvg());
        var left = Labels(doc, "tick-label y");
        Assert.NotEmpty(left);
        Assert.All(left, l => Assert.EndsWith(" V", l));
        var right = Labels(doc, "tick-label y2");
        Assert.NotEmpty(right);
        Assert.All(right, l => Assert.EndsWith(" mA", l));
        Assert.Contains("−1.2 mA", right);
        Assert.Contains(Labels(doc, "tick-label x"), l => l.EndsWith(" ms"));
    }

    [Fact]
    public void XYPlot_HysteresisLoop_HasMicroampAndVoltAxes()
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
        var doc = Parse(WaveformPlots.XY(set, "v(p)", "i(vam)").ToSvg());
        Assert.Single(Traces(doc));
        var y = Labels(doc, "tick-label y");
        Assert.NotEmpty(y);
        Assert.All(y, l => Assert.EndsWith(" µA", l));
        Assert.Contains("1.0 V", Labels(doc, "tick-label x"));
        Assert.Contains("i(vam) (A)", Labels(doc, "axis-title y"));
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

        var doc = Parse(WaveformPlots.XY(set, "i(i1)", new[] { "@d1[r]", "@d2[r]" }).ToSvg());

        Assert.Equal(2, Traces(doc).Count);
        Assert.Equal(new[] { "@d1[r]", "@d2[r]" }, Labels(doc, "legend-label"));
        Assert.Contains("Resistance (Ω)", Labels(doc, "axis-title y"));
    }

    [Fact]
    public void ALongTitle_IsDrawnSmallerAndCutToTheChartWidth()
    {
        var chart = Chart(Range(2, 1), ("a", [0.0, 1]));
        chart.Title = string.Concat(Enumerable.Repeat("a very long title ", 12));

        var title = Parse(chart.ToSvg()).Descendants(Ns + "text").Single(t => (string?)t.Attribute("class") == "title");

        var size = double.Parse((string?)title.Attribute("font-size") ?? "12", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(size < 15, $"title drawn at {size} px");
        Assert.EndsWith("…", title.Value);
    }

    [Fact]
    public void AcMagnitude_LogFrequencyAxis_LabelsDecadesWithHzPrefixes()
    {
        var doc = Parse(WaveformPlots.FrequencyResponse(Samples.Ac(31), ComplexPart.Magnitude, false, "v(out)").ToSvg());
        var x = Labels(doc, "tick-label x");
        Assert.Equal(["10 Hz", "100 Hz", "1 kHz", "10 kHz", "100 kHz", "1 MHz", "10 MHz"], x);
        Assert.Contains("Frequency (Hz)", Labels(doc, "axis-title x"));
        Assert.Single(Traces(doc));
    }

    [Fact]
    public void AcMagnitudeInDecibels_UsesPlainDbLabels()
    {
        var doc = Parse(WaveformPlots.FrequencyResponse(Samples.Ac(31), ComplexPart.MagnitudeDb, false, "v(out)").ToSvg());
        var y = Labels(doc, "tick-label y");
        Assert.Contains("0 dB", y);
        Assert.Contains(y, l => l.StartsWith('−') && l.EndsWith(" dB"));
    }

    [Fact]
    public void LogYAxis_SkipsNonPositiveValuesAndLabelsDecades()
    {
        var c = new LineChart();
        c.YAxis.Scale = AxisScale.Log;
        c.YAxis.Unit = "A";
        c.Add("i", [0, 1, 2, 3, 4], [0, 1e-9, 1e-6, 1e-3, -1]);
        var doc = Parse(c.ToSvg());
        var y = Labels(doc, "tick-label y");
        Assert.Contains("1 nA", y);
        Assert.Contains("1 mA", y);
        Assert.DoesNotContain("NaN", c.ToSvg());
    }

    [Fact]
    public void ConstantTrace_GetsAFiniteRangeAroundTheValue()
    {
        var x = Range(10, 1e-9);
        var svg = Chart(x, ("flat", Enumerable.Repeat(1.8, 10).ToArray())).ToSvg();
        var doc = Parse(svg);
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        var y = Labels(doc, "tick-label y");
        Assert.True(y.Count >= 3);
        Assert.Contains(y, l => l == "1.8 V" || l == "1.80 V");
    }

    [Fact]
    public void AllZeroTrace_GetsAFiniteRange()
    {
        var svg = Chart(Range(5, 1), ("zero", new double[5])).ToSvg();
        Assert.DoesNotContain("NaN", svg);
        Assert.Contains("0.0 V", Labels(Parse(svg), "tick-label y"));
    }

    [Fact]
    public void SinglePoint_IsDrawnWithAMarker()
    {
        var doc = Parse(Chart([1e-9], ("one", [0.5])).ToSvg());
        Assert.Single(Traces(doc));
        Assert.Single(doc.Descendants(Ns + "circle"));
    }

    [Fact]
    public void NaNValues_BreakTheLineIntoSeparateSubpaths()
    {
        var doc = Parse(Chart([0, 1, 2, 3, 4, 5], ("gap", [0, 1, double.NaN, 3, 4, double.PositiveInfinity])).ToSvg());
        var d = (string)Traces(doc).Single().Attribute("d")!;
        Assert.Equal(2, d.Count(ch => ch == 'M'));
        Assert.DoesNotContain("NaN", d);
    }

    [Fact]
    public void AllNaNData_RendersEmptyAxesWithANote()
    {
        var svg = Chart([double.NaN, double.NaN], ("nothing", [double.NaN, double.NaN])).ToSvg();
        var doc = Parse(svg);
        Assert.Contains("no data", Labels(doc, "no-data"));
        Assert.DoesNotContain("NaN", svg.Replace("no data", ""));
    }

    [Fact]
    public void TitleAndLabels_AreXmlEscaped()
    {
        var c = Chart([0, 1], ("<i> & \"q\"", [0, 1]));
        c.Title = "a < b & c";
        var doc = Parse(c.ToSvg());
        Assert.Contains("a < b & c", Labels(doc, "title"));
        Assert.Contains("<i> & \"q\"", Labels(doc, "legend-label"));
    }

    [Fact]
    public void DenseTrace_IsReducedToItsPixelEnvelope()
    {
        int n = 1_000_000;
        var x = new double[n];
        var y = new double[n];
        for (int k = 0; k < n; k++) { x[k] = k * 1e-12; y[k] = Math.Sin(k * 0.001) + (k % 2 == 0 ? 0.1 : -0.1); }
        var c = Chart(x, ("dense", y));
        var d = (string)Traces(Parse(c.ToSvg())).Single().Attribute("d")!;
        Assert.True(d.Length < 100_000, $"path data is {d.Length} characters");
        Assert.True(d.Count(ch => ch == 'L') > 1000); // the envelope keeps min and max per pixel column
    }

    [Fact]
    public void BarChart_SixteenPatterns_IsWellFormedWithOneBarEachAndPicojouleAxis()
    {
        var pats = Enumerable.Range(0, 16).Select(i => Convert.ToString(i, 2).PadLeft(4, '0')).ToArray();
        var e = pats.Select((p, i) => (1 + 0.5 * p.Count(ch => ch == '1')) * 1e-12).ToArray();
        var chart = WaveformPlots.Bars(pats, e, "Energy", "J", "Energy per pattern", "Input pattern");
        var doc = Parse(chart.ToSvg());
        Assert.Equal(16, doc.Descendants(Ns + "rect").Count(r => (string?)r.Attribute("class") == "bar"));
        var y = Labels(doc, "tick-label y");
        Assert.Contains("0.0 pJ", y);
        Assert.Contains("3.0 pJ", y);
        Assert.Equal(pats, Labels(doc, "tick-label x"));
        Assert.Contains("Energy (J)", Labels(doc, "axis-title y"));
    }

    [Fact]
    public void BarChart_NegativeValues_DrawBelowZero()
    {
        var c = new BarChart();
        c.Categories.AddRange(["a", "b"]);
        c.ValueAxis.Unit = "J";
        c.Add("e", [2e-9, -1e-9]);
        var doc = Parse(c.ToSvg());
        var y = Labels(doc, "tick-label y");
        Assert.Contains(y, l => l.StartsWith('−') && l.EndsWith(" nJ"));
        Assert.Equal(2, doc.Descendants(Ns + "rect").Count(r => (string?)r.Attribute("class") == "bar"));
    }

    [Fact]
    public void Save_WritesTheSvgFile()
    {
        using var dir = new TempDir();
        var c = Chart([0, 1], ("a", [0, 1]));
        c.Save(dir.File("p.svg"));
        Assert.Equal(c.ToSvg(), File.ReadAllText(dir.File("p.svg")));
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
}
