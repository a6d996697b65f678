using System.Collections.Concurrent;

namespace CircuitSim.Sweeps;

/// <summary>
/// Runs points on this machine's cores: <see cref="Workers"/> threads take the next point as they finish one (so
/// points of unequal cost balance), and each result is stored the moment its point ends. Results do not depend on the
/// number of workers or the order points finish in: every point builds its own circuit and random streams.
/// </summary>
public sealed class LocalExecutor
{
    public LocalExecutor(int workers)
    {
        if (workers is < 1 or > MaxWorkers) throw new SweepException($"-j must be between 1 and {MaxWorkers}, not {workers}");
        Workers = workers;
    }

    /// <summary>Most worker threads: more than any node's cores, and 1024 × the 8 MiB stacks stay addressable.</summary>
    public const int MaxWorkers = 1024;

    /// <summary>Worker threads (<c>-j N</c>; the default is the number of cores).</summary>
    public int Workers { get; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>Stack of a worker: as the main thread's, for deeply nested netlist expressions.</summary>
    private const int WorkerStackBytes = 8 * 1024 * 1024;

    /// <summary>Runs <paramref name="points"/> with <paramref name="run"/> and hands each result to <paramref name="store"/>
    /// as soon as it exists; returns how many ran.</summary>
    public int Execute<TPoint, TResult>(IReadOnlyList<TPoint> points, Func<TPoint, TResult> run, Action<TResult> store)
    {
        var queue = new ConcurrentQueue<TPoint>(points);
        var count = 0;
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Math.Min(Workers, Math.Max(points.Count, 1))).Select(_ => new Thread(() =>
        {
            try
            {
                while (!Cancellation.IsCancellationRequested && queue.TryDequeue(out var p))
                {
                    store(run(p));
                    Interlocked.Increment(ref count);
                }
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
                queue.Clear();
            }
        }, WorkerStackBytes) { IsBackground = true, Name = "sweep worker" }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (!errors.IsEmpty) throw errors.Count == 1 ? errors.First() : new AggregateException(errors);
        return count;
    }
}
