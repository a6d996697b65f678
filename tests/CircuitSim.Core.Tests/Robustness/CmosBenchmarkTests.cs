using CircuitSim.Core.Analyses;
using CircuitSim.Core.Tests.Support;
using Xunit.Abstractions;
using static CircuitSim.Core.Tests.Support.CmosCircuits;

namespace CircuitSim.Core.Tests.Robustness;

/// <summary>
/// The CMOS benchmark circuits find their operating point and run a transient, checked against ngspice 39.3's
/// results for the same netlists (reference/ngspice and bench/reference under /work/shared, copied in
/// tests/references). The timing tolerance is the netlists' own *@time_tol.
/// </summary>
public class CmosBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void RingOscillatorOperating_PointWithIcMatchesNgspice()
    {
        var sim = new Transient(RingOscillator(), 5e-12, 10e-12);
        sim.InitialConditions["n1"] = 0;
        var trace = Run.Record(sim, "v(n1)", "v(n2)", "v(n3)", "v(n4)", "v(n5)", "i(vdd)");

        // ngspice's t = 0 row: n1 held at 0 V, the ring settles around it
        Assert.Equal(0, trace.Scale[0]);
        Assert.Equal(0, trace[0][0], 1e-12);
        // node voltages within Newton's RELTOL·|v| + VNTOL of ngspice's (same model, same equations)
        Assert.Equal(3.299999994483, trace[1][0], 3.3e-3);
        Assert.Equal(5.304487174458e-09, trace[2][0], 1e-6);
        Assert.Equal(3.299999994483, trace[3][0], 3.3e-3);
        Assert.Equal(5.304486920731e-09, trace[4][0], 1e-6);
        // the supply current is X5's saturated PMOS feeding the held node: within RELTOL
        Assert.Equal(-8.985000127371e-04, trace[5][0], 8.985e-7);
    }

    [Fact]
    public void Ring_OscillatorOscillatesWithNgspiceEdgeTimes()
    {
        var sim = new Transient(RingOscillator(), 5e-12, 2.6e-9);
        sim.InitialConditions["n1"] = 0;
        var trace = Run.Record(sim, "v(n1)");

        var edges = Crossings(trace.Scale, trace[0], 1.65);
        output.WriteLine($"{trace.Count} points; n1 crosses 1.65 V at {string.Join(", ", edges.Select(t => $"{t * 1e12:F2} ps"))}; {sim.Statistics}");
        // ngspice 39.3 (reference CSV, interpolated): 108.59 ps rising, 1252.28 ps falling, 2383.40 ps rising
        Assert.Equal(3, edges.Count);
        Assert.Equal(108.59e-12, edges[0], 20e-12);
        Assert.Equal(1252.28e-12, edges[1], 20e-12);
        Assert.Equal(2383.40e-12, edges[2], 20e-12);
    }

    [Fact]
    public void FiftyInverterChainOperating_PointMatchesNgspice()
    {
        var trace = Run.Record(new Transient(InverterChain(), 10e-12, 20e-12), "v(n25)", "v(n50)", "i(vdd)");

        Assert.Equal(3.299999988967, trace[0][0], 3.3e-3);
        Assert.Equal(1.060897433886e-08, trace[1][0], 1e-6);
        // the supply delivers only the junction leakage: GMIN·3.3 V per inverter, 50 of them (−1.655e-10 A)
        Assert.Equal(-1.654999878075e-10, trace[2][0], 1e-3 * 1.655e-10 + 1e-12);
    }

    [Fact]
    public void Fifty_InverterChainPropagatesTheEdgeWithNgspiceDelay()
    {
        var sim = new Transient(InverterChain(), 10e-12, 5.6e-9);
        var trace = Run.Record(sim, "v(n25)");

        var edges = Crossings(trace.Scale, trace[0], 1.65);
        output.WriteLine($"{trace.Count} points; n25 crosses 1.65 V at {string.Join(", ", edges.Select(t => $"{t * 1e12:F2} ps"))}; {sim.Statistics}");
        // ngspice 39.3: n25 first falls through 1.65 V at 5293.83 ps
        Assert.Single(edges);
        Assert.Equal(5293.83e-12, edges[0], 20e-12);
    }
}
