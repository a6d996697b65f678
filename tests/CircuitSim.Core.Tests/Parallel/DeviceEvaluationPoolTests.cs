using CircuitSim.Core.Parallel;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>The fork/join pool of parallel device evaluation: contiguous ranges that cover every member once, claimed
/// in order by whichever thread is free, and consumed in order on the caller's thread.</summary>
public class DeviceEvaluationPoolTests
{
    private class Recorder(int count, double spinMicroseconds = 0) : IRangeWork
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
            if (spinMicroseconds > 0) Spin(spinMicroseconds);
        }

        private static void Spin(double microseconds)
        {
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(microseconds * 1e-6 * System.Diagnostics.Stopwatch.Frequency);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until) { }
        }
    }

    /// <summary>Records the ranges the caller consumed, and whether each had run when it was consumed.</summary>
    private sealed class OrderedRecorder(int count) : Recorder(count, 20), IOrderedRangeWork
    {
        public readonly List<(int Start, int End)> Consumed = new();
        public readonly List<int> ConsumingThreads = new();
        public bool ConsumedBeforeRun;

        public void Consume(int start, int end)
        {
            for (var i = start; i < end; i++) ConsumedBeforeRun |= Visits[i] != 1;
            Consumed.Add((start, end));
            ConsumingThreads.Add(Environment.CurrentManagedThreadId);
        }
    }

    [Fact]
    public void Run_VisitsEveryMemberOnce_InContiguousRangesNumberedInOrder()
    {
        var pool = new DeviceEvaluationPool(3);
        for (var round = 0; round < 200; round++)
        {
            var work = new Recorder(103);
            Assert.Equal(10, pool.Run(work, 103, threads: 4, chunks: 10));
            Assert.All(work.Visits, v => Assert.Equal(1, v));
            // range k is members ⌊103·k/10⌋ … ⌊103·(k+1)/10⌋ − 1, whichever thread ran it
            for (var i = 0; i < 103; i++) Assert.True(103 * work.Part[i] / 10 <= i && i < 103 * (work.Part[i] + 1) / 10, $"member {i} in range {work.Part[i]}");
        }
    }

    [Fact]
    public void Run_SharesTheRangesBetweenThreads()
    {
        var pool = new DeviceEvaluationPool(1);
        var threads = new HashSet<int>();
        for (var round = 0; round < 50 && threads.Count < 2; round++)
        {
            var work = new Recorder(8, spinMicroseconds: 200);
            pool.Run(work, 8, threads: 2, chunks: 8);
            threads.UnionWith(work.Thread);
        }

        Assert.Equal(2, threads.Count);
    }

    [Fact]
    public void Run_WithFewerMembersThanChunks_UsesOneRangePerMember()
    {
        var work = new Recorder(2);
        Assert.Equal(2, new DeviceEvaluationPool(3).Run(work, 2, threads: 4, chunks: 8));
        Assert.All(work.Visits, v => Assert.Equal(1, v));
    }

    [Fact]
    public void Run_ConsumesEachFinishedRangeInOrderOnTheCallersThread()
    {
        var pool = new DeviceEvaluationPool(3);
        for (var round = 0; round < 50; round++)
        {
            var work = new OrderedRecorder(37);
            pool.Run(work, 37, threads: 4, chunks: 9);

            Assert.False(work.ConsumedBeforeRun);
            Assert.Equal(Enumerable.Range(0, 9).Select(k => (37 * k / 9, 37 * (k + 1) / 9)), work.Consumed);
            Assert.All(work.ConsumingThreads, t => Assert.Equal(Environment.CurrentManagedThreadId, t));
        }
    }

    [Fact]
    public void Run_OnOneThread_RunsAndConsumesTheWholeRangeAtOnce()
    {
        var work = new OrderedRecorder(12);
        Assert.Equal(1, new DeviceEvaluationPool(3).Run(work, 12, threads: 1, chunks: 4));

        Assert.Equal(new[] { (0, 12) }, work.Consumed);
        Assert.All(work.Part, p => Assert.Equal(0, p));
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
        var e = Assert.Throws<InvalidOperationException>(() => pool.Run(new Failing(), 10, threads: 2, chunks: 2));
        Assert.Equal("member failed", e.Message);
        // the pool still works afterwards
        var work = new Recorder(10);
        Assert.Equal(2, pool.Run(work, 10, threads: 2, chunks: 2));
        Assert.All(work.Visits, v => Assert.Equal(1, v));
    }

    [Fact]
    public void Run_AfterTheWorkersFellAsleep_StillCompletes()
    {
        var pool = new DeviceEvaluationPool(1);
        pool.Run(new Recorder(10), 10, threads: 2, chunks: 2);
        System.Threading.Thread.Sleep(50); // far longer than the spin: the worker blocks
        var work = new Recorder(10, spinMicroseconds: 100);
        Assert.Equal(5, pool.Run(work, 10, threads: 2, chunks: 5));
        Assert.All(work.Visits, v => Assert.Equal(1, v));
    }

    /// <summary>Counts the ranges after which the running thread had allocated more than after its previous range.</summary>
    private sealed class AllocationProbe : IRangeWork
    {
        [ThreadStatic] private static long _last;
        [ThreadStatic] private static AllocationProbe? _owner;
        public int Grew;
        public int Ranges;

        public void Run(int start, int end, int part)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            if (_owner == this && bytes != _last) Interlocked.Increment(ref Grew);
            _owner = this;
            _last = GC.GetAllocatedBytesForCurrentThread();
            Interlocked.Increment(ref Ranges);
        }
    }

    [Fact]
    public void Run_AllocatesNothingOnAnyThread()
    {
        var pool = new DeviceEvaluationPool(3);
        // starts the workers and lets each block once (a wait handle's lock is made on its first blocking wait)
        pool.Run(new Recorder(8, 50), 8, threads: 4, chunks: 8);
        System.Threading.Thread.Sleep(20);
        pool.Run(new Recorder(8, 50), 8, threads: 4, chunks: 8);
        // four rounds of 500 runs; the fewest growths of a round, as SteadyStateAllocation takes the fewest bytes
        var fewestGrew = int.MaxValue;
        var ranges = 0;
        for (var round = 0; round < 4; round++)
        {
            var probe = new AllocationProbe();
            for (var run = 0; run < 500; run++)
            {
                pool.Run(probe, 8, threads: 4, chunks: 8);
                // both ways a worker waits for the next fork: spinning, and blocked after an idle spell
                if (run == 250) System.Threading.Thread.Sleep(20);
            }
            fewestGrew = Math.Min(fewestGrew, probe.Grew);
            ranges += probe.Ranges;
        }

        Assert.Equal(16_000, ranges);
        Assert.Equal(0, fewestGrew);
    }
}
