using System.Diagnostics;
using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics.Film;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Spintronics.Film;

namespace CircuitSim.Tools.Hopfield;

/// <summary>Settings of a training run that override the netlist.</summary>
public sealed record TrainingSettings
{
    /// <summary>Training time, s (null: the netlist's .tran stop time).</summary>
    public double? Time { get; init; }
    /// <summary>Neuron amplitude V0, V (sets the netlist's parameter v0).</summary>
    public double V0 { get; init; } = 0.05;
    /// <summary>Grid override (cells each way), for the scaling study.</summary>
    public int? Cells { get; init; }
    /// <summary>AMR ratio override.</summary>
    public double? Amr { get; init; }
    /// <summary>Refresh threshold override (RMS |Δm|).</summary>
    public double? RefreshThreshold { get; init; }
    /// <summary>Maze seed override.</summary>
    public double? Seed { get; init; }
    /// <summary>Name of the film instance in the netlist.</summary>
    public string Film { get; init; } = "f1";
}

/// <summary>What one training run produced.</summary>
public sealed class TrainingResult
{
    public required int[] Pattern { get; init; }
    public required double V0 { get; init; }
    public required double[] Times { get; init; }
    /// <summary>G'_ij(t) for the six pairs i &lt; j, S; key "12", "13", ….</summary>
    public required Dictionary<string, double[]> GPrime { get; init; }
    public required double[] EnergyTrace { get; init; }
    public required double[] GBefore { get; init; }
    public required double[] GAfter { get; init; }
    public required double[] G0 { get; init; }
    public required double[] MBefore { get; init; }
    public required double[] MAfter { get; init; }
    public required FilmDynamics Dynamics { get; init; }
    /// <summary>Wall time of the transient after its operating point, s.</summary>
    public required double WallSeconds { get; init; }
    /// <summary>Wall time of the set-up (maze relaxation, G0, operating point), s.</summary>
    public required double SetupSeconds { get; init; }
    public required double CpuSeconds { get; init; }
    public required double LlgSeconds { get; init; }
    public required double ConductionSeconds { get; init; }
    public required long Refreshes { get; init; }
    public required long LlgSteps { get; init; }
    public required long ConjugateGradientIterations { get; init; }
    public required int CircuitSteps { get; init; }
}

/// <summary>Trains the film of the training netlist on one pattern by running its transient in the circuit engine.</summary>
public static class TrainingRun
{
    public static TrainingResult Run(Netlist.Netlist netlist, int[] pattern, TrainingSettings settings)
    {
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < pattern.Length; i++) parameters[$"s{i + 1}"] = pattern[i];
        parameters["v0"] = settings.V0;
        var circuit = netlist.Build(parameters);
        if (!circuit.TryGetComponent(settings.Film, out var component) || component is not MagneticFilm film)
            throw new ArgumentException($"the netlist has no YFILM named '{settings.Film}'");
        if (film.Nodes.Count != pattern.Length)
            throw new ArgumentException($"the pattern has {pattern.Length} signs but {film.Name} has {film.Nodes.Count} electrodes");
        film.SaveFile = null;       // the tool keeps the textures itself
        film.Snapshots = null;
        if (settings.Seed is { } seed) film.Seed = seed;
        if (!circuit.TryGetModel(film.ModelName, out var m) || m is not FilmModel model)
            throw new ArgumentException($"model '{film.ModelName}' of {film.Name} is not a FILM model");
        if (settings.Cells is { } n) { model.CellsX = n; model.CellsY = n; }
        if (settings.Amr is { } amr) { model.AmrRatio = amr; model.ParallelResistivity = null; }
        if (settings.RefreshThreshold is { } th) model.RefreshThreshold = th;

        var tran = netlist.Analyses.OfType<TranSpec>().FirstOrDefault() ?? throw new ArgumentException("the training netlist needs a .tran line");
        if (settings.Time is { } time) tran = tran with { Stop = time, Step = time / 20, MaxStep = null };
        var runner = new NetlistRunner(netlist);
        var setupClock = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = new Stopwatch();
        var sim = runner.CreateSimulation(circuit, tran);

        string[] pairs = { "12", "13", "14", "23", "24", "34" };
        int k = pattern.Length;
        var times = new List<double>();
        var traces = pairs.ToDictionary(p => p, _ => new List<double>());
        var energy = new List<double>();
        Probe[]? gp = null;
        Probe? ep = null;
        IMagneticFilmBehavior? behavior = null;
        double[]? gBefore = null, mBefore = null;
        int points = 0;
        foreach (var point in sim.Run())
        {
            if (behavior is null)
            {
                behavior = sim.FindBehavior(film.Name) as IMagneticFilmBehavior ?? throw new InvalidOperationException("film behavior not found");
                gp = k == 4 ? pairs.Select(p => sim.CreateProbe($"@{film.Name}[gp{p}]")).ToArray() : Array.Empty<Probe>();
                ep = sim.CreateProbe($"@{film.Name}[ep]");
                gBefore = (double[])behavior.CommittedState.Conductance.Clone();
                mBefore = (double[])behavior.CommittedState.M.Clone();
                behavior.Dynamics.Statistics.Reset();
                // the maze relaxation and G0 happen while the simulation is set up: timed apart from the training
                setupClock.Stop();
                cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Start();
            }
            times.Add(point.Scale);
            for (int p = 0; p < gp!.Length; p++) traces[pairs[p]].Add(gp[p].Value);
            energy.Add(ep!.Value);
            points++;
        }
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var stats = behavior!.Dynamics.Statistics;
        return new TrainingResult
        {
            Pattern = pattern,
            V0 = settings.V0,
            Times = times.ToArray(),
            GPrime = traces.ToDictionary(t => t.Key, t => t.Value.ToArray()),
            EnergyTrace = energy.ToArray(),
            GBefore = gBefore!,
            GAfter = (double[])behavior.CommittedState.Conductance.Clone(),
            G0 = behavior.SaturatedConductance.ToArray(),
            MBefore = mBefore!,
            MAfter = (double[])behavior.CommittedState.M.Clone(),
            Dynamics = behavior.Dynamics,
            WallSeconds = clock.Elapsed.TotalSeconds,
            SetupSeconds = setupClock.Elapsed.TotalSeconds,
            CpuSeconds = cpu.TotalSeconds,
            LlgSeconds = stats.LlgSeconds,
            ConductionSeconds = stats.ConductionSeconds,
            Refreshes = stats.Refreshes,
            LlgSteps = stats.LlgSteps,
            ConjugateGradientIterations = stats.ConjugateGradientIterations,
            CircuitSteps = points,
        };
    }

}
