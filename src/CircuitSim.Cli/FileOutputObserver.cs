using System.Numerics;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Output;

namespace CircuitSim.Cli;

/// <summary>Which files a run writes.</summary>
public sealed record OutputRequest(string Directory, string BaseName, bool Raw, bool Csv, bool AsciiRaw, bool Plot)
{
    /// <summary>The netlist's <c>.plot</c> charts; without any, a plot's chart shows its first vectors against the scale.</summary>
    public IReadOnlyList<PlotRequest> Charts { get; init; } = Array.Empty<PlotRequest>();

    /// <summary>The chart files: PNG, SVG or both.</summary>
    public PlotFormat PlotFormat { get; init; } = PlotFormat.Png;
}

/// <summary>
/// Streams every plot to files while it runs: one SPICE3 raw file with all plots (as ngspice writes them), one CSV
/// per plot (transients resampled onto the tstep grid like ngspice's linearize), and, when asked, a chart per plot.
/// Files are written under temporary names and renamed when the plot ends; a failed plot keeps its points.
/// </summary>
internal sealed class FileOutputObserver : IRunObserver, IDisposable
{
    private readonly OutputRequest _request;
    private readonly RawFileWriter? _raw;
    private IWaveformWriter? _csv;
    private WaveformRecorder? _recorder;
    private PlotInfo? _plot;
    private int _plotIndex;
    private string _stem = "";
    private readonly HashSet<string> _stems = new(StringComparer.OrdinalIgnoreCase);

    public FileOutputObserver(OutputRequest request)
    {
        _request = request;
        Directory.CreateDirectory(request.Directory);
        if (request.Raw)
            _raw = new RawFileWriter(Path.Combine(request.Directory, request.BaseName + ".raw"), request.AsciiRaw ? RawEncoding.Ascii : RawEncoding.Binary);
    }

    public List<string> FilesWritten { get; } = new();

    /// <summary>What was drawn when the netlist did not say (no .plot line), to tell the user.</summary>
    public List<string> Notes { get; } = new();

    public void BeginPlot(PlotInfo plot)
    {
        _plot = plot;
        _plotIndex++;
        var header = Header(plot);
        _raw?.Begin(header);
        _stem = Stem(plot);
        if (_request.Csv)
        {
            var path = Path.Combine(_request.Directory, _stem + ".csv");
            var csv = new CsvWaveformWriter(path);
            _csv = plot.Analysis is TranSpec t ? new LinearizingWriter(csv, t.Step, t.Stop, t.Start) : csv;
            _csv.Begin(header);
            FilesWritten.Add(path);
        }
        if (_request.Plot && plot.ScaleName is not null) // no chart of an operating point or a transfer function
        {
            _recorder = new WaveformRecorder();
            _recorder.Begin(header);
        }
    }

    /// <summary>name.tran, name.ac, …; a repeated analysis counts as ngspice's plots do (name.tran2, name.op2); a .step
    /// run adds its value (name.ac.rl_1000), and a repeated one of those gets .2, .3, … (a digit glued to the value would
    /// change it).</summary>
    private string Stem(PlotInfo plot)
    {
        var step = FileStem.StepSuffix(plot.StepLabel);
        var stem = $"{_request.BaseName}.{plot.Analysis.Kind}{step}";
        var unique = stem;
        for (var n = 2; !_stems.Add(unique); n++) unique = step.Length == 0 ? $"{stem}{n}" : $"{stem}.{n}";
        return unique;
    }

    private static WaveformHeader Header(PlotInfo plot)
    {
        var vectors = new List<VectorInfo>();
        if (plot.ScaleName is not null)
            vectors.Add(new VectorInfo(plot.ScaleName, plot.Analysis switch
            {
                TranSpec => VectorKind.Time,
                AcSpec => VectorKind.Frequency,
                _ => VectorKinds.Guess(plot.ScaleName, isScale: true),
            }));
        for (var i = 0; i < plot.VectorNames.Count; i++)
            vectors.Add(new VectorInfo(plot.VectorNames[i], plot.VectorKinds[i] switch
            {
                ProbeKind.Voltage => VectorKind.Voltage,
                ProbeKind.Current => VectorKind.Current,
                _ => VectorKinds.Guess(plot.VectorNames[i]),
            }));
        var title = plot.StepLabel is null ? plot.Title : $"{plot.Title} ({plot.StepLabel})";
        return new WaveformHeader(title, plot.PlotName, vectors, plot.IsComplex) { Date = DateTime.Now, LogScale = plot.Analysis is AcSpec { Sweep: not Core.Analyses.AcSweepKind.Linear } };
    }

    public void Point(ReadOnlySpan<double> values)
    {
        _raw?.WritePoint(values);
        _csv?.WritePoint(values);
        _recorder?.WritePoint(values);
    }

    public void Point(double scale, ReadOnlySpan<Complex> values)
    {
        _raw?.WritePoint(scale, values);
        _csv?.WritePoint(scale, values);
        _recorder?.WritePoint(scale, values);
    }

    public void EndPlot(Exception? failure)
    {
        var partial = failure is not null;
        _csv?.Complete(partial);
        _csv?.Dispose();
        _csv = null;
        if (_recorder is not null)
        {
            _recorder.Complete(partial);
            var set = _recorder.Result;
            if (set.PointCount > 0)
            {
                var plot = _plot!;
                var stem = Path.Combine(_request.Directory, _stem);
                var charts = _request.Charts.Where(c => c.Analysis is null || c.Analysis == plot.Analysis.Kind).ToList();
                if (charts.Count == 0) SaveDefaultCharts(set, plot, stem);
                for (var k = 0; k < charts.Count; k++)
                {
                    FilesWritten.AddRange(PlotWriter.Save(set, plot, charts[k], stem + (k == 0 ? "" : $".plot{k + 1}"), _request.PlotFormat));
                }
            }
            _recorder = null;
        }
    }

    /// <summary>Every vector in charts of one kind and at most eight traces: name.tran.png, name.tran.2.png, …</summary>
    private void SaveDefaultCharts(WaveformSet set, PlotInfo plot, string stem)
    {
        var groups = PlotWriter.DefaultGroups(set);
        var drawn = groups.Take(PlotWriter.MaxDefaultCharts).ToList();
        var paths = new List<string>();
        for (var k = 0; k < drawn.Count; k++)
        {
            var written = PlotWriter.Save(set, plot, stem + (k == 0 ? "" : $".{k + 1}"), _request.PlotFormat, drawn[k]);
            FilesWritten.AddRange(written);
            paths.Add(Path.GetFileName(written[0]));
        }
        if (groups.Count <= 1) return;
        var what = $"no .plot line for the {plot.Analysis.Kind} analysis: drew its {PlotWriter.Describe(set, drawn)} in {drawn.Count} charts of up to " +
                   $"{PlotWriter.MaxTraces} traces ({paths[0]} to {paths[^1]})";
        if (drawn.Count < groups.Count)
            what += $"; {PlotWriter.Describe(set, groups.Skip(drawn.Count))} more are in the raw and CSV files, not drawn";
        Notes.Add(what + ". A .plot line (e.g. .plot " + plot.Analysis.Kind + " v(out)) chooses what to draw.");
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_raw is null || _disposed) return;
        _disposed = true;
        if (_raw.IsWriting) _raw.Complete(partial: false);
        var path = _raw.FinalPath;
        _raw.Dispose();
        if (File.Exists(path)) FilesWritten.Insert(0, path);
    }
}
