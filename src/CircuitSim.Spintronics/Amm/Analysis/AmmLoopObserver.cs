using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Output;
using System.Text.Json.Serialization;

namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>
/// With <c>--plot</c>, the AMM ring's own plots: for every YAMM device whose <c>@dev[r]</c> and <c>@dev[i]</c> a
/// transient saved, the I–ΔV loop (ΔV = (R − ⟨R⟩)·I) and, when <c>@dev[j]</c> and <c>@dev[drhodt]</c> were saved too,
/// the dρ/dt–j Lissajous curve over the last periods (<see cref="AmmLoop"/>); for a .step run, the Lissajous area
/// against the stepped parameter as a chart and a table (<see cref="AmmSweepOutput"/>); and a JSON summary of the
/// numbers (<c>base.amm.json</c>).
/// </summary>
internal sealed partial class AmmLoopObserver : IRunAnalysis
{
    private sealed record Columns(string Device, int R, int I, int J, int Rate);

    private readonly RunOutput _request;
    private readonly int _periods;
    private readonly List<AmmLoopSummary> _summaries = new();
    private PlotInfo? _plot;
    private List<Columns> _columns = new();
    private readonly List<double[]> _rows = new();

    private readonly IReadOnlySet<string> _rings;

    /// <param name="request">Where and under which base name the files go.</param>
    /// <param name="rings">The names of the circuit's YAMM devices: other devices with <c>[r]</c> and <c>[i]</c>
    /// probes (a DW-MTJ, a memristor) are not rings and get no loop analysis.</param>
    /// <param name="periods">Drive periods at the end of the run that the loop analysis uses.</param>
    public AmmLoopObserver(RunOutput request, IEnumerable<string> rings, int periods = 5)
    {
        _request = request;
        _rings = new HashSet<string>(rings, StringComparer.OrdinalIgnoreCase);
        _periods = periods;
    }

    private readonly List<string> _files = new();

    public IReadOnlyList<string> FilesWritten => _files;

    /// <summary>The loop numbers of every device and plot so far.</summary>
    public IReadOnlyList<AmmLoopSummary> Summaries => _summaries;

    /// <summary>One line per device and plot, for the console.</summary>
    public IEnumerable<string> Lines => _summaries.Select(s =>
        $"{s.Device}{(s.Step is null ? "" : $" ({s.Step})")}: f = {EngineeringFormat.Format(s.Frequency, "Hz")}, " +
        $"ΔV amplitude {EngineeringFormat.Format(s.DeltaVAmplitude, "V")}, R swing {EngineeringFormat.Format(s.ResistanceSwing, "Ω")}, " +
        $"Lissajous area {s.RateArea.ToString("G4", CultureInfo.InvariantCulture)} Ω·A/(m·s), " +
        $"I–ΔV area {EngineeringFormat.Format(s.CurrentVoltageArea, "W")}{(s.Steady ? "" : " (not steady yet)")}");

    [GeneratedRegex(@"^@([^\[\]]+)\[r\]$", RegexOptions.IgnoreCase)]
    private static partial Regex ResistanceProbe();

    public void BeginPlot(PlotInfo plot)
    {
        _plot = plot;
        _rows.Clear();
        _columns = new List<Columns>();
        if (plot.Analysis is not TranSpec || plot.IsComplex) return;
        var names = plot.VectorNames;
        int Index(string name)
        {
            for (int i = 0; i < names.Count; i++)
                if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return i + 1; // after the scale
            return -1;
        }
        foreach (var n in names)
        {
            var m = ResistanceProbe().Match(n);
            if (!m.Success) continue;
            var dev = m.Groups[1].Value;
            if (!_rings.Contains(dev)) continue;
            int i = Index($"@{dev}[i]");
            if (i < 0) continue;
            _columns.Add(new Columns(dev, Index(n), i, Index($"@{dev}[j]"), Index($"@{dev}[drhodt]")));
        }
    }

    public void Point(ReadOnlySpan<double> values)
    {
        if (_columns.Count > 0) _rows.Add(values.ToArray());
    }

    public void Point(double scale, ReadOnlySpan<System.Numerics.Complex> values) { }

    public void EndPlot(Exception? failure)
    {
        if (_plot is null || _columns.Count == 0 || _rows.Count < 3) return;
        var time = _rows.Select(r => r[0]).ToArray();
        foreach (var c in _columns)
        {
            double[] Col(int k) => _rows.Select(r => r[k]).ToArray();
            AmmLoop loop;
            try
            {
                bool rate = c.J > 0 && c.Rate > 0;
                loop = AmmLoop.Analyse(time, Col(c.I), Col(c.R), rate ? Col(c.J) : null, rate ? Col(c.Rate) : null, periods: _periods);
            }
            catch (ArgumentException)
            {
                continue; // no periodic drive in this plot
            }
            var stem = $"{_request.BaseName}.{FileStem.Safe(c.Device)}{FileStem.StepSuffix(_plot.StepLabel)}";
            var title = $"{_plot.Title}: {c.Device}{(_plot.StepLabel is null ? "" : $" ({_plot.StepLabel})")}";
            Save(LoopChart(loop, title), stem + ".loop");
            if (loop.CurrentDensity.Length > 0) Save(LissajousChart(loop, title), stem + ".lissajous");
            _summaries.Add(new AmmLoopSummary(c.Device, _plot.StepLabel, StepValue(_plot.StepLabel), loop.Frequency, loop.DeltaVAmplitude,
                loop.ResistanceSwing, loop.MeanResistance, loop.CurrentVoltageArea, loop.RateArea, loop.PinchRatio, loop.IsSteady,
                loop.SteadyFromPeriod, loop.Periods));
        }
    }

    /// <summary>Writes the sweeps (area against the .step parameter: chart and table) and the JSON summary.</summary>
    public void Finish()
    {
        foreach (var group in _summaries.GroupBy(s => s.Device))
        {
            var sweep = new AmmSweepOutput(group.Key, group);
            if (sweep.IsSweep) _files.AddRange(sweep.Write(_request.Directory, _request.BaseName, $"{_request.BaseName}.{FileStem.Safe(group.Key)}", _request.PlotFormat));
        }
        if (_summaries.Count == 0) return;
        var path = Path.Combine(_request.Directory, _request.BaseName + ".amm.json");
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(_summaries, AmmJson.Default.ListAmmLoopSummary));
        _files.Add(path);
    }

    private static LineChart LoopChart(AmmLoop loop, string title) =>
        XyChart($"{title}: I–ΔV, last {loop.Periods} periods", "I–ΔV", ("ΔV = (R − ⟨R⟩)·I", "V", loop.DeltaV), ("I", "A", loop.Current));

    private static LineChart LissajousChart(AmmLoop loop, string title) =>
        XyChart($"{title}: dρ/dt–j, last {loop.Periods} periods", "dρ/dt–j", ("j", "A/m²", loop.CurrentDensity), ("dρ/dt", "Ω·m/s", loop.ResistivityRate));

    private static LineChart XyChart(string title, string series, (string Title, string Unit, double[] Values) x, (string Title, string Unit, double[] Values) y)
    {
        var chart = new LineChart { Title = title, XPadding = 0.05, ShowLegend = false };
        chart.XAxis.Title = x.Title;
        chart.XAxis.Unit = x.Unit;
        chart.YAxis.Title = y.Title;
        chart.YAxis.Unit = y.Unit;
        chart.Add(series, x.Values, y.Values);
        return chart;
    }

    private void Save(LineChart chart, string fileStem) =>
        _files.AddRange(chart.Save(Path.Combine(_request.Directory, fileStem), _request.PlotFormat));

    private static double? StepValue(string? label) =>
        label is not null && label.Split('=') is [_, var v] && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;

}

/// <summary><c>base.amm.json</c>: the loop summaries with their C# property names; NaN areas as "NaN" (source-generated:
/// the CLI is native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(List<AmmLoopSummary>))]
internal sealed partial class AmmJson : JsonSerializerContext;
