using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>docs/physics.md §3.2: every stochastic device takes a seed, and the same seed gives the same waveform.</summary>
public class SeedReproducibilityTests(ITestOutputHelper output)
{
    private static Waveforms Run(int seed) => NetlistSimulation.Run($"""
        MTJ at 300 K under a current pulse
        I1 0 a PULSE(0 60u 0.5n 50p 50p 2n 10n)
        YMTJ m1 a 0 card state=ap seed={seed}
        .model card MTJ (temp=300)
        .tran 10p 3n
        .end
        """, "@m1[mx]", "@m1[my]", "@m1[mz]", "v(a)");

    [Fact]
    public void SameSeed_GivesAnIdenticalWaveform()
    {
        var a = Run(5);
        var b = Run(5);
        Assert.Equal(a.Scale, b.Scale);
        foreach (var v in new[] { "@m1[mx]", "@m1[my]", "@m1[mz]", "v(a)" })
            Assert.Equal(a[v], b[v]); // bit for bit
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentWaveforms()
    {
        var a = Run(5);
        var b = Run(6);
        var mzA = a["@m1[mz]"];
        var mzB = b["@m1[mz]"];
        // compare on a common grid (the step control may differ between the runs)
        var grid = Enumerable.Range(1, 300).Select(k => k * 10e-12).ToArray();
        var largest = grid.Max(t => Math.Abs(Series.Interpolate(a.Scale, mzA, t) - Series.Interpolate(b.Scale, mzB, t)));
        var mx = grid.Max(t => Math.Abs(Series.Interpolate(a.Scale, a["@m1[mx]"], t) - Series.Interpolate(b.Scale, b["@m1[mx]"], t)));
        output.WriteLine($"seeds 5 and 6: largest |Δm_z| = {largest:E3}, |Δm_x| = {mx:E3} over 3 ns");
        // independent thermal paths: the transverse components (thermal cone of r.m.s. angle 1/√(2Δ) ≈ 0.09 at 300 K)
        // differ by order 0.1, far above any round-off
        Assert.True(mx > 0.01, $"the transverse magnetization differs by only {mx:E2}");
    }
}
