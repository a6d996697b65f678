using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Robustness;

/// <summary>
/// A MOS1 operating point takes ngspice's Newton path, not only its solution: the iteration counts below are ngspice
/// 39.3's "Total iterations" (<c>rusage all</c> after <c>op</c>) on the same circuits, with the level-1 cards of the
/// reference netlists. Limiting decides the path, so a limiting detail that differs shows here even where both
/// programs end at the same operating point (e.g. SPICE limits the bulk–drain junction of a reverse-mode step from
/// the iterate's vbs − vds before the FET limiting changes vds).
/// </summary>
public class NgspiceNewtonPathTests
{
    private static int OperatingPointIterations(Circuit circuit)
    {
        var sim = new OperatingPoint(circuit, new SimulationOptions { Bypass = false });
        _ = Run.Record(sim, "v(vdd)");
        return (int)sim.Statistics.NewtonIterations;
    }

    /// <summary>VDD 3.3 V, the input at 0 V, <paramref name="stages"/> inverters (3u/1u PMOS, 1u/1u NMOS).</summary>
    private static Circuit InverterChain(int stages)
    {
        var c = new Circuit(Models.Nmos(), Models.Pmos(), new VoltageSource("VDD", "vdd", "0", 3.3), new VoltageSource("VIN", "in", "0", 0.0));
        for (var k = 1; k <= stages; k++)
        {
            var input = k == 1 ? "in" : $"n{k - 1}";
            c.Add(new Mosfet1($"mp{k}", $"n{k}", input, "vdd", "vdd", "pm") { Width = 3e-6, Length = 1e-6 });
            c.Add(new Mosfet1($"mn{k}", $"n{k}", input, "0", "0", "nm") { Width = 1e-6, Length = 1e-6 });
        }
        return c;
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 7)]
    [InlineData(10, 25)]
    [InlineData(20, 65)]
    public void InverterChainOperatingPoint_TakesNgspicesIterations(int stages, int ngspiceIterations) =>
        Assert.Equal(ngspiceIterations, OperatingPointIterations(InverterChain(stages)));

    [Fact]
    public void LongInverterChainOperatingPoint_NeedsGminSteppingAsInNgspice()
    {
        // 30 stages: ngspice's direct Newton gives up after 100 iterations and dynamic gmin stepping finishes the
        // operating point (145 iterations in all)
        Assert.Equal(145, OperatingPointIterations(InverterChain(30)));
    }

    [Fact]
    public void PmosWithResistorLoadOperatingPoint_TakesNgspicesIterations()
    {
        // a reverse-mode step (the drain above the source) with the bulk–drain junction limited from the unlimited vds
        var c = new Circuit(Models.Pmos(), new VoltageSource("VDD", "vdd", "0", 3.3), new VoltageSource("VIN", "in", "0", 0.0),
            new Mosfet1("mp1", "n1", "in", "vdd", "vdd", "pm") { Width = 3e-6, Length = 1e-6 },
            new Resistor("rn1", "n1", "0", 20e3));
        Assert.Equal(11, OperatingPointIterations(c));
    }
}
