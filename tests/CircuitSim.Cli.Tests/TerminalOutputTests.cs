namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim run</c> with ngspice's terminal habits: .print tables, the .op values, .control scripts and
/// analyses we do not run.</summary>
public sealed class TerminalOutputTests : IDisposable
{
    private const string Divider = """
        divider
        V1 in 0 DC 1
        R1 in out 1k
        R2 out 0 3k

        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void DotPrint_TableGoesToStdoutAndEveryVectorToTheFiles()
    {
        _cli.Write("d.cir", Divider + ".dc V1 0 1 0.5\n.print dc v(out)\n.end\n");

        Assert.Equal(ExitCodes.Success, _cli.Run("d.cir"));

        Assert.Contains("Index   v1              v(out)          \n", _cli.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("2\t1.000000e+00\t7.500000e-01\t", _cli.Stdout);
        Assert.Equal("v1,v(in),v(out),i(v1)", File.ReadLines(_cli.Output("d.dc.csv")).First());
    }

    [Fact]
    public void OperatingPoint_ValuesAreInTheSummary()
    {
        _cli.Write("d.cir", Divider + ".op\n.end\n");

        _cli.Run("d.cir");

        var lines = _cli.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("│ v(out)") && l.Contains("0.75 │"));
        Assert.Contains(lines, l => l.Contains("│ i(v1)") && l.Contains("-0.00025 │"));
    }

    [Theory]
    [InlineData(".noise v(out) V1 dec 10 1 1k")]
    [InlineData(".pz in 0 out 0 vol pz")]
    [InlineData(".sens v(out)")]
    [InlineData(".disto dec 10 1 1k")]
    public void OnlyUnsupportedAnalyses_ExitTwoNamingTheLineAndWhatIsSupported(string line)
    {
        _cli.Write("n.cir", Divider + line + "\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("n.cir"));

        Assert.Contains("n.cir:5:1: error: ", _cli.Stderr);
        Assert.Contains("analysis is not supported (expected .op, .dc, .tran, .ac, .tf or .four (with .tran))", _cli.Stderr);
    }

    [Fact]
    public void TfAndFour_RunAndPrint()
    {
        _cli.Write("t.cir", """
            tf and four
            V1 in 0 SIN(0 1 1k)
            R1 in out 1k
            R2 out 0 3k
            .tf v(out) V1
            .tran 10u 2m
            .four 1k v(out)
            .end
            """);

        Assert.Equal(ExitCodes.Success, _cli.Run("t.cir"));

        Assert.Contains("Fourier analysis for v(out):", _cli.Stdout);
        Assert.Contains(_cli.Stdout.Split('\n'), l => l.Contains("│ transfer_function") && l.Contains("0.75 │"));
        Assert.True(File.Exists(_cli.Output("t.tf.csv")));
    }

    [Fact]
    public void ControlScript_RunsItsAnalysesIntoTheOutputFilesAndPrints()
    {
        _cli.Write("c.cir", Divider + """
            .control
            foreach r 1k 3k
              alter R2 $r
              op
              print v(out)
            end
            dc V1 0 1 0.5
            wrdata sweep.txt v(out)
            .endc
            .end
            """);

        Assert.Equal(ExitCodes.Success, _cli.Run("c.cir"));

        Assert.Contains("v(out) = 5.000000e-01\nv(out) = 7.500000e-01\n", _cli.Stdout.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(_cli.Output("c.op.csv")) && File.Exists(_cli.Output("c.op2.csv")) && File.Exists(_cli.Output("c.dc.csv")));
        Assert.True(File.Exists(_cli.Output("sweep.txt")));
        Assert.Contains("wrote " + _cli.Output("sweep.txt"), _cli.Stdout);
    }

    [Fact]
    public void ControlScriptError_ExitsTwoAtItsLineAfterWritingWhatRan()
    {
        _cli.Write("c.cir", Divider + ".control\nop\nprint v(nosuch)\n.endc\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("c.cir"));

        Assert.Contains("c.cir:7:7: error: no such vector 'v(nosuch)' in plot op1", _cli.Stderr);
        Assert.True(File.Exists(_cli.Output("c.op.csv")));
    }

    [Fact]
    public void UnsupportedControlCommand_ExitsTwoBeforeSimulating()
    {
        _cli.Write("c.cir", Divider + ".control\nop\nplot v(out)\n.endc\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("c.cir"));

        Assert.Contains("c.cir:7:1: error: not supported in .control: plot; supported: ", _cli.Stderr);
        Assert.Contains("nothing was simulated", _cli.Stderr);
    }
}
