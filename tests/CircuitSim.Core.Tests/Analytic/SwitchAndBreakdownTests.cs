using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using CircuitSim.Devices.Switches;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>Switch hysteresis, diode breakdown, and analysis targets that do not exist.</summary>
public class SwitchAndBreakdownTests
{
    private const double Vt = 1.0, Vh = 0.3;

    private static Circuit SwitchedDivider(Waveform control) => new(
        new VoltageSwitchModel("sw") { Threshold = Vt, Hysteresis = Vh, OnResistance = 1, OffResistance = 1e6 },
        new VoltageSource("Vc", "c", "0", control, 0),
        new Resistor("Rc", "c", "0", 1e3),
        new VoltageSource("V1", "in", "0", 1),
        new Resistor("R1", "in", "out", 1e3),
        new VoltageSwitch("S1", "out", "0", "c", "0", "sw"));

    [Fact]
    public void Voltage_SwitchTurnsOnAboveVtPlusVhAndOffBelowVtMinusVh()
    {
        // a triangle 0 → 2 → 0 V over 2 µs
        var control = new PiecewiseLinear(new[] { 0, 1e-6, 2e-6 }, new[] { 0, 2, 0.0 });
        var trace = Run.Record(new Transient(SwitchedDivider(control), 10e-9, 2e-6), "v(c)", "@s1[state]");

        for (var k = 0; k < trace.Count; k++)
        {
            var rising = trace.Scale[k] <= 1e-6;
            var c = trace[0][k];
            var on = trace[1][k] != 0;
            // inside the band the switch keeps its state; a point can only be off by the one step it takes to react
            if (rising && c < Vt + Vh - 0.03) Assert.False(on, $"on at {c} V while rising");
            if (rising && c > Vt + Vh + 0.03) Assert.True(on, $"off at {c} V while rising");
            if (!rising && c > Vt - Vh + 0.03) Assert.True(on, $"off at {c} V while falling");
            if (!rising && c < Vt - Vh - 0.03) Assert.False(on, $"on at {c} V while falling");
        }
    }

    [Fact]
    public void DcSweepOfAHysteretic_SwitchTracesTheLoop()
    {
        var c = SwitchedDivider(new Pulse(0, 0));
        var up = Enumerable.Range(0, 21).Select(k => k * 0.1);
        var values = up.Concat(up.Reverse()).ToArray();
        var trace = Run.Record(new DcSweep(c, new SweepSpec("Vc", values)), "v(out)");

        for (var k = 0; k < values.Length; k++)
        {
            var rising = k <= 20;
            var expectedOn = rising ? values[k] > Vt + Vh : values[k] > Vt - Vh;
            var vout = trace[0][k];
            // on: 1 Ω against 1 kΩ (≈ 1 mV); off: 1 MΩ against 1 kΩ (≈ 0.999 V)
            Assert.True(expectedOn ? vout < 0.01 : vout > 0.99, $"point {k}: control {values[k]} V, out {vout} V");
        }
    }

    [Fact]
    public void Diode_CarryingIbvInReverseSitsAtMinusBv()
    {
        const double bv = 5.6, ibv = 2e-3;
        var c = new Circuit(
            new DiodeModel("z") { BreakdownVoltage = bv, BreakdownCurrent = ibv },
            new CurrentSource("I1", "0", "k", ibv),
            new Diode("D1", "0", "k", "z"));
        var trace = Run.Record(new OperatingPoint(c), "v(k)");

        // the breakdown knee is placed so that i(−BV) = IBV (less IS·BV/vt ≈ 2 pA); Newton leaves RELTOL·|v|
        Assert.Equal(bv, trace[0][0], 1e-3 * bv);
    }

    [Fact]
    public void RepeatingPwlCorners_AreTimePoints()
    {
        var times = new[] { 0, 0.2e-6, 0.5e-6, 1e-6 };
        var pwl = new PiecewiseLinear(times, new[] { 0, 1, -1, 0.0 }, repeatFrom: 0.2e-6, delay: 0.1e-6);
        var c = new Circuit(new VoltageSource("V1", "in", "0", pwl, 0), new Resistor("R1", "in", "0", 1e3));
        var points = Run.Record(new Transient(c, 20e-9, 3e-6), "v(in)").Scale;

        // the first pass at t + td, then every 0.8 µs period the corners after r, computed as the source does
        var start = times[^1] + 0.1e-6;
        var corners = times.Where(t => t > 0).Select(t => t + 0.1e-6).ToList();
        for (var k = 0; start + k * 0.8e-6 <= 3e-6; k++)
            foreach (var t in times.Where(t => t > 0.2e-6))
            {
                var corner = t + (start + k * 0.8e-6 - 0.2e-6);
                if (corner < 3e-6) corners.Add(corner);
            }
        foreach (var corner in corners) Assert.True(points.Contains(corner), $"no time point at {corner:R}");
    }

    [Fact]
    public void IcOnAMissingNode_IsNamed()
    {
        var sim = new Transient(new Circuit(new VoltageSource("V1", "a", "0", 1), new Resistor("R1", "a", "0", 1)), 1e-9, 1e-8);
        sim.InitialConditions["nowhere"] = 1;
        var e = Assert.Throws<CircuitException>(sim.Setup);
        Assert.Contains(".ic", e.Message);
        Assert.Contains("'nowhere'", e.Message);
    }

    [Theory]
    [InlineData("Vnone", "no source or device named 'Vnone'")]
    [InlineData("C1", "cannot be swept")]
    [InlineData("R1[tc1]", "no sweepable parameter 'tc1'")]
    public void Dc_SweepOfSomethingUnsweepableSaysWhy(string target, string message)
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "b", 1e3),
            new Capacitor("C1", "b", "0", 1e-9),
            new Resistor("R2", "b", "0", 1e3));
        var e = Assert.Throws<CircuitException>(() => Run.Record(new DcSweep(c, new SweepSpec(target, 0, 1, 1)), "v(b)"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void NodesetOnASourceDrivenNode_DoesNotChangeTheAnswer()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 2),
            new Resistor("R1", "a", "b", 1e3),
            new Resistor("R2", "b", "0", 1e3));
        var sim = new OperatingPoint(c);
        sim.Nodesets["a"] = -7;
        sim.Nodesets["b"] = 5;
        var trace = Run.Record(sim, "v(a)", "v(b)");

        Assert.Equal(2, trace[0][0], 1e-9); // linear circuit: exact once the nodesets are released
        Assert.Equal(1, trace[1][0], 1e-9);
    }
}
