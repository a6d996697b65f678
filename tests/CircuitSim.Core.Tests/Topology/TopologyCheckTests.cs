using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using CircuitSim.Devices.Switches;

namespace CircuitSim.Core.Tests.Topology;

/// <summary>Circuits that cannot be simulated are refused before solving, with a message that names what to fix; circuits
/// ngspice would still run (a node without a DC path) get a warning that says so.</summary>
public class TopologyCheckTests
{
    private static CircuitException SetupFails(Simulation sim) => Assert.Throws<CircuitException>(sim.Setup);

    /// <summary>A node without a DC path is a warning, not a refusal: ngspice runs such circuits (gmin stepping, then
    /// its transient operating point), so the check says what is wrong and what to do instead of stopping.</summary>
    private static string FloatingWarning(Simulation sim)
    {
        sim.Setup();
        return Assert.Single(sim.Warnings, w => w.Contains("no DC path to ground"));
    }

    [Fact]
    public void NodeBetweenCapacitors_HasNoDcPathAndTheWarningSaysWhyAndWhatToDo()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "b", 1e3),
            new Capacitor("C1", "b", "mid", 1e-9),
            new Capacitor("C2", "mid", "0", 1e-9));
        var warning = FloatingWarning(new OperatingPoint(c));

        Assert.Contains("'mid'", warning);
        Assert.Contains("C1", warning);
        Assert.Contains("C2", warning);
        Assert.Contains("capacitors and current sources do not conduct at DC", warning);
        Assert.Contains(".options rshunt=", warning);
    }

    [Fact]
    public void NodeFedOnlyByACurrentSource_HasNoDcPath()
    {
        var c = new Circuit(
            new CurrentSource("I1", "0", "x", 1e-3),
            new Capacitor("C1", "x", "0", 1e-9));
        var warning = FloatingWarning(new Transient(c, 1e-9, 1e-6));

        Assert.Contains("'x'", warning);
        Assert.Contains("I1", warning);
        Assert.Contains("current sources do not conduct at DC", warning);
    }

    [Fact]
    public void FloatingNodeThat_StaysSingularFailsInTheSolverNamingTheNodeAndRshunt()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "b", 1e3),
            new Capacitor("C1", "b", "mid", 1e-9),
            new Capacitor("C2", "mid", "0", 1e-9));
        var e = Assert.Throws<SingularCircuitException>(() => Support.Run.Record(new OperatingPoint(c), "v(mid)"));

        Assert.Contains("'mid'", e.Message);
        Assert.Contains("rshunt", e.Message);
    }

    [Fact]
    public void Rshunt_GivesAFloatingNodeADcPathAndNoWarning()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "b", 1e3),
            new Capacitor("C1", "b", "mid", 1e-9),
            new Capacitor("C2", "mid", "0", 1e-9));
        var sim = new OperatingPoint(c, new SimulationOptions { Rshunt = 1e12 });
        var trace = Support.Run.Record(sim, "v(mid)", "v(b)", "i(v1)");

        Assert.Empty(sim.Warnings);
        Assert.Equal(0, trace[0][0]); // only its shunt holds it
        // v(b) = 1 V · 1e12 / (1e12 + 1e3); V1 feeds b's shunt and its own node's, 2e-12 A less 8e-21 A of rounding
        // (conductances 1e-3 and 1e-12 S in one matrix): ngspice 39 prints v1#branch = -1.99999999201e-12 for this
        // circuit with `.options rshunt=1e12`, op, print all; the same rounding here
        Assert.Equal(1e12 / (1e12 + 1e3), trace[1][0], 1e-15);
        Assert.Equal(-1.99999999201e-12, trace[2][0], 1e-22);
    }

    [Fact]
    public void Rshunt_IsInTheAcMatrixToo()
    {
        // ngspice 39 (.options rshunt=1e6, ac lin 1 1k 1k): two 1 MOhm dividers and the shunt give v(a) = 1/3
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", 1) { AcMagnitude = 1 },
            new Resistor("R1", "in", "a", 1e6),
            new Resistor("R2", "a", "0", 1e6));
        var sim = new Ac(c, Core.Analyses.AcSweepKind.Linear, 1, 1e3, 1e3, new SimulationOptions { Rshunt = 1e6 });
        var v = sim.CreateProbe("v(a)");
        var values = sim.Run().Select(_ => v.ComplexValue).ToList();

        Assert.Single(values);
        Assert.Equal(1.0 / 3, values[0].Real, 1e-15);
    }

    [Fact]
    public void CurrentSourceReadingItsOwnTerminals_IsADcPath()
    {
        // two behavioural memristors in anti-series (I = v(p,m)/R): 'mid' is reached only through them
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", 1),
            new BehavioralSource("B1", "in", "mid", BehavioralKind.Current, "v(in,mid)/1k"),
            new BehavioralSource("B2", "0", "mid", BehavioralKind.Current, "v(0,mid)/2k"));
        var sim = new OperatingPoint(c);
        var trace = Support.Run.Record(sim, "v(mid)");

        Assert.DoesNotContain(sim.Warnings, w => w.Contains("DC path"));
        Assert.Equal(2.0 / 3, trace[0][0], 1e-12); // a 1k/2k divider
    }

    [Fact]
    public void CurrentSourceReadingOnlyOtherVoltages_IsNotADcPath()
    {
        // a transconductance from 'in' into 'x': nothing fixes v(x)
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", 1),
            new Resistor("R1", "in", "0", 1e3),
            new BehavioralSource("B1", "x", "0", BehavioralKind.Current, "v(in)/1k"),
            new Capacitor("C1", "x", "0", 1e-9));
        var warning = FloatingWarning(new OperatingPoint(c));

        Assert.Contains("'x'", warning);
    }

    [Fact]
    public void CurrentSourceReadingItsOwnTerminalsOnlyThroughDdt_IsNotADcPath()
    {
        // I = C·dv/dt is a capacitor: at DC it carries nothing, so 'mid' between two of them floats
        var c = new Circuit(
            new VoltageSource("V1", "in", "0", 1),
            new BehavioralSource("B1", "in", "mid", BehavioralKind.Current, "1n*ddt(v(in,mid))"),
            new BehavioralSource("B2", "mid", "0", BehavioralKind.Current, "1n*ddt(v(mid))"));
        var warning = FloatingWarning(new OperatingPoint(c));

        Assert.Contains("'mid'", warning);
    }

    [Fact]
    public void CapacitorOnlyNode_IsAllowedInAUicTransient()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Capacitor("C1", "a", "mid", 1e-9),
            new Capacitor("C2", "mid", "0", 1e-9));
        var sim = new Transient(c, 1e-9, 1e-8, useInitialConditions: true);

        sim.Setup();
        Assert.Empty(sim.Warnings); // without a DC point the capacitors hold the node: no floating-node warning
        Assert.True(Support.Run.Record(sim, "v(mid)").Count > 1);
    }

    [Fact]
    public void LoopOfVoltageSources_ListsEverySourceOfTheLoop()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new VoltageSource("V2", "a", "b", 1),
            new Resistor("R1", "b", "c", 1e3),
            new VoltageSource("V3", "b", "0", 2),
            new Resistor("R2", "c", "0", 1e3));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("loop of voltage sources", e.Message);
        Assert.Contains("V1", e.Message);
        Assert.Contains("V2", e.Message);
        Assert.Contains("V3", e.Message);
        Assert.DoesNotContain("R1", e.Message);
    }

    [Fact]
    public void LoopThroughControlledVoltageSources_IsFound()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new VoltageControlledVoltageSource("E1", "a", "0", "a", "0", 2));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("V1", e.Message);
        Assert.Contains("E1", e.Message);
    }

    [Fact]
    public void VoltageSourceAcrossAnInductor_IsALoopAtDc()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Inductor("L1", "a", "0", 1e-6));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("V1", e.Message);
        Assert.Contains("L1", e.Message);
        Assert.Contains("inductors", e.Message);
    }

    [Fact]
    public void VoltageSourceAcrossAnInductor_IsAllowedInAUicTransient()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Inductor("L1", "a", "0", 1e-6));
        var trace = Support.Run.Record(new Transient(c, 1e-9, 1e-8, useInitialConditions: true), "i(l1)");

        // the inductor current ramps at V/L = 1e6 A/s; trapezoidal integrates a ramp exactly
        Assert.Equal(1e6 * trace.Scale[^1], trace[0][^1], 1e-9);
    }

    [Fact]
    public void ElementShortedOntoOneNode_IsNamed()
    {
        var c = new Circuit(new VoltageSource("V1", "a", "a", 1), new Resistor("R1", "a", "0", 1));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("V1", e.Message);
        Assert.Contains("'a'", e.Message);
    }

    [Fact]
    public void NodeWithASingleTerminal_IsAWarningNamingNodeAndElement()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "0", 1e3),
            new Resistor("Rdangle", "a", "stub", 1e3));
        var sim = new OperatingPoint(c);
        sim.Setup();

        var warning = Assert.Single(sim.Warnings);
        Assert.Contains("'stub'", warning);
        Assert.Contains("Rdangle", warning);
        Assert.Contains("only one terminal", warning);
    }

    [Fact]
    public void DuplicateComponent_NamesAreRefusedCaseInsensitively()
    {
        var c = new Circuit(new Resistor("R1", "a", "0", 1));
        var e = Assert.Throws<DuplicateNameException>(() => c.Add(new Capacitor("r1", "a", "0", 1e-9)));

        Assert.Equal("r1", e.EntityName);
        Assert.Contains("r1", e.Message);
    }

    [Fact]
    public void DuplicateModel_NamesAreRefused()
    {
        var c = new Circuit(new DiodeModel("dmod"));
        var e = Assert.Throws<DuplicateNameException>(() => c.Add(new DiodeModel("DMOD")));

        Assert.Contains("DMOD", e.Message);
    }

    [Fact]
    public void MissingModel_NamesTheDeviceAndTheModel()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Diode("D1", "a", "0", "nosuchmodel"));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Equal("D1", e.Component);
        Assert.Contains("D1", e.Message);
        Assert.Contains("nosuchmodel", e.Message);
    }

    [Fact]
    public void ModelOfTheWrongKind_NamesBothKinds()
    {
        var c = new Circuit(
            new MosfetModel("mm", MosfetType.Nmos),
            new VoltageSource("V1", "a", "0", 1),
            new Diode("D1", "a", "0", "mm"));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("'mm'", e.Message);
        Assert.Contains("MosfetModel", e.Message);
        Assert.Contains("DiodeModel", e.Message);
    }

    public static TheoryData<string, Func<Component>> MissingReferences => new()
    {
        { "F1", () => new CurrentControlledCurrentSource("F1", "a", "0", "Vmissing", 2) },
        { "H1", () => new CurrentControlledVoltageSource("H1", "b", "0", "Vmissing", 2) },
        { "W1", () => new CurrentSwitch("W1", "a", "0", "Vmissing", "csw") },
        { "K1", () => new MutualInductance("K1", "Vmissing", "L1", 0.5) },
        { "B1", () => new BehavioralSource("B1", "a", "0", BehavioralKind.Current, "1e-3*i(Vmissing)") },
    };

    [Theory]
    [MemberData(nameof(MissingReferences))]
    public void ReferenceToAMissingElement_NamesTheReferrerAndTheMissingName(string referrer, Func<Component> create)
    {
        var c = new Circuit(
            new CurrentSwitchModel("csw"),
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "0", 1e3),
            new Resistor("R2", "b", "0", 1e3),
            new Inductor("L1", "a", "l", 1e-6),
            new Resistor("R3", "l", "0", 1e3),
            create());
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains(referrer, e.Message);
        Assert.Contains("Vmissing", e.Message);
    }

    [Fact]
    public void BehavioralSourceReadingAMissingNode_NamesIt()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new BehavioralSource("B1", "b", "0", BehavioralKind.Voltage, "2*v(nowhere)"),
            new Resistor("R1", "b", "0", 1e3));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("B1", e.Message);
        Assert.Contains("nowhere", e.Message);
    }

    [Fact]
    public void ControllingElementWithoutABranchCurrent_IsNamed()
    {
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 1),
            new Resistor("R1", "a", "0", 1e3),
            new CurrentControlledCurrentSource("F1", "a", "0", "R1", 2));
        var e = SetupFails(new OperatingPoint(c));

        Assert.Contains("F1", e.Message);
        Assert.Contains("'R1'", e.Message);
    }
}
