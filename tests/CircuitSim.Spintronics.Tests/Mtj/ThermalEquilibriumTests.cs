using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>
/// At I = 0 the thermal field must produce the Boltzmann distribution of the uniaxial macrospin,
/// p(m) ∝ exp(Δ·m_z²) uniform in m_z on the sphere, so ⟨m_z²⟩ = ∫₀¹x²e^{Δx²}dx / ∫₀¹e^{Δx²}dx
/// = e^Δ/(√(πΔ)·erfi √Δ) − 1/(2Δ) (integrating x²e^{Δx²} by parts). A thermal field whose variance is wrong by a
/// factor (or integrated in the Itô sense) gives another effective Δ: Δ = 2.5 or 10 instead of 5 moves ⟨m_z²⟩ from
/// 0.764 to about 0.55 or 0.89.
/// </summary>
public class ThermalEquilibriumTests(ITestOutputHelper output)
{
    private const double Delta = 5, Alpha = 0.5;

    /// <summary>⟨m_z²⟩ of the Boltzmann distribution by quadrature.</summary>
    private static double MeanSquare(double delta) =>
        Series.Simpson(x => x * x * Math.Exp(delta * x * x), 0, 1, 2000) / Series.Simpson(x => Math.Exp(delta * x * x), 0, 1, 2000);

    [Fact]
    public void MeanSquareMzAtZeroCurrent_MatchesTheBoltzmannDistribution()
    {
        var expected = MeanSquare(Delta);
        Assert.Equal(0.76427, expected, 5e-6); // the closed form's value at Δ = 5

        // the default card shrunk to the diameter where Δ = μ0·Ms·H_k·V/(2·kB·T) = 5 at 300 K (11.5 nm: Δ ∝ V), a
        // superparamagnetic junction whose thermal field is large and fast to sample; α = 0.5 for a short correlation time
        const double temperature = 300;
        var diameter = MacrospinTheory.Diameter * Math.Sqrt(Delta / MacrospinTheory.ThermalStability(temperature));
        Assert.Equal(Delta, MacrospinTheory.ThermalStability(temperature, volume: MacrospinTheory.Volume(diameter)), 1e-9);
        // dtherm = 0.25 ps: the stochastic Heun scheme's O(dt) bias on ⟨m_z²⟩, measured in 20 µs runs (standard
        // error 6e-4), is +1.7e-3 at 1 ps and +5e-4 at 0.5 ps, so ≈ 3e-4 here, a tenth of this test's standard error.
        // dmmax = 10 lets the circuit step stay at 20 ps (nothing in the circuit depends on m at I = 0).
        var run = NetlistSimulation.Run($"""
            free layer at I = 0, Δ = 5
            V1 a 0 0
            YMTJ m1 a 0 card state=p seed=11
            .model card MTJ (diameter={diameter} tf=1.3n ms=1.1e6 alpha={Alpha} hk=2.201e5 temp={temperature} dtherm=0.25p dmmax=10)
            .tran 20p 1u 0 20p
            .end
            """, "@m1[mz]");

        // discard 2 ns (the relaxation time from the initial state is (1+α²)/(2αγ0·H_k) ≈ 26 ps)
        var samples = run.Scale.Select((t, n) => (t, n)).Where(p => p.t > 2e-9).Select(p => run["@m1[mz]"][p.n] * run["@m1[mz]"][p.n]).ToArray();
        var mean = samples.Average();
        var tau = Statistics.IntegratedAutocorrelationTime(samples);
        var se = Statistics.CorrelatedStandardError(samples);
        output.WriteLine($"d = {diameter * 1e9:F3} nm at {temperature} K; ⟨m_z²⟩ = {mean:F5} ± {se:F5} (N = {samples.Length}, τ_int = {tau:F2} samples of 20 ps), Boltzmann {expected:F5}, deviation {(mean - expected) / se:F2} σ");
        // 4 standard errors, the standard error from the series' own integrated autocorrelation time
        Assert.True(Math.Abs(mean - expected) < 4 * se, $"⟨m_z²⟩ = {mean:F5} ± {se:F5}, expected {expected:F5}");
    }
}
