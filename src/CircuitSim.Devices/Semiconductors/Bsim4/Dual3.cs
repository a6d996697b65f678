using System.Runtime.CompilerServices;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A quantity together with its derivatives with respect to the three terminal voltages of a MOSFET, taken with the
/// source as reference: ∂/∂Vgs (<see cref="G"/>), ∂/∂Vds (<see cref="D"/>) and ∂/∂Vbs (<see cref="B"/>) (forward-mode
/// automatic differentiation). BSIM4 is written once, for values, in this type; every conductance and capacitance
/// of the stamp is then the exact derivative of the current or charge it belongs to.
/// </summary>
internal readonly struct Dual3
{
    public readonly double V, G, D, B;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual3(double v, double g, double d, double b)
    {
        V = v; G = g; D = d; B = b;
    }

    /// <summary>A voltage-independent quantity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Constant(double v) => new(v, 0, 0, 0);

    /// <summary>The same derivatives with another value (where BSIM4 clamps a value but keeps its slope).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual3 WithValue(double v) => new(v, G, D, B);

    public static implicit operator Dual3(double v) => new(v, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator +(Dual3 a, Dual3 b) => new(a.V + b.V, a.G + b.G, a.D + b.D, a.B + b.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator +(Dual3 a, double b) => new(a.V + b, a.G, a.D, a.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator +(double a, Dual3 b) => new(a + b.V, b.G, b.D, b.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(Dual3 a, Dual3 b) => new(a.V - b.V, a.G - b.G, a.D - b.D, a.B - b.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(Dual3 a, double b) => new(a.V - b, a.G, a.D, a.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(double a, Dual3 b) => new(a - b.V, -b.G, -b.D, -b.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator -(Dual3 a) => new(-a.V, -a.G, -a.D, -a.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator *(Dual3 a, Dual3 b) =>
        new(a.V * b.V, a.G * b.V + a.V * b.G, a.D * b.V + a.V * b.D, a.B * b.V + a.V * b.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator *(Dual3 a, double b) => new(a.V * b, a.G * b, a.D * b, a.B * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator *(double a, Dual3 b) => new(a * b.V, a * b.G, a * b.D, a * b.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator /(Dual3 a, Dual3 b)
    {
        var q = a.V / b.V;
        var r = 1.0 / b.V;
        return new(q, (a.G - q * b.G) * r, (a.D - q * b.D) * r, (a.B - q * b.B) * r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator /(Dual3 a, double b) => new(a.V / b, a.G / b, a.D / b, a.B / b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 operator /(double a, Dual3 b)
    {
        var q = a / b.V;
        var s = -q / b.V;
        return new(q, s * b.G, s * b.D, s * b.B);
    }

    /// <summary>A function of this quantity with value <paramref name="f"/> and slope <paramref name="df"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual3 Chain(double f, double df) => new(f, df * G, df * D, df * B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Exp(Dual3 x)
    {
        var e = Math.Exp(x.V);
        return x.Chain(e, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Log(Dual3 x) => x.Chain(Math.Log(x.V), 1.0 / x.V);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Sqrt(Dual3 x)
    {
        var s = Math.Sqrt(x.V);
        return x.Chain(s, 0.5 / s);
    }

    /// <summary>x^p as BSIM4 writes it, exp(p·ln x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual3 Pow(Dual3 x, double p)
    {
        var y = Math.Exp(p * Math.Log(x.V));
        return x.Chain(y, p * y / x.V);
    }

    public override string ToString() => $"{V:G6} (∂g {G:G4}, ∂d {D:G4}, ∂b {B:G4})";
}
