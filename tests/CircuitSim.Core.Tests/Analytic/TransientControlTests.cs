using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using Xunit.Abstractions;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>Transient controls: inductor initial current, tstart, the maximum step, repeated runs.</summary>
public class TransientControlTests
{
    private const double R = 1e3, C = 1e-9, Tau = R * C;

    private static Circuit RcStep() => new(
        new VoltageSource("V1", "in", "0", new Pulse(0, 1, 0, 1e-9, 1e-9, 1, 0)),
        new Resistor("R1", "in", "out", R),
        new Capacitor("C1", "out", "0", C));

    [Fact]
    public void Uic_StartsAnInductorFromItsInitialCurrent()
    {
        const double l = 1e-3, r = 100;
        var circuit = new Circuit(
            new Inductor("L1", "a", "0", l) { InitialCondition = 2e-3 },
            new Resistor("R1", "a", "0", r));
        var trace = Run.Record(new Transient(circuit, 0.1e-6, 50e-6, useInitialConditions: true), "i(l1)", "v(a)");

        // i(L1) flows from a through L1: the current decays as 2 mA·e^{−tR/L}, and v(a) = −R·i
        var error = Run.MaxError(trace, 0, t => 2e-3 * Math.Exp(-t * r / l));
        Assert.True(error < 2e-3 * 1e-5, $"max error {error}"); // trapezoidal at h = τ/100: < 1e-5 of the amplitude
        Assert.Equal(-r * trace[0][^1], trace[1][^1], 1e-12);
    }

    [Fact]
    public void Output_StartsAtTstart()
    {
        var trace = Run.Record(new Transient(RcStep(), 10e-9, 5 * Tau, start: 2 * Tau), "v(out)");

        Assert.True(trace.Scale[0] >= 2 * Tau);
        Assert.True(trace.Scale[0] < 2 * Tau + 10e-9, "the first exported point is the first one at or after tstart");
        Assert.Equal(5 * Tau, trace.Scale[^1]);
    }

    [Fact]
    public void No_StepExceedsTheMaximumStep()
    {
        var times = Run.Record(new Transient(RcStep(), 100e-9, 5 * Tau, maxStep: 7e-9), "v(out)").Scale;
        var largest = times.Zip(times.Skip(1), (a, b) => b - a).Max();
        Assert.True(largest <= 7e-9 * (1 + 1e-12), $"largest step {largest}");
    }

    [Fact]
    public void MaxstepOption_AppliesWhenTheAnalysisGivesNone()
    {
        var options = new SimulationOptions { MaxStep = 3e-9 };
        var sim = new Transient(RcStep(), 100e-9, 1e-6, options: options);
        Assert.Equal(3e-9, sim.MaxStep);
        Assert.Equal(Math.Min(100e-9, 1e-6 / 50), new Transient(RcStep(), 100e-9, 1e-6).MaxStep);
        // and the run obeys it
        var times = Run.Record(sim, "v(out)").Scale;
        Assert.Equal(1e-6, times[^1], 1e-18);
        Assert.True(times.Zip(times.Skip(1), (a, b) => b - a).Max() <= 3e-9 * (1 + 1e-12));
    }

    [Fact]
    public void RunningATransientTwice_GivesTheSameWaveform()
    {
        var sim = new Transient(RcStep(), 10e-9, 2 * Tau);
        var first = Run.Record(sim, "v(out)");
        var second = Run.Record(sim, "v(out)");

        Assert.Equal(first.Scale, second.Scale);
        Assert.Equal(first[0], second[0]);
    }
}
