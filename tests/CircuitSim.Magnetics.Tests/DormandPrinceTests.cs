using CircuitSim.Magnetics;
using Xunit.Abstractions;

namespace CircuitSim.Magnetics.Tests;

public class DormandPrinceTests(ITestOutputHelper output)
{
    private static readonly DormandPrinceOptions Tight = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    [Fact]
    public void HarmonicOscillator_MatchesCosineOverTenPeriods()
    {
        var sys = new HarmonicOscillator(2 * Math.PI);
        var dp = new DormandPrince54(2, Tight);
        var state = new AdaptiveStepState();
        double[] y = { 1, 0 };
        double worst = 0;
        for (int c = 1; c <= 100; c++)
        {
            var r = dp.Advance(sys, (c - 1) * 0.1, c * 0.1, y, ref state);
            Assert.True(r.Succeeded);
            double t = c * 0.1;
            worst = Math.Max(worst, Math.Max(Math.Abs(y[0] - Math.Cos(2 * Math.PI * t)), Math.Abs(y[1] / (2 * Math.PI) + Math.Sin(2 * Math.PI * t))));
        }
        output.WriteLine($"harmonic oscillator, rtol 1e-10: max error over 10 periods {worst:E2}");
        // Local error per step ≤ 1e-10; global error over ~10³ steps stays below 1e-8.
        Assert.True(worst < 1e-8, $"max error {worst:E3}");
    }

    [Fact]
    public void Advance_LandsExactlyOnTheEndTime()
    {
        var dp = new DormandPrince54(2);
        var state = new AdaptiveStepState();
        double[] y = { 1, 0 };
        var r = dp.Advance(new HarmonicOscillator(3), 0.1, 0.7, y, ref state);
        Assert.Equal(IntegrationStatus.Completed, r.Status);
        Assert.Equal(0.7, r.TimeReached); // exact, not within rounding
        Assert.True(state.SuggestedStep > 0);
    }

    [Fact]
    public void RestartFromSavedState_IsBitIdentical()
    {
        var sys = new HarmonicOscillator(5);
        var dp = new DormandPrince54(2);
        var state = new AdaptiveStepState();
        double[] y = { 1, 0 };
        dp.Advance(sys, 0, 0.3, y, ref state);

        // Committed point: save (y, state). A trial with other parameters (a different Newton iterate) then rollback.
        double[] savedY = (double[])y.Clone();
        AdaptiveStepState savedState = state;
        dp.Advance(sys, 0.3, 0.5, y, ref state);
        double[] first = (double[])y.Clone();

        savedY.CopyTo(y, 0);
        state = savedState;
        sys.Omega = 7;
        dp.Advance(sys, 0.3, 0.5, y, ref state);
        sys.Omega = 5;

        savedY.CopyTo(y, 0);
        state = savedState;
        dp.Advance(sys, 0.3, 0.5, y, ref state);
        Assert.Equal(first, y);
    }

    [Fact]
    public void TwoVariableWallOde_MatchesAnalyticSolution()
    {
        // Wall-like scales: k = 1e9 s⁻¹, c = 10 m/s, d = 50 m/s, q in m. atol is set for q (≈ 1e-7 m).
        var sys = new TiltRelaxation(1e9, 10, 50);
        var dp = new DormandPrince54(2, new DormandPrinceOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-18 });
        var state = new AdaptiveStepState();
        double[] y = { 0, 0.6 };
        double worstQ = 0, worstPhi = 0;
        for (int c = 1; c <= 50; c++)
        {
            double t0 = (c - 1) * 0.1e-9, t1 = c * 0.1e-9;
            Assert.True(dp.Advance(sys, t0, t1, y, ref state).Succeeded);
            var (q, phi) = sys.Exact(0, 0.6, t1);
            worstQ = Math.Max(worstQ, Math.Abs(y[0] - q));
            worstPhi = Math.Max(worstPhi, Math.Abs(y[1] - phi));
        }
        output.WriteLine($"(q, φ) system: max |Δq| = {worstQ:E2} m, max |Δφ| = {worstPhi:E2} rad");
        // q reaches ≈ 5e-8 m, φ starts at 0.6: rtol 1e-10 leaves global errors near 1e-17 m and 1e-10 rad.
        Assert.True(worstQ < 1e-15, $"q error {worstQ:E3} m");
        Assert.True(worstPhi < 1e-8, $"φ error {worstPhi:E3}");
    }

    [Fact]
    public void DiscontinuousPinningRhs_IsIntegratedThroughTheJump()
    {
        // μ = 1 m s⁻¹ per A/m, H = 800 A/m < H_c = 1200 A/m: the wall enters the well and pins at q* = q_i + x_c H/H_c.
        const double mu = 1, h = 800, hc = 1200, qi = 300e-9, xc = 100e-9, q0 = 100e-9;
        var sys = new PinningWell(mu, h, hc, qi, xc);
        var dp = new DormandPrince54(1, new DormandPrinceOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-18 });
        var state = new AdaptiveStepState();
        double[] y = { q0 };
        double qEntry = qi - xc, tEntry = (qEntry - q0) / (mu * h), qStar = qi + xc * h / hc, rate = mu * hc / xc;
        double worst = 0;
        for (int c = 1; c <= 100; c++)
        {
            double t1 = c * 5e-11;
            var r = dp.Advance(sys, (c - 1) * 5e-11, t1, y, ref state);
            Assert.True(r.Succeeded, r.ToString());
            double exact = t1 <= tEntry ? q0 + mu * h * t1 : qStar + (qEntry - qStar) * Math.Exp(-rate * (t1 - tEntry));
            worst = Math.Max(worst, Math.Abs(y[0] - exact));
        }
        output.WriteLine($"pinning well: max |Δq| = {worst:E2} m, final q = {y[0]:E6} m, q* = {qStar:E6} m");
        // Across the jump the controller shrinks the step until the local error meets atol/rtol (≈ 1e-17 m);
        // 1e-13 m (1e-6 of the well size) leaves room for the error committed in the step that straddles it.
        Assert.True(worst < 1e-13, $"error {worst:E3} m");
    }

    [Fact]
    public void BlowUp_ReportsStepSizeTooSmallInsteadOfLooping()
    {
        var sys = new Blowup(); // y' = y², y(0) = 1: y = 1/(1 − t), singular at t = 1
        var dp = new DormandPrince54(1);
        var state = new AdaptiveStepState();
        double[] y = { 1 };
        var r = dp.Advance(sys, 0, 2, y, ref state);
        Assert.Equal(IntegrationStatus.StepSizeTooSmall, r.Status);
        // It gives up at the singularity (within 1e-3: the last accepted steps are ≪ 1e-3 long) with y enormous.
        Assert.InRange(r.TimeReached, 0.999, 1.001);
        Assert.True(y[0] > 1e6, $"y = {y[0]}");
    }

    [Fact]
    public void NaNDerivative_ReportsFailure()
    {
        var dp = new DormandPrince54(1);
        var state = new AdaptiveStepState();
        double[] y = { 1 };
        var r = dp.Advance(new NaNAfter(0.5), 0, 1, y, ref state);
        Assert.False(r.Succeeded);
        Assert.True(r.TimeReached <= 0.5);
    }

    [Fact]
    public void StepBudget_ReportsTooManySteps()
    {
        var dp = new DormandPrince54(2, new DormandPrinceOptions { MaxStepsPerAdvance = 10 });
        var state = new AdaptiveStepState();
        double[] y = { 1, 0 };
        var r = dp.Advance(new HarmonicOscillator(2 * Math.PI), 0, 100, y, ref state);
        Assert.Equal(IntegrationStatus.TooManySteps, r.Status);
    }

    private sealed class Blowup : IOdeSystem
    {
        public int Dimension => 1;
        public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = y[0] * y[0];
    }

    private sealed class NaNAfter(double tBad) : IOdeSystem
    {
        public int Dimension => 1;
        public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = t > tBad ? double.NaN : -y[0];
    }
}
