using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;

namespace CircuitSim.Core.Simulations;

/// <summary>
/// What a component sees while its behavior is created and set up: the node indices, branch allocation, models,
/// other behaviors (for controlled sources and coupled inductors), the MNA system and the state slots.
/// </summary>
public sealed class BindingContext
{
    private readonly Func<string, Behavior?> _behaviors;
    // state requests of device groups, allocated after every component's setup: group by group in the order each first
    // asked, member by member in the order they asked
    private readonly List<(object Group, List<(int Count, Action<int> Assign)> Members)> _groupedStates = new();

    internal BindingContext(Circuit circuit, SimulationState state, MnaSystem mna, UnknownTable unknowns,
        Func<string, Behavior?> behaviors, Simulation simulation)
    {
        Circuit = circuit;
        State = state;
        Mna = mna;
        Unknowns = unknowns;
        _behaviors = behaviors;
        Simulation = simulation;
    }

    public Circuit Circuit { get; }
    public SimulationState State { get; }
    public MnaSystem Mna { get; }
    public UnknownTable Unknowns { get; }
    public Simulation Simulation { get; }
    public SimulationOptions Options => State.Options;

    /// <summary>The unknown index of a node (0 for ground).</summary>
    public int Node(string name) => Circuit.IsGround(name) ? 0 : Unknowns.GetOrAddNode(name);

    /// <summary>Indices of a component's terminals.</summary>
    public int[] Nodes(Component c)
    {
        var result = new int[c.Nodes.Count];
        for (var i = 0; i < result.Length; i++) result[i] = Node(c.Nodes[i]);
        return result;
    }

    /// <summary>Adds a branch-current unknown named <c>owner#branch</c> (first setup phase only).</summary>
    public int CreateBranch(string owner, string suffix = "branch") => Unknowns.Add($"{owner}#{suffix}", UnknownKind.Current, owner);

    /// <summary>Adds an internal node named <c>owner#suffix</c> (first setup phase only).</summary>
    public int CreateInternalNode(string owner, string suffix) => Unknowns.Add($"{owner}#{suffix}", UnknownKind.Voltage, owner);

    /// <summary>The model a component refers to.</summary>
    /// <exception cref="CircuitException">No model of that name, or a model of another kind.</exception>
    public T GetModel<T>(string modelName, string component) where T : Model
    {
        if (!Circuit.TryGetModel(modelName, out var m))
            throw new CircuitException($"{component}: unknown model '{modelName}'", component);
        return m as T ?? throw new CircuitException(
            $"{component}: model '{modelName}' is a {m.GetType().Name}, expected a {typeof(T).Name}", component);
    }

    /// <summary>The behavior of another component (available in <see cref="Behavior.Setup"/>).</summary>
    /// <exception cref="CircuitException">No such component, or it lacks the capability asked for.</exception>
    public T GetBehavior<T>(string name, string requester) where T : class
    {
        var b = _behaviors(name) ?? throw new CircuitException($"{requester}: refers to '{name}', which is not in the circuit", requester);
        return b as T ?? throw new CircuitException($"{requester}: '{name}' cannot be used here (it is a {b.GetType().Name})", requester);
    }

    /// <summary>A behavior several components share, by key (second setup phase): e.g. the batch that evaluates every
    /// instance of one device model together. Created on first request, it loads at that component's place.</summary>
    public T GetShared<T>(object key, Func<T> create) where T : Behavior => Simulation.GetShared(key, create);

    /// <summary>Reserves consecutive state slots; returns the first.</summary>
    public int AllocateStates(int count) => State.States.Allocate(count);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive state slots for a member of <paramref name="group"/> (a device
    /// family whose loads may run on several threads) and passes the first to <paramref name="assign"/> once every
    /// component is set up. A group's slots lie together, member after member in the order asked, with a cache line
    /// of unused slots on either side: the threads that evaluate the group then never write a cache line that the
    /// loading thread writes too (a node capacitor between two inverters' states made each parallel MOS1 evaluation
    /// wait for the line to cross between cores, twice per load).
    /// </summary>
    public void AllocateGroupedStates(object group, int count, Action<int> assign)
    {
        var members = _groupedStates.Find(g => Equals(g.Group, group)).Members;
        if (members is null) _groupedStates.Add((group, members = new List<(int, Action<int>)>()));
        members.Add((count, assign));
    }

    /// <summary>Cache line of states (eight doubles) left unused either side of a group.</summary>
    private const int LineOfStates = 8;

    /// <summary>Allocates the grouped states (after every component's setup, before the state vectors are made).</summary>
    internal void AllocateGroupedStates()
    {
        foreach (var (_, members) in _groupedStates)
        {
            State.States.Allocate(LineOfStates);
            foreach (var (count, assign) in members) assign(State.States.Allocate(count));
            State.States.Allocate(LineOfStates);
        }
        _groupedStates.Clear();
    }
}
