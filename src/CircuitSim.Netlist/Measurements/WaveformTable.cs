namespace CircuitSim.Netlist.Measurements;

/// <summary>A simple in-memory <see cref="IWaveformTable"/>: a scale and named vectors (names compared case-insensitively).</summary>
public sealed class WaveformTable : IWaveformTable
{
    private readonly double[] _scale;
    private readonly Dictionary<string, double[]> _vectors = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public WaveformTable(string scaleName, double[] scale)
    {
        ArgumentNullException.ThrowIfNull(scaleName);
        ArgumentNullException.ThrowIfNull(scale);
        ScaleName = scaleName;
        _scale = scale;
    }

    public string ScaleName { get; }

    public ReadOnlySpan<double> Scale => _scale;

    /// <summary>Vector names in the order they were added.</summary>
    public IEnumerable<string> VectorNames => _names;

    /// <summary>Adds (or replaces) a vector; it must have one value per scale point.</summary>
    public WaveformTable Add(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _scale.Length)
            throw new ArgumentException($"Vector '{name}' has {values.Length} values but the scale has {_scale.Length}.", nameof(values));
        if (!_vectors.ContainsKey(name)) _names.Add(name);
        _vectors[name] = values;
        return this;
    }

    public bool TryGetVector(string name, out double[] values)
    {
        if (_vectors.TryGetValue(name, out var v))
        {
            values = v;
            return true;
        }
        values = [];
        return false;
    }
}
