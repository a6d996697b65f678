using System.Runtime.ExceptionServices;

namespace CircuitSim.Core.Parallel;

/// <summary>
/// Work split over contiguous ranges of members, each range evaluated by one thread: a batch of devices whose
/// members touch only their own state.
/// </summary>
public interface IRangeWork
{
    /// <summary>Evaluates members [<paramref name="start"/>, <paramref name="end"/>); <paramref name="part"/> is the
    /// range's index (0 … parts−1), for per-range tallies that the caller adds up after the join.</summary>
    void Run(int start, int end, int part);
}

/// <summary>
/// Persistent worker threads for fork/join inside one Newton iteration (parallel device evaluation): the caller's
/// thread runs the first range itself, workers the others; a worker spins briefly for the next fork and then blocks,
/// so an idle pool costs nothing and a busy one forks and joins in microseconds without allocating. The ranges are
/// contiguous and depend only on the member count and the number of parts, never on timing, so any per-range
/// reduction the caller does is the same on every run. One process-wide pool (<see cref="Shared"/>); a caller that
/// finds it busy (another simulation on another thread) runs its work on its own thread, which gives the same
/// result.
/// </summary>
public sealed class DeviceEvaluationPool
{
    private static DeviceEvaluationPool? _shared;
    private static readonly object SharedGate = new();

    /// <summary>The process's pool: up to 63 workers besides the caller, each thread started when a run first needs
    /// it (a default run asks for one per core; <c>.options threads=N</c> may ask for more).</summary>
    public static DeviceEvaluationPool Shared
    {
        get
        {
            if (_shared is { } p) return p;
            lock (SharedGate) return _shared ??= new DeviceEvaluationPool(63);
        }
    }

    /// <summary>How long a worker (or the joining caller) spins before it blocks: longer than the stamping, solving
    /// and convergence test between two device loads of a Newton iteration, far shorter than a time slice.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 20_000; // 50 µs

    /// <summary>Spins until <paramref name="field"/> is <paramref name="value"/> (or, with <paramref name="equal"/>
    /// false, is not) or <see cref="SpinTicks"/> have passed; true when it is.</summary>
    private static bool SpinUntil(ref int field, int value, bool equal)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            for (var i = 0; i < 16; i++)
            {
                if ((Volatile.Read(ref field) == value) == equal) return true;
                Thread.SpinWait(4);
            }
            if (System.Diagnostics.Stopwatch.GetTimestamp() - start > SpinTicks) return false;
        }
    }

    private readonly Worker[] _workers;
    private readonly object _gate = new();
    private IRangeWork? _work;
    private int _count, _parts;
    private int _remaining;
    private int _callerSleeping;
    private readonly Signal _joined = new();
    private ExceptionDispatchInfo? _failure;

    /// <param name="workers">Worker threads besides the caller's (0: everything runs on the caller's thread).</param>
    public DeviceEvaluationPool(int workers)
    {
        _workers = new Worker[Math.Max(0, workers)];
    }

    /// <summary>The most parts one run can use: the workers and the caller.</summary>
    public int MaxParts => _workers.Length + 1;

    /// <summary>
    /// Runs <paramref name="work"/> over members 0 … <paramref name="count"/>−1 in <paramref name="parts"/> contiguous
    /// ranges (at most <see cref="MaxParts"/>), returns when all have finished, and returns the number of parts used:
    /// 1 when the pool is busy with another caller or parts ≤ 1 (then the whole range ran on this thread as part 0).
    /// A worker's exception is rethrown here after the join.
    /// </summary>
    public int Run(IRangeWork work, int count, int parts)
    {
        parts = Math.Min(Math.Min(parts, MaxParts), count);
        if (parts <= 1 || !Monitor.TryEnter(_gate))
        {
            work.Run(0, count, 0);
            return 1;
        }
        try
        {
            for (var w = 0; w < parts - 1; w++) _workers[w] ??= new Worker(this, w);
            _work = work;
            _count = count;
            _parts = parts;
            _failure = null;
            Volatile.Write(ref _remaining, parts - 1);
            for (var w = 0; w < parts - 1; w++) _workers[w].Fork();
            work.Run(0, RangeEnd(0, count, parts), 0);
            Join();
            _work = null;
            _failure?.Throw();
            return parts;
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    /// <summary>The end of range <paramref name="part"/> (the start of the next).</summary>
    private static int RangeEnd(int part, int count, int parts) => (int)((long)count * (part + 1) / parts);

    private void Join()
    {
        if (SpinUntil(ref _remaining, 0, equal: true)) return;
        while (true)
        {
            // Dekker handshake with the last worker: either it sees the flag and sets the event, or we see zero
            Interlocked.Exchange(ref _callerSleeping, 1);
            if (Volatile.Read(ref _remaining) == 0) break;
            _joined.WaitAndReset();
        }
        Interlocked.Exchange(ref _callerSleeping, 0);
    }

    private void Finished()
    {
        if (Interlocked.Decrement(ref _remaining) == 0 && Volatile.Read(ref _callerSleeping) == 1) _joined.Set();
    }

    private sealed class Worker
    {
        private readonly DeviceEvaluationPool _pool;
        private readonly int _index;
        private readonly Signal _go = new();
        private int _sleeping;
        // forks requested by the caller and forks this worker has taken
        private int _forks, _seen;

        public Worker(DeviceEvaluationPool pool, int index)
        {
            _pool = pool;
            _index = index;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"device evaluation {index + 1}" };
            thread.Start();
        }

        /// <summary>Starts this worker's range of the run the pool has just set up.</summary>
        public void Fork()
        {
            Interlocked.Increment(ref _forks);
            if (Volatile.Read(ref _sleeping) == 1) _go.Set();
        }

        private void Loop()
        {
            var pool = _pool;
            while (true)
            {
                WaitForFork();
                var part = _index + 1;
                try
                {
                    var count = pool._count;
                    pool._work!.Run(RangeEnd(part - 1, count, pool._parts), RangeEnd(part, count, pool._parts), part);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref pool._failure, ExceptionDispatchInfo.Capture(e), null);
                }
                pool.Finished();
            }
        }

        private void WaitForFork()
        {
            if (SpinUntil(ref _forks, _seen, equal: false))
            {
                _seen++;
                return;
            }
            while (true)
            {
                // Dekker handshake with Fork: either it sees the flag and sets the event, or we see its increment
                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref _forks) != _seen) break;
                _go.WaitAndReset();
            }
            Interlocked.Exchange(ref _sleeping, 0);
            _seen++;
        }
    }

    /// <summary>An auto-reset event on a monitor (no lazily made lock object or wait handle, so no allocation after
    /// the pool is built).</summary>
    private sealed class Signal
    {
        private bool _set;

        public void Set()
        {
            lock (this)
            {
                _set = true;
                Monitor.Pulse(this);
            }
        }

        public void WaitAndReset()
        {
            lock (this)
            {
                while (!_set) Monitor.Wait(this);
                _set = false;
            }
        }
    }
}
