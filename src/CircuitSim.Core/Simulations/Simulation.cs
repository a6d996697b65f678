using System.Diagnostics;
using System.Numerics;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;

namespace CircuitSim.Core.Simulations;

/// <summary>One point handed to the caller while an analysis runs: the scale value (time, swept value or frequency).</summary>
public readonly record struct ExportPoint(int Index, double Scale);

/// <summary>
/// Base of every analysis: builds the behaviors, the unknowns, the MNA pattern and the Newton solver, and solves
/// operating points (plain Newton, then gmin stepping, then source stepping, as ngspice does). <see cref="Run"/>
/// streams export points; the caller reads <see cref="Probe"/>s at each one and may stop early by breaking.
/// </summary>
public abstract class Simulation
{
    // the behavior of each component, in circuit order; indexed by name only when a name is first looked up (a large
    // circuit's outputs are mostly node voltages, and the index is as large as the behaviors)
    // (a list while setup creates them; after it, read from Behaviors, which holds them in the same order with the
    // group behaviors inserted: after the components _groupsAfter names, ascending)
    private List<Behavior>? _own = new();
    private int[] _groupsAfter = Array.Empty<int>();
    private Dictionary<string, Behavior>? _byName;
    private int _named;
    private readonly List<string> _warnings = new();
    private readonly Dictionary<object, Behavior> _shared = new();
    private readonly List<Behavior> _newShared = new();
    private bool _isSetUp;

    protected Simulation(Circuit circuit, SimulationOptions? options)
    {
        Circuit = circuit;
        Options = options?.Clone() ?? new SimulationOptions();
        State = new SimulationState(Options);
    }

    public Circuit Circuit { get; }
    public SimulationOptions Options { get; }
    public SimulationState State { get; }
    public MnaSystem Mna { get; } = new();
    public UnknownTable Unknowns { get; } = new();
    public SimulationStatistics Statistics { get; } = new();
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Node voltages held during the operating point that starts a transient (.ic, no UIC) or used as
    /// initial values with UIC, V.</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Node voltages the operating point starts from (.nodeset), V.</summary>
    public Dictionary<string, double> Nodesets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The analysis name as ngspice's plot name ("Transient Analysis", ...).</summary>
    public abstract string PlotName { get; }

    /// <summary>Name of the scale vector ("time", "frequency", the swept source), or null (operating point).</summary>
    public abstract string? ScaleName { get; }

    /// <summary>The complex solution of the present AC point (null outside AC).</summary>
    public Complex[]? AcSolution { get; protected set; }

    protected internal NewtonSolver Solver { get; private set; } = null!;
    protected Behavior[] Behaviors { get; private set; } = Array.Empty<Behavior>();
    protected ILoadBehavior[] Loaders { get; private set; } = Array.Empty<ILoadBehavior>();
    protected ITruncateBehavior[] Truncaters { get; private set; } = Array.Empty<ITruncateBehavior>();
    protected IAcceptBehavior[] Accepters { get; private set; } = Array.Empty<IAcceptBehavior>();
    protected IRejectBehavior[] Rejecters { get; private set; } = Array.Empty<IRejectBehavior>();
    /// <summary>The behaviors that load the AC system, gathered on first use: only AC needs them.</summary>
    protected IFrequencyBehavior[] FrequencyBehaviors => _frequencyBehaviors ??= Of<IFrequencyBehavior>();
    private IFrequencyBehavior[]? _frequencyBehaviors;
    protected ITemperatureBehavior[] TemperatureBehaviors { get; private set; } = Array.Empty<ITemperatureBehavior>();
    protected IBreakpointBehavior[] BreakpointBehaviors { get; private set; } = Array.Empty<IBreakpointBehavior>();
    protected IMaxStepBehavior[] MaxStepBehaviors { get; private set; } = Array.Empty<IMaxStepBehavior>();
    protected IInitialConditionBehavior[] InitialConditionBehaviors { get; private set; } = Array.Empty<IInitialConditionBehavior>();

    /// <summary>True when the analysis solves a DC point (so the topology check treats capacitors as open).</summary>
    protected virtual bool SolvesDcPoint => true;

    /// <summary>Builds everything; called by <see cref="Run"/> when not called before.</summary>
    /// <exception cref="CircuitException">The circuit cannot be simulated as given.</exception>
    public void Setup()
    {
        if (_isSetUp) return;
        if (Options.TopologyChecks) _warnings.AddRange(TopologyCheck.Run(Circuit, SolvesDcPoint, Options.Rshunt is > 0));
        // the nodes in the order Circuit.NodeNames gives them, without its set of names: the table ignores names it
        // holds already (ground's included), compared as the set compares them
        foreach (var c in Circuit.Components)
        {
            // indexed: a foreach over the interface boxes an enumerator per component
            var nodes = c.Nodes;
            for (var k = 0; k < nodes.Count; k++)
                if (!Circuit.IsGround(nodes[k])) Unknowns.GetOrAddNode(nodes[k]);
        }
        var context = new BindingContext(Circuit, State, Mna, Unknowns, FindBehavior, this);

        var list = _own!;
        list.EnsureCapacity(Circuit.Components.Count);
        foreach (var c in Circuit.Components) list.Add(c.CreateBehavior(context));
        if (Unknowns.Count == 0)
            throw new CircuitException("the circuit has no node other than ground: there is nothing to simulate");
        Mna.Resize(Unknowns.Count);
        // a group behavior (a device family's batch) loads where its first member would have: after the component whose setup
        // created it
        var groups = new List<(int After, Behavior Group)>();
        for (var i = 0; i < list.Count; i++)
        {
            list[i].Setup(context);
            foreach (var g in _newShared) groups.Add((i, g));
            _newShared.Clear();
        }
        context.AllocateGroupedStates();
        var ordered = new Behavior[list.Count + groups.Count];
        for (int i = 0, k = 0, g = 0; i < list.Count; i++)
        {
            ordered[k++] = list[i];
            for (; g < groups.Count && groups[g].After == i; g++) ordered[k++] = groups[g].Group;
        }
        Behaviors = ordered;
        _groupsAfter = groups.Select(g => g.After).ToArray();
        _own = null;
        Loaders = Of<ILoadBehavior>(b => !b.LoadedByGroup);
        Truncaters = Of<ITruncateBehavior>(b => !b.LoadedByGroup);
        Accepters = Of<IAcceptBehavior>();
        Rejecters = Of<IRejectBehavior>();
        TemperatureBehaviors = Of<ITemperatureBehavior>();
        BreakpointBehaviors = Of<IBreakpointBehavior>();
        MaxStepBehaviors = Of<IMaxStepBehavior>();
        InitialConditionBehaviors = Of<IInitialConditionBehavior>();
        // the node table grew one name at a time, to up to twice its size
        Unknowns.TrimExcess();

        State.States.Create(Math.Max(Options.MaxOrder, 2) + 2);
        State.Method = Options.Method;
        Solver = new NewtonSolver(State, Mna, Unknowns, Loaders, Of<IConstantLoadBehavior>(), Of<IConvergenceBehavior>(), Statistics);
        Solver.SetNodesets(Resolve(Nodesets, ".nodeset"));
        Solver.SetInitialConditions(Resolve(InitialConditions, ".ic"));
        UpdateTemperature();
        _isSetUp = true;
    }

    /// <summary>The behaviors that are <typeparamref name="T"/>, in order. Counted first, not Enumerable.ToArray: that
    /// grows its buffers from ArrayPool&lt;T&gt;.Shared, which keeps them for the life of the process, a few MB for each
    /// behavior interface on a 200 000-element circuit.</summary>
    /// <param name="where">Which of them to take (all when null).</param>
    private T[] Of<T>(Func<Behavior, bool>? where = null) where T : class
    {
        var count = 0;
        foreach (var b in Behaviors)
            if (b is T && (where is null || where(b))) count++;
        var result = new T[count];
        var k = 0;
        foreach (var b in Behaviors)
            if (b is T t && (where is null || where(b))) result[k++] = t;
        return result;
    }

    private IEnumerable<(int, double)> Resolve(Dictionary<string, double> values, string what)
    {
        foreach (var (node, v) in values)
        {
            if (!Unknowns.TryGetIndex(node, out var i) || i == 0)
                throw new CircuitException($"{what}: node '{node}' is not in the circuit");
            yield return (i, v);
        }
    }

    /// <summary>Recomputes temperature-dependent device parameters (after a change of <see cref="SimulationState.Temperature"/>).</summary>
    public void UpdateTemperature()
    {
        foreach (var t in TemperatureBehaviors) t.UpdateTemperature();
        Solver?.ConstantsChanged();
    }

    /// <summary>Runs the analysis, yielding a point each time probes can be read.</summary>
    /// <exception cref="SimulationException">The run failed; points yielded before the failure are valid.</exception>
    public IEnumerable<ExportPoint> Run()
    {
        Setup();
        var start = Stopwatch.GetTimestamp();
        try
        {
            foreach (var p in Execute()) yield return p;
        }
        finally
        {
            Statistics.TotalTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    protected abstract IEnumerable<ExportPoint> Execute();

    /// <summary>The behavior shared under <paramref name="key"/> by several components (e.g. one batch per device
    /// model), created on first request during setup; it takes part in the simulation like a component's behavior.</summary>
    internal T GetShared<T>(object key, Func<T> create) where T : Behavior
    {
        if (_shared.TryGetValue(key, out var b)) return (T)b;
        if (_isSetUp) throw new InvalidOperationException("shared behaviors are created during setup");
        var created = create();
        _shared[key] = created;
        _newShared.Add(created);
        return created;
    }

    /// <summary>The behavior of a component, or null (after setup).</summary>
    public Behavior? FindBehavior(string name)
    {
        _byName ??= new Dictionary<string, Behavior>(StringComparer.OrdinalIgnoreCase);
        var count = _own?.Count ?? Behaviors.Length - _groupsAfter.Length;
        for (; _named < count; _named++) _byName[Circuit.Components[_named].Name] = OwnBehavior(_named);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>The behavior of component <paramref name="index"/>: after setup, in <see cref="Behaviors"/> behind every
    /// group inserted after an earlier component.</summary>
    private Behavior OwnBehavior(int index)
    {
        if (_own is { } created) return created[index];
        int low = 0, high = _groupsAfter.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_groupsAfter[mid] < index) low = mid + 1;
            else high = mid;
        }
        return Behaviors[index + low];
    }

    /// <summary>Creates a probe such as <c>v(out)</c>, <c>i(vin)</c> or <c>@m1[id]</c>.</summary>
    /// <exception cref="CircuitException">The name does not resolve.</exception>
    public Probe CreateProbe(string name)
    {
        Setup();
        return CreateAnalysisProbe(name) ?? ProbeParser.Create(this, name);
    }

    /// <summary>A probe for a vector the analysis itself computes (e.g. .tf's transfer_function), or null.</summary>
    protected virtual Probe? CreateAnalysisProbe(string name) => null;

    internal int NodeIndex(string node, string context)
    {
        if (Circuit.IsGround(node)) return 0;
        if (!Unknowns.TryGetIndex(node, out var i))
            throw new CircuitException($"probe '{context}': no node named '{node}'");
        return i;
    }

    /// <summary>What ngspice saves by default: every node voltage and every branch current (V, E, H, L).</summary>
    public virtual IReadOnlyList<string> DefaultProbeNames()
    {
        Setup();
        var names = new List<string>();
        foreach (var u in Unknowns.All)
            if (u.Kind == UnknownKind.Voltage && u.Owner is null) names.Add($"v({u.Name.ToLowerInvariant()})");
        foreach (var u in Unknowns.All)
            if (u.Kind == UnknownKind.Current && u.Owner is not null && u.Name.EndsWith("#branch", StringComparison.OrdinalIgnoreCase))
                names.Add($"i({u.Owner.ToLowerInvariant()})");
        return names;
    }

    protected void Warn(string message) => _warnings.Add(message);

    protected void AcceptAll()
    {
        foreach (var a in Accepters) a.Accept();
    }

    protected void RejectAll()
    {
        foreach (var r in Rejecters) r.Reject();
    }

    /// <summary>
    /// Solves an operating point in <paramref name="mode"/>: Newton from the junction initial guesses; if that fails,
    /// gmin stepping; if that fails, source stepping. Returns false when all fail.
    /// </summary>
    protected bool SolveOperatingPoint(AnalysisMode mode)
    {
        State.Mode = mode;
        State.Init = InitMode.Junction;
        State.DiagonalGmin = Options.Gshunt;
        State.SourceFactor = 1;
        if (!Options.NoOpIter && Solver.Iterate(Options.Itl1)) return true;
        if (State.IsTranOp && State.UseInitialConditions) return true;
        if (Options.GminSteps > 0 && GminStepping(mode)) return true;
        if (Options.SourceSteps > 0 && SourceStepping(mode)) return true;
        return false;
    }

    /// <summary>Dynamic gmin stepping: a large conductance from every node to ground, relaxed by an adaptive factor
    /// towards GSHUNT while Newton keeps converging (ngspice's dynamic_gmin).</summary>
    private bool GminStepping(AnalysisMode mode)
    {
        var n = Unknowns.Count + 1;
        var savedSolution = new double[n];
        var savedStates = new double[State.States.Count];
        ResetSolution();
        State.Mode = mode;
        State.Init = InitMode.Junction;
        var maxFactor = 10.0;
        var factor = maxFactor;
        var oldGmin = 1e-2;
        State.DiagonalGmin = oldGmin / factor;
        var target = Math.Max(Options.Gmin, Options.Gshunt);
        while (true)
        {
            // a hopeless point can step for minutes (a 2 GV source): an interrupt must not wait for it
            Options.Cancellation.ThrowIfCancellationRequested();
            var before = Statistics.NewtonIterations;
            var ok = Solver.Iterate(Options.Itl2);
            var iterations = Statistics.NewtonIterations - before;
            if (ok)
            {
                State.Init = InitMode.Float;
                if (State.DiagonalGmin <= target) break;
                Solver.SaveSolution(savedSolution);
                Array.Copy(State.States.State0, savedStates, savedStates.Length);
                if (iterations <= Options.Itl2 / 4) factor = Math.Min(factor * Math.Sqrt(factor), maxFactor);
                if (iterations > 3 * Options.Itl2 / 4) factor = Math.Sqrt(factor);
                oldGmin = State.DiagonalGmin;
                if (State.DiagonalGmin < factor * target)
                {
                    factor = State.DiagonalGmin / target;
                    State.DiagonalGmin = target;
                }
                else State.DiagonalGmin /= factor;
            }
            else
            {
                if (factor < 1.00005) return false;
                factor = Math.Sqrt(Math.Sqrt(factor));
                State.DiagonalGmin = oldGmin / factor;
                Solver.RestoreSolution(savedSolution);
                Array.Copy(savedStates, State.States.State0, savedStates.Length);
            }
        }
        State.DiagonalGmin = Options.Gshunt;
        return Solver.Iterate(Options.Itl1);
    }

    /// <summary>Source stepping: all independent sources ramped from 0 to full value with an adaptive step
    /// (ngspice's gillespie_src), starting from a gmin-stepped solution at zero sources.</summary>
    private bool SourceStepping(AnalysisMode mode)
    {
        var n = Unknowns.Count + 1;
        var savedSolution = new double[n];
        var savedStates = new double[State.States.Count];
        ResetSolution();
        State.Mode = mode;
        State.Init = InitMode.Junction;
        State.SourceFactor = 0;
        State.DiagonalGmin = Options.Gshunt;
        try
        {
            if (!Solver.Iterate(Options.Itl2))
            {
                // zero sources still fail: gmin stepping at zero sources
                State.DiagonalGmin = 1e-2;
                var ok = false;
                for (var g = 1e-2; g >= Math.Max(Options.Gmin, 1e-12) / 10; g /= 10)
                {
                    Options.Cancellation.ThrowIfCancellationRequested();
                    State.DiagonalGmin = g;
                    ok = Solver.Iterate(Options.Itl2);
                    if (!ok) break;
                    State.Init = InitMode.Float;
                }
                State.DiagonalGmin = Options.Gshunt;
                if (!ok || !Solver.Iterate(Options.Itl2)) return false;
            }
            State.Init = InitMode.Float;
            Solver.SaveSolution(savedSolution);
            Array.Copy(State.States.State0, savedStates, savedStates.Length);
            double converged = 0, raise = 1e-3;
            while (converged < 1)
            {
                Options.Cancellation.ThrowIfCancellationRequested();
                State.SourceFactor = Math.Min(1, converged + raise);
                var before = Statistics.NewtonIterations;
                var ok = Solver.Iterate(Options.Itl2);
                var iterations = Statistics.NewtonIterations - before;
                State.Init = InitMode.Float;
                if (ok)
                {
                    converged = State.SourceFactor;
                    Solver.SaveSolution(savedSolution);
                    Array.Copy(State.States.State0, savedStates, savedStates.Length);
                    if (iterations <= Options.Itl2 / 4) raise *= 1.5;
                    if (iterations > 3 * Options.Itl2 / 4) raise *= 0.5;
                }
                else
                {
                    if (State.SourceFactor - converged < 1e-8) return false;
                    raise = Math.Min(raise / 10, 0.01);
                    Solver.RestoreSolution(savedSolution);
                    Array.Copy(savedStates, State.States.State0, savedStates.Length);
                }
            }
            return true;
        }
        finally
        {
            State.SourceFactor = 1;
        }
    }

    private void ResetSolution()
    {
        Array.Clear(State.Solution);
        Array.Clear(State.States.State0);
    }

    /// <summary>The exception for a failed operating point, naming the unknowns that did not settle.</summary>
    protected SimulationException OperatingPointFailure(string what, double? time = null)
    {
        if (Solver.LastSingular is { } singular)
            return new SingularCircuitException($"{what}: {singular.Message}", singular.Unknown, singular);
        var names = Solver.LastNonConverged.Select(i => Unknowns[i].Name).Take(10).ToList();
        var list = names.Count > 0 ? $"; not converged: {string.Join(", ", names)}" : "";
        var tried = new List<string>();
        if (!Options.NoOpIter) tried.Add($"plain Newton ({Math.Max(Options.Itl1, NewtonSolver.IterationFloor)} iterations)");
        if (Options.GminSteps > 0) tried.Add("gmin stepping");
        if (Options.SourceSteps > 0) tried.Add("source stepping");
        var methods = tried.Count switch
        {
            0 => "nothing (NOOPITER with gmin and source stepping off)",
            1 => tried[0],
            _ => string.Join(", ", tried.Take(tried.Count - 1)) + " and " + tried[^1],
        };
        return new ConvergenceException($"{what}: no convergence after {methods}{list}", time, null, names);
    }
}
