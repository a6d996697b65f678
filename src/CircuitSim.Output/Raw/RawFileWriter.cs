using System.Numerics;

namespace CircuitSim.Output;

/// <summary>
/// Streaming SPICE3 raw-file writer (binary by default, or ascii), byte-compatible with what
/// <c>ngspice -r</c> writes and loadable with ngspice's <c>load</c> command. Several plots may be
/// written to one file (call <c>Begin</c> again), as ngspice does for several analyses.
/// The file is written under a temporary name and renamed on <c>Complete</c>.
/// </summary>
public sealed class RawFileWriter : FileWaveformWriter
{
    private RawPlotEncoder? _encoder;

    public RawFileWriter(string path, RawEncoding encoding = RawEncoding.Binary) : base(path)
    {
        Encoding = encoding;
    }

    public RawEncoding Encoding { get; }

    /// <summary>Width reserved for the point count (tests only; ngspice uses 8).</summary>
    internal int CountFieldWidth { get; init; } = RawPlotEncoder.DefaultCountFieldWidth;

    protected override bool SupportsMultiplePlots => true;

    protected override void OnBegin(WaveformHeader header)
    {
        OpenTempFile();
        _encoder = new RawPlotEncoder(Stream, header, Encoding, CountFieldWidth);
    }

    protected override void OnPoint(ReadOnlySpan<double> values) => _encoder!.WritePoint(values);

    protected override void OnPoint(ReadOnlySpan<Complex> values) => _encoder!.WritePoint(values);

    protected override void PatchHeaders() => _encoder?.PatchCount();

    protected override void OnEndPlot()
    {
        _encoder?.Finish();
        _encoder = null;
    }
}
