using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>.param, .func and expressions wherever a number goes.</summary>
public class ParameterTests
{
    private static double ValueOf(string parameterLines, string expression = "{p}") =>
        Read.Component<Resistor>($"t\n{parameterLines}\nR1 a 0 {expression}", "R1").Resistance;

    [Fact]
    public void BracedParamValue_IsAnExpression()
    {
        Assert.Equal(1.5, ValueOf(".param p={sqrt(4)*0.75}"));
    }

    [Fact]
    public void QuotedParamValue_IsAnExpression()
    {
        Assert.Equal(7, ValueOf(".param p='3+4'"));
    }

    [Fact]
    public void UnbracedParamValue_IsAnExpressionUpToTheNextAssignment()
    {
        Assert.Equal(9, ValueOf(".param a=3 p = 2*a + a q=100"));
    }

    [Fact]
    public void PlainParamValue_TakesEngineeringSuffixes()
    {
        Assert.Equal(2.2e3, ValueOf(".param p=2.2k"));
    }

    [Fact]
    public void SeveralParameters_MayBeDefinedOnOneLine()
    {
        var netlist = Read.Text("""
            t
            .param Ron=100 Roff=16k Rinit=11k
            R1 a 0 {Ron}
            R2 a 0 {Roff}
            R3 a 0 {Rinit}
            """);

        Assert.Equal(new[] { 100, 16e3, 11e3 }, netlist.Circuit.Components.Cast<Resistor>().Select(r => r.Resistance));
    }

    [Fact]
    public void Parameter_MayUseOneDefinedAfterIt()
    {
        Assert.Equal(20, ValueOf(".param p={a*2}\n.param a=10"));
    }

    [Fact]
    public void ParameterDefinedTwice_TakesTheLastValue()
    {
        Assert.Equal(2, ValueOf(".param p=1\n.param p=2"));
    }

    [Fact]
    public void Parameter_NamesAreCaseInsensitive()
    {
        Assert.Equal(5, ValueOf(".param Gain=5", "{GAIN}"));
    }

    [Fact]
    public void BareParameter_NameIsAValue()
    {
        Assert.Equal(5, ValueOf(".param p=5", "p"));
    }

    [Fact]
    public void PiAndE_AreConstants()
    {
        Assert.Equal(Math.PI * Math.E, ValueOf(".param p={pi*e}"));
    }

    [Fact]
    public void FuncWithBracedBody_CanBeCalledInAParam()
    {
        Assert.Equal(12, ValueOf(".func twice(x) {2*x}\n.param p={twice(6)}"));
    }

    [Fact]
    public void FuncWith_EqualsBodyAndTwoArgumentsCanBeCalledInAValue()
    {
        Assert.Equal(7, ValueOf(".func add(a, b) = a+b", "{add(3, 4)}"));
    }

    [Fact]
    public void FuncBody_MayUseGlobalParameters()
    {
        Assert.Equal(30, ValueOf(".param k=10\n.func scaled(x) {k*x}\n.param p={scaled(3)}"));
    }

    [Fact]
    public void Func_IsInlinedIntoBSourceExpressions()
    {
        var b = Read.Component<CircuitSim.Devices.Behavioral.BehavioralSource>("""
            t
            .func sq(x) {x*x}
            B1 a 0 V = sq(v(in))
            """, "B1");

        Assert.Equal("(v(in) * v(in))", b.Expression.ToString());
    }

    /// <summary>Each row: a statement with expressions in its number fields, and the same statement with the numbers
    /// they evaluate to (x = 2). Both must read to the same netlist.</summary>
    [Theory]
    [InlineData(".model dm D(IS={x*1f} N='x')", ".model dm D(IS=2f N=2)")]
    [InlineData(".model nm NMOS VTO={x/4}", ".model nm NMOS VTO=0.5")]
    [InlineData("R1 a 0 {x} tc1={x*1m}", "R1 a 0 2 tc1=2m")]
    [InlineData("R1 a 0 r={x}", "R1 a 0 r=2")]
    [InlineData("C1 a 0 {x*1n} ic={x}", "C1 a 0 2n ic=2")]
    [InlineData("L1 a 0 'x*1u'", "L1 a 0 2u")]
    [InlineData("K1 L8 L9 {x/4}", "K1 L8 L9 0.5")]
    [InlineData("V1 a 0 DC {x} AC {x*2} {x*10}", "V1 a 0 DC 2 AC 4 20")]
    [InlineData("I1 a 0 {-x}", "I1 a 0 -2")]
    [InlineData("V1 a 0 PULSE({x} {x*2} {x*1n})", "V1 a 0 PULSE(2 4 2n)")]
    [InlineData("V1 a 0 PWL(0 {x} {x*1u} 0) r={x*0.25u}", "V1 a 0 PWL(0 2 2u 0) r=0.5u")]
    [InlineData("E1 e 0 a 0 {x*5}", "E1 e 0 a 0 10")]
    [InlineData("G1 e 0 a 0 {x*5}", "G1 e 0 a 0 10")]
    [InlineData("F1 f 0 V9 {x*3}", "F1 f 0 V9 6")]
    [InlineData("H1 h 0 V9 {x*3}", "H1 h 0 V9 6")]
    [InlineData("D1 a 0 dd {x}", "D1 a 0 dd 2")]
    [InlineData("M1 d g 0 0 mm W={x*1u} L={x*2u}", "M1 d g 0 0 mm W=2u L=4u")]
    [InlineData("X1 a sub p={x*3}", "X1 a sub p=6")]
    [InlineData(".temp {x*10}", ".temp 20")]
    [InlineData(".options reltol={x*1m} itl1={x*50}", ".options reltol=2m itl1=100")]
    [InlineData(".ic v(a)={x}", ".ic v(a)=2")]
    [InlineData(".nodeset v(a)={x}", ".nodeset v(a)=2")]
    [InlineData(".tran {x*1n} {x*10n} {x*1n} {x*1p} uic", ".tran 2n 20n 2n 2p uic")]
    [InlineData(".dc V9 {x} {x*2} {x/2}", ".dc V9 2 4 1")]
    [InlineData(".dc V9 list {x} {x*3}", ".dc V9 list 2 6")]
    [InlineData(".ac dec {x*5} {x} {x*1k}", ".ac dec 10 2 2k")]
    [InlineData(".step param x list {x*2} 5", ".step param x list 4 5")]
    public void Expression_reads_like_the_number_it_evaluates_to(string withExpressions, string withNumbers)
    {
        const string preamble = """
            t
            .param x=2
            .model dd D
            .model mm NMOS
            .subckt sub n params: p=1
            R1 n 0 {p}
            .ends
            L8 l 0 1u
            L9 l 0 1u
            V9 v 0 0
            """;

        Assert.Equal(NetlistDump.Of(Read.Text(preamble + "\n" + withNumbers)), NetlistDump.Of(Read.Text(preamble + "\n" + withExpressions)));
    }
}
