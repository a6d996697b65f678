using CircuitSim.Devices.Passive;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>The line level of the language: title, case, comments, continuation lines and numbers.</summary>
public class LexicalTests
{
    [Fact]
    public void FirstLine_IsTheTitleEvenWhenItLooksLikeAStatement()
    {
        var netlist = Read.Text("""
            R1 a 0 1k
            R2 a 0 2k
            .op
            """);

        Assert.Equal("R1 a 0 1k", netlist.Title);
        Assert.False(netlist.Circuit.Contains("R1"));
        Assert.True(netlist.Circuit.Contains("R2"));
    }

    [Fact]
    public void Title_BecomesTheCircuitTitle()
    {
        var netlist = Read.Text("""
            My amplifier  
            R1 a 0 1k
            """);

        Assert.Equal("My amplifier", netlist.Title);
        Assert.Equal("My amplifier", netlist.Circuit.Title);
    }

    [Fact]
    public void Keywords_NamesAndSuffixesAreCaseInsensitive()
    {
        var netlist = Read.Text("""
            t
            .PARAM RVAL=2K
            .Model DX d (IS=1N)
            r1 A 0 {rval}
            D1 a 0 dx
            .TRAN 1N 10N
            """);

        Assert.Equal(2000, Assert.IsType<Resistor>(netlist.Circuit["R1"]).Resistance);
        Assert.True(netlist.Circuit.TryGetModel("dx", out _));
        Assert.Equal(1e-9, Assert.IsType<TranSpec>(Assert.Single(netlist.Analyses)).Step);
    }

    [Fact]
    public void Node_NamesDifferingOnlyInCaseAreOneNode()
    {
        var netlist = Read.Text("""
            t
            R1 OUT 0 1k
            R2 out 0 1k
            """);

        Assert.Single(netlist.Circuit.NodeNames());
    }

    [Fact]
    public void StarLines_AreCommentsWhereverTheyAreIndented()
    {
        var netlist = Read.Text("""
            t
            * R1 a 0 1k
               * R2 a 0 1k
            R3 a 0 1k
            """);

        Assert.Equal(new[] { "R3" }, netlist.Circuit.Components.Select(c => c.Name));
    }

    [Fact]
    public void Semicolon_StartsAnInlineComment()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a 0 1k ; R1 a 0 oops
            """, "R1");

        Assert.Equal(1000, r.Resistance);
    }

    [Fact]
    public void DollarAfterABlank_StartsAnInlineComment()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a 0 1k $ the load, 1 kOhm
            """, "R1");

        Assert.Equal(1000, r.Resistance);
    }

    [Fact]
    public void DollarInsideA_NameIsPartOfTheName()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a$b 0 1k
            """, "R1");

        Assert.Equal("a$b", r.Nodes[0]);
    }

    [Fact]
    public void SemicolonInsideBraces_DoesNotEndTheLine()
    {
        var failure = Read.Failure("""
            t
            R1 a 0 {1k ; 2}
            """);

        Assert.Contains("bad expression '1k ; 2'", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void Plus_LineContinuesTheStatementBeforeIt()
    {
        var netlist = Read.Text("""
            t
            V1 in 0
            + PULSE(0 1
            +   1n 2n 3n
            + 4n 5n)
            R1 in 0 1k
            """);

        var pulse = Assert.IsType<CircuitSim.Devices.Sources.Pulse>(
            Assert.IsType<CircuitSim.Devices.Sources.VoltageSource>(netlist.Circuit["V1"]).Waveform);
        Assert.Equal(5e-9, pulse.Period);
    }

    [Fact]
    public void CommentAndBlankLinesBetweenAStatementAndItsContinuation_AreSkipped()
    {
        var r = Read.Component<Resistor>("""
            t
            R1 a 0
            * the value follows

            + 4.7k
            """, "R1");

        Assert.Equal(4700, r.Resistance);
    }

    [Fact]
    public void ErrorOnAContinuationLine_IsLocatedOnThatLineAndColumn()
    {
        var error = Read.Error("""
            t
            R1 a 0
            +   1k bogus=3
            """);

        Assert.Equal("""
            test.cir:3:8: error: unknown parameter 'bogus' for R1 (expected one of m, r, tc1, tc2, temp)
                +   1k bogus=3
                       ^
            """, error.Shown());
    }

    [Fact]
    public void ErrorOnALaterContinuationLine_IsLocatedOnThatLine()
    {
        var error = Read.Error("""
            t
            V1 in 0 PULSE(0 1
            + 1n 1n
            +  1n x 4n)
            """);

        Assert.Equal((4, 7), (error.Location.Line, error.Location.Column));
        Assert.Equal("+  1n x 4n)", error.Location.LineText);
    }

    [Fact]
    public void WindowsLine_EndsReadLikeUnixOnes()
    {
        var netlist = Read.Text("t\r\nR1 a 0\r\n+ 1k\r\n.op\r\n");

        Assert.Equal("t", netlist.Title);
        Assert.Equal(1e3, Assert.IsType<Resistor>(netlist.Circuit["R1"]).Resistance);
    }

    [Fact]
    public void Tab_CountsAsOneColumnAndIsShownAsABlank()
    {
        var error = Read.Error("t\nR1\ta\t0\tbad=1 1");

        Assert.Equal("""
            test.cir:2:8: error: unknown parameter 'bad' for R1 (expected one of m, r, tc1, tc2, temp)
                R1 a 0 bad=1 1
                       ^
            """, error.Shown());
    }

    [Theory]
    [InlineData("1f", 1e-15)]
    [InlineData("1p", 1e-12)]
    [InlineData("1n", 1e-9)]
    [InlineData("1u", 1e-6)]
    [InlineData("1m", 1e-3)]
    [InlineData("1k", 1e3)]
    [InlineData("1meg", 1e6)]
    [InlineData("1MEG", 1e6)]
    [InlineData("1M", 1e-3)]
    [InlineData("1g", 1e9)]
    [InlineData("1t", 1e12)]
    [InlineData("1mil", 25.4e-6)]
    [InlineData("10uF", 10e-6)]
    [InlineData("2.2e-3k", 2.2)]
    [InlineData("1e3", 1e3)]
    [InlineData(".5", 0.5)]
    [InlineData("-3", -3)]
    [InlineData("10kOhm", 1e4)]
    public void Engineering_suffix_scales_a_value(string written, double value)
    {
        var c = Read.Component<Capacitor>($"""
            t
            C1 a 0 {written}
            """, "C1");

        Assert.Equal(value, c.Capacitance, 1e-12 * Math.Abs(value));
    }
}
