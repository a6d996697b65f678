using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Switches;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>.model cards and .subckt definitions, instances and their naming.</summary>
public class ModelAndSubcircuitTests
{
    private static T Model<T>(Netlist netlist, string name)
    {
        Assert.True(netlist.Circuit.TryGetModel(name, out var model), $"no model {name}");
        return Assert.IsType<T>(model);
    }

    [Theory]
    [InlineData(".model DX D(IS=2.52n N=1.752 RS=0.568)")]
    [InlineData(".model DX D (IS=2.52n N=1.752 RS=0.568)")]
    [InlineData(".model DX D IS=2.52n N=1.752 RS=0.568")]
    [InlineData(".model DX D IS=2.52n, N=1.752, RS=0.568")]
    [InlineData(".model DX D\n+ IS=2.52n\n+ N=1.752 RS=0.568")]
    public void Model_parameters_read_with_or_without_parentheses(string card)
    {
        var d = Model<DiodeModel>(Read.Text("t\n" + card), "DX");

        Assert.Equal((2.52e-9, 1.752, 0.568), (d.SaturationCurrent, d.EmissionCoefficient, d.SeriesResistance));
    }

    [Fact]
    public void ModelType_SelectsTheModelClass()
    {
        var netlist = Read.Text("""
            t
            .model N1 NMOS (LEVEL=1 VTO=0.7 KP=120u)
            .model P1 PMOS (VTO=-0.8)
            .model S1 SW (VT=1)
            .model W1 CSW (IT=1m)
            """);

        var n1 = Model<MosfetModel>(netlist, "N1");
        Assert.Equal(MosfetType.Nmos, n1.Type);
        Near.Equal(new[] { 0.7, 120e-6 }, new[] { n1.Vto!.Value, n1.Kp!.Value });
        Assert.Equal(MosfetType.Pmos, Model<MosfetModel>(netlist, "P1").Type);
        Assert.Equal(1, Model<VoltageSwitchModel>(netlist, "S1").Threshold);
        Assert.Equal(1e-3, Model<CurrentSwitchModel>(netlist, "W1").Threshold);
    }

    [Fact]
    public void Model_MayBeDefinedAfterTheElementsThatUseIt()
    {
        var netlist = Read.Text("""
            t
            D1 a 0 late
            .model late D
            """);

        Assert.Equal("late", Assert.IsType<Diode>(netlist.Circuit["D1"]).ModelName);
    }

    [Fact]
    public void SubcircuitParametersWithoutParamsKeyword_TakeDefaults()
    {
        var netlist = Read.Text("""
            t
            .subckt rc in out r=1k c=1n
            R1 in out {r}
            C1 out 0 {c}
            .ends rc
            X1 a b rc
            """);

        Assert.Equal(1e3, Assert.IsType<Resistor>(netlist.Circuit["x1.R1"]).Resistance);
        Assert.Equal(1e-9, Assert.IsType<Capacitor>(netlist.Circuit["x1.C1"]).Capacitance);
    }

    [Fact]
    public void SubcircuitParametersAfterParamsKeyword_TakeDefaults()
    {
        var r = Read.Component<Resistor>("""
            t
            .subckt load in params: r=2k
            R1 in 0 {r}
            .ends
            X1 a load
            """, "x1.R1");

        Assert.Equal(2e3, r.Resistance);
    }

    [Fact]
    public void Instance_ParametersOverrideDefaults()
    {
        var netlist = Read.Text("""
            t
            .subckt load in params: r=2k
            R1 in 0 {r}
            .ends
            X1 a load
            X2 b load r=5k
            X3 c load params: r=7k
            """);

        Assert.Equal(2e3, Assert.IsType<Resistor>(netlist.Circuit["x1.R1"]).Resistance);
        Assert.Equal(5e3, Assert.IsType<Resistor>(netlist.Circuit["x2.R1"]).Resistance);
        Assert.Equal(7e3, Assert.IsType<Resistor>(netlist.Circuit["x3.R1"]).Resistance);
    }

    [Fact]
    public void InstanceParameterValues_AreEvaluatedInTheCallingScope()
    {
        var r = Read.Component<Resistor>("""
            t
            .param rbase=1k
            .subckt load in params: r=2k
            R1 in 0 {r}
            .ends
            X1 a load r={3*rbase}
            """, "x1.R1");

        Assert.Equal(3e3, r.Resistance);
    }

    [Fact]
    public void GlobalParameters_AreVisibleInsideASubcircuit()
    {
        var r = Read.Component<Resistor>("""
            t
            .param scale=4
            .subckt load in params: r=1k
            R1 in 0 {r*scale}
            .ends
            X1 a load
            """, "x1.R1");

        Assert.Equal(4e3, r.Resistance);
    }

    [Fact]
    public void SubcircuitParameterShadowsAGlobalOfTheSame_Name()
    {
        var r = Read.Component<Resistor>("""
            t
            .param r=1
            .subckt load in params: r=2k
            R1 in 0 {r}
            .ends
            X1 a load
            """, "x1.R1");

        Assert.Equal(2e3, r.Resistance);
    }

    [Fact]
    public void SubcircuitParameterDefault_MayUseAnotherParameter()
    {
        var netlist = Read.Text("""
            t
            .subckt pair in params: r=1k r2={2*r}
            R1 in 0 {r}
            R2 in 0 {r2}
            .ends
            X1 a pair
            X2 b pair r=5
            """);

        Assert.Equal(2e3, Assert.IsType<Resistor>(netlist.Circuit["x1.R2"]).Resistance);
        Assert.Equal(10, Assert.IsType<Resistor>(netlist.Circuit["x2.R2"]).Resistance);
    }

    [Fact]
    public void ParamInsideASubcircuit_UsesTheInstanceParameters()
    {
        var r = Read.Component<Resistor>("""
            t
            .subckt load in params: r=1k
            .param twice={2*r}
            R1 in 0 {twice}
            .ends
            X1 a load r=3
            """, "x1.R1");

        Assert.Equal(6, r.Resistance);
    }

    [Fact]
    public void NestedInstances_GetNestedPrefixesAndPassParametersDown()
    {
        var netlist = Read.Text("""
            t
            .param scale=2
            .subckt rcstage in out r=1k c=1n
            R1 in out {r}
            C1 out 0 {c}
            .ends rcstage
            .subckt filter2 in out params: rr=1k cc=1n
            X1 in mid rcstage r={rr} c={cc}
            X2 mid out rcstage r={rr*scale} c={cc/scale}
            .ends filter2
            X1 in o1 filter2 rr=500 cc=1u
            """);

        var first = Assert.IsType<Resistor>(netlist.Circuit["x1.x1.R1"]);
        var second = Assert.IsType<Resistor>(netlist.Circuit["x1.x2.R1"]);
        Assert.Equal(new[] { "in", "x1.mid" }, first.Nodes);
        Assert.Equal(new[] { "x1.mid", "o1" }, second.Nodes);
        Assert.Equal((500.0, 1000.0), (first.Resistance, second.Resistance));
        Assert.Equal(0.5e-6, Assert.IsType<Capacitor>(netlist.Circuit["x1.x2.C1"]).Capacitance);
    }

    [Fact]
    public void SubcircuitDefinedInsideAnother_IsLocalToIt()
    {
        var failure = Read.Failure("""
            t
            .subckt outer a
            .subckt inner b
            R1 b 0 1
            .ends inner
            X1 a inner
            .ends outer
            X1 n outer
            X2 n inner
            """);

        Assert.Equal("unknown subcircuit 'inner'", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void ModelInsideASubcircuit_IsInstantiatedPerInstance()
    {
        var netlist = Read.Text("""
            t
            .subckt clamp a
            .model dl D(IS=1f)
            D1 a 0 dl
            .ends
            X1 n1 clamp
            X2 n2 clamp
            """);

        Assert.Equal("x1.dl", Assert.IsType<Diode>(netlist.Circuit["x1.D1"]).ModelName);
        Assert.Equal("x2.dl", Assert.IsType<Diode>(netlist.Circuit["x2.D1"]).ModelName);
        Assert.True(netlist.Circuit.TryGetModel("x1.dl", out _));
    }

    [Fact]
    public void GlobalNode_IsNotPrefixedInsideASubcircuit()
    {
        var netlist = Read.Text("""
            t
            .global vdd
            .subckt pullup out
            R1 vdd out 10k
            .ends
            X1 a pullup
            """);

        Assert.Equal(new[] { "vdd", "a" }, netlist.Circuit["x1.R1"].Nodes);
    }

    [Fact]
    public void Element_NamesInsideBExpressionsAreMappedToTheInstance()
    {
        var netlist = Read.Text("""
            t
            .subckt sense a
            Vs a mid 0
            B1 out 0 V = i(Vs) * v(mid)
            .ends
            X1 n sense
            """);

        Assert.Equal("(i(x1.Vs) * v(x1.mid))", Assert.IsType<CircuitSim.Devices.Behavioral.BehavioralSource>(netlist.Circuit["x1.B1"]).Expression.ToString());
    }
}
