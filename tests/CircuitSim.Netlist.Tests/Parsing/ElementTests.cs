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
    public void RLine_IsAResistorBetweenItsNodes()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a b 1k
            """, "R1");

        Assert.Equal(new[] { "a", "b" }, r.Nodes);
        Assert.Equal(1000, r.Resistance);
    }

    [Fact]
    public void RLine_TakesNamedInstanceParameters()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a b 1k tc1=1m tc2=2u m=2 temp=50
            """, "R1");

        Assert.Equal((1e-3, 2e-6, 2.0, 50.0), (r.Tc1, r.Tc2, r.Multiplier, r.Temperature!.Value));
    }

    [Fact]
    public void RValue_MayBeGivenAsREquals()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a b r=330
            """, "R1");

        Assert.Equal(330, r.Resistance);
    }

    [Fact]
    public void Ground_Is0OrGndInAnyCase()
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
    public void CLine_IsACapacitorWithOptionalInitialCondition()
    {
        var c = Read.Component<Capacitor>("""
            t
            C1 a 0 10n ic=2.5
            """, "C1");

        Assert.Equal((10e-9, 2.5), (c.Capacitance, c.InitialCondition!.Value));
    }

    [Fact]
    public void LLine_IsAnInductorWithOptionalInitialCondition()
    {
        var l = Read.Component<Inductor>("""
            t
            L1 a 0 1m ic=1m
            """, "L1");

        Assert.Equal((1e-3, 1e-3), (l.Inductance, l.InitialCondition!.Value));
    }

    [Fact]
    public void KLine_CouplesTwoInductorsByName()
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
    public void ELine_IsAVoltageControlledVoltageSource()
    {
        var e = Read.Component<VoltageControlledVoltageSource>("""
            t
            E1 out 0 inp inn 1e5
            """, "E1");

        Assert.Equal(new[] { "out", "0", "inp", "inn" }, e.Nodes);
        Assert.Equal(1e5, e.Gain);
    }

    [Fact]
    public void GLine_IsAVoltageControlledCurrentSource()
    {
        var g = Read.Component<VoltageControlledCurrentSource>("""
            t
            G1 0 n1 inp inn 1m
            """, "G1");

        Assert.Equal(new[] { "0", "n1", "inp", "inn" }, g.Nodes);
        Assert.Equal(1e-3, g.Transconductance);
    }

    [Fact]
    public void FLine_IsACurrentControlledCurrentSource()
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
    public void HLine_IsACurrentControlledVoltageSource()
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
    public void ELineWithValue_IsABehavioralVoltageSource()
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
    public void GLineWithValue_IsABehavioralCurrentSource()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            G1 0 out value={1m*v(in)}
            """, "G1");

        Assert.Equal(BehavioralKind.Current, b.Kind);
    }

    [Fact]
    public void BLineWithV_IsABehavioralVoltageSource()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            B1 a 0 V = 0.5*sin(2*pi*1k*time)
            """, "B1");

        Assert.Equal(BehavioralKind.Voltage, b.Kind);
        Assert.Equal("0.5*sin(2*pi*1k*time)", b.Text);
    }

    [Fact]
    public void BLineWithI_IsABehavioralCurrentSource()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            B3 0 c I = 1m*tanh(2*v(s))
            """, "B3");

        Assert.Equal(BehavioralKind.Current, b.Kind);
        Assert.Equal(new[] { "0", "c" }, b.Nodes);
    }

    [Fact]
    public void BExpression_GetsParameterValuesSubstituted()
    {
        var b = Read.Component<BehavioralSource>("""
            t
            .param gain=3
            B1 a 0 V={gain}*v(b) + gain
            """, "B1");

        Assert.Equal("((3 * v(b)) + 3)", b.Expression.ToString());
    }

    [Fact]
    public void DLine_IsADiodeWithItsModelAreaAndFlags()
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
    public void MLine_IsAMosfetWithFourNodesModelAndGeometry()
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
    public void MLine_ReadsOffAndTheThreeInitialConditions()
    {
        var m = Read.Component<Mosfet1>("""
            t
            .model NM NMOS
            M1 d g 0 0 NM off ic=1,2,3
            """, "M1");

        Assert.Equal((true, 1.0, 2.0, 3.0), (m.Off, m.IcVds!.Value, m.IcVgs!.Value, m.IcVbs!.Value));
    }

    [Fact]
    public void SLine_IsAVoltageControlledSwitch()
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
    public void WLine_IsACurrentControlledSwitch()
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
    public void XLineExpandsTheSubcircuitWithPrefixed_Names()
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
