using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>
/// Every level-1 MOSFET of one model, loaded together: one tight loop evaluates the instances (no interface call per
/// device, instance constants precomputed at the temperature update), each into its slot of a structure-of-arrays
/// <see cref="StampBatch"/>, then one pass over contiguous arrays adds the stamps to the system. Evaluation touches only the instance's own state, so it is the
/// part a later version can run over structure-of-arrays state or on several threads; stamping stays in one thread
/// and in instance order, so the matrix is the same bit for bit. Bypassed instances re-add their last stamp.
/// </summary>
internal sealed class Mosfet1Batch : Behavior, ILoadBehavior
{
    private readonly List<Mosfet1Behavior> _pending = new();
    private readonly MnaSystem _mna;
    private readonly SimulationStatistics _stats;
    private Mosfet1Behavior[] _members = Array.Empty<Mosfet1Behavior>();
    private bool[] _stamped = Array.Empty<bool>();

    public Mosfet1Batch(string model, BindingContext context) : base($"mos1 batch of model {model}")
    {
        _mna = context.Mna;
        _stats = context.Simulation.Statistics;
    }

    /// <summary>The instances' last contributions, slot by slot in the order they were added.</summary>
    public StampBatch Stamps { get; } = new(22, 4);

    /// <summary>Adds an instance (setup only), after it has taken its slot of <see cref="Stamps"/>.</summary>
    public void Add(Mosfet1Behavior member) => _pending.Add(member);

    public int Count => _pending.Count;

    public void Load()
    {
        if (_members.Length != _pending.Count)
        {
            // the first load after setup (not on the hot path)
            _members = _pending.ToArray();
            _stamped = new bool[_members.Length];
        }
        var members = _members;
        var stamped = _stamped;
        var bypassed = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var o = members[i].Evaluate();
            stamped[i] = o != Mosfet1Behavior.LoadOutcome.Stored;
            if (o == Mosfet1Behavior.LoadOutcome.Bypassed) bypassed++;
        }
        Stamps.Apply(_mna, stamped);
        _stats.DeviceLoads += members.Length;
        _stats.DeviceBypasses += bypassed;
    }
}
