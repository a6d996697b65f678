using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Switches;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>Each element letter becomes the right component with its nodes and values.</summary>
public class ElementTests
{
    [Fact]
    public void R_line_is_a_resistor_between_its_nodes()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a b 1k
            """, "R1");

        Assert.Equal(new[] { "a", "b" }, r.Nodes);
        Assert.Equal(1000, r.Resistance);
    }

    [Fact]
    public void R_line_takes_named_instance_parameters()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a b 1k tc1=1m tc2=2u m=2 temp=50
            """, "R1");

        Assert.Equal((1e-3, 2e-6, 2.0, 50.0), (r.Tc1, r.Tc2, r.Multiplier, r.Temperature!.Value));
    }

    [Fact]
    public void R_value_may_be_given_as_r_equals()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a b r=330
            """, "R1");

        Assert.Equal(330, r.Resistance);
    }

    [Fact]
    public void Ground_is_0_or_gnd_in_any_case()
    {
        var netlist = Read.Text("""
            t
            R1 a 0 1
            R2 a GND 1
            R3 a gnd! 1
            """);

        Assert.Equal(3, netlist.Circuit.Components.Count);
        Assert.All(netlist.Circuit.Components, c => Assert.Equal("0", c.Nodes[1]));
    }

    [Fact]
    public void C_line_is_a_capacitor_with_optional_initial_condition()
    {
        var c = Read.Component<Capacitor>("""
            t
            C1 a 0 10n ic=2.5
            """, "C1");

        Assert.Equal((10e-9, 2.5), (c.Capacitance, c.InitialCondition!.Value));
    }

    [Fact]
    public void L_line_is_an_inductor_with_optional_initial_condition()
    {
        var l = Read.Component<Inductor>("""
            t
            L1 a 0 1m ic=1m
            """, "L1");

        Assert.Equal((1e-3, 1e-3), (l.Inductance, l.InitialCondition!.Value));
    }

    [Fact]
    public void K_line_couples_two_inductors_by_name()
    {
        var k = Read.Component<MutualInductance>("""
            t
            L1 a 0 1m
            L2 b 0 4m
            K12 L1 L2 0.98
            """, "K12");

        Assert.Equal(("L1", "L2", 0.98), (k.Inductor1, k.Inductor2, k.Coupling));
    }

    [Fact]
    public void E_line_is_a_voltage_controlled_voltage_source()
    {
        var e = Read.Component<VoltageControlledVoltageSource>("""
            t
            E1 out 0 inp inn 1e5
            """, "E1");

        Assert.Equal(new[] { "out", "0", "inp", "inn" }, e.Nodes);
        Assert.Equal(1e5, e.Gain);
    }

    [Fact]
    public void G_line_is_a_voltage_controlled_current_source()
    {
        var g = Read.Component<VoltageControlledCurrentSource>("""
            t
            G1 0 n1 inp inn 1m
            """, "G1");

        Assert.Equal(new[] { "0", "n1", "inp", "inn" }, g.Nodes);
        Assert.Equal(1e-3, g.Transconductance);
    }

    [Fact]
    public void F_line_is_a_current_controlled_current_source()
    {
        var f = Read.Component<CurrentControlledCurrentSource>("""
            t
            VSENSE x 0 0
            F1 0 fo VSENSE 3
            """, "F1");

        Assert.Equal(new[] { "0", "fo" }, f.Nodes);
        Assert.Equal(("VSENSE", 3.0), (f.Control, f.Gain));
    }

    [Fact]
    public void H_line_is_a_current_controlled_voltage_source()
    {
        var h = Read.Component<CurrentControlledVoltageSource>("""
            t
            VSENSE x 0 0
            H1 ho 0 VSENSE 1k
            """, "H1");

        Assert.Equal(new[] { "ho", "0" }, h.Nodes);
        Assert.Equal(("VSENSE", 1000.0), (h.Control, h.Transresistance));
    }

    [Fact]
    public void E_line_with_value_is_a_behavioral_voltage_source()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            E1 out 0 value={2*v(in)}
            """, "E1");

        Assert.Equal(BehavioralKind.Voltage, b.Kind);
        Assert.Equal(new[] { "out", "0" }, b.Nodes);
        Assert.Equal("(2 * v(in))", b.Expression.ToString());
    }

    [Fact]
    public void G_line_with_value_is_a_behavioral_current_source()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            G1 0 out value={1m*v(in)}
            """, "G1");

        Assert.Equal(BehavioralKind.Current, b.Kind);
    }

    [Fact]
    public void B_line_with_V_is_a_behavioral_voltage_source()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            B1 a 0 V = 0.5*sin(2*pi*1k*time)
            """, "B1");

        Assert.Equal(BehavioralKind.Voltage, b.Kind);
        Assert.Equal("0.5*sin(2*pi*1k*time)", b.Text);
    }

    [Fact]
    public void B_line_with_I_is_a_behavioral_current_source()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            B3 0 c I = 1m*tanh(2*v(s))
            """, "B3");

        Assert.Equal(BehavioralKind.Current, b.Kind);
        Assert.Equal(new[] { "0", "c" }, b.Nodes);
    }

    [Fact]
    public void B_expression_gets_parameter_values_substituted()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            .param gain=3
            B1 a 0 V={gain}*v(b) + gain
            """, "B1");

        Assert.Equal("((3 * v(b)) + 3)", b.Expression.ToString());
    }

    [Fact]
    public void D_line_is_a_diode_with_its_model_area_and_flags()
    {
        var d = Read.Component<Diode>("""
            t
            .model DX D(IS=2.52n)
            D1 k 0 DX 2 off ic=0.6
            """, "D1");

        Assert.Equal(new[] { "k", "0" }, d.Nodes);
        Assert.Equal(("DX", 2.0, true, 0.6), (d.ModelName, d.Area, d.Off, d.InitialCondition!.Value));
    }

    [Fact]
    public void M_line_is_a_mosfet_with_four_nodes_model_and_geometry()
    {
        var m = Read.Component<Mosfet1>("""
            t
            .model NM NMOS (LEVEL=1 VTO=0.7)
            M1 d g s b NM W=10u L=2u
            """, "M1");

        Assert.Equal(new[] { "d", "g", "s", "b" }, m.Nodes);
        Assert.Equal("NM", m.ModelName);
        Near.Equal(new[] { 10e-6, 2e-6 }, new[] { m.Width, m.Length });
    }

    [Fact]
    public void M_line_reads_off_and_the_three_initial_conditions()
    {
        var m = Read.Component<Mosfet1>("""
            t
            .model NM NMOS
            M1 d g 0 0 NM off ic=1,2,3
            """, "M1");

        Assert.Equal((true, 1.0, 2.0, 3.0), (m.Off, m.IcVds!.Value, m.IcVgs!.Value, m.IcVbs!.Value));
    }

    [Fact]
    public void S_line_is_a_voltage_controlled_switch()
    {
        var sw = Read.Component<VoltageSwitch>("""
            t
            .model SMOD sw vt=1 vh=0.1 ron=1 roff=1meg
            S1 a b c d SMOD on
            """, "S1");

        Assert.Equal(new[] { "a", "b", "c", "d" }, sw.Nodes);
        Assert.Equal(("SMOD", true), (sw.ModelName, sw.InitiallyOn));
    }

    [Fact]
    public void W_line_is_a_current_controlled_switch()
    {
        var w = Read.Component<CurrentSwitch>("""
            t
            .model WMOD csw it=1m
            V1 c 0 0
            W1 a b V1 WMOD off
            """, "W1");

        Assert.Equal(new[] { "a", "b" }, w.Nodes);
        Assert.Equal(("V1", "WMOD", false), (w.Control, w.ModelName, w.InitiallyOn));
    }

    [Fact]
    public void X_line_expands_the_subcircuit_with_prefixed_names()
    {
        var netlist = Read.Text("""
            t
            .subckt div top bot mid
            R1 top mid 1k
            R2 mid bot 1k
            Rx mid inner 1
            .ends div
            X1 in 0 out div
            """);

        var r1 = Assert.IsType<Resistor>(netlist.Circuit["x1.R1"]);
        var rx = Assert.IsType<Resistor>(netlist.Circuit["x1.Rx"]);
        Assert.Equal(new[] { "in", "out" }, r1.Nodes);
        Assert.Equal(new[] { "out", "x1.inner" }, rx.Nodes);
    }
}
