using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>.ic (held during the transient's operating point), .nodeset (a starting guess only) and UIC.</summary>
public class InitialConditionTests
{
    private const double R = 1e3, C = 1e-9, Tau = R * C;

    private static Circuit RcFromOneVolt() => new(
        new VoltageSource("V1", "in", "0", 1),
        new Resistor("R1", "in", "out", R),
        new Capacitor("C1", "out", "0", C));

    [Fact]
    public void Ic_HoldsTheNodeAtTheStartAndThenReleasesIt()
    {
        var sim = new Transient(RcFromOneVolt(), 10e-9, 5 * Tau);
        sim.InitialConditions["out"] = 0.25;
        var trace = Run.Record(sim, "v(out)", "v(in)");

        Assert.Equal(0, trace.Scale[0]);
        Assert.Equal(0.25, trace[0][0], 1e-12);        // the operating point solves with out forced to 0.25
        Assert.Equal(1, trace[1][0], 1e-12);           // the rest of the circuit is consistent with it
        // afterwards out relaxes from 0.25 to 1: trapezoidal at h = τ/100 (see the RC test): < 1e-5
        var error = Run.MaxError(trace, 0, t => 1 - 0.75 * Math.Exp(-t / Tau));
        Assert.True(error < 1e-5, $"max error {error}");
    }

    [Fact]
    public void Uic_StartsFromTheCapacitorInitialCondition()
    {
        var circuit = new Circuit(
            new Resistor("R1", "out", "0", R),
            new Capacitor("C1", "out", "0", C) { InitialCondition = 2 });
        var trace = Run.Record(new Transient(circuit, 10e-9, 5 * Tau, useInitialConditions: true), "v(out)");

        Assert.True(trace.Scale[0] > 0, "with UIC the t = 0 vector is not a solution and is not exported");
        var error = Run.MaxError(trace, 0, t => 2 * Math.Exp(-t / Tau));
        Assert.True(error < 2e-5, $"max error {error}"); // twice the 1 V RC bound
    }

    [Fact]
    public void Uic_TakesNodeVoltagesFromIcWhenTheCapacitorHasNone()
    {
        var circuit = new Circuit(new Resistor("R1", "out", "0", R), new Capacitor("C1", "out", "0", C));
        var sim = new Transient(circuit, 10e-9, 5 * Tau, useInitialConditions: true);
        sim.InitialConditions["out"] = -1.5;
        var trace = Run.Record(sim, "v(out)");

        var error = Run.MaxError(trace, 0, t => -1.5 * Math.Exp(-t / Tau));
        Assert.True(error < 2e-5, $"max error {error}");
    }

    /// <summary>Two cross-coupled inverters: both states are solutions; the nodeset picks which one Newton finds,
    /// and the answer is a true solution (nothing stays forced).</summary>
    [Theory]
    [InlineData(3.3, 0.0)]
    [InlineData(0.0, 3.3)]
    public void Nodeset_SelectsTheStateOfALatchWithoutForcingIt(double qSet, double expectedQb)
    {
        var circuit = new Circuit(Models.Nmos(), Models.Pmos(), new VoltageSource("Vdd", "vdd", "0", 3.3),
            new Mosfet1("MP1", "q", "qb", "vdd", "vdd", "pm") { Width = 6e-6, Length = 1e-6 },
            new Mosfet1("MN1", "q", "qb", "0", "0", "nm") { Width = 2e-6, Length = 1e-6 },
            new Mosfet1("MP2", "qb", "q", "vdd", "vdd", "pm") { Width = 6e-6, Length = 1e-6 },
            new Mosfet1("MN2", "qb", "q", "0", "0", "nm") { Width = 2e-6, Length = 1e-6 });
        var sim = new OperatingPoint(circuit);
        sim.Nodesets["q"] = qSet;
        sim.Nodesets["qb"] = 3.3 - qSet;
        var trace = Run.Record(sim, "v(q)", "v(qb)");

        // a stable state of the latch: the rails within the junction leakage (pA) over the on-device conductance
        Assert.Equal(qSet, trace[0][0], 1e-6);
        Assert.Equal(expectedQb, trace[1][0], 1e-6);
    }

    [Fact]
    public void Nodeset_IsOnlyAStartingPoint()
    {
        var sim = new OperatingPoint(RcFromOneVolt());
        sim.Nodesets["out"] = 0.2;
        var trace = Run.Record(sim, "v(out)");

        Assert.Equal(1, trace[0][0], 1e-9); // a linear circuit: Newton's second iterate is exact
    }
}
