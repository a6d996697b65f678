using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>
/// Every level-1 MOSFET of one model, loaded together: one tight loop evaluates the instances (no interface call per
/// device, instance constants precomputed at the temperature update), each into its own <see cref="StampCache"/>,
/// then a second loop adds the stamps to the system. Evaluation touches only the instance's own state, so it is the
/// part a later version can run over structure-of-arrays state or on several threads; stamping stays in one thread
/// and in instance order, so the matrix is the same bit for bit. Bypassed instances re-add their last stamp.
/// </summary>
internal sealed class Mosfet1Batch : Behavior, ILoadBehavior
{
    private readonly List<Mosfet1Behavior> _pending = new();
    private readonly MnaSystem _mna;
    private readonly SimulationStatistics _stats;
    private Mosfet1Behavior[] _members = Array.Empty<Mosfet1Behavior>();
    private Mosfet1Behavior.LoadOutcome[] _outcomes = Array.Empty<Mosfet1Behavior.LoadOutcome>();

    public Mosfet1Batch(string model, BindingContext context) : base($"mos1 batch of model {model}")
    {
        _mna = context.Mna;
        _stats = context.Simulation.Statistics;
    }

    /// <summary>Adds an instance (setup only).</summary>
    public void Add(Mosfet1Behavior member) => _pending.Add(member);

    public int Count => _pending.Count;

    public void Load()
    {
        if (_members.Length != _pending.Count)
        {
            // the first load after setup (not on the hot path)
            _members = _pending.ToArray();
            _outcomes = new Mosfet1Behavior.LoadOutcome[_members.Length];
        }
        var members = _members;
        var outcomes = _outcomes;
        var bypassed = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var o = members[i].Evaluate();
            outcomes[i] = o;
            if (o == Mosfet1Behavior.LoadOutcome.Bypassed) bypassed++;
        }
        var mna = _mna;
        for (var i = 0; i < members.Length; i++)
            if (outcomes[i] != Mosfet1Behavior.LoadOutcome.Stored) members[i].Stamp.Apply(mna);
        _stats.DeviceLoads += members.Length;
        _stats.DeviceBypasses += bypassed;
    }
}
