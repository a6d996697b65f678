using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Memristors;

/// <summary>
/// VTEAM (Kvatinsky et al. 2015) without a window: dw/dt = k_off·(v/v_off − 1)^a_off for v &gt; v_off &gt; 0,
/// k_on·(v/v_on − 1)^a_on for v &lt; v_on &lt; 0, and 0 in between; w ∈ [w_on, w_off] with R = R_on at w_on.
/// </summary>
public class VteamThresholdTests(ITestOutputHelper output)
{
    // model defaults spelled out: k_off = 1e-3 m/s, k_on = −1e-3 m/s, a = 3, v_off = 0.3 V, v_on = −0.3 V, w ∈ [0, 3 nm]
    private const double KOff = 1e-3, KOn = -1e-3, AOff = 3, AOn = 3, VOff = 0.3, VOn = -0.3, WOn = 0, WOff = 3e-9;

    private static Waveforms Run(double volts, double x0, double stop) => NetlistSimulation.Run($"""
        vteam at a constant voltage
        V1 a 0 DC {volts}
        YMEMRISTOR m1 a 0 vt x0={x0}
        .model vt MEMRISTOR (kind=vteam window=none ron=100 roff=16k koff={KOff} kon={KOn} aoff={AOff} aon={AOn}
        + voff={VOff} von={VOn} won={WOn} woff={WOff})
        .tran {stop / 100} {stop}
        .end
        """, "@m1[x]", "@m1[w]", "@m1[r]");

    [Theory]
    [InlineData(0.29)]
    [InlineData(-0.29)]
    [InlineData(0.1)]
    public void State_DoesNotMoveBetweenTheThresholds(double volts)
    {
        var run = Run(volts, 0.5, 1e-3);
        var x = run["@m1[x]"];
        output.WriteLine($"v = {volts} V: x in [{x.Min():R}, {x.Max():R}] over {run.Scale[^1]:G3} s");
        // the rate is exactly zero between the thresholds: any motion at all is a defect
        Assert.All(x, v => Assert.Equal(0.5, v));
    }

    [Theory]
    [InlineData(0.5, 0.8)]
    [InlineData(-0.45, 0.2)]
    public void DriftRateAboveThreshold_MatchesTheVteamFormula(double volts, double x0)
    {
        var rate = volts > VOff ? KOff * Math.Pow(volts / VOff - 1, AOff) : KOn * Math.Pow(volts / VOn - 1, AOn);
        const double stop = 5e-6;
        var run = Run(volts, x0, stop);
        var w = run["@m1[w]"];
        var r = run["@m1[r]"];
        // w = w_on at R = R_on, so the initial w follows from x0 = (R_off − R)/(R_off − R_on)
        var w0 = WOn + (1 - x0) * (WOff - WOn);
        Assert.Equal(w0, w[0], 1e-18);
        double worst = 0;
        for (var n = 0; n < w.Length; n++) worst = Math.Max(worst, Math.Abs(w[n] - (w0 + rate * run.Scale[n])));
        var travel = Math.Abs(rate) * stop;
        var measured = (w[^1] - w[0]) / (run.Scale[^1] - run.Scale[0]);
        output.WriteLine($"v = {volts} V: dw/dt = {measured:E6} m/s, formula {rate:E6} m/s; max |w − w_exact| / travel = {worst / travel:E2}; R {r[0]:F1} → {r[^1]:F1} Ω");
        // constant voltage and no window: ẇ is constant, which the Runge–Kutta integration reproduces to round-off
        Assert.True(worst / travel < 1e-9, $"w deviates from the linear drift by {worst / travel:E2} of the travel");
        // the resistance moves the right way: towards R_off for v > v_off, towards R_on for v < v_on
        Assert.True(volts > 0 ? r[^1] > r[0] : r[^1] < r[0]);
    }
}
