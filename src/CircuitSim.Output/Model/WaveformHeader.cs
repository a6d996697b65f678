namespace CircuitSim.Output;

/// <summary>Name and kind of one vector in a streamed plot.</summary>
public readonly record struct VectorInfo(string Name, VectorKind Kind)
{
    /// <summary>Vector info with the kind guessed from the name (see <see cref="VectorKinds.Guess"/>).</summary>
    public static VectorInfo FromName(string name) => new(name, VectorKinds.Guess(name));
}

/// <summary>Everything a streaming writer needs before the first point.</summary>
public sealed class WaveformHeader
{
    public WaveformHeader(string title, string plotName, IReadOnlyList<VectorInfo> vectors, bool isComplex = false)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0) throw new ArgumentException("A plot needs at least one vector.", nameof(vectors));
        foreach (var v in vectors)
        {
            if (string.IsNullOrWhiteSpace(v.Name) || v.Name.Any(char.IsWhiteSpace))
                throw new ArgumentException($"Vector name '{v.Name}' is empty or contains white space.", nameof(vectors));
        }
        Title = title ?? "";
        PlotName = plotName ?? "";
        Vectors = vectors;
        IsComplex = isComplex;
    }

    public string Title { get; }
    public string PlotName { get; }
    public IReadOnlyList<VectorInfo> Vectors { get; }

    /// <summary>Complex plot (AC): every point carries complex values.</summary>
    public bool IsComplex { get; }

    /// <summary>Date of the run; null means "now" when the header is written.</summary>
    public DateTime? Date { get; init; }

    /// <summary>Logarithmic scale (AC decade/octave sweep), written as <c>grid=3</c> on the scale variable.</summary>
    public bool LogScale { get; init; }

    public int VectorCount => Vectors.Count;
}
