using System.Runtime.ExceptionServices;

namespace CircuitSim.Core.Parallel;

/// <summary>
/// Runs independent jobs (the points of a .step, the cells of a crossbar sweep, Monte Carlo samples) on up to
/// <see cref="Degree"/> threads and hands each result to the caller's thread in job order, as soon as it and every
/// job before it have finished. A job must depend only on its index (its own circuit, its own seed): then what the
/// caller receives, and so every file it writes, is the same bit for bit on one thread or many. Workers run at most
/// a few jobs ahead of the last one delivered, so buffered results stay few. A job's exception is rethrown on the
/// caller's thread when its turn to be delivered comes; jobs not yet started then do not start.
/// </summary>
public sealed class OrderedParallel
{
    /// <param name="degree">Threads to use; 1 runs every job on the caller's thread, in order.</param>
    public OrderedParallel(int degree)
    {
        if (degree < 1) throw new ArgumentOutOfRangeException(nameof(degree), "the degree of parallelism is at least 1");
        Degree = degree;
    }

    /// <summary>The number of cores: the default degree.</summary>
    public static int DefaultDegree => Environment.ProcessorCount;

    public int Degree { get; }

    /// <summary>How many jobs past the last delivered one may run or wait finished, per thread.</summary>
    private const int Lookahead = 2;

    /// <summary>Runs <paramref name="job"/>(0 … count−1) and calls <paramref name="deliver"/>(i, result) in order of i
    /// on the calling thread.</summary>
    public void Run<T>(int count, Func<int, T> job, Action<int, T> deliver, CancellationToken cancellation = default)
    {
        if (Degree == 1 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                deliver(i, job(i));
            }
            return;
        }

        var results = new T[count];
        var failures = new ExceptionDispatchInfo?[count];
        var done = new bool[count];
        var gate = new object();
        var next = 0;      // next job to start
        var delivered = 0; // jobs handed to the caller
        var stop = false;

        void Worker()
        {
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!stop && next < count && next >= delivered + Lookahead * Degree) Monitor.Wait(gate);
                    if (stop || next >= count) return;
                    i = next++;
                }
                T result = default!;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    cancellation.ThrowIfCancellationRequested();
                    result = job(i);
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                lock (gate)
                {
                    results[i] = result;
                    failures[i] = failure;
                    done[i] = true;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = new Thread[Math.Min(Degree, count)];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Worker) { IsBackground = true, Name = $"circuitsim worker {t + 1}" };
            threads[t].Start();
        }
        try
        {
            for (var i = 0; i < count; i++)
            {
                T result;
                lock (gate)
                {
                    while (!done[i]) Monitor.Wait(gate);
                    failures[i]?.Throw();
                    result = results[i];
                    results[i] = default!; // let the delivered result go
                }
                deliver(i, result);
                lock (gate)
                {
                    delivered = i + 1;
                    Monitor.PulseAll(gate);
                }
            }
        }
        finally
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
            foreach (var t in threads) t.Join();
        }
    }

    /// <summary>The results of <paramref name="job"/>(0 … count−1), in order.</summary>
    public T[] Map<T>(int count, Func<int, T> job, CancellationToken cancellation = default)
    {
        var results = new T[count];
        Run(count, job, (i, r) => results[i] = r, cancellation);
        return results;
    }
}
