using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Circuits;

/// <summary>i(name) reads an element's current, whether or not the element has a branch unknown.</summary>
public class CurrentProbeTests
{
    [Fact]
    public void CurrentOfACurrentBSource_IsTheCurrentItDrives()
    {
        // 2 V through 1 kΩ into a 1 mS behavioural conductance: v(p) = 1 V, 1 mA from p through B1 to ground
        var sim = new OperatingPoint(new Circuit(
            new VoltageSource("V1", "in", "0", 2),
            new Resistor("R1", "in", "p", 1e3),
            new BehavioralSource("B1", "p", "0", BehavioralKind.Current, "1e-3*v(p)")));

        var trace = Run.Record(sim, "i(b1)");

        // a linear circuit solved by LU: round-off only
        Assert.Equal(1e-3, trace.Values[0][0], 1e-15);
    }
}
