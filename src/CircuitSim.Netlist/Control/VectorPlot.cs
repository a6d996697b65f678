using System.Numerics;
using CircuitSim.Netlist.Running;
using CircuitSim.Output;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// A plot of the control language (ngspice's <c>tran1</c>, <c>ac2</c>, …): the vectors of one analysis, its scale
/// first, plus the vectors <c>let</c> and <c>meas</c> add to it.
/// </summary>
public sealed class VectorPlot
{
    private readonly List<VectorValue> _vectors = new();

    public VectorPlot(string name, string title, string typeName, DateTime date, AnalysisSpec? analysis)
    {
        Name = name;
        Title = title;
        TypeName = typeName;
        Date = date;
        Analysis = analysis;
    }

    /// <summary>ngspice's plot name: the analysis kind and a count (<c>tran1</c>), or <c>const</c>.</summary>
    public string Name { get; }

    /// <summary>The circuit title.</summary>
    public string Title { get; }

    /// <summary>The analysis as ngspice names it ("Transient Analysis"), or "Constants".</summary>
    public string TypeName { get; }

    public DateTime Date { get; }

    /// <summary>The analysis that made the plot (null for constants and derived plots without one).</summary>
    public AnalysisSpec? Analysis { get; }

    /// <summary>The scale (time, frequency, swept value), or null for an operating point.</summary>
    public VectorValue? Scale { get; private set; }

    /// <summary>The vectors in the order they were made, the scale first.</summary>
    public IReadOnlyList<VectorValue> Vectors => _vectors;

    public bool TryGet(string name, out VectorValue vector)
    {
        foreach (var v in _vectors)
            if (string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                vector = v;
                return true;
            }
        vector = null!;
        return false;
    }

    /// <summary>Adds a vector, replacing one of the same name.</summary>
    public void Set(VectorValue vector)
    {
        var i = _vectors.FindIndex(v => string.Equals(v.Name, vector.Name, StringComparison.OrdinalIgnoreCase));
        if (i >= 0) _vectors[i] = vector;
        else _vectors.Add(vector);
    }

    public bool Remove(string name) =>
        _vectors.RemoveAll(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)) > 0;

    /// <summary>A plot holding what a run recorded: the scale, then every vector against it.</summary>
    public static VectorPlot FromRecording(PlotRecorder.RecordedPlot recorded, string name, DateTime date)
    {
        var info = recorded.Info;
        var plot = new VectorPlot(name, info.Title, info.PlotName, date, info.Analysis);
        VectorValue? scale = null;
        if (info.ScaleName is not null)
        {
            scale = new VectorValue(info.ScaleName, recorded.Scale);
            plot.Scale = scale;
            plot._vectors.Add(scale);
        }
        foreach (var v in info.VectorNames)
        {
            if (info.IsComplex) plot._vectors.Add(new VectorValue(v, recorded.ComplexVector(v), scale));
            else plot._vectors.Add(new VectorValue(v, recorded[v], scale));
        }
        return plot;
    }

    /// <summary>A plot made from <see cref="WaveformSet"/> (the first vector is the scale), e.g. after linearize.</summary>
    public static VectorPlot FromWaveforms(WaveformSet set, string name, DateTime date, AnalysisSpec? analysis)
    {
        var plot = new VectorPlot(name, set.Title, set.PlotName, date, analysis);
        if (set.Vectors.Count == 0) return plot;
        var first = set.Vectors[0];
        var scale = new VectorValue(first.Name, first.Real ?? first.Complex!.Select(c => c.Real).ToArray());
        plot.Scale = scale;
        plot._vectors.Add(scale);
        foreach (var v in set.Vectors.Skip(1))
            plot._vectors.Add(v.Real is not null ? new VectorValue(v.Name, v.Real, scale) : new VectorValue(v.Name, v.Complex!, scale));
        return plot;
    }

    /// <summary>The plot (or the given vectors of it, after its scale) as a <see cref="WaveformSet"/>: vectors longer
    /// or shorter than the scale are left out, as a raw file needs equal lengths.</summary>
    public WaveformSet ToWaveforms(IEnumerable<VectorValue>? only = null)
    {
        var set = new WaveformSet(Title, TypeName, date: Date)
        {
            LogScale = Analysis is AcSpec { Sweep: not Core.Analyses.AcSweepKind.Linear },
        };
        var length = Scale?.Length ?? 1;
        if (Scale is not null) set.Vectors.Add(new WaveformVector(Scale.Name, KindOf(Scale.Name, true), Scale.Real));
        var complex = (only ?? _vectors).Any(v => v.IsComplex);
        foreach (var v in only ?? _vectors.Where(v => !ReferenceEquals(v, Scale)))
        {
            if (v.Length != length || ReferenceEquals(v, Scale)) continue;
            var name = string.Concat(v.Name.Where(c => !char.IsWhiteSpace(c)));
            set.Vectors.Add(complex
                ? new WaveformVector(name, KindOf(name, false), v.Complex)
                : new WaveformVector(name, KindOf(name, false), v.Real));
        }
        if (complex && set.Vectors.Count > 0 && !set.Vectors[0].IsComplex)
            set.Vectors[0] = new WaveformVector(set.Vectors[0].Name, set.Vectors[0].Kind, set.Vectors[0].Real!.Select(r => new Complex(r, 0)).ToArray());
        return set;
    }

    private VectorKind KindOf(string name, bool isScale) => Analysis switch
    {
        TranSpec when isScale => VectorKind.Time,
        AcSpec when isScale => VectorKind.Frequency,
        _ => VectorKinds.Guess(name, isScale),
    };
}
