using CircuitSim.Devices.Semiconductors;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>The default thread count's run-time check: loads go the faster way, the other is tried now and then.</summary>
public class ParallelChoiceTests
{
    /// <summary>Runs <paramref name="loads"/> loads whose wall time is <paramref name="serial"/> on one thread and
    /// <paramref name="parallel"/> on two; returns how many ran on two.</summary>
    private static int ParallelLoads(ref ParallelChoice choice, int loads, long serial, long parallel)
    {
        var count = 0;
        for (var k = 0; k < loads; k++)
        {
            var parts = choice.Choose(2);
            choice.Record(parts > 1, parts > 1 ? parallel : serial);
            if (parts > 1) count++;
        }
        return count;
    }

    [Fact]
    public void Choice_LoadsOnSeveralThreads_WhenThatIsFaster()
    {
        var choice = new ParallelChoice();
        var parallel = ParallelLoads(ref choice, 10_000, serial: 100, parallel: 60);

        Assert.InRange(parallel, 9_900, 9_999); // a few tries of one thread
    }

    [Fact]
    public void Choice_StaysOnOneThread_WhenTheWorkersAreLate()
    {
        var choice = new ParallelChoice();
        var parallel = ParallelLoads(ref choice, 10_000, serial: 100, parallel: 400);

        // tries of 4 loads back off: 32, 64, … 4096 loads apart (the first try of each way, then 8 more)
        Assert.InRange(parallel, ParallelChoice.TryLoads, 10 * ParallelChoice.TryLoads);
    }

    [Fact]
    public void Choice_SwitchesBack_WhenTheMachineQuietensDown()
    {
        var choice = new ParallelChoice();
        ParallelLoads(ref choice, 10_000, serial: 100, parallel: 400);
        var parallel = ParallelLoads(ref choice, 10_000, serial: 100, parallel: 60);

        Assert.True(parallel > 5_000, $"{parallel} of 10 000 loads on two threads after the cores became free");
    }

    [Fact]
    public void Choice_DoesNotCountTheLoadThatWakesTheWorkers()
    {
        // a parallel load right after one on one thread pays the workers' wake-up; later ones are fast
        var choice = new ParallelChoice();
        var parallel = 0;
        var lastParallel = false;
        for (var k = 0; k < 10_000; k++)
        {
            var parts = choice.Choose(2);
            var ticks = parts > 1 ? lastParallel ? 60 : 400 : 100;
            choice.Record(parts > 1, ticks);
            lastParallel = parts > 1;
            if (parts > 1) parallel++;
        }

        Assert.True(parallel > 9_800, $"{parallel} of 10 000 loads on two threads");
    }

    [Fact]
    public void Choice_StaysOnSeveralThreads_ThroughPairsOfPreemptedLoads()
    {
        // a worker preempted now and then (another process, the hypervisor) makes two parallel loads in a row slow
        var choice = new ParallelChoice();
        var parallel = 0;
        for (var k = 0; k < 10_000; k++)
        {
            var parts = choice.Choose(2);
            var preempted = k % 200 is 100 or 101;
            choice.Record(parts > 1, parts > 1 ? preempted ? 2_000 : 60 : 100);
            if (parts > 1) parallel++;
        }

        Assert.True(parallel > 9_800, $"{parallel} of 10 000 loads on two threads");
    }

    [Fact]
    public void Choice_MovesToOneThread_SoonAfterTheCoresBecomeBusy()
    {
        var choice = new ParallelChoice();
        ParallelLoads(ref choice, 10_000, serial: 100, parallel: 60);
        var parallel = ParallelLoads(ref choice, 1_000, serial: 100, parallel: 400);

        Assert.True(parallel < 50, $"{parallel} of 1 000 loads on two threads after the cores became busy");
    }
}
