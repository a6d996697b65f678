using System.Numerics;

namespace CircuitSim.Output;

/// <summary>One named vector of a plot: real (<see cref="Real"/>) or complex (<see cref="Complex"/>) data.</summary>
public sealed class WaveformVector
{
    /// <summary>Creates a real vector. The array is used as is (not copied).</summary>
    public WaveformVector(string name, VectorKind kind, double[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(data);
        Name = name;
        Kind = kind;
        Real = data;
    }

    /// <summary>Creates a complex vector. The array is used as is (not copied).</summary>
    public WaveformVector(string name, VectorKind kind, Complex[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(data);
        Name = name;
        Kind = kind;
        Complex = data;
    }

    /// <summary>Name in ngspice spelling: <c>time</c>, <c>v(out)</c>, <c>i(vin)</c>, <c>@m1[id]</c>.</summary>
    public string Name { get; }

    public VectorKind Kind { get; }

    /// <summary>Real data, or null for a complex vector.</summary>
    public double[]? Real { get; }

    /// <summary>Complex data, or null for a real vector.</summary>
    public Complex[]? Complex { get; }

    public bool IsComplex => Complex is not null;

    public int Length => Real?.Length ?? Complex!.Length;

    /// <summary>Value at <paramref name="index"/> as a complex number (imaginary part 0 for real vectors).</summary>
    public Complex this[int index] => Real is not null ? new Complex(Real[index], 0) : Complex![index];

    /// <summary>Real data, or the real parts of complex data (new array for complex vectors).</summary>
    public double[] RealPart() => Real ?? Map(c => c.Real);

    /// <summary>Imaginary parts (zeros for a real vector).</summary>
    public double[] ImaginaryPart() => Real is not null ? new double[Real.Length] : Map(c => c.Imaginary);

    /// <summary>Magnitudes (absolute values for a real vector).</summary>
    public double[] Magnitude() => Real is not null ? Array.ConvertAll(Real, Math.Abs) : Map(c => c.Magnitude);

    /// <summary>Magnitude in decibels, 20·log10|x|.</summary>
    public double[] MagnitudeDb() => Array.ConvertAll(Magnitude(), m => 20.0 * Math.Log10(m));

    /// <summary>Phase in degrees (0 or 180 for a real vector).</summary>
    public double[] PhaseDegrees() => Real is not null
        ? Array.ConvertAll(Real, r => r < 0 ? 180.0 : 0.0)
        : Map(c => c.Phase * 180.0 / Math.PI);

    /// <summary>Complex data (new array with zero imaginary parts for a real vector).</summary>
    public Complex[] ToComplex() => Complex ?? Array.ConvertAll(Real!, r => new Complex(r, 0));

    private double[] Map(Func<Complex, double> f)
    {
        var src = Complex!;
        var dst = new double[src.Length];
        for (int i = 0; i < src.Length; i++) dst[i] = f(src[i]);
        return dst;
    }

    public override string ToString() => $"{Name} ({VectorKinds.RawTypeName(Kind)}, {(IsComplex ? "complex" : "real")}, {Length} points)";
}
