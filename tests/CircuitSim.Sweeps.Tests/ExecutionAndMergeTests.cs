namespace CircuitSim.Sweeps.Tests;

/// <summary>Executors give the same bits however points are split; merging is idempotent and never drops a point.</summary>
public class ExecutionAndMergeTests
{
    private const string Failing = """
        divider with a failing step
        V1 in 0 DC 1
        R1 in out {rl}
        R2 out 0 1k
        .param rl=1k
        .step param rl list 1k 0 2k
        .dc V1 1 1 1
        .meas dc vout find v(out) at=1
        .meas dc never find v(out) when v(out)=5
        .end
        """;

    [Fact]
    public void LocalExecutor_GivesTheSameTableWithOneWorkerOrThree()
    {
        using var one = new SweepFolder(SweepFolder.MonteCarlo);
        one.Run(workers: 1);
        SweepMerger.Merge(one.Directory, charts: false);
        using var three = new SweepFolder(SweepFolder.MonteCarlo);
        three.Run(workers: 3);
        SweepMerger.Merge(three.Directory, charts: false);
        Assert.Equal(one.Csv, three.Csv);
        Assert.DoesNotContain(",missing,", one.Csv);
    }

    [Fact]
    public void Shards_RunSeparately_MergeToTheWholeRunsTable()
    {
        using var whole = new SweepFolder(SweepFolder.MonteCarlo);
        whole.Run();
        SweepMerger.Merge(whole.Directory, charts: false);
        using var sharded = new SweepFolder(SweepFolder.MonteCarlo);
        for (var i = 3; i >= 0; i--) sharded.Run(workers: 1, points: PointSelection.Shard(i, 4, 12), executor: $"shard {i}/4");
        SweepMerger.Merge(sharded.Directory, charts: false);
        Assert.Equal(whole.Csv, sharded.Csv);
    }

    [Fact]
    public void MonteCarloRuns_DrawDifferentDevicesAndTheSameRunRepeats()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        var runner = new PointRunner(f.Netlist, f.Plan);
        var a = runner.Run(f.Plan.Points[4]).Measures["vout"];
        Assert.Equal(a, runner.Run(f.Plan.Points[4]).Measures["vout"]);
        Assert.NotEqual(a, runner.Run(f.Plan.Points[5]).Measures["vout"]);
        Assert.Equal(a / 1, runner.Run(f.Plan.Points[4]).Measures["gain"]);
    }

    [Fact]
    public void PointRunner_RecordsAFailedSimulationAsAResultWithItsMessage()
    {
        using var f = new SweepFolder(Failing);
        var r = new PointRunner(f.Netlist, f.Plan).Run(f.Plan.Points[1]);
        Assert.Equal(PointStatus.Failed, r.Status);
        Assert.Contains("resistance cannot be 0", r.Error);
        Assert.Null(r.Measures["vout"]);
    }

    [Fact]
    public void PointRunner_KeepsAPointOkWhenOnlyAMeasurementFails()
    {
        using var f = new SweepFolder(Failing);
        var r = new PointRunner(f.Netlist, f.Plan).Run(f.Plan.Points[0]);
        Assert.Equal(PointStatus.Ok, r.Status);
        Assert.Equal(0.5, r.Measures["vout"]);
        Assert.Null(r.Measures["never"]);
        Assert.StartsWith("never: ", r.Error);
    }

    [Fact]
    public void Merge_ListsTheFailedPointWithItsErrorInTableAndSummary()
    {
        using var f = new SweepFolder(Failing);
        f.Run();
        var merged = SweepMerger.Merge(f.Directory, charts: false);
        var row = f.Csv.Split('\n')[2];
        Assert.StartsWith("1,,1,,0,failed,,,", row);
        Assert.Contains("resistance cannot be 0", row);
        var failure = Assert.Single(merged.Summary.Failures);
        Assert.Equal(1, failure.Point);
        Assert.Contains("| 1 | DC transfer characteristic: R1: resistance cannot be 0", File.ReadAllText(Path.Combine(f.Directory.Path, "summary.md")));
    }

    [Fact]
    public void Merge_IsIdempotent()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        f.Run();
        SweepMerger.Merge(f.Directory);
        var first = Directory.GetFiles(f.Directory.Path).Where(p => !p.EndsWith(".parquet")).ToDictionary(p => Path.GetFileName(p), File.ReadAllText);
        SweepMerger.Merge(f.Directory);
        var second = Directory.GetFiles(f.Directory.Path).Where(p => !p.EndsWith(".parquet")).ToDictionary(p => Path.GetFileName(p), File.ReadAllText);
        Assert.Equal(first, second);
        Assert.Contains("chart.vout.histogram.png", first.Keys);
    }

    [Fact]
    public void Merge_ListsPointsWithoutAResultAsMissing_AndCompletesWhenTheyArrive()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        f.Run(points: Enumerable.Range(0, 12).Where(i => i != 7));
        var partial = SweepMerger.Merge(f.Directory, charts: false);
        Assert.Equal(1, partial.Summary.Missing);
        Assert.StartsWith("7,8,1,,missing,,,", f.Csv.Split('\n')[8]);
        Assert.Equal(new[] { 7 }, f.Directory.MissingPoints(f.Plan));
        f.Run(points: f.Directory.MissingPoints(f.Plan));
        Assert.Equal(0, SweepMerger.Merge(f.Directory, charts: false).Summary.Missing);
    }

    [Fact]
    public void Results_AreWrittenWholeWithNoTemporaryFilesLeft()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        f.Run();
        Assert.Equal(12, f.Directory.CompletedPoints().Count);
        Assert.Empty(Directory.GetFiles(f.Directory.PointsPath, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(f.Directory.PointsPath, ".*"));
    }

    [Fact]
    public void Summary_GivesTheYieldAgainstTheLimitsWithAWilsonInterval()
    {
        using var f = new SweepFolder(Failing, new PlanRequest { Limits = new[] { new MeasureLimit("vout", 0.4, null) } });
        f.Run();
        var y = SweepMerger.Merge(f.Directory, charts: false).Summary.Yield!;
        // vout = 0.5 passes, the failed point fails, 1/3 ≈ 0.333 fails
        Assert.Equal((1, 3), (y.Passed, y.Counted));
        // Wilson 95 % interval of 1/3: centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(p(1−p)/n + z²/4n²)/(1 + z²/n)
        Assert.Equal(0.0614919, y.Lower95!.Value, 6);
        Assert.Equal(0.7923403, y.Upper95!.Value, 6);
    }
}
