using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>
/// The zero-temperature critical current I_c0 = 2e·α·μ0·Ms·V·H_k,eff/(ħη) of docs/physics.md §4 (constant η): from the
/// AP state a DC current 2 % above it switches the layer, 2 % below it does not. At T = 0 below I_c0 the AP state
/// is linearly stable (u = cos θ obeys u̇ = a(1 − u²)(u + i) &lt; 0 near u = −1 for i &lt; 1), so it never switches;
/// the window is three times the exact switching time at 1.02·I_c0 (91.5 ns, <see cref="MacrospinTheory.TimeToEquator"/>).
/// </summary>
public class CriticalCurrentTests(ITestOutputHelper output)
{
    private static double Theta0 => 1 / Math.Sqrt(2 * MacrospinTheory.ThermalStability(300));
    private static double Window => 3 * MacrospinTheory.TimeToEquator(1.02, Theta0);

    private static Waveforms Run(double ratio) => NetlistSimulation.Run($"""
        AP state under a DC current near Ic0
        I1 0 a DC {ratio * MacrospinTheory.CriticalCurrent()}
        YMTJ m1 a 0 card state=ap
        .model card MTJ (diameter=40n tf=1.3n ms=1.1e6 alpha=0.01 eta=0.5 hk=2.201e5 etamode=constant)
        .tran 100p {Window}
        .end
        """, "@m1[mz]");

    [Fact]
    public void CurrentTwoPercentAboveTheCriticalCurrent_SwitchesTheLayer()
    {
        var run = Run(1.02);
        var mz = run["@m1[mz]"];
        var t = Series.FirstCrossing(run.Scale, mz, 0);
        output.WriteLine($"Ic0 = {MacrospinTheory.CriticalCurrent() * 1e6:F3} µA; 1.02·Ic0: m_z = 0 at {t * 1e9:F2} ns (exact {MacrospinTheory.TimeToEquator(1.02, Theta0) * 1e9:F2} ns), final m_z = {mz[^1]:F6}");
        Assert.NotNull(t);
        // switched means settled in P, not merely passing the equator
        Assert.True(mz[^1] > 0.99, $"final m_z = {mz[^1]}");
    }

    [Fact]
    public void CurrentTwoPercentBelowTheCriticalCurrent_DoesNotSwitch()
    {
        var run = Run(0.98);
        var mz = run["@m1[mz]"];
        output.WriteLine($"0.98·Ic0 over {Window * 1e9:F1} ns: m_z from {mz[0]:F6} to {mz[^1]:F6}, largest {mz.Max():F6}");
        // the tilt never grows: m_z stays at or below its starting value (round-off allowance 1e-9) and relaxes to −1
        Assert.True(mz.Max() <= mz[0] + 1e-9, $"m_z rose to {mz.Max()} from {mz[0]}");
        Assert.True(mz[^1] < mz[0], $"m_z did not relax: {mz[0]} → {mz[^1]}");
    }
}
