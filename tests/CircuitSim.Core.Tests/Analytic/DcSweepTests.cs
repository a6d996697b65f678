using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Analytic;

public class DcSweepTests
{
    /// <summary>out = (v1 + v2)/2 through two equal resistors.</summary>
    private static Circuit Summer() => new(
        new VoltageSource("V1", "a", "0", 7),
        new VoltageSource("V2", "b", "0", 9),
        new Resistor("R1", "a", "out", 1e3),
        new Resistor("R2", "b", "out", 1e3));

    [Fact]
    public void Nested_sweep_varies_the_first_sweep_fastest()
    {
        var sim = new DcSweep(Summer(), new[] { new SweepSpec("V1", 0, 2, 1), new SweepSpec("V2", 0, 1, 0.5) });
        var v1 = new List<double>();
        var v2 = new List<double>();
        var scale = new List<double>();
        var indices = new List<int>();
        var output = sim.CreateProbe("v(out)");
        foreach (var p in sim.Run())
        {
            Assert.Equal((sim.SweepValues[0] + sim.SweepValues[1]) / 2, output.Value, 1e-12); // exact linear solve
            v1.Add(sim.SweepValues[0]);
            v2.Add(sim.SweepValues[1]);
            scale.Add(p.Scale);
            indices.Add(p.Index);
        }

        Assert.Equal(new double[] { 0, 1, 2, 0, 1, 2, 0, 1, 2 }, v1);
        Assert.Equal(new double[] { 0, 0, 0, 0.5, 0.5, 0.5, 1, 1, 1 }, v2);
        Assert.Equal(v1, scale);                      // the scale is the inner sweep
        Assert.Equal(Enumerable.Range(0, 9), indices);
        Assert.Equal("v1", sim.ScaleName);
    }

    [Fact]
    public void Sources_return_to_their_own_value_after_the_sweep()
    {
        var circuit = Summer();
        var sweep = new DcSweep(circuit, new SweepSpec("V1", 0, 1, 1));
        _ = Run.Record(sweep, "v(out)");

        var op = new OperatingPoint(circuit);
        var trace = Run.Record(op, "v(out)");
        Assert.Equal(8, trace[0][0], 1e-12);
    }

    [Fact]
    public void A_resistance_can_be_swept()
    {
        var circuit = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "out", 1e3),
            new Resistor("R2", "out", "0", 1e3));
        var trace = Run.Record(new DcSweep(circuit, new SweepSpec("R2", 1e3, 3e3, 1e3)), "v(out)");

        var expected = new[] { 0.5, 2.0 / 3, 0.75 };
        Assert.Equal(expected.Length, trace.Count);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], trace[0][k], 1e-12); // exact linear solve
    }
}
