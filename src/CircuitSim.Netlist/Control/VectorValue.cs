using System.Numerics;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// A vector of the control language: a name, real or complex values and the vector they were computed against
/// (time, frequency, the swept value; null for a scalar or an operating point), as ngspice's dvec.
/// </summary>
public sealed class VectorValue
{
    private readonly double[]? _real;
    private readonly Complex[]? _complex;

    /// <summary>A real vector (the array is used as is).</summary>
    public VectorValue(string name, double[] values, VectorValue? scale = null)
    {
        Name = name;
        _real = values;
        Scale = scale;
    }

    /// <summary>A complex vector (the array is used as is).</summary>
    public VectorValue(string name, Complex[] values, VectorValue? scale = null)
    {
        Name = name;
        _complex = values;
        Scale = scale;
    }

    public static VectorValue Scalar(string name, double value) => new(name, new[] { value });

    public string Name { get; }

    /// <summary>The vector this one is plotted against, or null.</summary>
    public VectorValue? Scale { get; }

    public bool IsComplex => _complex is not null;

    public int Length => _real?.Length ?? _complex!.Length;

    /// <summary>The real values (for a complex vector: the real parts, in a new array).</summary>
    public double[] Real => _real ?? _complex!.Select(c => c.Real).ToArray();

    /// <summary>The values as complex numbers (a real vector's in a new array).</summary>
    public Complex[] Complex => _complex ?? _real!.Select(r => new Complex(r, 0)).ToArray();

    public Complex this[int index] => _complex is not null ? _complex[index] : _real![index];

    /// <summary>The real part of element <paramref name="index"/>.</summary>
    public double RealAt(int index) => _complex is not null ? _complex[index].Real : _real![index];

    /// <summary>The same values under another name.</summary>
    public VectorValue Named(string name) =>
        _real is not null ? new VectorValue(name, _real, Scale) : new VectorValue(name, _complex!, Scale);

    /// <summary>The same values against another scale.</summary>
    public VectorValue WithScale(VectorValue? scale) =>
        _real is not null ? new VectorValue(Name, _real, scale) : new VectorValue(Name, _complex!, scale);

    public override string ToString() => $"{Name} [{Length}{(IsComplex ? ", complex" : "")}]";
}
