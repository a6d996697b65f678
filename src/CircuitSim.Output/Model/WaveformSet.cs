namespace CircuitSim.Output;

/// <summary>
/// One plot of simulation results, like an ngspice plot: title, plot name, date and a list of vectors
/// of equal length. By convention the first vector is the scale (time, frequency, sweep variable);
/// an operating point has no real scale and just lists its values.
/// </summary>
public sealed class WaveformSet
{
    public WaveformSet(string title, string plotName, IEnumerable<WaveformVector>? vectors = null, DateTime? date = null)
    {
        Title = title ?? "";
        PlotName = plotName ?? "";
        Date = date;
        if (vectors is not null) Vectors.AddRange(vectors);
    }

    /// <summary>Circuit title (first line of the netlist).</summary>
    public string Title { get; set; }

    /// <summary>Analysis name, see <see cref="PlotNames"/>.</summary>
    public string PlotName { get; set; }

    /// <summary>Date of the run; null when unknown (writers then use the current time).</summary>
    public DateTime? Date { get; set; }

    /// <summary>True when the scale is logarithmic (AC decade/octave sweep); written as <c>grid=3</c> in raw files.</summary>
    public bool LogScale { get; set; }

    /// <summary>The vectors; the first is the scale.</summary>
    public List<WaveformVector> Vectors { get; } = new();

    /// <summary>The scale vector (first vector), or null when there are no vectors.</summary>
    public WaveformVector? Scale => Vectors.Count > 0 ? Vectors[0] : null;

    /// <summary>True when any vector is complex (the raw file is then written with <c>Flags: complex</c>).</summary>
    public bool IsComplex => Vectors.Exists(v => v.IsComplex);

    /// <summary>Number of points (length of the scale vector; 0 when empty).</summary>
    public int PointCount => Vectors.Count > 0 ? Vectors[0].Length : 0;

    /// <summary>Vector by name (case-insensitive, as in ngspice); throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public WaveformVector this[string name] =>
        TryGetVector(name, out var v) ? v : throw new KeyNotFoundException($"No vector '{name}' in plot '{PlotName}'.");

    public bool TryGetVector(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WaveformVector? vector)
    {
        foreach (var v in Vectors)
        {
            if (string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)) { vector = v; return true; }
        }
        vector = null;
        return false;
    }

    /// <summary>The header describing this set (for streaming writers).</summary>
    public WaveformHeader ToHeader() => new(Title, PlotName, Vectors.ConvertAll(v => new VectorInfo(v.Name, v.Kind)), IsComplex)
    {
        Date = Date,
        LogScale = LogScale,
    };

    /// <summary>Throws when vectors differ in length.</summary>
    public void Validate()
    {
        foreach (var v in Vectors)
        {
            if (v.Length != PointCount)
                throw new InvalidOperationException($"Vector '{v.Name}' has {v.Length} points, the scale has {PointCount}.");
        }
    }

    public override string ToString() => $"{PlotName}: {Vectors.Count} vectors x {PointCount} points";
}
