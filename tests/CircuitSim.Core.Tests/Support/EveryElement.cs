using CircuitSim.Core.Circuits;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using CircuitSim.Devices.Switches;

namespace CircuitSim.Core.Tests.Support;

/// <summary>A solvable circuit holding every element type (R C L K V I E F G H B D M S W), each doing something (B sources
/// also with ddt, idt and a table).</summary>
internal static class EveryElement
{
    public static Circuit Build() => new(
        Models.Nmos(), Models.Pmos(),
        new DiodeModel("dm") { SeriesResistance = 10, JunctionCapacitance = 1e-12, TransitTime = 1e-9 },
        new VoltageSwitchModel("sw") { Threshold = 0.5, Hysteresis = 0.1, OnResistance = 100, OffResistance = 1e6 },
        new CurrentSwitchModel("csw") { Threshold = 1e-4, Hysteresis = 1e-5, OnResistance = 100, OffResistance = 1e6 },
        new VoltageSource("Vdd", "vdd", "0", 3.3),
        new VoltageSource("Vin", "in", "0", new Pulse(0, 1, 1e-9, 0.5e-9, 0.5e-9, 4e-9, 10e-9), 0),
        new CurrentSource("Iin", "0", "a", new Sine(0, 1e-5, 200e6)),
        new Resistor("R1", "in", "a", 1e3),
        new Capacitor("C1", "a", "0", 1e-12),
        new Inductor("L1", "a", "b", 1e-6),
        new VoltageSource("Vsense", "b", "b2", 0),
        new Resistor("R2", "b2", "0", 100),
        new Inductor("L2", "c", "0", 4e-6),
        new Resistor("R3", "c", "0", 50),
        new MutualInductance("K1", "L1", "L2", 0.5),
        new VoltageControlledVoltageSource("E1", "e", "0", "a", "0", 2),
        new Resistor("Re", "e", "0", 1e3),
        new CurrentControlledCurrentSource("F1", "0", "f", "Vsense", 2),
        new Resistor("Rf", "f", "0", 1e3),
        new VoltageControlledCurrentSource("G1", "0", "g", "a", "0", 1e-3),
        new Resistor("Rg", "g", "0", 1e3),
        new CurrentControlledVoltageSource("H1", "h", "0", "Vsense", 100),
        new Resistor("Rh", "h", "0", 1e3),
        new BehavioralSource("B1", "bv", "0", BehavioralKind.Voltage, "2*tanh(v(a)) + 10*i(vsense) + 0.1*sin(1e8*time)"),
        new Resistor("Rbv", "bv", "0", 1e3),
        new BehavioralSource("B2", "0", "bi", BehavioralKind.Current, "1e-3*v(a)*v(a) + 1e-4*exp(-v(e))"),
        new Resistor("Rbi", "bi", "0", 1e3),
        // the state-keeping and table functions of B sources: ddt, idt and a rounded table
        new BehavioralSource("B3", "0", "bd", BehavioralKind.Current, "1e-12*ddt(v(a)) + 1e3*idt(1e-9*v(e), 1e-6) + 1e-4*table(v(a), 0, 0, 1, 1)"),
        new Resistor("Rbd", "bd", "0", 1e3),
        new Diode("D1", "e", "d", "dm"),
        new Resistor("Rd", "d", "0", 1e3),
        new Mosfet1("MP", "out", "e", "vdd", "vdd", "pm") { Width = 6e-6, Length = 1e-6, DrainArea = 1e-12, SourceArea = 1e-12 },
        new Mosfet1("MN", "out", "e", "0", "0", "nm") { Width = 2e-6, Length = 1e-6, DrainArea = 1e-12, SourceArea = 1e-12 },
        new Capacitor("Cout", "out", "0", 5e-15),
        new VoltageSwitch("S1", "s", "0", "e", "0", "sw"),
        new Resistor("Rs", "vdd", "s", 1e3),
        new CurrentSwitch("W1", "w", "0", "Vsense", "csw"),
        new Resistor("Rw", "vdd", "w", 1e3));
}
