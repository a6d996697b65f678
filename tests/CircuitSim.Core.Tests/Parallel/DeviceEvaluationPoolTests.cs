using CircuitSim.Core.Parallel;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>The fork/join pool of parallel device evaluation: contiguous ranges that cover every member once.</summary>
public class DeviceEvaluationPoolTests
{
    private sealed class Recorder(int count) : IRangeWork
    {
        public readonly int[] Visits = new int[count];
        public readonly int[] Part = new int[count];
        public readonly int[] Thread = new int[count];

        public void Run(int start, int end, int part)
        {
            for (var i = start; i < end; i++)
            {
                Visits[i]++;
                Part[i] = part;
                Thread[i] = Environment.CurrentManagedThreadId;
            }
        }
    }

    [Fact]
    public void Run_VisitsEveryMemberOnce_InContiguousRangesOnSeveralThreads()
    {
        var pool = new DeviceEvaluationPool(3);
        for (var round = 0; round < 200; round++)
        {
            var work = new Recorder(103);
            Assert.Equal(4, pool.Run(work, 103, 4));
            Assert.All(work.Visits, v => Assert.Equal(1, v));
            // parts are contiguous and in order: member i belongs to part ⌊i·4/103⌋ or the next boundary's
            for (var i = 1; i < 103; i++) Assert.True(work.Part[i] == work.Part[i - 1] || work.Part[i] == work.Part[i - 1] + 1);
            Assert.Equal(0, work.Part[0]);
            Assert.Equal(3, work.Part[102]);
            Assert.Equal(4, work.Thread.Distinct().Count());
        }
    }

    [Fact]
    public void Run_WithFewerMembersThanParts_UsesOnePartPerMember()
    {
        var work = new Recorder(2);
        Assert.Equal(2, new DeviceEvaluationPool(3).Run(work, 2, 4));
        Assert.All(work.Visits, v => Assert.Equal(1, v));
    }

    private sealed class Failing : IRangeWork
    {
        public void Run(int start, int end, int part)
        {
            if (part == 1) throw new InvalidOperationException("member failed");
        }
    }

    [Fact]
    public void Run_RethrowsAWorkersException_OnTheCallersThread()
    {
        var pool = new DeviceEvaluationPool(1);
        var e = Assert.Throws<InvalidOperationException>(() => pool.Run(new Failing(), 10, 2));
        Assert.Equal("member failed", e.Message);
        // the pool still works afterwards
        var work = new Recorder(10);
        Assert.Equal(2, pool.Run(work, 10, 2));
        Assert.All(work.Visits, v => Assert.Equal(1, v));
    }

    [Fact]
    public void Run_AfterTheWorkersFellAsleep_StillJoins()
    {
        var pool = new DeviceEvaluationPool(1);
        var work = new Recorder(10);
        pool.Run(work, 10, 2);
        System.Threading.Thread.Sleep(50); // far longer than the spin: the worker blocks
        work = new Recorder(10);
        Assert.Equal(2, pool.Run(work, 10, 2));
        Assert.All(work.Visits, v => Assert.Equal(1, v));
    }

    /// <summary>Records, per part, the bytes its thread had allocated at its first and at its last run.</summary>
    private sealed class AllocationProbe : IRangeWork
    {
        public readonly long[] First = Enumerable.Repeat(-1L, 4).ToArray();
        public readonly long[] Last = new long[4];

        public void Run(int start, int end, int part)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            if (First[part] < 0) First[part] = bytes;
            Last[part] = bytes;
        }
    }

    [Fact]
    public void Run_AllocatesNothingOnAnyThread()
    {
        var pool = new DeviceEvaluationPool(3);
        // starts the workers and lets each block once (a wait handle's lock is made on its first blocking wait)
        pool.Run(new Recorder(8), 8, 4);
        System.Threading.Thread.Sleep(20);
        pool.Run(new Recorder(8), 8, 4);
        var probe = new AllocationProbe();
        for (var round = 0; round < 2000; round++)
        {
            pool.Run(probe, 8, 4);
            // both ways a worker waits for the next fork: spinning, and blocked after an idle spell
            if (round % 500 == 250) System.Threading.Thread.Sleep(20);
        }

        for (var part = 0; part < 4; part++) Assert.Equal(probe.First[part], probe.Last[part]);
    }
}
