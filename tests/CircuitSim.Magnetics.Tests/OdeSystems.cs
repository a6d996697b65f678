using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests;

/// <summary>x'' = −ω² x as y = (x, v).</summary>
internal sealed class HarmonicOscillator(double omega) : IOdeSystem
{
    public double Omega { get; set; } = omega;
    public int Dimension => 2;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = -Omega * Omega * y[0];
    }
}

/// <summary>
/// A wall-like pair (q, φ): φ̇ = −k sin 2φ, q̇ = c + d sin 2φ. Solution: tan φ = a e^(−2kt) with a = tan φ0 and
/// q = q0 + c t − (d/k)[atan(a e^(−2kt)) − atan a].
/// </summary>
internal sealed class TiltRelaxation(double k, double c, double d) : IOdeSystem
{
    public int Dimension => 2;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double s = Math.Sin(2 * y[1]);
        dydt[0] = c + d * s;
        dydt[1] = -k * s;
    }

    public (double q, double phi) Exact(double q0, double phi0, double t)
    {
        double a = Math.Tan(phi0), w = a * Math.Exp(-2 * k * t);
        return (q0 + c * t - d / k * (Math.Atan(w) - Math.Atan(a)), Math.Atan(w));
    }
}

/// <summary>
/// A wall in one pinning well (the DW-MTJ form of docs/physics.md §5.3): q̇ = μ (H − H_pin(q)), H_pin = H_c (q − q_i)/x_c for
/// |q − q_i| &lt; x_c, 0 outside — a right-hand side that jumps by μH_c at the well edge.
/// </summary>
internal sealed class PinningWell(double mobility, double field, double hc, double qi, double xc) : IOdeSystem
{
    public int Dimension => 1;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double q = y[0];
        double pin = Math.Abs(q - qi) < xc ? hc * (q - qi) / xc : 0.0;
        dydt[0] = mobility * (field - pin);
    }
}
