using CircuitSim.Core.Simulations;
using CircuitSim.Output;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>Running .control scripts: analyses through the runner, loops with alter, variables, vectors and errors.</summary>
public class ControlInterpreterTests
{
    private const string Divider = """
        divider
        V1 in 0 DC 1
        R1 in out 1k
        R2 out 0 1k
        .op
        """;

    private static string WithControl(string circuit, string control) => circuit + "\n.control\n" + control + "\n.endc\n.end\n";

    [Fact]
    public void AnalysisCommands_RunThroughTheRunnerAndReachItsObservers()
    {
        using var run = new ScriptRun(WithControl(Divider, "op\ndc V1 0 2 1\ntran 1u 5u"));

        Assert.Null(run.Runner.ScriptError);
        Assert.Equal(new[] { "op", "dc", "tran" }, run.Outcomes.Select(o => o.Info.Analysis.Kind));
        Assert.Equal(new[] { "Operating Point", "DC transfer characteristic", "Transient Analysis" }, run.Recorder.Plots.Select(p => p.Info.PlotName));
        Assert.Equal(new[] { 0, 0.5, 1 }, run.Recorder.Plots[1]["v(out)"]);
    }

    [Fact]
    public void WithoutRun_TheAnalysisLinesDoNotRun()
    {
        using var run = new ScriptRun(WithControl(Divider, "echo nothing simulated"));

        Assert.Empty(run.Outcomes);
        Assert.Equal("nothing simulated\n", run.Terminal);
    }

    [Fact]
    public void Run_RunsTheAnalysisLines()
    {
        using var run = new ScriptRun(WithControl(Divider, "run\nprint v(out)"));

        Assert.Equal("op", Assert.Single(run.Outcomes).Info.Analysis.Kind);
        Assert.Equal("v(out) = 5.000000e-01\n", run.Terminal);
    }

    [Fact]
    public void ForeachWithAlter_ChangesTheResistorBeforeEachRun()
    {
        using var run = new ScriptRun(WithControl(Divider, """
            foreach r 1k 2k 5k
              alter R2 $r
              op
              print v(out)
            end
            """));

        // v(out) = R2 / (1k + R2)
        Assert.Equal("v(out) = 5.000000e-01\nv(out) = 6.666667e-01\nv(out) = 8.333333e-01\n", run.Terminal);
        Assert.Equal(3, run.Outcomes.Count);
    }

    [Theory]
    [InlineData("alter R2 = 3k")]
    [InlineData("alter R2 r = 3k")]
    [InlineData("alter @R2[resistance] = 3k")]
    [InlineData("alter R2 3k")]
    public void Alter_AcceptsNgspicesForms(string alter)
    {
        using var run = new ScriptRun(WithControl(Divider, alter + "\nop\nprint v(out)"));

        Assert.Equal("v(out) = 7.500000e-01\n", run.Terminal);
    }

    [Fact]
    public void Altermod_ChangesAModelParameter()
    {
        using var run = new ScriptRun("""
            mos
            VDD d 0 5
            VG g 0 2
            RD d o 10k
            M1 o g 0 0 nm W=10u L=1u
            .model nm NMOS level=1 vto=1 kp=20u
            .control
            op
            let before = v(o)
            altermod nm vto = 1.5
            op
            print v(o) > op1.before
            .endc
            .end
            """);

        // a higher threshold passes less current, so the drain rises
        Assert.Null(run.Runner.ScriptError);
        Assert.Equal("v(o) > op1.before = 1.000000e+00\n", run.Terminal);
    }

    [Fact]
    public void LetAndPrint_ComputeOnVectors()
    {
        using var run = new ScriptRun(WithControl(Divider, "op\nlet p = v(out) * i(v1)\nlet half = v(in) / 2\nprint p half"));

        // i(v1) = −0.5 mA into the source's + terminal
        Assert.Equal("p = -2.50000e-04\nhalf = 5.000000e-01\n", run.Terminal);
    }

    [Fact]
    public void WhileIfBreakContinueRepeatDowhile_RunAsNgspiceRunsThem()
    {
        using var run = new ScriptRun(WithControl(Divider, """
            let k = 0
            while k < 5
              let k = k + 1
              if k = 2
                continue
              end
              if k = 4
                break
              end
              echo k=$&k
            end
            repeat 2
              echo again
            end
            dowhile k < 0
              echo once
            end
            """));

        Assert.Equal("k=1\nk=3\nagain\nagain\nonce\n", run.Terminal);
    }

    [Fact]
    public void SetAndUnset_DefineTheDollarVariables()
    {
        using var run = new ScriptRun(WithControl(Divider, """
            set list = ( 1 2 3 )
            set name = "two words" flag
            echo $list / $name / $flag end
            foreach x $list
              echo x is $x
            end
            unset name
            echo $name
            """));

        Assert.StartsWith("1 2 3 / two words / end\nx is 1\nx is 2\nx is 3\n", run.Terminal);
        var error = run.Runner.ScriptError!;
        Assert.Equal("no such variable 'name' (set it with set name = …)", error.Message);
        Assert.Equal((14, 6), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Quit_StopsTheScript()
    {
        using var run = new ScriptRun(WithControl(Divider, "echo one\nquit\necho two"));

        Assert.Equal("one\n", run.Terminal);
        Assert.Null(run.Runner.ScriptError);
    }

    [Fact]
    public void MissingVector_StopsTheScriptWithFileLineAndColumn_KeepingWhatRan()
    {
        using var run = new ScriptRun(WithControl(Divider, "op\nprint v(out) v(nosuch)\necho never"));

        var error = run.Runner.ScriptError!;
        Assert.Equal("no such vector 'v(nosuch)' in plot op1", error.Message);
        Assert.Equal((Path.GetFullPath(run.NetlistPath), 8, 14), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.Single(run.Outcomes);
        Assert.DoesNotContain("never", run.Terminal);
    }

    [Fact]
    public void Option_ChangesTheOptionsOfLaterAnalyses()
    {
        using var run = new ScriptRun(WithControl(Divider, "option reltol=1e-5 method=gear"));

        Assert.Equal((1e-5, IntegrationMethodKind.Gear), (run.Netlist.Options.RelTol, run.Netlist.Options.Method));
    }

    [Fact]
    public void Meas_PrintsItsValueAndAddsItToThePlotAndTheOutcome()
    {
        using var run = new ScriptRun("""
            rc
            V1 in 0 PULSE(0 1 0 1n 1n 1u 2u)
            R1 in out 1k
            C1 out 0 100p
            .control
            tran 10n 1u
            meas tran tr TRIG v(out) VAL=0.1 RISE=1 TARG v(out) VAL=0.9 RISE=1
            print tr/1e-9
            .endc
            .end
            """);

        // RC·ln 9 = 219.7 ns (RC = 100 ns); the 1 ns edge and the interpolation between points keep it within 1 %
        var measure = Assert.Single(run.Outcomes[0].Measures);
        Assert.Equal("tr", measure.Name);
        Assert.Equal(100e-9 * Math.Log(9), measure.Value!.Value, 0.01 * 100e-9 * Math.Log(9));
        Assert.StartsWith("tr                  =  2.", run.Terminal);
        Assert.Contains("tr/1e-9 = 2.", run.Terminal);
    }

    [Fact]
    public void DotMeas_AppliesToTheScriptsAnalyses()
    {
        using var run = new ScriptRun(WithControl(Divider + "\n.meas dc vmid FIND v(out) AT=1", "dc V1 0 2 0.5"));

        Assert.Equal(0.5, Assert.Single(run.Outcomes[0].Measures).Value!.Value, 12);
    }

    [Fact]
    public void Write_WritesTheCurrentPlotAsARawFile()
    {
        using var run = new ScriptRun(WithControl(Divider, "dc V1 0 2 1\nwrite out.raw\nset filetype=ascii\nwrite sub/half.raw v(out)/2"));

        var all = RawFile.ReadFirst(run.PathOf("out.raw"));
        Assert.Equal(new[] { "v1", "v(in)", "v(out)", "i(v1)" }, all.Vectors.Select(v => v.Name));
        var half = RawFile.ReadFirst(run.PathOf(Path.Combine("sub", "half.raw")));
        Assert.Equal(new[] { 0, 0.25, 0.5 }, half.Vectors[1].Real);
        Assert.Equal(2, run.Runner.FilesWritten.Count);
    }

    [Fact]
    public void Linearize_MakesAPlotOnTheTstepGrid()
    {
        using var run = new ScriptRun("""
            rc
            V1 in 0 PULSE(0 1 0 1n 1n 1u 2u)
            R1 in out 1k
            C1 out 0 100p
            .control
            tran 100n 1u
            linearize v(out)
            print length(time) time[3]
            .endc
            .end
            """);

        Assert.Equal("length(time) = 1.100000e+01\ntime[3] = 3.000000e-07\n", run.Terminal);
    }

    [Fact]
    public void Save_NarrowsTheVectorsOfLaterAnalyses()
    {
        using var run = new ScriptRun(WithControl(Divider, "save v(out)\nop"));

        Assert.Equal(new[] { "v(out)" }, run.Recorder.Plots[0].Info.VectorNames);
    }
}
