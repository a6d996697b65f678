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
/// The instances of one device model, loaded together: members evaluate into their slots of a structure-of-arrays
/// <see cref="StampBatch"/> (on several threads when the batch is large enough to pay for the fork and join), then one
/// pass on the loading thread adds every slot to the system in member order, so the matrix and right-hand side are
/// the same bit for bit for any number of threads. The tallies the members report (bypasses, limited junctions)
/// are counted per thread and added after the join.
/// </summary>
internal abstract class DeviceBatch<T> : Behavior, ILoadBehavior, IRangeWork where T : class, IBatchMember
{
    /// <summary>The least evaluation work, in nanoseconds, that one thread of a parallel load must get for the fork
    /// and join to pay: measured crossover on the development machine (docs/performance.md, "Parallel device
    /// evaluation").</summary>
    internal const double MinWorkPerThreadNs = 20_000;

    private readonly List<T> _pending = new();
    private readonly MnaSystem _mna;
    private readonly SimulationState _state;
    private readonly SimulationStatistics _stats;
    private readonly double _evaluationNs;
    private T[] _members = Array.Empty<T>();
    private bool[] _stamped = Array.Empty<bool>();
    // per thread: bypasses and limited junctions, a cache line (8 longs) apart so threads do not share one
    private readonly long[] _tallies = new long[TallyStride * MaxThreads];
    private const int TallyStride = 8;
    private const int MaxThreads = 64;
    private ParallelChoice _choice;

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
        }
        var n = _members.Length;
        var requested = _state.Options.Threads;
        var parts = Threads(requested, n, _evaluationNs);
        if (parts == 1) RunAll(n);
        else if (requested != 0) parts = DeviceEvaluationPool.Shared.Run(this, n, parts);
        else
        {
            // the default: large enough to pay on paper; time it both ways and keep the faster
            parts = _choice.Choose(parts);
            var start = Stopwatch.GetTimestamp();
            parts = parts > 1 ? DeviceEvaluationPool.Shared.Run(this, n, parts) : RunAll(n);
            _choice.Record(parts > 1, Stopwatch.GetTimestamp() - start);
        }
        if (parts > 1) _stats.ParallelBatchLoads++;
        long bypassed = 0, limited = 0;
        for (var p = 0; p < parts; p++)
        {
            bypassed += _tallies[p * TallyStride];
            limited += _tallies[p * TallyStride + 1];
        }
        Stamps.Apply(_mna, _stamped);
        _stats.DeviceLoads += n;
        _stats.DeviceBypasses += bypassed;
        _state.NonConvergenceCount += (int)limited;
    }

    private int RunAll(int n)
    {
        Run(0, n, 0);
        return 1;
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
            stamped[i] = (o & LoadOutcome.Stored) == 0;
            if ((o & LoadOutcome.Bypassed) != 0) bypassed++;
            if ((o & LoadOutcome.Limited) != 0) limited++;
        }
        _tallies[part * TallyStride] = bypassed;
        _tallies[part * TallyStride + 1] = limited;
    }
}

/// <summary>
/// The default thread count's last check: a batch large enough to pay on paper may not pay on a machine whose cores
/// are busy with other work (the workers start late and the join waits). The batch keeps running averages of the wall
/// time of its loads on one thread and on several, loads the faster way, and tries the other way now and then: after
/// 32 loads, and after twice as many each time the try confirms the choice (up to 4096), so a way that keeps losing
/// costs next to nothing. The results do not depend on the choice (the stamps are the same bit for bit).
/// </summary>
internal struct ParallelChoice
{
    private const int FirstProbe = 32, LastProbe = 4096;
    private const double Weight = 0.25;
    private double _serial, _parallel;
    private int _untilProbe, _interval;
    private bool _probing, _parallelFaster;

    /// <summary>Threads for this load: <paramref name="parts"/> or 1.</summary>
    public int Choose(int parts)
    {
        if (_parallel == 0) return parts;
        if (_serial == 0) return 1;
        _parallelFaster = _parallel < _serial;
        if (--_untilProbe > 0) return _parallelFaster ? parts : 1;
        _probing = true;
        return _parallelFaster ? 1 : parts;
    }

    public void Record(bool parallel, long ticks)
    {
        ref var average = ref parallel ? ref _parallel : ref _serial;
        // a try stands for the way it tried (its old average is stale); the chosen way's loads are averaged
        average = average == 0 || _probing ? ticks : average + Weight * (ticks - average);
        if (!_probing)
        {
            if (_interval == 0) _untilProbe = _interval = FirstProbe;
            return;
        }
        _probing = false;
        // the try confirmed the choice: wait longer before the next; it overturned it: look again soon
        _interval = (_parallel < _serial) == _parallelFaster ? Math.Min(2 * _interval, LastProbe) : FirstProbe;
        _untilProbe = _interval;
    }
}
