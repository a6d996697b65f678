using CircuitSim.Netlist.Control;
using CircuitSim.Netlist.Tests.Parsing;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>Reading .control blocks: the statements, the supported commands, errors at file, line and column.</summary>
public class ControlScriptTests
{
    private static string Deck(string control) => "t\nV1 a 0 1\nR1 a 0 1k\n.control\n" + control + "\n.endc\n.end\n";

    [Fact]
    public void UnsupportedCommand_IsAnErrorNamingItAndTheSupportedOnes()
    {
        var error = Read.Error(Deck("op\n  plot v(a)"));

        Assert.StartsWith("not supported in .control: plot; supported: op dc tran ac tf run print wrdata write echo", error.Message);
        Assert.Contains("foreach repeat while dowhile if else end break continue", error.Message);
        Assert.Equal((6, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void AnalysisCommandWithBadArguments_IsAnErrorWhenTheNetlistIsRead()
    {
        var error = Read.Error(Deck("tran 1n"));

        Assert.Equal(".tran needs tstep and tstop", error.Message);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void ExpressionThatDoesNotParse_IsAnErrorAtItsColumn()
    {
        var error = Read.Error(Deck("op\nprint v(a) * (2"));

        Assert.Equal("unexpected end of the expression", error.Message);
        Assert.Equal((6, 16), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void UnclosedLoop_IsAnErrorAtItsStart()
    {
        var error = Read.Error(Deck("foreach x 1 2\necho $x"));

        Assert.Equal("foreach is not closed", error.Message);
        Assert.Equal("end", error.Expected);
        Assert.Equal(5, error.Location.Line);
    }

    [Theory]
    [InlineData("end", "end without foreach, repeat, while, dowhile or if")]
    [InlineData("else", "else without if")]
    [InlineData("break", "break outside a loop")]
    public void ControlWordOutOfPlace_IsAnError(string word, string message)
    {
        Assert.Equal(message, Read.Error(Deck(word)).Message);
    }

    [Fact]
    public void Blocks_NestAsWritten()
    {
        var netlist = Read.Text(Deck("foreach r 1k 2k\n  if $r = 1k\n    op\n  else\n    run\n  end\nend\nquit"));

        var script = netlist.Control!;
        Assert.Equal(2, script.Statements.Count);
        var loop = Assert.IsType<ForeachBlock>(script.Statements[0]);
        Assert.Equal(("r", "1k 2k"), (loop.Variable, loop.Values));
        var branch = Assert.IsType<IfBlock>(Assert.Single(loop.Body));
        Assert.Equal("op", Assert.IsType<ControlCommand>(Assert.Single(branch.Then)).Name);
        Assert.Equal("run", Assert.IsType<ControlCommand>(Assert.Single(branch.Else)).Name);
        Assert.Equal("quit", Assert.IsType<ControlCommand>(script.Statements[1]).Name);
    }

    [Fact]
    public void DollarVariable_IsNotAComment()
    {
        // outside .control a word starting with '$' begins a comment; inside, $r is a variable and "$ " a comment
        var netlist = Read.Text(Deck("alter R1 $r $ the new value"));

        var alter = Assert.IsType<ControlCommand>(Assert.Single(netlist.Control!.Statements));
        Assert.Equal("R1 $r", alter.Arguments);
    }

    [Fact]
    public void DeepNesting_ParsesAndRunsWithoutRecursion()
    {
        // 5000 nested if blocks: the parser and the interpreter keep their own stacks
        const int depth = 5000;
        var body = string.Concat(Enumerable.Repeat("if 1\n", depth)) + "echo deep\n" + string.Concat(Enumerable.Repeat("end\n", depth));
        using var run = new ScriptRun(Deck(body));

        Assert.Null(run.Runner.ScriptError);
        Assert.Equal("deep\n", run.Terminal);
    }

    [Fact]
    public void ControlBlockWithoutEndc_IsAnErrorAtItsStart()
    {
        var error = Read.Error("t\nR1 a 0 1k\n.control\nop\n.end\n");

        Assert.Equal((".control block is not closed before .end", ".endc"), (error.Message, error.Expected));
        Assert.Equal(3, error.Location.Line);
    }
}
