using CircuitSim.Magnetics;
using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>
/// Néel–Brown telegraph switching at small Δ against the exact first-passage time. For the uniaxial macrospin
/// x = m_z is a Markov diffusion on its own (Brown 1963): ∂W/∂t = ∂/∂x[D(x)(∂W/∂x − 2Δx·W)] with
/// D(x) = (1 − x²)/(2τ_N), τ_N = (1 + α²)μ0·Ms·V/(2α·γ0·kB·T), and stationary density p ∝ e^{Δx²}. The mean time
/// to reach −x_h from x_h (reflecting at x = 1) solves (D p T')' = −p:
///     T = ∫_{−x_h}^{x_h} dy / (D(y) p(y)) · ∫_y^1 p(z) dz.
/// A dwell is measured from the first sample beyond +x_h (coming from −x_h) to the first sample beyond −x_h, and
/// the other way round.
/// </summary>
public class NeelBrownDwellTests(ITestOutputHelper output)
{
    private const double Delta = 2, Alpha = 0.5, Threshold = 0.5, SubStep = 0.5e-12;
    private const int Dwells = 2000;

    private static double FirstPassageTime(double delta, double tauN, double threshold)
    {
        double Inner(double y) => Series.Simpson(z => Math.Exp(delta * z * z), y, 1, 400);
        return Series.Simpson(y => 2 * tauN / ((1 - y * y) * Math.Exp(delta * y * y)) * Inner(y), -threshold, threshold, 400);
    }

    [Fact]
    public void MeanDwellTime_MatchesTheFirstPassageIntegral()
    {
        // the default card shrunk to the diameter where Δ = 2 at 300 K (7.3 nm), so the dwell times are ~0.5 ns
        const double temperature = 300;
        var diameter = MacrospinTheory.Diameter * Math.Sqrt(Delta / MacrospinTheory.ThermalStability(temperature));
        var volume = MacrospinTheory.Volume(diameter);
        Assert.Equal(Delta, MacrospinTheory.ThermalStability(temperature, volume: volume), 1e-9);
        var tauN = (1 + Alpha * Alpha) * PhysicalConstants.Mu0 * MacrospinTheory.Ms * volume
            / (2 * Alpha * MacrospinTheory.Gamma0 * PhysicalConstants.Boltzmann * temperature);

        // The device is stepped one Heun sub-step per point (the circuit would only add a 0 V source), so m_z is
        // seen at every sub-step of the stochastic integration.
        var device = new DeviceStepper($"""
            free layer at I = 0, Δ = 2
            V1 a 0 0
            YMTJ m1 a 0 card state=p seed=7
            .model card MTJ (diameter={diameter} tf=1.3n ms=1.1e6 alpha={Alpha} hk=2.201e5 temp={temperature} dtherm={SubStep})
            .tran 1p 1n
            .end
            """, "m1", "a");
        var mz = device.Probe("mz");
        var side = 0;
        var entered = 0.0;
        var dwells = new List<double>();
        while (dwells.Count < Dwells)
        {
            device.Step(SubStep, 0);
            var x = mz();
            var now = x >= Threshold ? 1 : x <= -Threshold ? -1 : side;
            if (now == side) continue;
            if (side != 0) dwells.Add(device.Time - entered);
            side = now;
            entered = device.Time;
        }

        // Watching a diffusion only at sub-steps δt finds every crossing late: the discretely monitored passage
        // behaves like the continuous one with the threshold moved out by β·σ·√δt, β = −ζ(1/2)/√(2π) = 0.5826,
        // σ² = 2D(x_h) (Broadie–Glasserman–Kou), and the dwell then starts that far beyond x_h too. Measured at
        // Δ = 2 with 12 000 dwells (standard error 1 %): mean/T(x_h) = 1.074, 1.047, 1.036, 1.012 at δt = 1, 0.5,
        // 0.25, 0.125 ps — the √δt law of this correction (1.085, 1.061, 1.043, 1.030), which is 1–2 % high.
        var shift = 0.5826 * Math.Sqrt((1 - Threshold * Threshold) / tauN * SubStep);
        var continuous = FirstPassageTime(Delta, tauN, Threshold);
        var expected = FirstPassageTime(Delta, tauN, Threshold + shift);
        var mean = dwells.Average();
        // dwells are independent (x alone is Markov and each dwell starts at the threshold)
        var se = Statistics.StandardError(dwells);
        output.WriteLine($"d = {diameter * 1e9:F3} nm at {temperature} K, τ_N = {tauN * 1e12:F2} ps; mean dwell = {mean * 1e12:F1} ± {se * 1e12:F1} ps over {Dwells}; first-passage integral {continuous * 1e12:F1} ps, with the sampling shift {shift:F4}: {expected * 1e12:F1} ps; deviation {(mean - expected) / se:F2} σ");
        // 4 standard errors (2.3 % each), plus 2 % for the sampling correction's own error (it overshot the long
        // runs by 1–2 %)
        var tolerance = 4 * se + 0.02 * expected;
        Assert.True(Math.Abs(mean - expected) < tolerance, $"mean dwell {mean:E4} ± {se:E2} s, expected {expected:E4} s (allowed ±{tolerance:E2} s)");
    }
}
