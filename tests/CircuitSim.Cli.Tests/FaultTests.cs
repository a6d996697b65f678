using CircuitSim.Cli.Tests.Support;
using CircuitSim.Output;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// Issue 13, defect 6 and the fault tests: the real CLI interrupted by SIGINT or SIGTERM mid-run completes its files
/// (loadable, the raw header's count patched, final names, no temporary files) and exits 130 or 143; killed by SIGKILL
/// it leaves temporary files that load up to the last checkpoint, which the next run into the folder removes; a full
/// disk ends the run with a message and leaves the disk as it was.
/// </summary>
public sealed class FaultTests : IDisposable
{
    /// <summary>About 10⁷ output points: a minute of writing, far longer than the tests wait.</summary>
    private const string LongRun = """
        long RC run
        V1 in 0 PULSE(0 1 0 1n 1n 5n 10n)
        R1 in out 1k
        C1 out 0 1p
        .tran 1n 10m
        .end
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Starts the long run and returns once its temporary raw file holds data (the run is under way).</summary>
    private CliProcess StartLongRun()
    {
        _cli.Write("long.cir", LongRun);
        var p = CliProcess.Start(_cli.Folder, null, "run", "long.cir", "-o", "out", "-q");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Directory.Exists(_cli.OutputFolder) && Directory.GetFiles(_cli.OutputFolder, ".long.raw.*.tmp").Any()) return p;
            if (p.HasExited) throw new InvalidOperationException("the run ended before it was interrupted: " + p.WaitForEnd(1).Stderr);
            Thread.Sleep(50);
        }
        throw new TimeoutException("the run wrote nothing in 60 s");
    }

    [Theory]
    [InlineData(2, ExitCodes.Interrupted)]   // SIGINT
    [InlineData(15, ExitCodes.Terminated)]   // SIGTERM
    public void SignalMid_RunLeavesLoadableRawAndCsvAndNoTemporaryFiles(int signal, int expectedCode)
    {
        using var p = StartLongRun();
        WaitUntilWriting(); // a loaded machine may take seconds to start the process

        p.Signal(signal);
        var (code, _, stderr) = p.WaitForEnd(60);

        Assert.Equal(expectedCode, code);
        Assert.Contains("interrupted at t = ", stderr);
        Assert.Empty(Directory.GetFiles(_cli.OutputFolder, "*.tmp"));
        var raw = RawFile.ReadFirst(_cli.Output("long.raw"));
        var csv = CsvFile.Read(_cli.Output("long.tran.csv"));
        Assert.True(raw.PointCount > 100, $"{raw.PointCount} raw points");
        Assert.True(csv.PointCount > 100, $"{csv.PointCount} CSV rows");
        // the CSV is the tstep grid up to the last computed point: it ends within one tstep of the raw data, and not
        // after it (a grid time k·tstep that equals the last point's accumulated time up to a few ulps is that point)
        var rawEnd = raw.Scale!.RealPart()[^1];
        Assert.InRange(rawEnd - csv.Scale!.RealPart()[^1], -4e-16 * rawEnd, 1e-9 * (1 + 1e-6));
    }

    /// <summary>Until the run's temporary output files exist and hold data (at most 60 s), then one checkpoint more.</summary>
    private void WaitUntilWriting()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline
               && !Directory.GetFiles(_cli.OutputFolder, "*.tmp").Any(f => new FileInfo(f).Length > 4096))
            Thread.Sleep(100);
        Thread.Sleep(1200);
    }

    [NgspiceFact]
    public void InterruptedRawFile_LoadsInNgspiceWithEveryPoint()
    {
        using var p = StartLongRun();
        Thread.Sleep(1500);

        p.Signal(2);
        p.WaitForEnd(60);

        var ours = RawFile.ReadFirst(_cli.Output("long.raw")).PointCount;
        Assert.Equal(ours, Ngspice.LoadedPoints(_cli.Output("long.raw"), "v(out)"));
    }

    [Fact]
    public void AfterSigkillTheTemporaryFiles_LoadUpToTheLastCheckpointAndTheNextRunRemovesThem()
    {
        using (var p = StartLongRun())
        {
            // a checkpoint with data before the kill: a fixed 2.5 s could end before the first on a loaded machine
            WaitUntilWriting();
            p.Signal(9);
            p.WaitForEnd(30);
        }
        var rawTemp = Assert.Single(Directory.GetFiles(_cli.OutputFolder, ".long.raw.*.tmp"));
        var csvTemp = Assert.Single(Directory.GetFiles(_cli.OutputFolder, ".long.tran.csv.*.tmp"));

        var raw = RawFile.ReadFirst(rawTemp);
        var csv = CsvFile.Read(csvTemp);
        Assert.True(raw.PointCount > 100, $"{raw.PointCount} points in the killed run's raw file");
        Assert.True(csv.PointCount > 100, $"{csv.PointCount} rows in the killed run's CSV file");

        _cli.Write("long.cir", "short\nR1 a 0 1k\nV1 a 0 1\n.op\n.end\n");
        var (code, _, stderr) = CliProcess.Run(_cli.Folder, "run", "long.cir", "-o", "out");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("removed 2 temporary file(s)", stderr);
        Assert.Empty(Directory.GetFiles(_cli.OutputFolder, "*.tmp"));
    }

    [NgspiceFact]
    public void AfterSigkillTheTemporaryRawFile_LoadsInNgspice()
    {
        using (var p = StartLongRun())
        {
            WaitUntilWriting();
            p.Signal(9);
            p.WaitForEnd(30);
        }
        var rawTemp = Assert.Single(Directory.GetFiles(_cli.OutputFolder, ".long.raw.*.tmp"));

        var loaded = Ngspice.LoadedPoints(rawTemp, "v(out)");

        Assert.NotNull(loaded);
        Assert.True(loaded >= RawFile.ReadFirst(rawTemp).PointCount);
    }

    [TmpfsFact]
    public void FullDisk_GivesAMessageExit1AndLeavesTheDiskAsItWas()
    {
        using var disk = Tmpfs.Mount("size=256k");
        var before = disk.UsedBytes();
        _cli.Write("big.cir", "big outputs\nV1 in 0 SIN(0 1 1meg)\nR1 in out 1k\nC1 out 0 1n\n.tran 1n 200u\n.end\n"); // ~200 000 rows: MBs

        var code = RunCommand.Execute(new FileInfo(Path.Combine(_cli.Folder, "big.cir")), disk.Path, "both", plot: false, quiet: true, ascii: false,
            CliRun.Console(new StringWriter()), CliRun.Console(_cli.ErrorWriter));

        Assert.Equal(ExitCodes.SimulationFailed, code);
        Assert.Contains("cannot write the output files", _cli.Stderr);
        Assert.Contains("temporary files removed", _cli.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
        Assert.Equal(before, disk.UsedBytes());
    }

    [TmpfsFact]
    public void ReadOnlyOutputDirectory_IsRefusedBeforeSimulating()
    {
        using var disk = Tmpfs.Mount("size=64k,ro");
        _cli.Write("rc.cir", "rc\nR1 a 0 1k\nV1 a 0 1\n.op\n.end\n");

        var code = RunCommand.Execute(new FileInfo(Path.Combine(_cli.Folder, "rc.cir")), disk.Path, "both", plot: false, quiet: true, ascii: false,
            CliRun.Console(new StringWriter()), CliRun.Console(_cli.ErrorWriter));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("cannot write into the output directory", _cli.Stderr);
        Assert.Contains("nothing was simulated", _cli.Stderr);
    }
}
