using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

/// <summary>
/// Issue 13, defects 4 and 6 at the writers: a file being written holds whole points and is brought up to date by
/// checkpoints, so a killed run leaves a temporary file that loads; a long run's uniform CSV grid is streamed, never
/// built; temporary files of dead runs are recognized and removed, those of live runs kept.
/// </summary>
public sealed class CrashSafetyTests
{
    private static WaveformHeader Header() =>
        new("crash", PlotNames.Transient, [new("time", VectorKind.Time), new("v(a)", VectorKind.Voltage)]) { Date = Samples.FixedDate };

    public static TheoryData<string> Formats => new() { "raw-binary", "raw-ascii", "csv" };

    private static FileWaveformWriter Create(string format, string path, TimeSpan checkpoint) => format switch
    {
        "raw-binary" => new RawFileWriter(path, RawEncoding.Binary) { CheckpointInterval = checkpoint },
        "raw-ascii" => new RawFileWriter(path, RawEncoding.Ascii) { CheckpointInterval = checkpoint },
        _ => new CsvWaveformWriter(path) { CheckpointInterval = checkpoint },
    };

    private static WaveformSet ReadBack(string format, string path) => format == "csv" ? CsvFile.Read(path) : RawFile.ReadFirst(path);

    [Theory]
    [MemberData(nameof(Formats))]
    public void TemporaryFileOfA_RunThatStopsWritingLoadsWithEveryPointSoFar(string format)
    {
        using var dir = new TempDir();
        var w = Create(format, dir.File("out.dat"), TimeSpan.Zero); // a checkpoint after every point
        w.Begin(Header());
        for (var k = 0; k < 1000; k++) w.WritePoint([k * 1e-9, Math.Sin(k)]);

        // the process dies here: nothing is completed, disposed or renamed
        var read = ReadBack(format, w.TempPath);

        Assert.Equal(1000, read.PointCount);
        Assert.Equal(Math.Sin(999), read["v(a)"].Real![999], format == "raw-ascii" ? 1e-15 : 0);
        w.Abort();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void BetweenCheckpointsTheFile_HoldsWholePointsAndAConsistentHeader(string format)
    {
        using var dir = new TempDir();
        var w = Create(format, dir.File("out.dat"), TimeSpan.FromHours(1)); // only the full buffer reaches the file
        w.Begin(Header());
        for (var k = 0; k < 40_000; k++) w.WritePoint([k * 1e-9, k]);

        var read = ReadBack(format, w.TempPath);

        // some buffers went to the file (whole points), the rest is still in memory
        Assert.InRange(read.PointCount, 1, 39_999);
        var values = read["v(a)"].Real!;
        for (var k = 0; k < values.Length; k++) Assert.Equal(k, values[k]);
        w.Abort();
    }

    [Fact]
    public void RawHeader_CountGrowsPastItsReservedWidthAtACheckpoint()
    {
        using var dir = new TempDir();
        var w = new RawFileWriter(dir.File("o.raw")) { CountFieldWidth = 1, CheckpointInterval = TimeSpan.Zero };
        w.Begin(Header());
        for (var k = 0; k < 120; k++) w.WritePoint([k, k]);

        Assert.Equal(120, RawFile.ReadFirst(w.TempPath).PointCount);
        w.Complete();
        Assert.Equal(120, RawFile.ReadFirst(dir.File("o.raw")).PointCount);
    }

    [Fact]
    public void LinearizingABillion_PointGridBuildsNoGrid()
    {
        var target = new WaveformRecorder();
        var before = GC.GetAllocatedBytesForCurrentThread();

        using var w = new LinearizingWriter(target, 1e-12, 1e-3); // .tran 1p 1m: 10⁹ + 1 grid points
        w.Begin(Header());
        w.WritePoint([0, 0]);
        w.WritePoint([2e-12, 2]);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the grid was allocated");
        w.Complete(partial: true);
        Assert.Equal(new[] { 0, 1e-12, 2e-12 }, target.Result.Scale!.RealPart());
        Assert.Equal(new[] { 0.0, 1, 2 }, target.Result["v(a)"].Real!);
    }

    [Theory]
    [InlineData(1e-30, 1)]   // 10³⁰ points: the count overflowed a long
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(1e-9, 1e300)]
    public void LinearizingAGridOfMore_PointsThanDoublesCanTellApartIsRefused(double tstep, double tstop)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearizingWriter(new WaveformRecorder(), tstep, tstop));
    }

    [Fact]
    public void TemporaryFilesOfDeadProcesses_AreRemovedAndThoseOfLiveOnesKept()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".x.raw.4194303.0badf00d.tmp"), "dead"); // pid above any pid_max
        File.WriteAllText(dir.File(".x.raw.1.0badf00d.tmp"), "init lives");
        File.WriteAllText(dir.File(".notes.tmp"), "not ours");
        File.WriteAllText(dir.File("x.raw"), "final");

        var removed = AtomicFile.RemoveStaleTemporaryFiles(dir.Path);

        Assert.Equal([".x.raw.4194303.0badf00d.tmp"], removed);
        Assert.Equal([".notes.tmp", ".x.raw.1.0badf00d.tmp", "x.raw"], dir.Entries());
    }

    [Fact]
    public void Temporary_NameOfA255ByteFinalNameIsStillAValidFileName()
    {
        using var dir = new TempDir();
        var final = dir.File(new string('n', 250) + ".csv");

        using (var w = new CsvWaveformWriter(final))
        {
            w.Begin(Header());
            w.WritePoint([0.0, 1.0]);
            w.Complete();
        }

        Assert.True(File.Exists(final));
    }
}
