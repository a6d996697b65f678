using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.DomainWall;

/// <summary>docs/physics.md §5.5 read-out: G = (q/L)·G_P + (1 − q/L)·G_AP(V), G_AP = G_P/(1 + TMR(V)), TMR(V) = TMR0/(1 + (V/V_h)²).</summary>
public class ConductanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Conductance_IsLinearInTheWallPositionAtFixedBias()
    {
        const double rp = 36, tmr0 = 0.95, vh = 0.5, bias = 0.2, length = 1e-6;
        var gp = 1 / rp;
        var gap = gp / (1 + tmr0 / (1 + bias / vh * (bias / vh)));
        var positions = Enumerable.Range(1, 9).Select(k => k * 0.1 * length).ToArray();
        var measured = positions.Select(q0 =>
        {
            // operating point: no time passes, so the wall stays where it was put
            var run = NetlistSimulation.Run($"""
                wall at {q0}
                V1 a 0 DC {bias}
                YDWMTJ m1 a 0 dw state=wall q0={q0}
                .model dw DWMTJ (l={length} rp={rp} tmr={tmr0} vh={vh})
                .op
                .end
                """, "i(v1)", "@m1[q]", "@m1[g]");
            Assert.Equal(q0, run["@m1[q]"][0], 1e-18);
            var g = -run["i(v1)"][0] / bias; // the source delivers the device current
            Assert.Equal(g, run["@m1[g]"][0], 1e-12 * g);
            return g;
        }).ToArray();

        var worst = positions.Zip(measured, (q, g) => Math.Abs(g / (q / length * gp + (1 - q / length) * gap) - 1)).Max();
        var (intercept, slope, residual) = Series.FitLine(positions, measured);
        output.WriteLine($"G_P = {gp * 1e3:F4} mS, G_AP(0.2 V) = {gap * 1e3:F4} mS; largest |G/G_formula − 1| = {worst:E2}; line fit: G(0) = {intercept * 1e3:F6} mS, G(L) = {(intercept + slope * length) * 1e3:F6} mS, largest residual {residual:E2} S");
        // the device evaluates exactly this formula: only round-off (and the operating point's exact source voltage)
        Assert.True(worst < 1e-12, $"largest relative deviation from the formula {worst:E2}");
    }
}
