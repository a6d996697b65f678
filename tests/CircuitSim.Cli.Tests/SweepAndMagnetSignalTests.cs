using System.Globalization;
using System.Text.Json;
using CircuitSim.Cli.Tests.Support;
using CircuitSim.Micromagnetics.Problems;
using CircuitSim.Output;
using CircuitSim.Sweeps;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// Issue 13, defect 6 for <c>sweep</c> and <c>magnet</c>: SIGINT or SIGTERM mid-run ends like <c>run</c> does, with
/// 130 or 143 and one line saying where it stopped. A sweep abandons the points in flight (no result written), keeps
/// every finished point, merges them into loadable tables, and a resume runs only the rest; a micromagnetic run stops
/// after its present step, writes a last table row there and its final state, and leaves no temporary files.
/// </summary>
public sealed class SweepAndMagnetSignalTests : IDisposable
{
    /// <summary>Six points of about a second each (2 × 10⁵ time steps): long enough to be signalled between points.</summary>
    private const string SlowSweep = """
        slow rc sweep
        V1 in 0 PULSE(0 1 0 1n 1n 5u 10u)
        R1 in out {r}
        C1 out 0 1n
        .param r=1k
        .step param r 1k 6k 1k
        .tran 1n 200u
        .meas tran vmax max v(out)
        .end
        """;

    /// <summary>An 8 × 8 film run for 100 ns: minutes of integration, sampled every 10 ps.</summary>
    private const string LongProblem = """
        mesh:
          cells: [8, 8]
          size: [40 nm, 40 nm]
          thickness: 3 nm
        material:
          Ms: 8e5
          A: 1.3e-11
          alpha: 0.02
        field:
          B: [-24.6, 4.3, 0]
        initial:
          uniform: [1, 0.1, 0]
        stages:
          - run: {time: 100 ns, sample: 10 ps}
        outputs:
          table: m.csv
          final: true
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private string SweepFolder => Path.Combine(_cli.Folder, "sw");

    /// <summary>Starts <paramref name="args"/> and returns once <paramref name="ready"/> holds (at most 90 s).</summary>
    private CliProcess StartAndWait(Func<bool> ready, params string[] args)
    {
        var p = CliProcess.Start(_cli.Folder, null, args);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (ready()) return p;
            if (p.HasExited) throw new InvalidOperationException("the command ended before it was signalled: " + p.WaitForEnd(1).Stderr);
            Thread.Sleep(50);
        }
        p.Dispose();
        throw new TimeoutException("the command did not get under way in 90 s");
    }

    private bool SweepHasAPoint() => Directory.Exists(Path.Combine(SweepFolder, "points")) && Directory.GetFiles(Path.Combine(SweepFolder, "points"), "*.json").Length > 0;

    private static void AssertNoTemporaryFiles(string folder) =>
        Assert.DoesNotContain(Directory.GetFiles(folder, "*", SearchOption.AllDirectories), f => AtomicFile.TemporaryFileOwner(Path.GetFileName(f)) is not null || f.EndsWith(".tmp", StringComparison.Ordinal));

    [Theory]
    [InlineData(2, ExitCodes.Interrupted)]   // SIGINT
    [InlineData(15, ExitCodes.Terminated)]   // SIGTERM
    public void SignalMid_SweepKeepsTheFinishedPointsMergedAndNoTemporaryFiles(int signal, int expectedCode)
    {
        _cli.Write("slow.cir", SlowSweep);
        using var p = StartAndWait(SweepHasAPoint, "sweep", "slow.cir", "-o", "sw", "-j", "1");

        p.Signal(signal);
        var (code, _, stderr) = p.WaitForEnd(60);

        Assert.Equal(expectedCode, code);
        Assert.Contains("interrupted after ", stderr);
        Assert.Contains("sweep resume", stderr);
        AssertNoTemporaryFiles(SweepFolder);
        var dir = new SweepDirectory(SweepFolder);
        var plan = dir.ReadPlan();
        var done = dir.CompletedPoints();
        Assert.InRange(done.Count, 1, plan.Points.Count - 1);
        foreach (var i in done) Assert.Equal(PointStatus.Ok, dir.ReadResult(i)!.Status);
        // the merged table lists every point: the finished ones with their measurement, the rest as missing
        var rows = File.ReadAllLines(Path.Combine(SweepFolder, "results.csv"));
        Assert.Equal(plan.Points.Count + 1, rows.Length);
        Assert.Equal(done.Count, rows.Count(r => r.Contains(",ok,", StringComparison.Ordinal)));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(SweepFolder, "summary.json")));
        Assert.Equal(done.Count, summary.RootElement.GetProperty("ok").GetInt32());
    }

    [Fact]
    public void SigtermMid_RunPointsStoresOnlyWholePointsAndExits143()
    {
        _cli.Write("slow.cir", SlowSweep);
        Assert.Equal(0, CliProcess.Run(_cli.Folder, "sweep", "plan", "slow.cir", "-o", "sw").Code);
        using var p = StartAndWait(SweepHasAPoint, "sweep", "run-points", "sw", "-j", "1", "-q");

        p.Signal(15);
        var (code, _, stderr) = p.WaitForEnd(60);

        Assert.Equal(ExitCodes.Terminated, code);
        Assert.Contains("interrupted after ", stderr);
        AssertNoTemporaryFiles(SweepFolder);
        var dir = new SweepDirectory(SweepFolder);
        Assert.All(dir.CompletedPoints(), i => Assert.Equal(PointStatus.Ok, dir.ReadResult(i)!.Status));
        Assert.False(File.Exists(Path.Combine(SweepFolder, "results.csv"))); // run-points never merges
    }

    [Fact]
    public void InterruptedSweep_TheResumeItNamesRunsOnlyThePointsWithoutAResult()
    {
        _cli.Write("slow.cir", SlowSweep);
        string stderr;
        using (var p = StartAndWait(SweepHasAPoint, "sweep", "slow.cir", "-o", "sw", "-j", "1"))
        {
            p.Signal(2);
            (var code1, _, stderr) = p.WaitForEnd(60);
            Assert.Equal(ExitCodes.Interrupted, code1);
        }
        var dir = new SweepDirectory(SweepFolder);
        var before = dir.CompletedPoints().ToDictionary(i => i, i => File.ReadAllText(dir.ResultPath(i)));
        var missing = dir.MissingPoints(dir.ReadPlan());
        var named = System.Text.RegularExpressions.Regex.Match(stderr, "'circuitsim (sweep resume [^']+)'");
        Assert.True(named.Success, stderr);

        var (code, stdout, _) = CliProcess.Run(_cli.Folder, null, 120, [.. named.Groups[1].Value.Split(' '), "-j", "1"]);

        Assert.Equal(0, code);
        Assert.Contains($"[{missing.Count}/{missing.Count}]", stdout);
        Assert.DoesNotContain($"[{missing.Count + 1}/", stdout);
        foreach (var (i, text) in before) Assert.Equal(text, File.ReadAllText(dir.ResultPath(i))); // kept, not recomputed
        Assert.Empty(dir.MissingPoints(dir.ReadPlan()));
    }

    [Theory]
    [InlineData(2, ExitCodes.Interrupted)]   // SIGINT
    [InlineData(15, ExitCodes.Terminated)]   // SIGTERM
    public void SignalMid_MagnetRunWritesItsTableAndFinalStateAndSaysWhereItStopped(int signal, int expectedCode)
    {
        _cli.Write("long.yaml", LongProblem);
        var table = Path.Combine(_cli.OutputFolder, "m.csv");
        using var p = StartAndWait(() => File.Exists(table) && SharedLines(table) > 3, "magnet", "run", "long.yaml", "-o", "out", "--threads", "1");

        p.Signal(signal);
        var (code, _, stderr) = p.WaitForEnd(60);

        Assert.Equal(expectedCode, code);
        var match = System.Text.RegularExpressions.Regex.Match(stderr, @"interrupted at t = ([0-9.]+) ns in stage 1/1 \(run\)");
        Assert.True(match.Success, stderr);
        AssertNoTemporaryFiles(_cli.OutputFolder);
        var csv = CsvFile.Read(table);
        Assert.True(csv.PointCount > 3, $"{csv.PointCount} rows");
        // the last row is where the run stopped: the message's time, printed to 1e-6 ns
        double stopped = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1e-9;
        Assert.Equal(stopped, csv.Scale!.RealPart()[^1], 1e-15);
        Assert.True(stopped < 100e-9);
        var final = OvfWriter.ReadValues(File.ReadAllText(Path.Combine(_cli.OutputFolder, "m_final.ovf")));
        Assert.Equal(3 * 8 * 8, final.Length);
    }

    /// <summary>Lines of a file another process is writing.</summary>
    private static int SharedLines(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var r = new StreamReader(s);
        var n = 0;
        while (r.ReadLine() is not null) n++;
        return n;
    }
}
