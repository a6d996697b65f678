using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.TimeIntegration;

/// <summary>A transient step of a linear circuit is solved once (its first solution is exact); a nonlinear circuit
/// solves on every Newton iteration.</summary>
public class LinearStepTests
{
    [Fact]
    public void LinearCircuit_SolvesOncePerTransientStep()
    {
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", new Pulse(0, 1, 0, 1e-9, 1e-9, 1, 0)),
            new Resistor("R1", "in", "a", 1e3),
            new Inductor("L1", "a", "out", 1e-6),
            new Capacitor("C1", "out", "0", 1e-9));
        var sim = new Transient(c, 10e-9, 5e-6);
        var trace = Run.Record(sim, "v(out)");
        var s = sim.Statistics;

        Assert.True(trace.Count > 100, $"{trace.Count} points");
        // the operating point solves twice (its iterations confirm a solution as ngspice's do); every transient step,
        // accepted or rejected, once: and each step still loads twice, the second load storing the states at it
        var steps = s.AcceptedSteps + s.RejectedSteps;
        Assert.InRange(s.Solves, steps, steps + 2);
        Assert.True(s.NewtonIterations >= 2 * steps, $"{s.NewtonIterations} iterations for {steps} steps");
    }

    [Fact]
    public void NonlinearCircuit_SolvesOnEveryNewtonIteration()
    {
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", new Pulse(0, 1, 0, 1e-9, 1e-9, 1, 0)),
            new Resistor("R1", "in", "out", 1e3),
            new Diode("D1", "out", "0", "dmod"),
            new DiodeModel("dmod"),
            new Capacitor("C1", "out", "0", 1e-9));
        var sim = new Transient(c, 10e-9, 2e-6);
        var trace = Run.Record(sim, "v(out)");

        Assert.True(trace.Count > 100, $"{trace.Count} points");
        Assert.Equal(sim.Statistics.NewtonIterations, sim.Statistics.Solves);
    }
}
