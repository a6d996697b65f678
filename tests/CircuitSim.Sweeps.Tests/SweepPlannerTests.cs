namespace CircuitSim.Sweeps.Tests;

public class SweepPlannerTests
{
    [Fact]
    public void Plan_OfStepParamRun_HasOnePointPerRunWithTheRunAsItsIndex()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        Assert.Equal(12, f.Plan.Points.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long?)i), f.Plan.Points.Select(p => p.Run));
        Assert.All(f.Plan.Points, p => Assert.Equal((double)p.Run!.Value, p.Parameters["run"]));
        Assert.Equal(new[] { "vout", "gain" }, f.Plan.Measures);
    }

    [Fact]
    public void Plan_OfRunsStepAndTemperatures_ListsEveryCombinationRunsOutermostTemperaturesInnermost()
    {
        const string netlist = "t\n.param rl=1k\nR1 a 0 {rl}\nV1 a 0 1\n.temp 0 85\n.step param rl list 1k 2k 3k\n.op\n";
        using var f = new SweepFolder(netlist, new PlanRequest { Runs = 2, Seed = 9 });
        Assert.Equal(2 * 3 * 2, f.Plan.Points.Count);
        var third = f.Plan.Points[3];
        Assert.Equal((1L, 2000.0, 85.0), (third.Run!.Value, third.Parameters["rl"], third.Temperature!.Value));
        Assert.Equal(new[] { "run", "rl" }, f.Plan.Parameters);
        Assert.All(f.Plan.Points, p => Assert.Equal(9UL, p.Seed));
    }

    [Fact]
    public void Plan_RejectsRunsWhenTheNetlistAlreadyStepsRun()
    {
        var e = Assert.Throws<SweepException>(() => new SweepFolder(SweepFolder.MonteCarlo, new PlanRequest { Runs = 4 }));
        Assert.Contains("already has .step param run", e.Message);
    }

    [Fact]
    public void Plan_RejectsALimitOnAnUnknownMeasurement()
    {
        var e = Assert.Throws<SweepException>(() => new SweepFolder(SweepFolder.MonteCarlo, new PlanRequest { Limits = new[] { new MeasureLimit("nope", 0, 1) } }));
        Assert.Contains("no .meas or --vector of that name", e.Message);
    }

    [Theory]
    [InlineData("err=:0.05", null, 0.05)]
    [InlineData("vout=1.1:1.3", 1.1, 1.3)]
    [InlineData("v=10m:", 0.01, null)]
    public void ParseLimit_ReadsEitherBoundOrBoth(string text, double? min, double? max)
    {
        var l = SweepPlanner.ParseLimit(text);
        Assert.Equal((min, max), (l.Min, l.Max));
    }

    [Fact]
    public void WritePlan_RefusesToReplaceAPlanWithResults()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        f.Run(points: new[] { 0 });
        var e = Assert.Throws<SweepException>(() => f.Directory.WritePlan(f.Plan));
        Assert.Contains("already holds a sweep with results", e.Message);
    }

    [Fact]
    public void Plan_OfMoreThanAMillionPoints_IsRefusedBeforeAnyPointIsMade()
    {
        // 1001 runs × 1000 step values: the product is checked, not the parts
        const string netlist = "t\n.param rl=1k\nR1 a 0 {rl}\nV1 a 0 1\n.step param rl 1 1000 1\n.op\n";
        var e = Assert.Throws<SweepException>(() => new SweepFolder(netlist, new PlanRequest { Runs = 1001 }));
        Assert.Contains("the sweep would have 1.001E+06 points (1001 run(s) × 1000 value(s) × 1 temperature(s))", e.Message);
        Assert.Contains("at most 1,000,000 points per sweep", e.Message);
    }

    [Fact]
    public void Plan_WithTheLargestRunCount_IsRefusedWithoutAllocatingIt()
    {
        var e = Assert.Throws<SweepException>(() => new SweepFolder("t\nR1 a 0 1k\nV1 a 0 1\n.op\n", new PlanRequest { Runs = int.MaxValue }));
        Assert.Contains("2.147E+09 points", e.Message);
    }

    [Fact]
    public void LocalExecutor_RefusesMoreWorkersThanItsCap()
    {
        var e = Assert.Throws<SweepException>(() => new LocalExecutor(100_000));
        Assert.Contains("-j must be between 1 and 1024, not 100000", e.Message);
    }
}
