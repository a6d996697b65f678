using Spectre.Console;

namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim sweep …</c>: the all-local form, --runs, the netlist-changed guard, and messages for bad input.</summary>
public sealed class SweepCommandTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _cli.Dispose();

    private const string Divider = "divider\nV1 in 0 DC 1\nR1 in out {agauss(1k, 50, 1)}\nR2 out 0 1k\n.dc V1 1 1 1\n.meas dc vout find v(out) at=1\n.end\n";

    private int Sweep(params string[] args)
    {
        var parse = SweepCommand.Create(Console(_out), Console(_err)).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) _err.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        return parse.Invoke();
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 1000;
        return console;
    }

    [Fact]
    public void Sweep_WithRuns_PlansRunsAndMergesOneRowEach()
    {
        var netlist = _cli.Write("d.cir", Divider);
        var dir = Path.Combine(_cli.Folder, "mc");
        Assert.Equal(ExitCodes.Success, Sweep(netlist, "--runs", "5", "-o", dir, "-j", "2", "-q", "--seed", "3"));
        var rows = File.ReadAllLines(Path.Combine(dir, "results.csv"));
        Assert.Equal("point,run,seed,temperature,status,vout,error", rows[0]);
        Assert.Equal(6, rows.Length);
        Assert.StartsWith("4,5,3,,ok,0.", rows[5]);
        Assert.Contains("5 points: 5 ok, 0 failed, 0 without a result", _out.ToString());
    }

    [Fact]
    public void RunPoints_RefusesANetlistChangedSincePlanning()
    {
        var netlist = _cli.Write("d.cir", Divider);
        var dir = Path.Combine(_cli.Folder, "mc");
        Assert.Equal(ExitCodes.Success, Sweep("plan", netlist, "--runs", "2", "-o", dir));
        File.AppendAllText(netlist, "* edited\n");
        Assert.Equal(ExitCodes.BadInput, Sweep("run-points", dir));
        Assert.Contains("changed since the sweep was planned", _err.ToString());
    }

    [Fact]
    public void Status_WithoutAPlan_SaysWhereItLookedAndExitsTwo()
    {
        Assert.Equal(ExitCodes.BadInput, Sweep("status", Path.Combine(_cli.Folder, "nothing")));
        Assert.Contains("no sweep plan in", _err.ToString());
    }

    [Fact]
    public void Sweep_WithAFailedPoint_ExitsOneAndNamesIt()
    {
        var netlist = _cli.Write("f.cir", "f\nV1 in 0 DC 1\nR1 in out {rl}\nR2 out 0 1k\n.param rl=1k\n.step param rl list 1k 0\n.op\n.end\n");
        Assert.Equal(ExitCodes.SimulationFailed, Sweep(netlist, "-o", Path.Combine(_cli.Folder, "f"), "-q"));
        Assert.Contains("point 1 failed: ", _out.ToString());
    }
}
