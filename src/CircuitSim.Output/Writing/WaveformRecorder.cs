using System.Numerics;

namespace CircuitSim.Output;

/// <summary>
/// In-memory writer: collects streamed points into <see cref="WaveformSet"/>s (one per
/// <c>Begin</c>). Storage grows by doubling, so there is no allocation per point.
/// </summary>
public sealed class WaveformRecorder : WaveformWriter
{
    private readonly List<WaveformSet> _plots = new();
    private double[][] _real = [];
    private Complex[][] _complex = [];
    private int _capacity;

    protected override bool SupportsMultiplePlots => true;

    /// <summary>Finished plots (a plot is added when the next <c>Begin</c> or <c>Complete</c> comes).</summary>
    public IReadOnlyList<WaveformSet> Plots => _plots;

    /// <summary>The last finished plot.</summary>
    public WaveformSet Result => _plots.Count > 0 ? _plots[^1] : throw new InvalidOperationException("No plot recorded yet.");

    protected override void OnBegin(WaveformHeader header)
    {
        _capacity = 64;
        int n = header.VectorCount;
        if (header.IsComplex)
        {
            _complex = new Complex[n][];
            for (int i = 0; i < n; i++) _complex[i] = new Complex[_capacity];
            _real = [];
        }
        else
        {
            _real = new double[n][];
            for (int i = 0; i < n; i++) _real[i] = new double[_capacity];
            _complex = [];
        }
    }

    protected override void OnPoint(ReadOnlySpan<double> values)
    {
        int k = PointCount;
        if (k == _capacity) Grow();
        for (int i = 0; i < values.Length; i++) _real[i][k] = values[i];
    }

    protected override void OnPoint(ReadOnlySpan<Complex> values)
    {
        int k = PointCount;
        if (k == _capacity) Grow();
        for (int i = 0; i < values.Length; i++) _complex[i][k] = values[i];
    }

    private void Grow()
    {
        _capacity *= 2;
        for (int i = 0; i < _real.Length; i++) Array.Resize(ref _real[i], _capacity);
        for (int i = 0; i < _complex.Length; i++) Array.Resize(ref _complex[i], _capacity);
    }

    protected override void OnEndPlot()
    {
        var h = Header!;
        int n = PointCount;
        var set = new WaveformSet(h.Title, h.PlotName, date: h.Date ?? DateTime.Now) { LogScale = h.LogScale };
        for (int i = 0; i < h.VectorCount; i++)
        {
            var info = h.Vectors[i];
            if (h.IsComplex)
            {
                var data = _complex[i];
                Array.Resize(ref data, n);
                // The scale of a complex plot (frequency) is real in substance; keep it real.
                set.Vectors.Add(i == 0 && IsRealValued(data)
                    ? new WaveformVector(info.Name, info.Kind, Array.ConvertAll(data, c => c.Real))
                    : new WaveformVector(info.Name, info.Kind, data));
            }
            else
            {
                var data = _real[i];
                Array.Resize(ref data, n);
                set.Vectors.Add(new WaveformVector(info.Name, info.Kind, data));
            }
        }
        _plots.Add(set);
        _real = [];
        _complex = [];
    }

    private static bool IsRealValued(Complex[] data)
    {
        foreach (var c in data) if (c.Imaginary != 0) return false;
        return true;
    }

    protected override void OnComplete(bool partial) { }

    protected override void OnAbort()
    {
        _real = [];
        _complex = [];
    }
}
