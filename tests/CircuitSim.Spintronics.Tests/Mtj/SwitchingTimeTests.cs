using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.Mtj;

/// <summary>Switching time of the T = 0 macrospin under a DC current against the exact constant-η solution.</summary>
public class SwitchingTimeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1.5, 9.748e-9)]
    [InlineData(2.0, 5.393e-9)]
    [InlineData(3.0, 2.888e-9)]
    public void TimeToTheEquator_MatchesTheExactConstantEtaSolution(double ratio, double quoted)
    {
        var ic0 = MacrospinTheory.CriticalCurrent();
        // the default initial tilt is the 300 K thermal r.m.s. angle 1/√(2Δ), Δ(300 K) = 60 for this card
        var delta = MacrospinTheory.ThermalStability(300);
        var theta0 = 1 / Math.Sqrt(2 * delta);
        var exact = MacrospinTheory.TimeToEquator(ratio, theta0);
        // the formula reproduces the numbers quoted for this card (to their 4 digits)
        Assert.Equal(quoted, exact, 1e-12);

        var run = NetlistSimulation.Run($"""
            AP to P by a DC current
            I1 0 a DC {ratio * ic0}
            YMTJ m1 a 0 card state=ap
            .model card MTJ (diameter=40n tf=1.3n ms=1.1e6 alpha=0.01 eta=0.5 hk=2.201e5 etamode=constant)
            .tran 10p {2 * exact}
            .end
            """, "@m1[mz]", "@m1[theta]");

        var mz = run["@m1[mz]"];
        // the device starts at the default tilt (theta is the angle to p in degrees)
        Assert.Equal(180 - theta0 * 180 / Math.PI, run["@m1[theta]"][0], 1e-9);
        var t = Series.FirstCrossing(run.Scale, mz, 0);
        Assert.NotNull(t);
        var error = (t!.Value - exact) / exact;
        output.WriteLine($"I/Ic0 = {ratio}: Ic0 = {ic0 * 1e6:F3} µA, Δ = {delta:F2}, θ0 = {theta0:F4} rad; t(mz=0) = {t * 1e9:F4} ns, exact {exact * 1e9:F4} ns, error {error:E2}");
        // Error budget: the Runge–Kutta tolerance (1e-7), the linear interpolation of the m_z = 0 crossing between
        // accepted points, and Newton's last update (the trial is computed at the last iterate, which the converged
        // solution differs from by far less than RELTOL·|v|): ~2e-6 measured. Allowed: 1e-4, well below the 1 % the
        // step and device tolerances are usually granted.
        const double tolerance = 1e-4;
        Assert.True(Math.Abs(error) < tolerance, $"switching time {t:E4} s vs exact {exact:E4} s ({error:E2}, allowed {tolerance:E1})");
    }
}
