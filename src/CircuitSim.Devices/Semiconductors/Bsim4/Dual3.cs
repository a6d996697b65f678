using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A quantity together with its derivatives with respect to the three terminal voltages of a MOSFET, taken with the
/// source as reference: ∂/∂Vgs (<see cref="G"/>), ∂/∂Vds (<see cref="D"/>) and ∂/∂Vbs (<see cref="B"/>) (forward-mode
/// automatic differentiation). BSIM4 is written once, for values, in this type; every conductance and capacitance
/// of the stamp is then the exact derivative of the current or charge it belongs to.
/// </summary>
/// <remarks>
/// The four numbers live in one 256-bit vector (value in lane 0), so each operation is a few vector instructions and a
/// quantity takes one register instead of four. The value lane is computed exactly as the scalar expression would be
/// (a·b, a/b, e^a … rounded once), so values are bit-identical to a plain double evaluation; only the derivative lanes
/// may differ in the last bit.
/// </remarks>
internal readonly struct Dual3
{
    private readonly Vector256<double> _x;

    /// <summary>Bit mask of the derivative lanes: ANDed with a vector, it zeroes the value lane.</summary>
    private static readonly Vector256<double> DerivativeLanes = Vector256.Create(0L, -1L, -1L, -1L).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Dual3(Vector256<double> x) => _x = x;

    /// <summary><paramref name="x"/> with its value lane replaced by <paramref name="v"/> (one blend where AVX is
    /// available).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> WithLane0(Vector256<double> x, double v) =>
        Avx.IsSupported ? Avx.Blend(x, Vector256.CreateScalarUnsafe(v), 0b0001) : x.WithElement(0, v);

    /// <summary>a·b + c, fused where the hardware has FMA (only the derivative lanes may round differently).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual3(double v, double g, double d, double b) => _x = Vector256.Create(v, g, d, b);

    /// <summary>The value.</summary>
    public double V
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _x.ToScalar();
    }

    /// <summary>∂/∂Vgs.</summary>
    public double G
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _x.GetElement(1);
    }

    /// <summary>∂/∂Vds.</summary>
    public double D
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _x.GetElement(2);
    }

    /// <summary>∂/∂Vbs.</summary>
    public double B
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _x.GetElement(3);
    }

    /// <summary>A voltage-independent quantity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Constant(double v) => new(Vector256.CreateScalar(v));

    /// <summary>The same derivatives with another value (where BSIM4 clamps a value but keeps its slope).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual3 WithValue(double v) => new(WithLane0(_x, v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Dual3(double v) => new(Vector256.CreateScalar(v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator +(Dual3 a, Dual3 b) => new(a._x + b._x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator +(Dual3 a, double b) => new(a._x + Vector256.CreateScalar(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator +(double a, Dual3 b) => new(Vector256.CreateScalar(a) + b._x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(Dual3 a, Dual3 b) => new(a._x - b._x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(Dual3 a, double b) => new(a._x - Vector256.CreateScalar(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(double a, Dual3 b) => new(Vector256.CreateScalar(a) - b._x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(Dual3 a) => new(-a._x);

    /// <summary>(a·b)′ = a·b′ + b·a′; the value lane gets a·b + b·0, which rounds exactly as a·b (fused or not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator *(Dual3 a, Dual3 b) =>
        new(MultiplyAdd(Vector256.Create(a.V), b._x, Vector256.Create(b.V) * (a._x & DerivativeLanes)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator *(Dual3 a, double b) => new(a._x * Vector256.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator *(double a, Dual3 b) => new(Vector256.Create(a) * b._x);

    /// <summary>(a/b)′ = (a′ − q·b′)/b with q = a/b: the value lane is the division a/b itself; the derivative lanes
    /// multiply by 1/b (two scalar divisions that overlap instead of a vector division after a scalar one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator /(Dual3 a, Dual3 b)
    {
        var q = a.V / b.V;
        var r = 1.0 / b.V;
        return new(WithLane0((a._x - Vector256.Create(q) * (b._x & DerivativeLanes)) * Vector256.Create(r), q));
    }

    /// <summary>The value lane divides; the derivative lanes multiply by 1/b (folded when b is a constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator /(Dual3 a, double b) => new(WithLane0(a._x * Vector256.Create(1.0 / b), a.V / b));

    /// <summary>(a/b)′ = −q·b′/b: 1/b is divided alongside q = a/b, not after it (two divisions in a row were on the
    /// critical path of most of BSIM4's formulas).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator /(double a, Dual3 b)
    {
        var q = a / b.V;
        var r = 1.0 / b.V;
        return b.Chain(q, -q * r);
    }

    /// <summary>A function of this quantity with value <paramref name="f"/> and slope <paramref name="df"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual3 Chain(double f, double df) => new(WithLane0(_x * Vector256.Create(df), f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Exp(Dual3 x)
    {
        var e = Math.Exp(x.V);
        return x.Chain(e, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Log(Dual3 x) => x.Chain(Math.Log(x.V), 1.0 / x.V);

    /// <summary>(√x)′ = √x/(2x): 1/x is divided alongside the square root, not after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Sqrt(Dual3 x)
    {
        var s = Math.Sqrt(x.V);
        var r = 0.5 / x.V;
        return x.Chain(s, s * r);
    }

    /// <summary>x^p as BSIM4 writes it, exp(p·ln x); (x^p)′ = p·x^p/x with 1/x divided alongside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Pow(Dual3 x, double p)
    {
        var r = p / x.V;
        var y = Math.Exp(p * Math.Log(x.V));
        return x.Chain(y, y * r);
    }

    public override string ToString() => $"{V:G6} (∂g {G:G4}, ∂d {D:G4}, ∂b {B:G4})";
}
