using CircuitSim.Magnetics;
using Xunit.Abstractions;

namespace CircuitSim.Magnetics.Tests;

/// <summary>The checks of docs/physics.md §2.7 that every LLG integrator must pass (macrospin, no current).</summary>
public class LlgIntegratorChecksTests(ITestOutputHelper output)
{
    private const double Ms = 8e5;          // A/m
    private const double Volume = 1e-24;    // m³ (only scales energies)
    private const double H = 1e5;           // A/m, applied along z

    // Tight DP tolerances so the integrator error sits well below each check's bound.
    private static readonly DormandPrinceOptions Tight = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-11 };

    private static LlgSystem Macrospin(double alpha, Vec3 field)
        => new LlgSystem(1, alpha).Add(new ZeemanField(1, Ms, Volume, field));

    /// <summary>Heun sub-step as a fraction of the precession period scale 1/(γ0 H).</summary>
    private static double HeunStep(double omegaDt) => omegaDt / (Physics.Gamma0 * H);

    [Theory]
    [InlineData(LlgIntegrator.DormandPrince)]
    [InlineData(LlgIntegrator.Heun)]
    public void Precession_FrequencyIsGamma0HOver2PiOnePlusAlphaSquared(LlgIntegrator kind)
    {
        const double alpha = 0.01;
        var sys = Macrospin(alpha, new Vec3(0, 0, H));
        // Heun's phase error per step is (ω dt)³/6, i.e. a relative frequency error (ω dt)²/6 ≈ 4e-6 at ω dt = 0.005.
        var run = new LlgRunner(sys, kind, HeunStep(0.005), Tight);
        double fExpected = Physics.Gamma0 * H / (2 * Math.PI * (1 + alpha * alpha));
        double period = 1 / fExpected;
        double[] m = new double[3];
        InterleavedVectors.Set(m, 0, Physics.Direction(Math.PI / 3, 0));

        // Unwrap the azimuth in eighth-period chunks over 20 periods.
        double phase = 0, last = 0, t = 0;
        const int chunks = 20 * 8;
        for (int c = 0; c < chunks; c++)
        {
            double t1 = (c + 1) * period / 8;
            run.Advance(t, t1, m);
            t = t1;
            double a = Math.Atan2(m[1], m[0]);
            double d = a - last;
            if (d < -Math.PI) d += 2 * Math.PI;
            if (d > Math.PI) d -= 2 * Math.PI;
            phase += d;
            last = a;
        }
        double fMeasured = phase / (2 * Math.PI * t);
        double relativeError = Math.Abs(fMeasured / fExpected - 1);
        output.WriteLine($"[{kind}] precession f = {fMeasured:G10} Hz, expected {fExpected:G10} Hz, relative error {relativeError:E2}");
        // docs/physics.md §2.7 bound: 1e-4 relative.
        Assert.True(relativeError < 1e-4, $"relative frequency error {relativeError:E3}");
    }

    [Theory]
    [InlineData(LlgIntegrator.DormandPrince)]
    [InlineData(LlgIntegrator.Heun)]
    public void DampedTrajectory_FollowsTanhLaw(LlgIntegrator kind)
    {
        const double alpha = 0.1;
        const double mz0 = -0.99;
        var sys = Macrospin(alpha, new Vec3(0, 0, H));
        // Heun global error scales as (ω dt)²; 2e-4 keeps it near 1e-8, far under the 1e-6 bound.
        var run = new LlgRunner(sys, kind, HeunStep(2e-4), Tight);
        double rate = alpha * Physics.Gamma0 * H / (1 + alpha * alpha);
        double[] m = new double[3];
        InterleavedVectors.Set(m, 0, Physics.Direction(Math.Acos(mz0), 0.3));

        double worst = 0, t = 0;
        double tEnd = 6 / rate; // m_z goes from −0.99 to ≈ +0.99998
        const int samples = 200;
        for (int s = 1; s <= samples; s++)
        {
            double t1 = tEnd * s / samples;
            run.Advance(t, t1, m);
            t = t1;
            double expected = Math.Tanh(rate * t + Math.Atanh(mz0));
            worst = Math.Max(worst, Math.Abs(m[2] - expected));
        }
        output.WriteLine($"[{kind}] tanh law max |m_z − tanh(...)| = {worst:E2}");
        // docs/physics.md §2.7 bound: 1e-6.
        Assert.True(worst < 1e-6, $"max error {worst:E3}");
    }

    [Theory]
    [InlineData(LlgIntegrator.DormandPrince)]
    [InlineData(LlgIntegrator.Heun)]
    public void UnitLength_DriftStaysBelow1e9_OverLongRun(LlgIntegrator kind)
    {
        // Anisotropy + tilted field so the motion is not a trivial cone; default DP tolerances; Heun at ω dt = 0.02.
        var sys = new LlgSystem(1, 0.001)
            .Add(new ZeemanField(1, Ms, Volume, new Vec3(0.3 * H, 0, 0.5 * H)))
            .Add(new UniaxialAnisotropyField(1, Ms, Volume, Vec3.UnitZ, H));
        var run = new LlgRunner(sys, kind, HeunStep(0.02));
        double[] m = new double[3];
        InterleavedVectors.Set(m, 0, Physics.Direction(2.0, 0.4));
        double period = 2 * Math.PI / (Physics.Gamma0 * H);
        double worst = 0, t = 0;
        for (int c = 1; c <= 1000; c++) // 1000 periods, one Advance per period like a circuit step
        {
            run.Advance(t, c * period, m);
            t = c * period;
            worst = Math.Max(worst, InterleavedVectors.MaxNormDeviation(m));
        }
        output.WriteLine($"[{kind}] max | |m| − 1 | over 1000 periods = {worst:E2}");
        // docs/physics.md §2.7 bound: 1e-9.
        Assert.True(worst < 1e-9, $"drift {worst:E3}");
    }

    [Theory]
    [InlineData(LlgIntegrator.DormandPrince)]
    [InlineData(LlgIntegrator.Heun)]
    public void Energy_NeverIncreases_WithDampingAndNoCurrent(LlgIntegrator kind)
    {
        var sys = new LlgSystem(1, 0.05)
            .Add(new ZeemanField(1, Ms, Volume, new Vec3(0.4 * H, 0.1 * H, 0.2 * H)))
            .Add(new UniaxialAnisotropyField(1, Ms, Volume, Vec3.UnitZ, H));
        var run = new LlgRunner(sys, kind, HeunStep(0.01), Tight);
        double[] m = new double[3];
        InterleavedVectors.Set(m, 0, Physics.Direction(2.8, 1.0));
        double scale = Physics.Mu0 * Ms * Volume * H; // J, energy scale of the problem
        double period = 2 * Math.PI / (Physics.Gamma0 * H);
        double e = sys.Energy(m), eStart = e, worstRise = double.NegativeInfinity, t = 0;
        for (int c = 1; c <= 4000; c++) // 250 periods in 1/16-period samples
        {
            double t1 = c * period / 16;
            run.Advance(t, t1, m);
            t = t1;
            double eNew = sys.Energy(m);
            worstRise = Math.Max(worstRise, (eNew - e) / scale);
            e = eNew;
        }
        output.WriteLine($"[{kind}] energy fell by {(eStart - e) / scale:G4} μ0MsVH; largest step-to-step rise {worstRise:E2} μ0MsVH");
        Assert.True(e < eStart - 0.2 * scale, "the run must actually relax"); // it falls by ≈ 0.41
        // Round-off in E is ~1e-16 of the scale; allow 1e-13 so only a real rise fails.
        Assert.True(worstRise <= 1e-13, $"energy rose by {worstRise:E3} μ0 Ms V H");
    }
}
