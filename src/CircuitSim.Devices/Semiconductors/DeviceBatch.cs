using System.Diagnostics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Parallel;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>What one member's load did, for its batch.</summary>
[Flags]
internal enum LoadOutcome : byte
{
    /// <summary>Evaluated and wrote a new stamp into its slot.</summary>
    Evaluated = 0,
    /// <summary>Left its slot as it was: the last stamp is applied again (<see cref="Bypass"/>).</summary>
    Bypassed = 1,
    /// <summary>Stamped nothing (the small-signal load only stores the operating point).</summary>
    Stored = 2,
    /// <summary>Junction limiting changed a voltage: the iteration has not converged (SPICE's CKTnoncon).</summary>
    Limited = 4,
}

/// <summary>A device loaded by a <see cref="DeviceBatch{T}"/>: its evaluation touches only its own state, state
/// vector entries and stamp slot, so members may evaluate on several threads at once.</summary>
internal interface IBatchMember
{
    LoadOutcome Evaluate();
}

/// <summary>
/// The instances of one device family (every level-1 MOSFET, or every BSIM4 with one slot layout), loaded together in
/// netlist order: members evaluate into their slots of a structure-of-arrays
/// <see cref="StampBatch"/> (in ranges claimed by several threads when the batch is large enough to pay for the fork
/// and join; each range then gathers its slots' live entries while they are in its core's cache), and the loading
/// thread adds them to the system in member order, range by range as the ranges finish, so the matrix and right-hand
/// side are the same bit for bit for any number of threads. The tallies the
/// members report (bypasses, limited junctions) are counted per range and added after the join.
/// </summary>
internal abstract class DeviceBatch<T> : Behavior, ILoadBehavior, ITruncateBehavior, IOrderedRangeWork where T : class, IBatchMember
{
    /// <summary>The least evaluation work, in nanoseconds, that one thread of a parallel load must get for the fork
    /// and join to pay: measured crossover on the development machine (docs/performance.md, "Parallel device
    /// evaluation").</summary>
    internal const double MinWorkPerThreadNs = 20_000;

    /// <summary>Evaluation work per range of a parallel load, ns: enough to hide the claim (a cross-core exchange),
    /// small enough that the threads finish together and the loading thread can stamp early ranges while the others
    /// evaluate later ones.</summary>
    internal const double WorkPerChunkNs = 4_000;

    private readonly List<T> _pending = new();
    // the members' charge slots whose truncation error limits the step, all in one list
    private readonly List<int> _pendingCharges = new();
    private int[] _charges = Array.Empty<int>();
    private readonly MnaSystem _mna;
    private readonly SimulationState _state;
    private readonly SimulationStatistics _stats;
    private readonly double _evaluationNs;
    private T[] _members = Array.Empty<T>();
    private bool[] _stamped = Array.Empty<bool>();
    // per range: bypasses and limited junctions, a cache line (8 longs) apart so threads do not share one
    private readonly long[] _tallies = new long[TallyStride * DeviceEvaluationPool.MaxChunks];
    private const int TallyStride = 8;
    private const int MaxThreads = 64;
    private ParallelChoice _choice;
    // the threads of the last load (the truncation check splits the same way)
    private int _lastThreads = 1;
    private TruncationRanges? _truncation;
    // a parallel load is under way: the ranges gather their slots' live entries for the loading thread
    private bool _parallelLoad;

    /// <param name="evaluationNs">Typical cost of one member's evaluation, ns (sets how many threads pay).</param>
    protected DeviceBatch(string name, BindingContext context, int matrixStride, int rhsStride, double evaluationNs) : base(name)
    {
        _mna = context.Mna;
        _state = context.State;
        _stats = context.Simulation.Statistics;
        _evaluationNs = evaluationNs;
        Stamps = new StampBatch(matrixStride, rhsStride);
    }

    /// <summary>The members' last contributions, slot by slot in the order they were added.</summary>
    public StampBatch Stamps { get; }

    /// <summary>Adds a member (setup only), after it has taken its slot of <see cref="Stamps"/>.</summary>
    public void Add(T member) => _pending.Add(member);

    /// <summary>Adds a member's charge slots (setup only): the batch proposes the smallest step their truncation errors
    /// allow, in one pass over all of them (the smallest is the same whatever the order).</summary>
    public void AddTruncatedCharges(params ReadOnlySpan<int> charges)
    {
        foreach (var q in charges) _pendingCharges.Add(q);
    }

    public double Truncate()
    {
        if (_charges.Length != _pendingCharges.Count) _charges = _pendingCharges.ToArray(); // first call after setup
        if (_charges.Length == 0) return double.PositiveInfinity;
        if (_lastThreads < 2) return _state.TruncationStep(_charges);
        // where the last load ran on several threads, so does the check: each thread reads the charges of about the
        // members it evaluates, whose states are in its core's cache (read from the loading thread, every line of them
        // would have to come back before the members' next evaluation could write it); the smallest step is the same
        // whatever the split
        _truncation ??= new TruncationRanges(this);
        var n = _charges.Length;
        // one range per thread: a thread's is about its home stretch of the load (the check is too short to balance)
        var parts = DeviceEvaluationPool.Shared.Run(_truncation, n, _lastThreads, _lastThreads);
        var smallest = double.PositiveInfinity;
        for (var p = 0; p < parts; p++) smallest = Math.Min(smallest, _truncation.Smallest[p * TallyStride]);
        return smallest;
    }

    /// <summary>The truncation check of a range of the batch's charges, the smallest step of each range in its own slot.</summary>
    private sealed class TruncationRanges(DeviceBatch<T> batch) : IRangeWork
    {
        public readonly double[] Smallest = new double[TallyStride * DeviceEvaluationPool.MaxChunks];

        public void Run(int start, int end, int part) =>
            Smallest[part * TallyStride] = batch._state.TruncationStep(batch._charges.AsSpan(start, end - start));
    }

    public int Count => _pending.Count;

    /// <summary>
    /// Threads for a load of <paramref name="members"/> members costing <paramref name="evaluationNs"/> each:
    /// <c>.options threads=N</c> (N ≥ 2) uses N whenever there are that many members; the default (0) uses every core
    /// but only as many as get <see cref="MinWorkPerThreadNs"/> of work each; 1 keeps the load on one thread.
    /// </summary>
    internal static int Threads(int requested, int members, double evaluationNs)
    {
        if (requested == 1 || members < 2) return 1;
        if (requested > 1) return Math.Min(Math.Min(requested, members), MaxThreads);
        var paying = (int)(members * evaluationNs / MinWorkPerThreadNs);
        return Math.Clamp(paying, 1, Environment.ProcessorCount);
    }

    public void Load()
    {
        if (_members.Length != _pending.Count)
        {
            // the first load after setup (not on the hot path)
            _members = _pending.ToArray();
            _stamped = new bool[_members.Length];
            // before the first parallel load: the threads gather into the arrays this makes
            Stamps.Prepare();
        }
        var n = _members.Length;
        var requested = _state.Options.Threads;
        var threads = Threads(requested, n, _evaluationNs);
        int parts;
        if (threads == 1) parts = RunAll(n);
        else if (requested != 0) parts = RunParallel(n, threads);
        else
        {
            // the default: large enough to pay on paper; time it both ways and keep the faster
            threads = _choice.Choose(threads);
            var start = Stopwatch.GetTimestamp();
            parts = threads > 1 ? RunParallel(n, threads) : RunAll(n);
            _choice.Record(threads > 1, Stopwatch.GetTimestamp() - start);
        }
        if (parts > 1) _stats.ParallelBatchLoads++;
        _lastThreads = parts > 1 ? threads : 1;
        long bypassed = 0, limited = 0;
        for (var p = 0; p < parts; p++)
        {
            bypassed += _tallies[p * TallyStride];
            limited += _tallies[p * TallyStride + 1];
        }
        _stats.DeviceLoads += n;
        _stats.DeviceBypasses += bypassed;
        _state.NonConvergenceCount += (int)limited;
    }

    private int RunAll(int n)
    {
        Run(0, n, 0);
        Consume(0, n);
        return 1;
    }

    /// <summary>A parallel load: ranges of about <see cref="WorkPerChunkNs"/>, at least one per thread.</summary>
    private int RunParallel(int n, int threads)
    {
        var chunks = Math.Max(threads, (int)Math.Ceiling(n * _evaluationNs / WorkPerChunkNs));
        _parallelLoad = true;
        try
        {
            return DeviceEvaluationPool.Shared.Run(this, n, threads, chunks);
        }
        finally
        {
            _parallelLoad = false;
        }
    }

    /// <summary>Adds the slots of members [start, end) to the system (on the loading thread, in member order): the live
    /// entries their range gathered in a parallel load, else straight from the slots.</summary>
    public void Consume(int start, int end)
    {
        if (_parallelLoad) Stamps.Apply(_mna, _stamped, start, end);
        else Stamps.ApplySlots(_mna, _stamped, start, end);
    }

    /// <summary>Evaluates members [start, end) (one thread's range) and records its tallies.</summary>
    public void Run(int start, int end, int part)
    {
        var members = _members;
        var stamped = _stamped;
        long bypassed = 0, limited = 0;
        for (var i = start; i < end; i++)
        {
            var o = members[i].Evaluate();
            // written only when it changes: neighbouring members on other threads share the flags' cache line
            var stamps = (o & LoadOutcome.Stored) == 0;
            if (stamped[i] != stamps) stamped[i] = stamps;
            if ((o & LoadOutcome.Bypassed) != 0) bypassed++;
            if ((o & LoadOutcome.Limited) != 0) limited++;
        }
        _tallies[part * TallyStride] = bypassed;
        _tallies[part * TallyStride + 1] = limited;
        // while the slots are in this core's cache: only their live entries go to the loading thread
        if (_parallelLoad) Stamps.Gather(stamped, start, end);
    }
}

/// <summary>
/// The default thread count's last check: a batch large enough to pay on paper may not pay on a machine whose cores
/// are busy with other work (the workers start late and the join waits). The batch keeps running averages of the wall
/// time of its loads on one thread and on several, loads the faster way, and tries the other way now and then: after
/// 32 loads, and after twice as many each time the try confirms the choice (up to 4096), so a way that keeps losing
/// costs next to nothing. Only a try switches: when the way in use becomes slower than the other was at its last try,
/// the other is tried at once (a preempted load moves an average by at most an eighth, so a pair of them does not
/// start a spell on the slower way). A try is <see cref="TryLoads"/> loads in a row, the first not counted, and the first load
/// back after a try is not counted either: the first parallel load after a spell on one thread wakes the workers,
/// which then spin for the next. The results do not depend on the choice (the stamps are the same bit for bit).
/// </summary>
internal struct ParallelChoice
{
    private const int FirstProbe = 32, LastProbe = 4096;
    /// <summary>Loads per try; the first only warms the way up.</summary>
    internal const int TryLoads = 4;
    private const double Weight = 0.25;
    private double _serial, _parallel;
    private int _untilProbe, _interval;
    // the try under way: loads left, the way it tries, and its counted loads
    private int _tryLeft;
    private bool _tryParallel, _parallelFaster, _lastParallel;
    private Tried _tried;

    [System.Runtime.CompilerServices.InlineArray(TryLoads - 1)]
    private struct Tried
    {
        private long _first;
    }

    private static double Median(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>Threads for this load: <paramref name="parts"/> or 1.</summary>
    public int Choose(int parts)
    {
        if (_tryLeft == 0)
        {
            if (_parallel == 0) StartTry(parallel: true);
            else if (_serial == 0) StartTry(parallel: false);
            // the way in use has become slower than the other was at its last try: try that one again now, rather
            // than switch on an old figure
            else if (--_untilProbe <= 0 || (_parallelFaster ? _serial < _parallel : _parallel < _serial)) StartTry(!_parallelFaster);
            else return _parallelFaster ? parts : 1;
        }
        return _tryParallel ? parts : 1;
    }

    private void StartTry(bool parallel)
    {
        _tryLeft = TryLoads;
        _tryParallel = parallel;
    }

    public void Record(bool parallel, long ticks)
    {
        var warm = parallel == _lastParallel;
        _lastParallel = parallel;
        if (_tryLeft == 0)
        {
            // the first load back after a try warms its way up again
            if (!warm) return;
            ref var average = ref parallel ? ref _parallel : ref _serial;
            // a load preempted by another process says little about the way it went: it moves the average by at most
            // an eighth (a lasting slowdown still shows within a few loads)
            average += Weight * (Math.Min(ticks, 1.5 * average) - average);
            return;
        }
        if (_tryLeft < TryLoads) _tried[TryLoads - 1 - _tryLeft] = ticks;
        if (--_tryLeft > 0) return;
        // a try stands for the way it tried (its old average is stale): the median of its counted loads
        var tried = Median(_tried[0], _tried[1], _tried[2]);
        if (_tryParallel) _parallel = tried;
        else _serial = tried;
        if (_parallel == 0 || _serial == 0) return; // the first two tries measure both ways
        // the try confirmed the choice: wait longer before the next; it overturned it: look again soon
        var parallelFaster = _parallel < _serial;
        var confirmed = parallelFaster == _parallelFaster && _interval > 0;
        _parallelFaster = parallelFaster;
        _interval = confirmed ? Math.Min(2 * _interval, LastProbe) : FirstProbe;
        _untilProbe = _interval;
    }
}
