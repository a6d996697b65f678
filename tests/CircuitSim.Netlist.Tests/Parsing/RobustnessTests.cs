using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Input that once crashed or hung the reader (found by <see cref="FuzzTests"/> and by review) is now an ordinary
/// netlist error: a <see cref="NetlistException"/> with a located diagnostic.
/// </summary>
public class RobustnessTests
{
    [Fact]
    public void StatementStartingWithAParenthesis_IsAnErrorNotACrash()
    {
        var error = Read.Error("t\n(R1 a 0 1k)");

        Assert.Equal(("expected an element name or a dot command, got '(R1 a 0 1k)'", 2, 1), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("{x} a 0 1")]
    [InlineData("'r' a 0 1")]
    [InlineData("= a 0 1")]
    public void StatementStartingWithANon_NameTokenIsAnError(string line)
    {
        var error = Read.Error("t\n.param x=1\n" + line);

        Assert.StartsWith("expected an element name or a dot command, got ", error.Message);
        Assert.Equal((3, 1), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData(".step param p dec 0 1 100", "the number of points must be a positive integer", 19)]
    [InlineData(".step param p lin -3 0 1", "the number of points must be a positive integer", 19)]
    [InlineData(".step param p dec 2.5 1 100", "the number of points must be a positive integer", 19)]
    [InlineData(".step param p dec 5 0 100", "start must be above 0 for a logarithmic sweep", 21)]
    [InlineData(".step param p oct 5 10 1", "stop must be a finite number not below start", 24)]
    [InlineData(".step param p dec 5 1 1e999", "stop must be a finite number not below start", 23)]
    [InlineData(".step param p dec 10000000 1 1e300", ".step dec would have more than 10000000 points", 19)]
    public void Step_with_a_bad_point_count_or_range_is_an_error(string line, string message, int column)
    {
        var error = Read.Error("t\n.param p=1\n" + line);

        Assert.Equal((message, 3, column), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void StepOfAParameterWhoseDefinition_FailsReportsOnlyTheDefinition()
    {
        var error = Read.Error("t\n.param p={q}\n.step param p list 1 2");

        Assert.Equal(("undefined parameter 'q' in 'q'", 2, 11), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void SweepWithTooMany_PointsIsAnErrorInsteadOfGigabytesOfValues()
    {
        var error = Read.Error("t\nV1 a 0 1\n.dc V1 -2 1.5 10n");

        Assert.Equal(("sweep of V1 from -2 to 1.5 by 1E-08 would have more than 10000000 points", 3, 15),
            (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Step_StartStopIncrementWithTooManyPointsIsAnError()
    {
        var error = Read.Error("t\n.param p=1\n.step param p 0 1 1e-9");

        Assert.Equal(("sweep of p from 0 to 1 by 1E-09 would have more than 10000000 points", 3, 19),
            (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Dc_ListWithoutValuesIsAnError()
    {
        var error = Read.Error("t\nV1 a 0 1\n.dc V1 list");

        Assert.Equal((".dc: list of V1 has no values", 3, 12), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void FunctionCallingItselfInAParameter_IsAnErrorNotAStackOverflow()
    {
        var error = Read.Error("t\n.func f(x) {f(x)}\n.param p={f(1)}");

        Assert.Equal(("function 'f' calls itself", 2, 13), (error.Message, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void FunctionsCallingEachOtherInAParameter_AreAnError()
    {
        var error = Read.Error("t\n.func f(x) {g(x)}\n.func g(x) {f(x)}\n.param p={f(1)}");

        Assert.EndsWith("calls itself", error.Message);
    }

    [Fact]
    public void FunctionCallingItselfInABSource_IsAnError()
    {
        var error = Read.Error("t\n.func f(x) {f(x)}\nB1 a 0 V=f(v(a))");

        Assert.Equal("function 'f' calls itself", error.Message);
    }

    [Fact]
    public void SubcircuitInstantiatingItself_IsReportedAtOnceEvenWhenItBranches()
    {
        var failure = Read.Failure("""
            t
            .subckt s a b
            X1 a b s
            X2 a b s
            .ends
            X1 1 0 s
            """);

        Assert.Equal(new[] { 3, 4 }, failure.Errors.Select(e => e.Location.Line));
        Assert.All(failure.Errors, e => Assert.Equal("subcircuit 's' instantiates itself (directly or indirectly)", e.Message));
    }

    [Fact]
    public void SubcircuitsInstantiatingEachOther_AreReported()
    {
        var failure = Read.Failure("""
            t
            .subckt a p
            X1 p b
            .ends
            .subckt b p
            X1 p a
            .ends
            X1 n a
            """);

        Assert.Equal("subcircuit 'a' instantiates itself (directly or indirectly)", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void Include_NameThatIsNotAValidPathIsAnError()
    {
        var error = Read.Error("t\n.include \"a\0b\"");

        Assert.StartsWith("bad file name 'a\0b'", error.Message);
        Assert.Equal((2, 10), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('{', '}')]
    public void DeepNesting_IsAnErrorNotAStackOverflow(char open, char close)
    {
        var depth = 5000;
        var error = Read.Error($"t\nR1 a 0 {new string(open, depth)}1{new string(close, depth)}");

        Assert.Equal(("parentheses and braces nested more than 200 deep", "less nesting", 2, 208),
            (error.Message, error.Expected, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void NestingUpToThe_LimitIsRead()
    {
        var r = Read.Component<CircuitSim.Devices.Passive.Resistor>($"t\nR1 a 0 {{{new string('(', 199)}7{new string(')', 199)}}}", "R1");

        Assert.Equal(7, r.Resistance);
    }

    [Theory]
    [InlineData(".model nm nmos level=1e20")]
    [InlineData(".model nm nmos level={0/0}")]
    public void IntegerParameterOutOfRange_IsAnError(string card)
    {
        var error = Read.Error("t\n" + card);

        Assert.Equal(("value of parameter 'level' is out of range for an integer", "an integer", 2, 22),
            (error.Message, error.Expected, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void ContinuationLineWithNothingToContinue_IsNotReadAsAStatement()
    {
        var failure = Read.Failure("t\n+ R1 a 0 1k\n.op");

        Assert.Equal("continuation line '+' with no statement before it", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public void ContinuationAfterLeadingComments_HasNothingToContinue()
    {
        var error = Read.Error("t\n* a comment\n  + 1k");

        Assert.Equal((3, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void EmptyText_ReadsAsAnEmptyNetlist()
    {
        var netlist = Read.Text("");

        Assert.Empty(netlist.Circuit.Components);
    }

    [Fact]
    public void SameErrorReachedFromSeveral_UsesIsReportedOnce()
    {
        var error = Read.Error("t\n.param p={q}\nR1 a 0 {p}\nR2 a 0 {p}");

        Assert.Equal((2, "undefined parameter 'q' in 'q'"), (error.Location.Line, error.Message));
    }

    [Fact]
    public void Reader_CanBeReusedAfterAFailure()
    {
        var reader = new NetlistReader();
        Assert.Throws<NetlistException>(() => reader.ReadText("t\nR1 a"));

        Assert.Single(reader.ReadText("t\nR1 a 0 1").Circuit.Components);
    }
}
