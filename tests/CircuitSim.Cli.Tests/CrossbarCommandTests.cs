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
    public void GeneratedNetlist_RunsWithCircuitsimRun()
    {
        var weights = _cli.Write("w.csv", "0.1,0.5\n1,0.25\n0,0.75\n");
        var netlist = Path.Combine(_cli.Folder, "xbar.cir");

        Assert.Equal(ExitCodes.Success, Crossbar("generate", "--device", "ymemristor", "--weights", weights, "--wire", "2", "--sense", "10", "-o", netlist));
        Assert.Equal(ExitCodes.Success, _cli.Run("xbar.cir"));
        Assert.Equal("i(vs1),i(vs2)", File.ReadLines(_cli.Output("xbar.op.csv")).First());
    }

    /// <summary>The header of a generated read says how to run it, gives the analyze command (the same options) that
    /// reports the error against G·V, and the ideal outputs; that command works as written. Ideal wires here, so the
    /// analysis is exact and the header's ideal (printed to 5 digits) matches the report's G·V.</summary>
    [Fact]
    public void Generated_ReadSaysHowToRunAndAnalyseIt()
    {
        var weights = _cli.Write("w.csv", "0.5,-1\n1,0.25\n");
        var netlist = Path.Combine(_cli.Folder, "vmm.cir");

        Assert.Equal(ExitCodes.Success, Crossbar("generate", "--device", "ymemristor", "--weights", weights, "--differential", "--wire", "0",
            "--inputs", "0.1,0.2", "-o", netlist));
        var header = File.ReadAllLines(netlist).TakeWhile(l => l.StartsWith('*') || !l.StartsWith('.')).ToList();
        Assert.Contains(header, l => l.StartsWith("* Run:   circuitsim run " + netlist + " -o out", StringComparison.Ordinal));
        var analyze = header.Single(l => l.Contains("circuitsim crossbar analyze", StringComparison.Ordinal)).TrimStart('*', ' ');
        Assert.DoesNotContain(netlist, analyze);
        Assert.EndsWith("-o out --name vmm", analyze);
        var ideal = header[header.FindIndex(l => l.StartsWith("* ideal outputs", StringComparison.Ordinal)) + 1];
        // G = gmin + (|w|/wmax)(gmax - gmin) on the + or - column of the pair; the pair's difference is (gmax - gmin) Σ w V
        // with the memristor card's range 1/16k .. 1/100 S
        var span = 1 / 100.0 - 1 / 16e3;
        // (printed to 5 digits: 2e-4 relative allows the last digit's rounding either way)
        var printed = System.Text.RegularExpressions.Regex.Matches(ideal, @"\d: (-?[0-9.]+) (m|u)A")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * (m.Groups[2].Value == "m" ? 1e-3 : 1e-6)).ToList();
        Assert.Equal(2, printed.Count);
        Assert.Equal(span * (0.5 * 0.1 + 1 * 0.2), printed[0], 2e-4 * span * 0.25);
        Assert.Equal(span * (-1 * 0.1 + 0.25 * 0.2), printed[1], 2e-4 * span * 0.05);

        var args = analyze["circuitsim crossbar ".Length..].Split(' ');
        args[^3] = _cli.OutputFolder; // -o out -> the test's folder
        Assert.Equal(ExitCodes.Success, Crossbar(args));
        Assert.Contains("Worst-case relative error", File.ReadAllText(_cli.Output("vmm.vmm.md")));
    }

    [Fact]
    public void Analyze_WritesNetlistReportAndChart()
    {
        var code = Crossbar("analyze", "--size", "4x3", "--wire", "1", "-o", _cli.OutputFolder, "--name", "x");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Worst-case relative error", File.ReadAllText(_cli.Output("x.vmm.md")));
        ChartFiles.AssertPng(_cli.Output("x.vmm.png"));
        Assert.True(File.Exists(_cli.Output("x.cir")));
    }

    [Fact]
    public void MalformedWeightFile_Exits2WithTheLine()
    {
        var weights = _cli.Write("w.csv", "1,2\n3,x\n");

        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--weights", weights, "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("w.csv:2: value 2 'x' in the weight matrix is not a number", _err.ToString());
    }

    [Fact]
    public void UnknownDevice_Exits2AndListsTheKnownOnes()
    {
        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--size", "2x2", "--device", "ysquid", "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("unknown device type 'ysquid': use one of resistor, ymemristor, ydwmtj, ymtj, yamm", _err.ToString());
    }

    [Fact]
    public void SizeThat_DoesNotMatchTheWeightsExits2()
    {
        var weights = _cli.Write("w.csv", "1,2\n3,4\n");

        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--size", "3x2", "--weights", weights, "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("the weight matrix is 2x2 but the array was asked to be 3x2", _err.ToString());
    }

    [Fact]
    public void BadNumber_Exits2()
    {
        Assert.Equal(ExitCodes.BadInput, Crossbar("generate", "--size", "2x2", "--wire", "lots", "-o", Path.Combine(_cli.Folder, "x.cir")));
        Assert.Contains("--wire: 'lots' is not a number", _err.ToString());
    }

    [Fact]
    public void Sweep_WritesTableCsvAndChart()
    {
        Assert.Equal(ExitCodes.Success, Crossbar("sweep", "--sizes", "2,4", "--wires", "0,1", "-o", _cli.OutputFolder));
        Assert.Equal(5, File.ReadAllLines(_cli.Output("vmm_sweep.csv")).Count(l => l.Length > 0));
        ChartFiles.AssertPng(_cli.Output("vmm_sweep.png"));
        Assert.Contains("| N |", File.ReadAllText(_cli.Output("vmm_sweep.md")));
    }

    [Fact]
    public void Sweep_WithASquareSizeSweepsTheWiresAtThatSize()
    {
        Assert.Equal(ExitCodes.Success, Crossbar("sweep", "--size", "3x3", "--wires", "0,1", "-o", _cli.OutputFolder));

        var rows = File.ReadAllLines(_cli.Output("vmm_sweep.csv")).Where(l => l.Length > 0).Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("3,", r));
    }

    [Theory]
    [InlineData("--size", "3x4", "is not one")]
    [InlineData("--size", "3x3", "both given")]
    public void Sweep_RefusesASizeItCannotHonour(string option, string value, string message)
    {
        var args = new List<string> { "sweep", option, value, "--wires", "0", "-o", _cli.OutputFolder };
        if (message == "both given") args.InsertRange(1, new[] { "--sizes", "2,4" });

        Assert.Equal(ExitCodes.BadInput, Crossbar(args.ToArray()));
        Assert.Contains(message, _err.ToString());
    }
}
