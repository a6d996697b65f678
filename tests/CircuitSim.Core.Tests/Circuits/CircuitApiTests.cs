using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Circuits;

/// <summary>Building circuits and setting parameters through the C# API; probes and their errors.</summary>
public class CircuitApiTests
{
    [Fact]
    public void Parameters_AreSetByAnyOfTheirSpiceNames()
    {
        var r = new Resistor("R1", "a", "0", 1);
        Assert.True(r.SetParameter("TC", 2e-3));         // alias, any case
        Assert.Equal(2e-3, r.Tc1);
        var m = new MosfetModel("nm", MosfetType.Nmos);
        Assert.True(m.SetParameter("vt0", 0.7));
        Assert.Equal(0.7, m.Vto);
        var d = new Diode("D1", "a", "0", "dm");
        Assert.True(d.SetParameter("off", "yes"));
        Assert.True(d.Off);
    }

    [Fact]
    public void UnknownParameter_IsReportedAsNotSet()
    {
        Assert.False(new Resistor("R1", "a", "0", 1).SetParameter("nonsense", 1));
        Assert.Contains("tc1", ParameterRegistry.NamesOf(typeof(Resistor)));
    }

    [Fact]
    public void ParameterOfTheWrongKind_NamesTheParameterAndTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => new Diode("D1", "a", "0", "dm").SetParameter("off", "maybe"));
        Assert.Contains("'off'", e.Message);
        Assert.Contains("maybe", e.Message);
    }

    [Fact]
    public void Ground_HasThreeSpellings()
    {
        foreach (var g in new[] { "0", "gnd", "GND", "gnd!" }) Assert.True(Circuit.IsGround(g), g);
        Assert.False(Circuit.IsGround("ground"));
        var c = new Circuit(new VoltageSource("V1", "a", "GND", 1), new Resistor("R1", "a", "gnd!", 1e3));
        Assert.Equal(new[] { "a" }, c.NodeNames());
        Assert.Equal(1, Run.Record(new OperatingPoint(c), "v(a)")[0][0], 1e-12);
    }

    [Fact]
    public void Components_CanBeFoundAndRemovedByName()
    {
        var c = new Circuit(new Resistor("R1", "a", "0", 1), new DiodeModel("dm"));
        Assert.True(c.Contains("r1") && c.Contains("DM"));
        Assert.Same(c.Components[0], c["R1"]);
        Assert.True(c.Remove("R1"));
        Assert.Empty(c.Components);
        var e = Assert.Throws<KeyNotFoundException>(() => c["R1"]);
        Assert.Contains("R1", e.Message);
    }

    [Fact]
    public void ZeroResistance_IsRefusedWithAdvice()
    {
        var c = new Circuit(new VoltageSource("V1", "a", "0", 1), new Resistor("R1", "a", "0", 0));
        var e = Assert.Throws<CircuitException>(() => new OperatingPoint(c).Setup());
        Assert.Contains("R1", e.Message);
        Assert.Contains("0 V source", e.Message);
    }

    private static OperatingPoint Solved()
    {
        var c = new Circuit(
            new DiodeModel("dm"),
            new VoltageSource("V1", "in", "0", 5),
            new Resistor("R1", "in", "a", 1e3),
            new Diode("D1", "a", "0", "dm"));
        var sim = new OperatingPoint(c);
        return sim;
    }

    [Fact]
    public void Probes_ReadVoltagesDifferencesBranchCurrentsAndDeviceQuantities()
    {
        var sim = Solved();
        var trace = Run.Record(sim, "v(in)", "v(in,a)", "i(v1)", "i(r1)", "@d1[id]", "@R1[p]");

        var id = trace[4][0];
        Assert.Equal(5, trace[0][0], 1e-12);
        Assert.Equal(1e3 * id, trace[1][0], 1e-3 * 1e3 * id);  // Ohm's law within Newton's RELTOL
        Assert.Equal(-id, trace[2][0], 1e-3 * id);             // into V1's + terminal
        Assert.Equal(trace[1][0] / 1e3, trace[3][0], 1e-15);
        Assert.Equal(trace[1][0] * trace[1][0] / 1e3, trace[5][0], 1e-15);
    }

    [Theory]
    [InlineData("v(nowhere)", "nowhere")]
    [InlineData("i(r9)", "r9")]
    [InlineData("@d1[bogus]", "id")]      // lists what the device has
    [InlineData("@x1[id]", "x1")]
    [InlineData("q(a)", "q")]
    [InlineData("v(a,b,c)", "one or two")]
    [InlineData("volts", "expected")]
    public void Bad_probe_names_say_what_is_wrong(string probe, string mentioned)
    {
        var e = Assert.Throws<CircuitException>(() => Solved().CreateProbe(probe));
        Assert.Contains(probe, e.Message);
        Assert.Contains(mentioned, e.Message);
    }

    [Fact]
    public void DefaultProbes_AreEveryNodeVoltageAndBranchCurrent()
    {
        var names = Solved().DefaultProbeNames();
        Assert.Equal(new[] { "v(in)", "v(a)", "i(v1)" }, names);
    }

    [Fact]
    public void DcValueDrivesTheOperating_PointAndTheWaveformTheTransient()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", new Pulse(0.5, 1, 1e-9, 1e-9, 1e-9, 1e-9, 0), 2.0),
            new Resistor("R1", "a", "0", 1e3));
        Assert.Equal(2, Run.Record(new OperatingPoint(c), "v(a)")[0][0], 1e-12);
        Assert.Equal(0.5, Run.Record(new Transient(c, 1e-10, 1e-9), "v(a)")[0][0], 1e-12); // the waveform at t = 0
    }

    [Fact]
    public void Ac_PhaseRotatesTheSourcePhasor()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 0) { AcMagnitude = 2, AcPhase = 90 },
            new Resistor("R1", "a", "0", 1e3));
        var trace = Run.Record(new Ac(c, AcSweepKind.Linear, 1, 1e3, 1e3), "vr(a)", "vi(a)", "vm(a)", "vp(a)", "im(v1)");
        Assert.Equal(0, trace[0][0], 1e-12);
        Assert.Equal(2, trace[1][0], 1e-12);
        Assert.Equal(2, trace[2][0], 1e-12);
        Assert.Equal(90, trace[3][0], 1e-9);
        Assert.Equal(2e-3, trace[4][0], 1e-15);
    }

    [Fact]
    public void FindBehavior_AfterSetup_FindsEachComponentsOwnBehaviorBesideTheGroupBehaviors()
    {
        // the capacitors' shared batch is inserted among the behaviors after C1: R1 and C2 sit behind it
        var c = new Circuit(new VoltageSource("V1", "a", "0", 1), new Capacitor("C1", "a", "b", 1e-12),
            new Resistor("R1", "a", "b", 1e3), new Capacitor("C2", "b", "0", 1e-12), new Resistor("R2", "b", "0", 1e3));
        var sim = new Transient(c, 1e-9, 1e-8);

        sim.Setup();

        foreach (var component in c.Components)
            Assert.Equal(component.Name, sim.FindBehavior(component.Name)!.Name);
        Assert.Null(sim.FindBehavior("capacitors"));
    }
}
