using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>
/// Closed-form results for the perpendicular macrospin (docs/physics.md §4) with constant η, H_eff = H_k m_z z and p = +z,
/// computed here from the constants of docs/physics.md §1.1 (not from the device's helpers).
/// </summary>
public static class MacrospinTheory
{
    public const double Gamma0 = PhysicalConstants.Mu0 * PhysicalConstants.Gamma;

    /// <summary>The default card: d = 40 nm, t_F = 1.3 nm, Ms = 1.1e6 A/m, α = 0.01, η = 0.5, H_k,eff = 2.201e5 A/m.</summary>
    public const double Diameter = 40e-9, Thickness = 1.3e-9, Ms = 1.1e6, Alpha = 0.01, Eta = 0.5, Hk = 2.201e5;

    public static double Volume(double diameter = Diameter, double thickness = Thickness) => Math.PI * diameter * diameter / 4 * thickness;

    /// <summary>I_c0 = 2e·α·μ0·Ms·V·H_k / (ħ·η), A.</summary>
    public static double CriticalCurrent(double alpha = Alpha, double ms = Ms, double volume = double.NaN, double hk = Hk, double eta = Eta) =>
        2 * PhysicalConstants.ElementaryCharge * alpha * PhysicalConstants.Mu0 * ms * (double.IsNaN(volume) ? Volume() : volume) * hk
        / (PhysicalConstants.ReducedPlanck * eta);

    /// <summary>Δ = μ0·Ms·H_k·V / (2·kB·T).</summary>
    public static double ThermalStability(double temperature, double ms = Ms, double hk = Hk, double volume = double.NaN) =>
        PhysicalConstants.Mu0 * ms * hk * (double.IsNaN(volume) ? Volume() : volume) / (2 * PhysicalConstants.Boltzmann * temperature);

    /// <summary>
    /// Time for a DC current i·I_c0 to bring m from the AP state tilted by θ0 to the equator (m_z = 0).
    /// With polar angle θ from p and H_ST = i·α·H_k, the explicit LLG gives
    ///     θ̇ = −γ0·sin θ·(H_ST + α·H_k·cos θ)/(1 + α²),
    /// so u = cos θ obeys u̇ = a·(1 − u²)(u + i), a = α·γ0·H_k/(1 + α²). Partial fractions,
    ///     1/((1 − u)(1 + u)(u + i)) = A/(1 − u) + B/(1 + u) + C/(u + i),
    ///     A = 1/(2(1 + i)), B = 1/(2(i − 1)), C = −1/(i² − 1),
    /// integrate from u0 = −cos θ0 to u = 0:
    ///     a·t = A·ln(1 + cos θ0) − B·ln(1 − cos θ0) + C·ln(i/(i − cos θ0)).
    /// </summary>
    public static double TimeToEquator(double i, double theta0, double alpha = Alpha, double hk = Hk)
    {
        var a = alpha * Gamma0 * hk / (1 + alpha * alpha);
        var c = Math.Cos(theta0);
        double A = 1 / (2 * (1 + i)), B = 1 / (2 * (i - 1)), C = -1 / (i * i - 1);
        return (A * Math.Log(1 + c) - B * Math.Log(1 - c) + C * Math.Log(i / (i - c))) / a;
    }
}
