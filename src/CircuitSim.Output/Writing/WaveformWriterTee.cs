using System.Numerics;

namespace CircuitSim.Output;

/// <summary>Forwards every call to several writers (e.g. a raw file, a CSV file and a recorder at once).</summary>
public sealed class WaveformWriterTee : IWaveformWriter
{
    private readonly IWaveformWriter[] _targets;

    public WaveformWriterTee(params IWaveformWriter[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _targets = targets;
    }

    public IReadOnlyList<IWaveformWriter> Targets => _targets;

    public int PointCount => _targets.Length > 0 ? _targets[0].PointCount : 0;

    public bool IsPartial => _targets.Length > 0 && _targets[0].IsPartial;

    public void Begin(WaveformHeader header) { foreach (var t in _targets) t.Begin(header); }

    public void WritePoint(ReadOnlySpan<double> values) { foreach (var t in _targets) t.WritePoint(values); }

    public void WritePoint(ReadOnlySpan<Complex> values) { foreach (var t in _targets) t.WritePoint(values); }

    public void WritePoint(double scale, ReadOnlySpan<Complex> values) { foreach (var t in _targets) t.WritePoint(scale, values); }

    public void Complete(bool partial = false) { foreach (var t in _targets) t.Complete(partial); }

    public void Abort() { foreach (var t in _targets) t.Abort(); }

    public void Dispose()
    {
        List<Exception>? errors = null;
        foreach (var t in _targets)
        {
            try { t.Dispose(); }
            catch (Exception e) { (errors ??= new()).Add(e); }
        }
        if (errors is not null) throw new AggregateException(errors);
    }
}
