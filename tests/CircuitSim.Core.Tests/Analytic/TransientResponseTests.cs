using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using Xunit.Abstractions;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>Linear transients against their closed forms.</summary>
public class TransientResponseTests(ITestOutputHelper output)
{
    private const double R = 1e3, C = 1e-9, Tau = R * C, Rise = 1e-9;

    /// <summary>Response of an RC low-pass to a 0→1 V ramp of duration tr that then holds (exact for a PULSE edge).</summary>
    private static double RampStepResponse(double t)
    {
        if (t <= 0) return 0;
        if (t <= Rise) return (t - Tau * (1 - Math.Exp(-t / Tau))) / Rise;
        return 1 - Tau / Rise * (Math.Exp(-(t - Rise) / Tau) - Math.Exp(-t / Tau));
    }

    [Fact]
    public void Rc_StepResponseFollowsOneMinusExp()
    {
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", new Pulse(0, 1, 0, Rise, Rise, 1, 0)),
            new Resistor("R1", "in", "out", R),
            new Capacitor("C1", "out", "0", C));
        var trace = Run.Record(new Transient(c, 10e-9, 5 * Tau), "v(out)");

        var error = Run.MaxError(trace, 0, RampStepResponse);
        output.WriteLine($"{trace.Count} points, max error {error:E3}");
        Assert.Equal(5 * Tau, trace.Scale[^1]);
        // trapezoidal global error for a decay at step h = τ/100: (h/τ)²/12 · max(t/τ·e^{−t/τ}) = 3.1e-6
        Assert.True(error < 1e-5, $"max error {error}");
    }

    [Fact]
    public void Series_RlcRingsAsTheUnderdampedClosedForm()
    {
        const double r = 10, l = 1e-6, cap = 1e-9;
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", 1.0),
            new Resistor("R1", "in", "a", r),
            new Inductor("L1", "a", "b", l),
            new Capacitor("C1", "b", "0", cap));
        var alpha = r / (2 * l);
        var w0 = 1 / Math.Sqrt(l * cap);
        var wd = Math.Sqrt(w0 * w0 - alpha * alpha);
        double Expected(double t) => 1 - Math.Exp(-alpha * t) * (Math.Cos(wd * t) + alpha / wd * Math.Sin(wd * t));

        // tstep 1 ns caps the step at T/200 of the 5 MHz ringing
        var trace = Run.Record(new Transient(c, 1e-9, 2e-6, useInitialConditions: true), "v(b)");

        var error = Run.MaxError(trace, 0, Expected);
        output.WriteLine($"{trace.Count} points, max error {error:E3}");
        // trapezoidal phase error (ωh)²/12 per radian ≈ 8e-5, times ωt ≈ 8 at the first peaks, times the 1.3 V swing:
        // ≈ 8e-4 at worst (measured 1.9e-4)
        Assert.True(error < 1e-3, $"max error {error}");
    }
}

