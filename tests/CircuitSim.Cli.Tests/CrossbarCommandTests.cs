using System.CommandLine;
using Spectre.Console;

namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim crossbar …</c>: files written, exit codes, and messages for bad input.</summary>
public sealed class CrossbarCommandTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _cli.Dispose();

    private int Crossbar(params string[] args)
    {
        var command = CrossbarCommand.Create(Console(_out), Console(_err));
        var parse = command.Parse(args);
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
    public void Generated_netlist_runs_with_circuitsim_run()
    {
        var weights = _cli.Write("w.csv", "0.1,0.5\n1,0.25\n0,0.75\n");
        var netlist = Path.Combine(_cli.Folder, "xbar.cir");

        Assert.Equal(ExitCodes.Success, Crossbar("generate", "--device", "ymemristor", "--weights", weights, "--wire", "2", "--sense", "10", "-o", netlist));
        Assert.Equal(ExitCodes.Success, _cli.Run("xbar.cir"));
        Assert.Equal("i(vs1),i(vs2)", File.ReadLines(_cli.Output("xbar.op.csv")).First());
    }

    [Fact]
    public void Analyze_writes_netlist_report_and_chart()
    {
        var code = Crossbar("analyze", "--size", "4x3", "--wire", "1", "-o", _cli.OutputFolder, "--name", "x");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Worst-case relative error", File.ReadAllText(_cli.Output("x.vmm.md")));
        Assert.Contains("<svg", File.ReadAllText(_cli.Output("x.vmm.svg")));
        Assert.True(File.Exists(_cli.Output("x.cir")));
    }

    [Fact]
    public void Malformed_weight_file_exits_2_with_the_line()
    {
        var weights = _cli.Write("w.csv", "1,2\n3,x\n");

        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--weights", weights, "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("w.csv:2: value 2 'x' in the weight matrix is not a number", _err.ToString());
    }

    [Fact]
    public void Unknown_device_exits_2_and_lists_the_known_ones()
    {
        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--size", "2x2", "--device", "ysquid", "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("unknown device type 'ysquid': use one of resistor, ymemristor, ydwmtj, ymtj, yamm", _err.ToString());
    }

    [Fact]
    public void Size_that_does_not_match_the_weights_exits_2()
    {
        var weights = _cli.Write("w.csv", "1,2\n3,4\n");

        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--size", "3x2", "--weights", weights, "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("the weight matrix is 2x2 but the array was asked to be 3x2", _err.ToString());
    }

    [Fact]
    public void Bad_number_exits_2()
    {
        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--size", "2x2", "--wire", "lots", "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("--wire: 'lots' is not a number", _err.ToString());
    }

    [Fact]
    public void Sweep_writes_table_csv_and_chart()
    {
        Assert.Equal(ExitCodes.Success, Crossbar("sweep", "--sizes", "2,4", "--wires", "0,1", "-o", _cli.OutputFolder));
        Assert.Equal(5, File.ReadAllLines(_cli.Output("vmm_sweep.csv")).Count(l => l.Length > 0));
        Assert.True(File.Exists(_cli.Output("vmm_sweep.svg")));
        Assert.Contains("| N |", File.ReadAllText(_cli.Output("vmm_sweep.md")));
    }
}
