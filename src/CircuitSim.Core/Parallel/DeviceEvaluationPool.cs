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

/// <summary>Range work whose finished ranges the caller's thread takes up in member order (a batch adds its members'
/// stamps to the matrix) while later ranges are still being evaluated.</summary>
public interface IOrderedRangeWork : IRangeWork
{
    /// <summary>On the caller's thread, for each range in order, once it and every range before it have run.</summary>
    void Consume(int start, int end);
}

/// <summary>
/// Persistent worker threads for fork/join inside one Newton iteration (parallel device evaluation). The members are
/// split into contiguous ranges (chunks), and the chunks into one home stretch per thread: each thread claims the
/// chunks of its own stretch from the front, in order, and when they are gone takes what is left of the others'
/// from the back. A thread thus evaluates the same members load after load (their state stays in its core's cache),
/// a faster thread takes over the end of a slower one's stretch, and a worker that starts late (asleep, or waiting
/// for a core) is not waited for: the others take its chunks. With <see cref="IOrderedRangeWork"/> the caller, whose
/// stretch is the first, consumes each finished chunk in order as soon as it can, overlapping its stamping with the
/// others' evaluation. The chunks depend only on the member count and the chunk count, never on timing, and each
/// chunk reports its tallies in its own slot, so results are the same on every run and for every number of threads.
/// A worker spins briefly for the next fork and then blocks, so an idle pool costs nothing; nothing is allocated per
/// fork. One process-wide pool (<see cref="Shared"/>); a caller that finds it busy (another simulation on another
/// thread) runs its work on its own thread, which gives the same result.
/// </summary>
public sealed class DeviceEvaluationPool
{
    private static DeviceEvaluationPool? _shared;
    private static readonly object SharedGate = new();

    /// <summary>The most ranges one run may be split into (per-range tallies are sized by it).</summary>
    public const int MaxChunks = 64;

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

    /// <summary>How long a worker (or the waiting caller) spins before it blocks or yields: longer than the stamping,
    /// solving and convergence test between two device loads of a Newton iteration, far shorter than a time slice.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 20_000; // 50 µs

    /// <summary>Entries between two words that threads write, a cache line.</summary>
    private const int Line = 16;

    private readonly Worker[] _workers;
    private readonly object _gate = new();
    // the open run: its work, member count, chunk count and number of stretches; valid while one of its chunks is
    // unfinished
    private IRangeWork? _work;
    private int _count, _chunks, _stretches;
    private int _epoch, _open;
    // per stretch, a line apart: the run's epoch (high half), the next chunk from the front and the end (16 bits each)
    private readonly long[] _stretch;
    // per chunk, a line apart: the epoch of the run in which it last finished
    private readonly int[] _done = new int[MaxChunks * Line];
    private ExceptionDispatchInfo? _failure;

    /// <param name="workers">Worker threads besides the caller's (0: everything runs on the caller's thread).</param>
    public DeviceEvaluationPool(int workers)
    {
        _workers = new Worker[Math.Max(0, workers)];
        _stretch = new long[(_workers.Length + 1) * Line];
    }

    /// <summary>The most threads one run can use: the workers and the caller.</summary>
    public int MaxThreads => _workers.Length + 1;

    /// <summary>
    /// Runs <paramref name="work"/> over members 0 … <paramref name="count"/>−1 split into <paramref name="chunks"/>
    /// contiguous ranges (at most <see cref="MaxChunks"/> and <paramref name="count"/>), on the caller's thread and
    /// up to <paramref name="threads"/> − 1 workers, and returns when every range has run (and, for
    /// <see cref="IOrderedRangeWork"/>, been consumed in order). Returns the number of ranges: 1 when the pool is busy
    /// with another caller or fewer than two threads or ranges were asked (then the whole range ran on this thread as
    /// part 0). A worker's exception is rethrown here once every range has finished.
    /// </summary>
    public int Run(IRangeWork work, int count, int threads, int chunks)
    {
        chunks = Math.Min(Math.Min(chunks, MaxChunks), count);
        threads = Math.Min(Math.Min(threads, MaxThreads), chunks);
        if (threads <= 1 || !Monitor.TryEnter(_gate))
        {
            work.Run(0, count, 0);
            (work as IOrderedRangeWork)?.Consume(0, count);
            return 1;
        }
        try
        {
            for (var w = 0; w < threads - 1; w++) _workers[w] ??= new Worker(this, w);
            var epoch = ++_epoch;
            _work = work;
            _count = count;
            _chunks = chunks;
            _stretches = threads;
            _failure = null;
            for (var h = 0; h < threads; h++)
                Volatile.Write(ref _stretch[h * Line], Word(epoch, chunks * h / threads, chunks * (h + 1) / threads));
            Volatile.Write(ref _open, epoch);
            for (var w = 0; w < threads - 1; w++) _workers[w].Fork();

            var ordered = work as IOrderedRangeWork;
            var consumed = 0;
            int c;
            while ((c = Claim(epoch, 0)) >= 0)
            {
                RunChunk(c, epoch);
                if (ordered is null) continue;
                while (consumed < chunks && Volatile.Read(ref _done[consumed * Line]) == epoch)
                {
                    ordered.Consume(RangeEnd(consumed - 1), RangeEnd(consumed));
                    consumed++;
                }
            }
            // every chunk is claimed: wait for the workers' in order
            for (; consumed < chunks; consumed++)
            {
                WaitDone(consumed, epoch);
                ordered?.Consume(RangeEnd(consumed - 1), RangeEnd(consumed));
            }
            _work = null;
            _failure?.Throw();
            return chunks;
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private static long Word(int epoch, int front, int end) => ((long)epoch << 32) | ((long)front << 16) | (uint)end;

    /// <summary>The end of range <paramref name="chunk"/> of the open run (0 for chunk −1).</summary>
    private int RangeEnd(int chunk) => (int)((long)_count * (chunk + 1) / _chunks);

    /// <summary>Claims a chunk of run <paramref name="epoch"/> for the thread whose stretch is <paramref name="home"/>:
    /// the next of its own from the front, else the last left of another's; −1 when none is left or the run is over.</summary>
    private int Claim(int epoch, int home)
    {
        var stretches = Volatile.Read(ref _stretches);
        // wrapped by a compare, not %: an integer division per claim was 40 % of the claim's time
        var start = home < stretches ? home : home % stretches;
        for (var i = 0; i < stretches; i++)
        {
            var h = start + i;
            if (h >= stretches) h -= stretches;
            ref var word = ref _stretch[h * Line];
            while (true)
            {
                var w = Volatile.Read(ref word);
                var front = (int)(w >> 16) & 0xFFFF;
                var end = (int)w & 0xFFFF;
                if ((int)(w >> 32) != epoch || front >= end) break;
                var own = i == 0;
                var claimed = own ? Word(epoch, front + 1, end) : Word(epoch, front, end - 1);
                if (Interlocked.CompareExchange(ref word, claimed, w) == w) return own ? front : end - 1;
            }
        }
        return -1;
    }

    /// <summary>Runs a claimed range (the run stays open until it is done) and marks it done.</summary>
    private void RunChunk(int chunk, int epoch)
    {
        try
        {
            _work!.Run(RangeEnd(chunk - 1), RangeEnd(chunk), chunk);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
        Volatile.Write(ref _done[chunk * Line], epoch);
    }

    /// <summary>Waits until a worker has finished range <paramref name="chunk"/>: spins, then yields the core (the
    /// worker may be waiting for one).</summary>
    private void WaitDone(int chunk, int epoch)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _done[chunk * Line]) != epoch)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() - start < SpinTicks) Thread.SpinWait(4);
            else Thread.Yield();
        }
    }

    /// <summary>Spins until <paramref name="field"/> differs from <paramref name="value"/> or <see cref="SpinTicks"/>
    /// have passed; true when it does.</summary>
    private static bool SpinWhile(ref int field, int value)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            for (var i = 0; i < 16; i++)
            {
                if (Volatile.Read(ref field) != value) return true;
                Thread.SpinWait(4);
            }
            if (System.Diagnostics.Stopwatch.GetTimestamp() - start > SpinTicks) return false;
        }
    }

    private sealed class Worker
    {
        private readonly DeviceEvaluationPool _pool;
        private readonly int _home;
        private readonly Signal _go = new();
        private int _sleeping;
        // forks requested by the caller and forks this worker has taken
        private int _forks, _seen;

        public Worker(DeviceEvaluationPool pool, int index)
        {
            _pool = pool;
            _home = index + 1;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"device evaluation {index + 1}" };
            thread.Start();
        }

        /// <summary>Tells this worker that a run is open.</summary>
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
                // the run the fork opened, or a later one (its chunks are claimed only under its own epoch)
                var epoch = Volatile.Read(ref pool._open);
                int c;
                while ((c = pool.Claim(epoch, _home)) >= 0) pool.RunChunk(c, epoch);
            }
        }

        private void WaitForFork()
        {
            if (!SpinWhile(ref _forks, _seen))
            {
                while (true)
                {
                    // Dekker handshake with Fork: either it sees the flag and sets the event, or we see its increment
                    Interlocked.Exchange(ref _sleeping, 1);
                    if (Volatile.Read(ref _forks) != _seen) break;
                    _go.WaitAndReset();
                }
                Interlocked.Exchange(ref _sleeping, 0);
            }
            // forks missed while busy or asleep are over or are the one about to be claimed from
            _seen = Volatile.Read(ref _forks);
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
