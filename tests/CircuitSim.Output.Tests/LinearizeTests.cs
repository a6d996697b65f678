using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

public class LinearizeTests
{
    private static WaveformSet Accepted(double[] t, double[] y) => new("lin", PlotNames.Transient,
    [
        new WaveformVector("time", VectorKind.Time, t),
        new WaveformVector("v(a)", VectorKind.Voltage, y),
    ]);

    [Fact]
    public void Resample_MatchesHandComputedValues()
    {
        // Accepted points (0, 1), (0.3, 4), (1.0, 2), (2.5, 5); grid step 0.5 up to 2.5.
        var set = Accepted([0, 0.3, 1.0, 2.5], [1, 4, 2, 5]);
        var lin = Linearize.Resample(set, 0.5, 2.5);
        Assert.Equal([0, 0.5, 1.0, 1.5, 2.0, 2.5], lin.Scale!.Real!);
        var y = lin["v(a)"].Real!;
        Assert.Equal(1.0, y[0]);
        Assert.Equal(4 - 2 * (0.2 / 0.7), y[1], 1e-15); // 3.428571…
        Assert.Equal(2.0, y[2]);                         // exactly on an accepted point
        Assert.Equal(3.0, y[3], 1e-15);                  // 2 + 3 * (0.5 / 1.5)
        Assert.Equal(4.0, y[4], 1e-15);
        Assert.Equal(5.0, y[5]);
    }

    [Fact]
    public void Grid_HasTstopOverTstepPlusOnePointsAndEndsExactlyAtTstop()
    {
        var g = Linearize.Grid(0, 8e-3, 10e-6);
        Assert.Equal(801, g.Length);
        Assert.Equal(0.0, g[0]);
        Assert.Equal(10e-6, g[1]);
        Assert.Equal(8e-3, g[^1]);
        Assert.Equal(300 * 10e-6, g[300]);
    }

    [Fact]
    public void Grid_DoesNotOvershootWhenTstopIsNotAMultipleOfTstep()
    {
        var g = Linearize.Grid(0, 1.05, 0.1);
        Assert.Equal(11, g.Length);
        Assert.Equal(1.0, g[^1], 1e-15);
    }

    [Fact]
    public void Resample_RunThatStoppedEarly_LeavesOutGridPointsAfterTheLastAcceptedPoint()
    {
        var set = Accepted([0, 0.4, 0.9], [0, 4, 9]);
        var lin = Linearize.Resample(set, 0.25, 2.0);
        Assert.Equal([0, 0.25, 0.5, 0.75], lin.Scale!.Real!);
        Assert.Equal([0, 2.5, 5, 7.5], lin["v(a)"].Real!);
    }

    [Fact]
    public void Resample_GridTimesBeforeTheFirstPoint_AreExtrapolatedAlongTheFirstTwoPoints()
    {
        // a uic transient exports its first step, not t = 0; ngspice's linearize still writes t = 0, on the line
        // through the first two points: 2 − (3 − 2)·(0.4 / 0.2) = 0 at t = 0, 1 at t = 0.2 (on the first point)
        var set = Accepted([0.2, 0.4, 1.0], [1, 2, 5]);
        var lin = Linearize.Resample(set, 0.2, 1.0);
        Assert.Equal([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0], lin.Scale!.Real!);
        var y = lin["v(a)"].Real!;
        Assert.Equal(0.0, y[0], 1e-15);
        Assert.Equal(1.0, y[1]);
        Assert.Equal(2.0, y[2]);
    }

    [Fact]
    public void StreamingWriter_GridTimesBeforeTheFirstPoint_AreExtrapolatedLikeResample()
    {
        var set = Accepted([0.2, 0.4, 1.0], [1, 2, 5]);
        var expected = Linearize.Resample(set, 0.2, 1.0);
        var rec = new WaveformRecorder();
        using (var lw = new LinearizingWriter(rec, 0.2, 1.0))
        {
            RawFile.WritePlot(lw, set);
            lw.Complete();
        }
        Assert.Equal(expected.Scale!.Real!, rec.Result.Scale!.Real!);
        Assert.Equal(expected["v(a)"].Real!, rec.Result["v(a)"].Real!);
        Assert.Equal(6, rec.Result.PointCount);
    }

    [Fact]
    public void Resample_RepeatedTimePoint_TakesTheFirstValueAtThatTime()
    {
        // A breakpoint: two accepted points at t = 1 (values 1 and 5); later times interpolate from the second.
        var set = Accepted([0, 1, 1, 2], [0, 1, 5, 7]);
        var lin = Linearize.Resample(set, 0.5, 2);
        Assert.Equal([0, 0.5, 1, 6, 7], lin["v(a)"].Real!);
    }

    [Fact]
    public void StreamingWriter_GivesTheSameValuesAsResample()
    {
        var set = Samples.Transient(200);
        double tstop = set.Scale!.Real![^1];
        double tstep = tstop / 37;
        var expected = Linearize.Resample(set, tstep, tstop);

        var rec = new WaveformRecorder();
        using (var lw = new LinearizingWriter(rec, tstep, tstop))
        {
            RawFile.WritePlot(lw, set);
            lw.Complete();
        }
        var actual = rec.Result;
        Assert.Equal(expected.PointCount, actual.PointCount);
        for (int i = 0; i < expected.Vectors.Count; i++)
            Assert.Equal(expected.Vectors[i].Real!, actual.Vectors[i].Real!);
    }

    [Fact]
    public void StreamingWriter_PartialCompletionPassesThrough()
    {
        using var dir = new TempDir();
        using (var lw = new LinearizingWriter(new CsvWaveformWriter(dir.File("l.csv")), 0.5, 10))
        {
            lw.Begin(new WaveformHeader("l", PlotNames.Transient, [new("time", VectorKind.Time), new("v(a)", VectorKind.Voltage)]));
            lw.WritePoint([0.0, 0.0]);
            lw.WritePoint([1.2, 2.4]);
            lw.Complete(partial: true);
        }
        var back = CsvFile.Read(dir.File("l.csv"));
        Assert.Equal([0, 0.5, 1.0], back.Scale!.Real!);
        Assert.Equal([0, 1.0, 2.0], back["v(a)"].Real!);
        Assert.Equal(["l.csv"], dir.Entries());
    }
}
