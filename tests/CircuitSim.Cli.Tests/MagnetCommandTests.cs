using System.CommandLine;
using Spectre.Console;

namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim magnet</c> end to end, in process, on coarse meshes and short runs.</summary>
public class MagnetCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "circuitsim-magnet-cli-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new(), _err = new();

    private int Run(params string[] args)
    {
        var command = MagnetCommand.Create(Console(_out), Console(_err));
        return command.Parse(args).Invoke();
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var c = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
        c.Profile.Width = 1000;
        return c;
    }

    [Fact]
    public void Sp4_WithAnotherField_WritesTheMeanMagnetizationTable()
    {
        string dir = Path.Combine(_folder, "sp4");
        int rc = Run("sp4", "--field", "-35.5,-6.3", "--cell", "15.625", "--end", "0.05", "--sample", "10", "--threads", "1", "-o", dir);
        Assert.Equal(0, rc);
        var rows = File.ReadAllLines(Path.Combine(dir, "m.csv"));
        Assert.Equal("t_s,mx,my,mz", rows[0]);
        Assert.Equal(7, rows.Length); // 0 … 50 ps every 10 ps
        Assert.Contains("μ0H = (-35.5, -6.3, 0) mT", _out.ToString());
        Assert.True(File.Exists(Path.Combine(dir, "m_final.ovf")));
    }

    [Fact]
    public void Sp5_WithAnotherXi_WritesCorePositions()
    {
        string dir = Path.Combine(_folder, "sp5");
        int rc = Run("sp5", "--xi", "0.1", "--cell", "10", "--end", "0.02", "--threads", "1", "-o", dir);
        Assert.Equal(0, rc);
        var rows = File.ReadAllLines(Path.Combine(dir, "m.csv"));
        Assert.Equal("t_s,mx,my,mz,core_x_m,core_y_m", rows[0]);
        Assert.Equal(4, rows.Length);
        Assert.Contains("ξ = 0.1", _out.ToString());
    }

    [Fact]
    public void Sp4_WithAFemtometreCell_IsRefusedBeforeTheFilmIsBuilt()
    {
        // 1e-6 nm cells: 5e8 × 1.25e8 cells, whose count overflows an int and whose memory no machine has
        Assert.Equal(2, Run("sp4", "--cell", "1e-6", "-o", Path.Combine(_folder, "x")));
        Assert.Contains("--cell: the mesh of 500,000,000 × 125,000,000 = 6.25E+16 cells is too large", _err.ToString());
        Assert.False(Directory.Exists(Path.Combine(_folder, "x")));
    }

    [Fact]
    public void Sp5_WithMoreTableRowsThanAStageHolds_IsRefused()
    {
        Assert.Equal(2, Run("sp5", "--end", "1e6", "--sample", "1e-3", "-o", Path.Combine(_folder, "x")));
        Assert.Contains("--end and --sample: a run of 0.001 s sampled every 1E-15 s would write 1E+12 table rows", _err.ToString());
    }

    [Fact]
    public void Threads_BeyondTheCap_AreRefused()
    {
        Assert.Equal(2, Run("sp4", "--threads", "100000", "-o", Path.Combine(_folder, "x")));
        Assert.Contains("--threads must be between 0 (one per core) and 256, not 100000", _err.ToString());
    }

    [Fact]
    public void BadField_IsBadInputWithAMessage()
    {
        Assert.Equal(2, Run("sp4", "--field", "1,2,3,4", "-o", Path.Combine(_folder, "x")));
        Assert.Contains("--field: expected mx,my or mx,my,mz in mT", _err.ToString());
    }

    [Fact]
    public void BadProblemFile_NamesTheLineAndExitsTwo()
    {
        Directory.CreateDirectory(_folder);
        string file = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(file, "mesh:\n  cells: [4, 4]\n  cell: [5 nm, 5 nm]\n  thickness: 1 nm\nmaterial:\n  Ms: 8e5\n  A: 1e-11\nstages:\n  - spin: {}\n");
        Assert.Equal(2, Run("run", file, "-o", Path.Combine(_folder, "out")));
        Assert.Contains("bad.yaml:9:5: unknown key 'spin' in a stage", _err.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
