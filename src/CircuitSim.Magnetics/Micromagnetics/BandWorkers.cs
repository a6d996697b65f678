namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>Work that can be split into contiguous index bands (rows of the grid, columns of an FFT) run side by side.</summary>
public interface IBandJob
{
    /// <summary>Does the work for indices [start, end). Bands never overlap; each index is done exactly once.</summary>
    void Execute(int start, int end);
}

/// <summary>
/// A fixed set of worker threads that run an <see cref="IBandJob"/> over [0, count) split into as many contiguous
/// bands as there are threads (the caller's thread takes the first band). The split depends only on count and the
/// thread count, and every index is computed by the same code whichever band it falls in, so a job whose bands do not
/// share outputs gives the same bits on one thread or many. Dispatching allocates nothing.
/// </summary>
public sealed class BandWorkers : IDisposable
{
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly CountdownEvent _done;
    private IBandJob? _job;
    private int _count;
    private volatile bool _stopping;
    private Exception? _failure;
    private long _workerAllocations;

    /// <param name="threadCount">Threads to use, the caller's included (1 = run everything on the caller).</param>
    public BandWorkers(int threadCount)
    {
        if (threadCount < 1) throw new ArgumentOutOfRangeException(nameof(threadCount), "Need at least one thread.");
        ThreadCount = threadCount;
        _threads = new Thread[threadCount - 1];
        _start = new ManualResetEventSlim[threadCount - 1];
        _done = new CountdownEvent(1);
        // A slim event creates its lock object on the first wait that blocks; block once here (1 ms) so that no later
        // dispatch allocates.
        _done.Wait(1);
        for (int w = 0; w < _threads.Length; w++)
        {
            int band = w + 1;
            _start[w] = new ManualResetEventSlim(false, spinCount: 200);
            _start[w].Wait(1);
            _threads[w] = new Thread(() => Work(band)) { IsBackground = true, Name = $"micromagnetics band {band}" };
            _threads[w].Start();
        }
    }

    /// <summary>Threads that share the work, the caller's included.</summary>
    public int ThreadCount { get; }

    /// <summary>Bytes allocated on the worker threads (not the caller's) while running jobs, all runs together.</summary>
    public long WorkerAllocatedBytes => Interlocked.Read(ref _workerAllocations);

    /// <summary>The default: one thread per processor, at most 8.</summary>
    public static int DefaultThreadCount => Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Band b of [0, count) split into <paramref name="bands"/> near-equal contiguous parts.</summary>
    public static (int Start, int End) Band(int b, int bands, int count) =>
        ((int)((long)count * b / bands), (int)((long)count * (b + 1) / bands));

    /// <summary>Runs <paramref name="job"/> over [0, <paramref name="count"/>) and returns when every band is done.</summary>
    public void Run(IBandJob job, int count)
    {
        int bands = Math.Min(ThreadCount, count);
        if (bands <= 1)
        {
            if (count > 0) job.Execute(0, count);
            return;
        }
        _job = job;
        _count = count;
        _failure = null;
        _done.Reset(bands - 1);
        for (int w = 0; w < bands - 1; w++) _start[w].Set();
        var (s, e) = Band(0, bands, count);
        try
        {
            job.Execute(s, e);
        }
        finally
        {
            _done.Wait();
            _job = null;
        }
        if (_failure is not null) throw new AggregateException("A worker band failed.", _failure);
    }

    private void Work(int band)
    {
        var start = _start[band - 1];
        while (true)
        {
            start.Wait();
            start.Reset();
            if (_stopping) return;
            int bands = Math.Min(ThreadCount, _count);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var (s, e) = Band(band, bands, _count);
                _job!.Execute(s, e);
            }
            catch (Exception ex)
            {
                _failure = ex;
            }
            finally
            {
                Interlocked.Add(ref _workerAllocations, GC.GetAllocatedBytesForCurrentThread() - before);
                _done.Signal();
            }
        }
    }

    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        foreach (var s in _start) s.Set();
        foreach (var t in _threads) t.Join();
        foreach (var s in _start) s.Dispose();
        _done.Dispose();
    }
}
