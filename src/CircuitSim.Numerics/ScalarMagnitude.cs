using System.Numerics;

namespace CircuitSim.Numerics;

/// <summary>
/// The one operation the factorization needs beyond <see cref="INumberBase{TSelf}"/> arithmetic: the magnitude that the
/// pivot threshold test compares. Implemented by empty structs so that generic code specialised for them compiles to
/// the same machine code as a hand-written version for the scalar type.
/// </summary>
internal interface IScalarMagnitude<T>
{
    static abstract double Magnitude(T value);
}

internal readonly struct RealMagnitude : IScalarMagnitude<double>
{
    public static double Magnitude(double value) => Math.Abs(value);
}

internal readonly struct ComplexMagnitude : IScalarMagnitude<Complex>
{
    public static double Magnitude(Complex value) => Complex.Abs(value);
}
