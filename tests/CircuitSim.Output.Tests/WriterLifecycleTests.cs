using System.Numerics;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

public class WriterLifecycleTests
{
    private static WaveformHeader TwoVectors() =>
        new("lifecycle", PlotNames.Transient, [new("time", VectorKind.Time), new("v(a)", VectorKind.Voltage)]) { Date = Samples.FixedDate };

    public static TheoryData<string> Formats => new() { "raw-binary", "raw-ascii", "csv" };

    private static FileWaveformWriter Create(string format, string path) => format switch
    {
        "raw-binary" => new RawFileWriter(path, RawEncoding.Binary),
        "raw-ascii" => new RawFileWriter(path, RawEncoding.Ascii),
        _ => new CsvWaveformWriter(path),
    };

    private static WaveformSet ReadBack(string format, string path) =>
        format == "csv" ? CsvFile.Read(path) : RawFile.ReadFirst(path);

    [Theory]
    [MemberData(nameof(Formats))]
    public void WhileStreaming_OnlyATemporaryFileExistsInTheTargetDirectory(string format)
    {
        using var dir = new TempDir();
        using var w = Create(format, dir.File("out.dat"));
        w.Begin(TwoVectors());
        w.WritePoint([0.0, 1.0]);
        Assert.False(File.Exists(dir.File("out.dat")));
        Assert.Equal(Path.GetDirectoryName(w.FinalPath), Path.GetDirectoryName(w.TempPath));
        Assert.Equal([Path.GetFileName(w.TempPath)], dir.Entries());
        Assert.StartsWith(".out.dat.", Path.GetFileName(w.TempPath));
        w.Complete();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Complete_RenamesToTheFinalNameAndLeavesNoTemporaryFile(string format)
    {
        using var dir = new TempDir();
        using (var w = Create(format, dir.File("out.dat")))
        {
            w.Begin(TwoVectors());
            for (int k = 0; k < 5; k++) w.WritePoint([k * 1e-9, k * 0.5]);
            w.Complete();
            Assert.False(w.IsPartial);
        }
        Assert.Equal(["out.dat"], dir.Entries());
        Assert.Equal(5, ReadBack(format, dir.File("out.dat")).PointCount);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void PartialCompletion_KeepsThePointsWrittenSoFarUnderTheFinalName(string format)
    {
        using var dir = new TempDir();
        using (var w = Create(format, dir.File("out.dat")))
        {
            w.Begin(TwoVectors());
            for (int k = 0; k < 7; k++) w.WritePoint([k * 1e-9, k * 0.5]);
            w.Complete(partial: true);
            Assert.True(w.IsPartial);
        }
        Assert.Equal(["out.dat"], dir.Entries());
        var back = ReadBack(format, dir.File("out.dat"));
        Assert.Equal(7, back.PointCount);
        Assert.Equal(3.0, back["v(a)"].Real![6]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void DisposeWithoutComplete_CompletesAsPartial(string format)
    {
        using var dir = new TempDir();
        var w = Create(format, dir.File("out.dat"));
        try
        {
            w.Begin(TwoVectors());
            w.WritePoint([0.0, 1.0]);
            w.WritePoint([1e-9, 2.0]);
            throw new InvalidOperationException("simulated engine failure");
        }
        catch (InvalidOperationException)
        {
            w.Dispose();
        }
        Assert.True(w.IsPartial);
        Assert.Equal(["out.dat"], dir.Entries());
        Assert.Equal(2, ReadBack(format, dir.File("out.dat")).PointCount);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Abort_DeletesTheTemporaryFileAndCreatesNoOutput(string format)
    {
        using var dir = new TempDir();
        using (var w = Create(format, dir.File("out.dat")))
        {
            w.Begin(TwoVectors());
            w.WritePoint([0.0, 1.0]);
            w.Abort();
        }
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void DisposeBeforeBegin_CreatesNothing()
    {
        using var dir = new TempDir();
        new RawFileWriter(dir.File("never.raw")).Dispose();
        new CsvWaveformWriter(dir.File("never.csv")).Dispose();
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Complete_ReplacesAnExistingFile()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("out.raw"), "old content");
        using (var w = new RawFileWriter(dir.File("out.raw")))
        {
            w.Begin(TwoVectors());
            w.WritePoint([0.0, 1.0]);
            w.Complete();
        }
        Assert.Equal(1, RawFile.ReadFirst(dir.File("out.raw")).PointCount);
        Assert.Equal(["out.raw"], dir.Entries());
    }

    [Fact]
    public void WritePoint_WithTheWrongNumberOfValues_Throws()
    {
        using var dir = new TempDir();
        using var w = new RawFileWriter(dir.File("x.raw"));
        w.Begin(TwoVectors());
        Assert.Throws<ArgumentException>(() => w.WritePoint([1.0, 2.0, 3.0]));
        w.Abort();
    }

    [Fact]
    public void WritePoint_BeforeBegin_Throws()
    {
        using var dir = new TempDir();
        using var w = new RawFileWriter(dir.File("x.raw"));
        Assert.Throws<InvalidOperationException>(() => w.WritePoint([1.0, 2.0]));
    }

    [Fact]
    public void ComplexValues_InARealPlot_Throw()
    {
        using var dir = new TempDir();
        using var w = new RawFileWriter(dir.File("x.raw"));
        w.Begin(TwoVectors());
        Assert.Throws<InvalidOperationException>(() => w.WritePoint([Complex.One, Complex.One]));
        w.Abort();
    }

    [Fact]
    public void CsvWriter_SecondBegin_Throws()
    {
        using var dir = new TempDir();
        using var w = new CsvWaveformWriter(dir.File("x.csv"));
        w.Begin(TwoVectors());
        Assert.Throws<InvalidOperationException>(() => w.Begin(TwoVectors()));
        w.Abort();
    }

    [Fact]
    public void ComplexPlot_AcceptsRealScaleWithComplexValues()
    {
        using var dir = new TempDir();
        using (var w = new RawFileWriter(dir.File("ac.raw")))
        {
            w.Begin(new WaveformHeader("ac", PlotNames.Ac, [new("frequency", VectorKind.Frequency), new("v(out)", VectorKind.Voltage)], isComplex: true));
            w.WritePoint(100.0, [new Complex(0.5, -0.5)]);
            w.WritePoint([1000.0, 0.25]); // real values in a complex plot: imaginary parts 0
            w.Complete();
        }
        var ac = RawFile.ReadFirst(dir.File("ac.raw"));
        Assert.Equal([100.0, 1000.0], ac.Scale!.Real!);
        Assert.Equal([new Complex(0.5, -0.5), new Complex(0.25, 0)], ac["v(out)"].Complex!);
    }

    [Fact]
    public void Recorder_CollectsEveryPlot()
    {
        using var rec = new WaveformRecorder();
        rec.Begin(TwoVectors());
        for (int k = 0; k < 100; k++) rec.WritePoint([k, 2.0 * k]);
        rec.Begin(new WaveformHeader("op", PlotNames.OperatingPoint, [new("v(a)", VectorKind.Voltage)]));
        rec.WritePoint([3.3]);
        rec.Complete();
        Assert.Equal(2, rec.Plots.Count);
        Assert.Equal(100, rec.Plots[0].PointCount);
        Assert.Equal(198.0, rec.Plots[0]["v(a)"].Real![99]);
        Assert.Equal(3.3, rec.Result["v(a)"].Real![0]);
    }

    [Fact]
    public void Tee_WritesTheSamePointsToEveryTarget()
    {
        using var dir = new TempDir();
        var rec = new WaveformRecorder();
        using (var tee = new WaveformWriterTee(new RawFileWriter(dir.File("t.raw")), new CsvWaveformWriter(dir.File("t.csv")), rec))
        {
            tee.Begin(TwoVectors());
            for (int k = 0; k < 4; k++) tee.WritePoint([k * 1e-9, k + 0.5]);
            tee.Complete();
        }
        Assert.Equal(3.5, RawFile.ReadFirst(dir.File("t.raw"))["v(a)"].Real![3]);
        Assert.Equal(3.5, CsvFile.Read(dir.File("t.csv"))["v(a)"].Real![3]);
        Assert.Equal(3.5, rec.Result["v(a)"].Real![3]);
        Assert.Equal(["t.csv", "t.raw"], dir.Entries());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void WritePoint_DoesNotAllocatePerPoint(string format)
    {
        using var dir = new TempDir();
        using var w = Create(format, dir.File("out.dat"));
        w.Begin(new WaveformHeader("alloc", PlotNames.Transient,
            [new("time", VectorKind.Time), new("v(a)", VectorKind.Voltage), new("v(b)", VectorKind.Voltage), new("i(v1)", VectorKind.Current)]));
        double[] point = [0, 0, 0, 0];
        for (int k = 0; k < 100; k++) w.WritePoint(point); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 20_000; k++)
        {
            point[0] = k * 1e-9;
            point[1] = Math.Sin(k);
            point[2] = -point[1] * 1e-3;
            point[3] = k;
            w.WritePoint(point);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        w.Complete();
        Assert.True(allocated < 20_000, $"{allocated} bytes allocated for 20000 points");
    }
}
