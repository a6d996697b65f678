using System.CommandLine;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// Issue 13's rules for the commands and inputs that came after it: .control scripts (write/wrdata file names),
/// <c>circuitsim sweep</c> (plan.json, the sweep directory) and <c>circuitsim magnet</c> (problem files, -o): files
/// only where the user said, regular input files only, one-line messages, exit 2 for bad input before computing.
/// </summary>
public sealed class CommandRobustnessTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _cli.Dispose();

    private string Victim()
    {
        var victim = Path.Combine(_cli.Folder, "victim");
        Directory.CreateDirectory(victim);
        return _cli.Write(Path.Combine("victim", "existing.txt"), "keep me\n");
    }

    /// <summary>The sweep and magnet commands as Program.cs registers them (no default exception handler).</summary>
    private int Invoke(params string[] args)
    {
        var root = new RootCommand { SweepCommand.Create(CliRun.Console(_out), CliRun.Console(_err)), MagnetCommand.Create(CliRun.Console(_out), CliRun.Console(_err)) };
        return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    // ---- .control ----

    [Theory]
    [InlineData("wrdata ../victim/existing.txt v(out)")]
    [InlineData("write ../victim/existing.txt")]
    public void ControlFileCommand_OutsideTheOutputDirectory_IsRefusedAndTheFileIsUntouched(string command)
    {
        var victim = Victim();
        _cli.Write("c.cir", $"c\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k\n.op\n.control\nrun\n{command}\n.endc\n.end\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("c.cir", quiet: true));
        Assert.Contains("outside the output directory", _cli.Stderr);
        Assert.Equal("keep me\n", File.ReadAllText(victim));
    }

    [Fact]
    public void ControlWrdata_WithARelativeName_WritesInsideTheOutputDirectory()
    {
        _cli.Write("c.cir", "c\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k\n.op\n.control\nrun\nwrdata sub/v.txt v(out)\n.endc\n.end\n");

        Assert.Equal(ExitCodes.Success, _cli.Run("c.cir", quiet: true));
        Assert.True(File.Exists(Path.Combine(_cli.OutputFolder, "sub", "v.txt")));
    }

    [Fact]
    public void ControlScript_WithoutAnalysisLines_IsNotRefusedAsHavingNoAnalysis()
    {
        _cli.Write("c.cir", "c\nV1 in 0 1\nR1 in 0 1k\n.control\nop\nprint v(in)\n.endc\n.end\n");

        Assert.Equal(ExitCodes.Success, _cli.Run("c.cir", quiet: true));
        Assert.DoesNotContain("no analysis", _cli.Stderr);
    }

    // ---- sweep ----

    private string Plan()
    {
        var netlist = _cli.Write("d.cir", "d\nV1 in 0 1\nR1 in out {r}\nR2 out 0 1k\n.param r=1k\n.step param r 1k 2k 1k\n.dc V1 1 1 1\n.meas dc vout find v(out) at=1\n.end\n");
        var dir = Path.Combine(_cli.Folder, "sweep");
        var code = Invoke("sweep", "plan", netlist, "-o", dir);
        Assert.True(code == 0, _err.ToString());
        return dir;
    }

    [Fact]
    public void SweepRunPoints_WithAPlanWhosePointsAreOutOfOrder_ExitsTwoWithOneLine()
    {
        var dir = Plan();
        var plan = Path.Combine(dir, "plan.json");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"index\": 1", "\"index\": 7"));

        Assert.Equal(ExitCodes.BadInput, Invoke("sweep", "run-points", dir, "-q"));
        Assert.Contains("point 1 has the index 7", _err.ToString());
    }

    [Fact]
    public void SweepRunPoints_WithAPlanNamingADeviceAsItsNetlist_ExitsTwoInsteadOfReadingForever()
    {
        var dir = Plan();
        var plan = Path.Combine(dir, "plan.json");
        var text = File.ReadAllText(plan);
        var netlist = Path.Combine(_cli.Folder, "d.cir");
        File.WriteAllText(plan, text.Replace(netlist, "/dev/zero"));

        Assert.Equal(ExitCodes.BadInput, Invoke("sweep", "run-points", dir, "-q"));
        Assert.Contains("not a regular file", _err.ToString());
    }

    [Fact]
    public void SweepPlan_WhenPlanJsonIsADevice_ExitsTwoInsteadOfReadingForever()
    {
        var dir = Path.Combine(_cli.Folder, "linked");
        Directory.CreateDirectory(dir);
        File.CreateSymbolicLink(Path.Combine(dir, "plan.json"), "/dev/zero");

        Assert.Equal(ExitCodes.BadInput, Invoke("sweep", "status", dir));
        Assert.Contains("not a regular file", _err.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("file")]
    public void Sweep_WithAnUnusableDirectory_ExitsTwoWithOneLine(string output)
    {
        var netlist = _cli.Write("d.cir", "d\nV1 in 0 1\nR1 in 0 1k\n.op\n.end\n");
        _cli.Write("file", "a file");
        if (output == "file") output = Path.Combine(_cli.Folder, "file");

        Assert.Equal(ExitCodes.BadInput, Invoke("sweep", netlist, "-o", output, "-q"));
        Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // ---- magnet ----

    private const string Problem = "mesh:\n  cells: [4, 4]\n  size: [20 nm, 20 nm]\n  thickness: 3 nm\nmaterial:\n  Ms: 8e5\n  A: 1.3e-11\n  alpha: 0.5\n" +
                                   "initial:\n  uniform: [1, 0, 0]\nstages:\n  - run: {time: 5 ps, sample: 5 ps}\noutputs:\n  table: TABLE\n";

    [Theory]
    [InlineData("../victim/existing.txt")]
    [InlineData("/tmp/circuitsim-outside.csv")]
    public void MagnetRun_WithATableOutsideTheOutputDirectory_ExitsTwoAndWritesNothing(string table)
    {
        var victim = Victim();
        var problem = _cli.Write("p.yaml", Problem.Replace("TABLE", table));

        Assert.Equal(ExitCodes.BadInput, Invoke("magnet", "run", problem, "-o", Path.Combine(_cli.Folder, "out"), "--threads", "1"));
        Assert.Contains("outputs.table must be a plain file name", _err.ToString());
        Assert.Equal("keep me\n", File.ReadAllText(victim));
        Assert.False(File.Exists("/tmp/circuitsim-outside.csv"));
    }

    [Fact]
    public void MagnetRun_WithADeviceAsTheProblemFile_ExitsTwoInsteadOfReadingForever()
    {
        Assert.Equal(ExitCodes.BadInput, Invoke("magnet", "run", "/dev/zero", "-o", Path.Combine(_cli.Folder, "out")));
        Assert.Contains("not a regular file", _err.ToString());
    }

    [Fact]
    public void MagnetSp4_WithAnEmptyOutputName_ExitsTwoWithOneLine()
    {
        Assert.Equal(ExitCodes.BadInput, Invoke("magnet", "sp4", "--end", "0.01", "-o", ""));
        Assert.Contains("empty name", _err.ToString());
        Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
