using System.Globalization;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Expressions;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;

namespace CircuitSim.Spintronics.Film;

/// <summary>
/// Multi-terminal magnetic film YFILM (e1 … eK model): a conducting film with a DMI maze texture and K edge electrodes
/// (docs/physics.md §8). At a fixed texture it is linear, I = G(m) V with the K×K conductance matrix G (symmetric, rows sum
/// to zero; I_i flows from node e_i into the film); the texture evolves under the Zhang–Li torque of the current the
/// terminal voltages drive, and G follows it through the AMR.
/// </summary>
public sealed class MagneticFilm : Component
{
    public MagneticFilm(string name, IReadOnlyList<string> electrodes, string model) : base(name, electrodes.ToArray())
    {
        if (electrodes.Count < 2) throw new ArgumentException("YFILM needs at least two electrodes.", nameof(electrodes));
        ModelName = model;
    }

    public string ModelName { get; }

    /// <summary>Electrode layout (overrides the model's), see <see cref="FilmElectrodeLayout"/>.</summary>
    [Parameter("electrodes")] public string? Electrodes { get; set; }
    /// <summary>Initial texture.</summary>
    [Parameter("state", "init", Description = "maze, up, down, inplane, stripes or file")] public FilmInitialState InitialState { get; set; } = FilmInitialState.Maze;
    /// <summary>Seed of the maze's random start and of the thermal field.</summary>
    [Parameter("seed")] public double Seed { get; set; } = 1;
    /// <summary>Texture file to start from (state=file; implied when given).</summary>
    [Parameter("texture")] public string? TextureFile { get; set; }
    /// <summary>Texture file written at the end of a transient (the trained film, reusable with texture=); a relative
    /// name is taken inside the output directory.</summary>
    [Parameter("save")] public string? SaveFile { get; set; }
    /// <summary>Times (s, space-separated, SPICE suffixes allowed) at which a PNG snapshot (m_z map, in-plane arrows, current density, electrodes) is written.</summary>
    [Parameter("snapshots")] public string? Snapshots { get; set; }
    /// <summary>Directory of the snapshots (default: the output directory; a relative name is taken inside it).</summary>
    [Parameter("snapdir")] public string? SnapshotDirectory { get; set; }
    /// <summary>Temperature, K (overrides the model's).</summary>
    [Parameter("temp")] public double? Temperature { get; set; }

    /// <summary>Who receives the snapshots and the final texture; null (the default): a <see cref="FilmFileWriter"/> for
    /// <c>snapdir=</c> and <c>save=</c>. A tool or a test sets its own to keep them in memory.</summary>
    public IFilmObserver? Observer { get; set; }

    /// <summary>Every electrode is joined to every other through the film.</summary>
    public override IEnumerable<(int, int)> DcPaths => Enumerable.Range(1, Nodes.Count - 1).Select(i => (0, i));

    public override Behavior CreateBehavior(BindingContext context)
    {
        var model = context.GetModel<FilmModel>(ModelName, Name);
        try
        {
            var layout = model.Layout(Nodes.Count, Electrodes);
            var dynamics = model.CreateDynamics(layout, Temperature);
            dynamics.Cancellation = context.Options.Cancellation;
            var state = TextureFile is not null && InitialState == FilmInitialState.Maze ? FilmInitialState.File : InitialState;
            var m = FilmInitialTexture.Create(model, dynamics, state, (ulong)Seed, TextureFile);
            var times = ParseTimes(Snapshots);
            // device files resolve inside the output directory unless the user allowed otherwise (--device-files-anywhere)
            var files = context.Options.DeviceFiles;
            var save = SaveFile is null ? null : files.Resolve(SaveFile, $"{Name}: save=");
            var snapshotPaths = times.Select(t => files.Resolve(Path.Combine(SnapshotDirectory ?? ".", SnapshotName(t)), $"{Name}: snapdir=")).ToArray();
            var observer = Observer ?? new FilmFileWriter(t => snapshotPaths[Array.IndexOf(times, t)], save);
            return new MagneticFilmBehavior(this, model, dynamics, m, times, observer, context.Nodes(this));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException or InvalidOperationException or IOException)
        {
            throw new CircuitException($"{Name}: {e.Message}", Name);
        }
    }

    /// <summary>The file name of the snapshot at <paramref name="time"/> (in the snapshot directory).</summary>
    internal string SnapshotName(double time) => string.Create(CultureInfo.InvariantCulture, $"{Name}_t{time:G6}.png");

    private static double[] ParseTimes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Array.Empty<double>();
        var list = new List<double>();
        foreach (var item in text.Split(new[] { ' ', '\t', ',', '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!EngineeringNumber.TryParse(item, out var t) || t < 0)
                throw new ArgumentException($"film: snapshot time '{item}' is not a non-negative time (e.g. 0 10n 50n).");
            list.Add(t);
        }
        list.Sort();
        return list.ToArray();
    }
}

/// <summary>
/// What a simulation's film behavior shows to tools (found with <c>Simulation.FindBehavior(name)</c>): its physics
/// and its committed state, e.g. to evaluate a trained texture without a file.
/// </summary>
public interface IMagneticFilmBehavior
{
    /// <summary>The film's physics (grid, material, conduction, statistics).</summary>
    FilmDynamics Dynamics { get; }

    /// <summary>The state at the last accepted time point (do not modify).</summary>
    FilmState CommittedState { get; }

    /// <summary>G0 (S, K×K row-major): the conductance of the film saturated out of plane.</summary>
    ReadOnlySpan<double> SaturatedConductance { get; }
}

internal sealed class FilmDeviceState : IDeviceState<FilmDeviceState>
{
    public FilmDeviceState(FilmState state) => State = state;

    public FilmState State { get; }

    public void CopyFrom(FilmDeviceState other) => State.CopyFrom(other.State);
}

/// <summary>
/// The film in a transient: each circuit step advances the texture self-consistently (<see cref="FilmDynamics"/>) under
/// the terminal voltages interpolated linearly across the step, and stamps G(m) of the trial texture (exact Jacobian of
/// I = G V at fixed m). The step is shortened when G would change by more than dgmax. DC analyses stamp the committed G.
/// Snapshots and the final texture go to an <see cref="IFilmObserver"/> from <see cref="OnCommitted"/>.
/// </summary>
internal sealed class MagneticFilmBehavior : StatefulDeviceBehavior<FilmDeviceState>, IBreakpointBehavior, IMagneticFilmBehavior
{
    private readonly IFilmObserver _observer;
    private readonly FilmModel _model;
    private readonly FilmDynamics _dynamics;
    private readonly double[] _g0;
    private readonly double[] _snapshotTimes;
    private readonly double[] _voltages;
    private int _nextSnapshot;
    private bool _saved;

    public MagneticFilmBehavior(MagneticFilm device, FilmModel model, FilmDynamics dynamics, double[] m, double[] snapshotTimes,
        IFilmObserver observer, int[] nodes)
        : base(device.Name, nodes, Solved(dynamics, m, (ulong)device.Seed), Blank(dynamics))
    {
        _observer = observer;
        _model = model;
        _dynamics = dynamics;
        _snapshotTimes = snapshotTimes;
        _voltages = new double[nodes.Length];
        // G0: the texture-free film, as measured with the film saturated by a strong perpendicular field
        var saturated = dynamics.CreateState(FilmTextures.Uniform(dynamics.Grid, Vec3.UnitZ));
        _g0 = (double[])saturated.Conductance.Clone();
        Trial.CopyFrom(Committed);
    }

    private static FilmDeviceState Solved(FilmDynamics dynamics, double[] m, ulong seed) => new(dynamics.CreateState(m, seed));

    private static FilmDeviceState Blank(FilmDynamics dynamics) =>
        new(new FilmState(dynamics.Grid.CellCount, dynamics.ElectrodeCount, dynamics.Conduction.PotentialLength, 1));

    private int K => TerminalCount;

    public FilmDynamics Dynamics => _dynamics;

    public FilmState CommittedState => Committed.State;

    public ReadOnlySpan<double> SaturatedConductance => _g0;

    protected override void Advance(FilmDeviceState state, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        try
        {
            _dynamics.Advance(state.State, t0, t1, v0, v1);
        }
        catch (InvalidOperationException e)
        {
            throw new SimulationException($"{Name}: {e.Message}");
        }
    }

    protected override void Evaluate(FilmDeviceState state, ReadOnlySpan<double> v, Span<double> currents, Span<double> jacobian)
    {
        double[] g = state.State.Conductance;
        int k = K;
        for (int i = 0; i < k; i++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++)
            {
                double gij = g[i * k + j];
                jacobian[i * k + j] = gij;
                sum += gij * v[j];
            }
            currents[i] = sum;
        }
    }

    protected override double ProposeStepAfter(FilmDeviceState committed, FilmDeviceState trial, double step)
    {
        double[] a = committed.State.Conductance, b = trial.State.Conductance;
        double scale = 0, change = 0;
        for (int i = 0; i < a.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i]));
            change = Math.Max(change, Math.Abs(b[i] - a[i]));
        }
        return scale > 0 ? StepForChange(step, change, _model.MaxConductanceChange * scale) : double.PositiveInfinity;
    }

    public void AddBreakpoints(BreakpointTable table, double after, double until)
    {
        foreach (var t in _snapshotTimes)
            if (t > after && t <= until) table.Add(t);
    }

    protected override void OnCommitted(double time, bool isTransient)
    {
        var s = SimulationState;
        if (!isTransient) time = 0.0;
        if (isTransient || s.IsTranOp || s.IsDc) ReportDueSnapshots(time);
        if (isTransient && !_saved && time >= s.FinalTime * (1 - 1e-12))
        {
            _observer.FinalTexture(new FilmTexture(Name, _dynamics.Grid, (double[])Committed.State.M.Clone()));
            _saved = true;
        }
    }

    private void ReportDueSnapshots(double time)
    {
        while (_nextSnapshot < _snapshotTimes.Length && _snapshotTimes[_nextSnapshot] <= time * (1 + 1e-12))
        {
            double at = _snapshotTimes[_nextSnapshot++];
            for (int i = 0; i < K; i++) _voltages[i] = TerminalVoltage(i);
            var j = new double[2 * _dynamics.Grid.CellCount];
            _dynamics.CurrentDensity(Committed.State, _voltages, j);
            _observer.Snapshot(new FilmSnapshot(Name, at, time, _dynamics.Grid, _dynamics.Conduction.Electrodes,
                (double[])Committed.State.M.Clone(), j, (double[])_voltages.Clone()));
        }
    }

    public override IEnumerable<string> ProbeNames
    {
        get
        {
            int k = K;
            for (int i = 1; i <= k; i++)
                for (int j = 1; j <= k; j++)
                {
                    yield return $"g{i}{j}";
                    yield return $"gp{i}{j}";
                }
            for (int i = 1; i <= k; i++) yield return $"i{i}";
            foreach (var q in new[] { "mx", "my", "mz", "period", "energy", "ep", "refreshes" }) yield return q;
            if (k == 2) { yield return "g"; yield return "r"; }
        }
    }

    public override Func<double>? GetProbe(string quantity)
    {
        string q = quantity.ToLowerInvariant();
        int k = K;
        switch (q)
        {
            case "mx": return () => FilmTextures.Mean(Present.State.M).X;
            case "my": return () => FilmTextures.Mean(Present.State.M).Y;
            case "mz": return () => FilmTextures.Mean(Present.State.M).Z;
            case "period": return () => FilmTextures.StripePeriod(_dynamics.Grid, Present.State.M);
            case "energy": return () => _dynamics.Rhs.Energy(Present.State.M);
            case "ep": return () => TextureEnergy();
            case "refreshes": return () => _dynamics.Statistics.Refreshes;
            case "g" when k == 2: return () => Present.State.Conductance[0];
            case "r" when k == 2: return () => 1 / Present.State.Conductance[0];
        }
        if (q.Length >= 2 && q[0] == 'i' && int.TryParse(q[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int e) && e >= 1 && e <= k)
            return () => Current(e - 1);
        bool prime = q.StartsWith("gp", StringComparison.Ordinal);
        string digits = prime ? q[2..] : q.StartsWith('g') ? q[1..] : "";
        if (TryPair(digits, k, out int a, out int b))
            return prime ? () => Present.State.Conductance[a * k + b] - _g0[a * k + b] : () => Present.State.Conductance[a * k + b];
        return null;
    }

    /// <summary>"12" → (0, 1); for K ≥ 10 the pair is written "i_j" (e.g. "10_3").</summary>
    private static bool TryPair(string digits, int k, out int a, out int b)
    {
        a = b = -1;
        if (digits.Length == 0) return false;
        string[] parts = digits.Contains('_') ? digits.Split('_') : digits.Length == 2 ? new[] { digits[..1], digits[1..] } : Array.Empty<string>();
        if (parts.Length != 2) return false;
        if (!int.TryParse(parts[0], out a) || !int.TryParse(parts[1], out b)) return false;
        a--; b--;
        return a >= 0 && a < k && b >= 0 && b < k;
    }

    private double Current(int e)
    {
        double[] g = Present.State.Conductance;
        double sum = 0;
        for (int j = 0; j < K; j++) sum += g[e * K + j] * TerminalVoltage(j);
        return sum;
    }

    /// <summary>E' = −Σ G'_ij V_i V_j at the present voltages, W.</summary>
    private double TextureEnergy()
    {
        double[] g = Present.State.Conductance;
        double e = 0;
        for (int i = 0; i < K; i++)
            for (int j = 0; j < K; j++)
                e -= (g[i * K + j] - _g0[i * K + j]) * TerminalVoltage(i) * TerminalVoltage(j);
        return e;
    }
}
