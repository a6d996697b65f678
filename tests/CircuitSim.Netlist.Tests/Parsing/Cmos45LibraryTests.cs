using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Semiconductors.Bsim4;
using CircuitSim.Netlist.Running;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>models/cmos45_bsim4.lib: its typical-corner section reads as BSIM4 NMOS and PMOS cards and makes a working
/// inverter.</summary>
public class Cmos45LibraryTests
{
    private static string Library => Path.Combine(AppContext.BaseDirectory, "models", "cmos45_bsim4.lib").Replace('\\', '/');

    private static string Inverter(double input) => $"""
        inverter on cmos45_bsim4.lib
        .lib "{Library}" tt
        VDD vdd 0 1.0
        VIN in 0 {input.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        MP out in vdd vdd pch W=270n L=45n
        MN out in 0 0 nch W=90n L=45n
        .op
        """;

    [Fact]
    public void TypicalSection_DefinesBsim4NmosAndPmosCards()
    {
        var circuit = Read.Text(Inverter(0)).Circuit;

        var n = Assert.IsType<Bsim4Mosfet>(circuit["MN"]);
        var p = Assert.IsType<Bsim4Mosfet>(circuit["MP"]);
        Assert.True(circuit.TryGetModel(n.ModelName, out var nmos));
        Assert.True(circuit.TryGetModel(p.ModelName, out var pmos));
        Assert.Equal(MosfetType.Nmos, Assert.IsType<Bsim4Model>(nmos).Type);
        Assert.Equal(MosfetType.Pmos, Assert.IsType<Bsim4Model>(pmos).Type);
    }

    /// <summary>Within 10 mV of the rails: the off device leaks nA against the on device's tens of µA.</summary>
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.0)]
    public void Inverter_DrivesTheOutputToTheOppositeRail(double input, double expected)
    {
        var (outcomes, recorder) = new NetlistRunner(Read.Text(Inverter(input))).RunToMemory();

        Assert.Null(outcomes[0].Failure);
        Assert.Equal(expected, recorder.Plots[0]["v(out)"][0], 0.01);
    }
}
