using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using static CircuitSim.Core.Tests.Support.CmosCircuits;

namespace CircuitSim.Core.Tests.Bypass;

/// <summary>
/// Device bypass (ngspice's BYPASS, in a thousandth of its windows): idle diodes and MOSFETs re-stamp their last
/// linearization instead of evaluating again, and the answers stay those of the full evaluation.
/// </summary>
public class DeviceBypassTests
{
    private static SimulationOptions With(bool bypass) => new() { Bypass = bypass };

    [Fact]
    public void Bypass_IsOnByDefault()
    {
        // unlike ngspice 39 (whose numbers with the option unset are bypass=0's): our windows are narrow enough that
        // every reference still matches with it on
        Assert.True(new SimulationOptions().Bypass);
    }

    [Fact]
    public void InverterChain_BypassesIdleMosfets()
    {
        // the edge reaches about stage 8 in 2 ns: the other 32 inverters are idle
        var sim = new Transient(InverterChain(40), 10e-12, 2e-9, options: With(true));
        _ = Run.Record(sim, "v(n8)");

        // every time point's first (predictor) iteration evaluates, the later ones bypass the idle stages: over a fifth
        Assert.True(sim.Statistics.DeviceBypasses > sim.Statistics.DeviceLoads / 5,
            $"{sim.Statistics.DeviceBypasses} of {sim.Statistics.DeviceLoads} loads bypassed");
    }

    [Fact]
    public void InverterChain_WithoutBypass_EvaluatesEveryLoad()
    {
        var sim = new Transient(InverterChain(8), 10e-12, 5e-9, options: With(false));
        _ = Run.Record(sim, "v(n8)");

        Assert.True(sim.Statistics.DeviceLoads > 0);
        Assert.Equal(0, sim.Statistics.DeviceBypasses);
    }

    [Fact]
    public void InverterChain_EdgeTimes_AreThoseOfTheFullEvaluation()
    {
        var on = Run.Record(new Transient(InverterChain(8), 10e-12, 5e-9, options: With(true)), "v(n8)");
        var off = Run.Record(new Transient(InverterChain(8), 10e-12, 5e-9, options: With(false)), "v(n8)");

        var a = Crossings(on.Scale, on[0], 1.65);
        var b = Crossings(off.Scale, off[0], 1.65);
        Assert.NotEmpty(b);
        Assert.Equal(b.Count, a.Count);
        // 0.1 ps: 1 % of the 10 ps print step, a tenth of the time tolerance of the ngspice references
        for (var k = 0; k < a.Count; k++) Assert.InRange(a[k] - b[k], -0.1e-12, 0.1e-12);
    }

    /// <summary>A diode clamp driven by a slow sine: the diode sits at a fixed reverse or forward bias for long stretches.</summary>
    private static Circuit DiodeClamp() => new(
        new DiodeModel("dm") { JunctionCapacitance = 2e-12, TransitTime = 1e-9 },
        new VoltageSource("V1", "in", "0", new Sine(0, 2, 1e6), 0),
        new Resistor("R1", "in", "a", 1e3),
        new Diode("D1", "a", "0", "dm"),
        new Capacitor("C1", "a", "0", 1e-12));

    [Fact]
    public void DiodeClamp_BypassKeepsTheWaveform()
    {
        var onSim = new Transient(DiodeClamp(), 10e-9, 3e-6, options: With(true));
        var on = Run.Record(onSim, "v(a)");
        var off = Run.Record(new Transient(DiodeClamp(), 10e-9, 3e-6, options: With(false)), "v(a)");

        Assert.True(onSim.Statistics.DeviceBypasses > 0);
        Assert.Equal(off.Count, on.Count);
        // the bypass windows are a thousandth of Newton's tolerance: RELTOL·|v| + VNTOL ≈ 1e-3 V here, so 1e-6 V
        for (var k = 0; k < on.Count; k++) Assert.InRange(on[0][k] - off[0][k], -1e-6, 1e-6);
    }

    [Fact]
    public void OperatingPoint_BypassGivesTheSameSolution()
    {
        var on = new OperatingPoint(InverterChain(5), With(true));
        var off = new OperatingPoint(InverterChain(5), With(false));
        var a = Run.Record(on, "v(n1)", "v(n5)");
        var b = Run.Record(off, "v(n1)", "v(n5)");

        // VNTOL (1 µV) is the Newton tolerance of the node voltages
        Assert.Equal(b[0][0], a[0][0], 1e-6);
        Assert.Equal(b[1][0], a[1][0], 1e-6);
    }
}
