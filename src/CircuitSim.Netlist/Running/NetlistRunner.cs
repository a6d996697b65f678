using System.Diagnostics;
using System.Numerics;
using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Parallel;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Netlist.Running;

/// <summary>The outcome of one plot: statistics, failure, and the .meas and .four results computed on it.</summary>
public sealed record PlotOutcome(PlotInfo Info, int Points, SimulationStatistics Statistics, Exception? Failure, IReadOnlyList<string> Warnings)
{
    public List<MeasureOutcome> Measures { get; } = new();
    public List<Control.FourierResult> Fourier { get; } = new();
    /// <summary>The values of a plot without a scale (operating point, transfer function), by vector, for summaries.</summary>
    public IReadOnlyList<(string Name, double Value)> Values { get; internal set; } = Array.Empty<(string, double)>();
}

/// <summary>A .meas result: the value, or why there is none.</summary>
public sealed record MeasureOutcome(string Name, string? StepLabel, double? Value, string? Failure);

/// <summary>
/// Runs a netlist's analyses (for every .step value, if any): builds each simulation with the netlist's options,
/// .ic and .nodeset, streams the saved vectors to observers, evaluates .meas lines on the recorded plot, and writes
/// the .print tables and .four results to <see cref="Terminal"/>. A netlist with a .control block runs its script
/// instead (see <see cref="Control.ControlInterpreter"/>). A failed analysis ends its plot with the failure and the
/// run goes on with the next one.
/// </summary>
public sealed class NetlistRunner
{
    private readonly Netlist _netlist;

    public NetlistRunner(Netlist netlist) => _netlist = netlist;

    /// <summary>Set to stop a long run between points (the plot then ends as failed with a cancellation).</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Threads that run .step points at once (1: one after the other). Observers see the same plots in the
    /// same order whatever the number, so every output is the same bit for bit.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Evaluates the .meas lines of a finished plot; null (the default) evaluates them with the netlist's
    /// parameters, the .step value of the run and the results of earlier measures.</summary>
    public Func<PlotRecorder.RecordedPlot, IReadOnlyList<MeasureLine>, IReadOnlyList<MeasureOutcome>>? MeasureEvaluator { get; set; }

    /// <summary>Where what ngspice prints on the terminal goes: .print tables, .four results and the output of .control
    /// commands (null: nowhere).</summary>
    public TextWriter? Terminal { get; set; }

    /// <summary>The directory relative file names of .control commands (wrdata, write) resolve against.</summary>
    public string OutputDirectory { get; set; } = ".";

    /// <summary>Files the .control commands wrote.</summary>
    public List<string> FilesWritten { get; } = new();

    /// <summary>The error that stopped the .control script (after the analyses before it ran), or null.</summary>
    public NetlistDiagnostic? ScriptError { get; private set; }

    /// <summary>Changes .control's alter/altermod made, applied to every circuit built for a .step value too.</summary>
    internal List<Action<Circuit>> Alterations { get; } = new();

    /// <summary>Runs the .control script if the netlist has one, otherwise every analysis line.</summary>
    public List<PlotOutcome> Run(params IRunObserver[] observers)
    {
        if (_netlist.Control is not { } script) return RunAnalyses(observers);
        var interpreter = new Control.ControlInterpreter(_netlist, this, observers);
        interpreter.Execute(script);
        ScriptError = interpreter.Error;
        return interpreter.Outcomes;
    }

    /// <summary>Runs one analysis on the netlist's circuit (a .control analysis command).</summary>
    internal PlotOutcome RunAnalysis(AnalysisSpec analysis, IRunObserver[] observers) =>
        RunOne(_netlist.Circuit, analysis, null, null, null, observers, Terminal);

    /// <summary>Runs the netlist's analysis lines, for every .step value.</summary>
    internal List<PlotOutcome> RunAnalyses(IRunObserver[] observers)
    {
        var outcomes = new List<PlotOutcome>();
        var step = _netlist.Step;
        var runs = step is null
            ? new[] { ((IReadOnlyDictionary<string, double>?)null, (double?)null, (string?)null) }
            : step.Values.Select(v => (
                string.Equals(step.Parameter, "temp", StringComparison.OrdinalIgnoreCase) ? null : (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { [step.Parameter] = v },
                string.Equals(step.Parameter, "temp", StringComparison.OrdinalIgnoreCase) ? v : (double?)null,
                (string?)$"{step.Parameter.ToLowerInvariant()}={v:G6}")).ToArray();
        if (Parallelism > 1 && runs.Length > 1)
        {
            // each .step point runs on a worker into a buffer, replayed here in order
            new OrderedParallel(Parallelism).Run(runs.Length, i =>
                {
                    var buffer = new PlotBuffer();
                    var printed = new StringWriter();
                    var (overrides, temperature, label) = runs[i];
                    // a circuit of its own even without overrides (.step temp): no two threads share device objects
                    var circuit = Altered(_netlist.Build(overrides, _netlist.Seed));
                    return (RunPoint(circuit, overrides, temperature, label, _netlist.Seed, new IRunObserver[] { buffer }, printed), buffer, printed);
                },
                (_, done) =>
                {
                    done.buffer.ReplayTo(observers);
                    Terminal?.Write(done.printed.ToString());
                    outcomes.AddRange(done.Item1);
                });
            return outcomes;
        }
        foreach (var (overrides, temperature, label) in runs)
        {
            if (Cancellation.IsCancellationRequested) break;
            outcomes.AddRange(RunPoint(overrides, temperature, label, _netlist.Seed, observers));
        }
        return outcomes;
    }

    /// <summary>
    /// Runs every analysis once: one .step point or one Monte Carlo run, with some global parameters overridden
    /// (<c>run</c> picks the random draws), at a temperature, with the statistical functions seeded by
    /// <paramref name="seed"/>. Builds its own circuit, so several points may run at once on different threads.
    /// </summary>
    public List<PlotOutcome> RunPoint(IReadOnlyDictionary<string, double>? overrides, double? temperature, string? label, ulong seed,
        params IRunObserver[] observers) =>
        RunPoint(overrides is null && seed == _netlist.Seed ? _netlist.Circuit : Altered(_netlist.Build(overrides, seed)),
            overrides, temperature, label, seed, observers, Terminal);

    /// <summary>A circuit built for one point, with the .control script's alter/altermod changes applied.</summary>
    private Circuit Altered(Circuit circuit)
    {
        foreach (var alter in Alterations) alter(circuit);
        return circuit;
    }

    /// <summary>Every analysis of one point on <paramref name="circuit"/>.</summary>
    private List<PlotOutcome> RunPoint(Circuit circuit, IReadOnlyDictionary<string, double>? overrides, double? temperature, string? label,
        ulong seed, IRunObserver[] observers, TextWriter? terminal)
    {
        var outcomes = new List<PlotOutcome>();
        foreach (var analysis in _netlist.AnalysesWith(overrides, seed))
        {
            if (Cancellation.IsCancellationRequested) break;
            outcomes.Add(RunOne(circuit, analysis, temperature, label, overrides, observers, terminal));
        }
        return outcomes;
    }

    /// <summary>Runs everything into memory (for tests and small jobs).</summary>
    public (List<PlotOutcome> Outcomes, PlotRecorder Recorder) RunToMemory()
    {
        var recorder = new PlotRecorder();
        return (Run(recorder), recorder);
    }

    public Simulation CreateSimulation(Circuit circuit, AnalysisSpec analysis, double? temperature = null)
    {
        var options = _netlist.Options.Clone();
        options.Cancellation = Cancellation;
        if (temperature.HasValue) options.Temperature = temperature.Value;
        Simulation sim = analysis switch
        {
            OpSpec => new OperatingPoint(circuit, options),
            DcSpec dc => new DcSweep(circuit, dc.Sweeps, options),
            TranSpec t => new Transient(circuit, t.Step, t.Stop, t.Start, t.MaxStep, t.UseInitialConditions, options),
            AcSpec ac => new Ac(circuit, ac.Sweep, ac.Points, ac.Start, ac.Stop, options),
            TfSpec tf => new TransferFunction(circuit, tf.Output, tf.Input, options),
            _ => throw new InvalidOperationException($"unknown analysis {analysis}"),
        };
        foreach (var (k, v) in _netlist.InitialConditions) sim.InitialConditions[k] = v;
        foreach (var (k, v) in _netlist.Nodesets) sim.Nodesets[k] = v;
        return sim;
    }

    /// <param name="terminal">Where the plot's .print and .four reports go (a buffer when points run in parallel).</param>
    private PlotOutcome RunOne(Circuit circuit, AnalysisSpec analysis, double? temperature, string? label,
        IReadOnlyDictionary<string, double>? overrides, IRunObserver[] observers, TextWriter? terminal)
    {
        var sim = CreateSimulation(circuit, analysis, temperature);
        var measures = _netlist.Measures.Where(m => m.Analysis == analysis.Kind).ToList();
        var reports = new PlotReports(_netlist, analysis);
        var recorder = measures.Count > 0 || reports.Any || analysis.Kind is "op" or "tf" ? new PlotRecorder() : null;
        var all = recorder is null ? observers : observers.Append(recorder).ToArray();

        PlotInfo? info = null;
        Exception? failure = null;
        var points = 0;
        var begun = false;
        try
        {
            sim.Setup();
            var names = analysis is TfSpec ? sim.DefaultProbeNames().ToList()
                : _netlist.Saves.Count > 0 && !_netlist.SaveAll
                ? _netlist.Saves.ToList()
                : sim.DefaultProbeNames().Concat(_netlist.Saves).ToList();
            // .meas, .print and .four may read vectors a narrowing .save left out
            if (analysis is not TfSpec)
            {
                names.AddRange(measures.SelectMany(m => m.Statement.OutputVariables).Where(IsCircuitVector));
                names.AddRange(reports.CircuitVectors);
            }
            names = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var probes = names.Select(sim.CreateProbe).ToList();
            info = new PlotInfo(_netlist.Title, sim.PlotName, analysis, sim.ScaleName, probes.Select(p => p.Name).ToList(),
                probes.Select(p => p.Kind).ToList(), analysis is AcSpec, label);
            foreach (var o in all) o.BeginPlot(info);
            begun = true;
            var offset = sim.ScaleName is null ? 0 : 1;
            var row = new double[probes.Count + offset];
            var complexRow = new Complex[probes.Count];
            foreach (var p in sim.Run())
            {
                if (info.IsComplex)
                {
                    for (var i = 0; i < probes.Count; i++) complexRow[i] = probes[i].ComplexValue;
                    foreach (var o in all) o.Point(p.Scale, complexRow);
                }
                else
                {
                    if (offset == 1) row[0] = p.Scale;
                    for (var i = 0; i < probes.Count; i++) row[i + offset] = probes[i].Value;
                    foreach (var o in all) o.Point(row);
                }
                points++;
                if (Cancellation.IsCancellationRequested) throw new OperationCanceledException("run cancelled");
            }
        }
        catch (Exception e) when (e is SimulationException or CircuitException or OperationCanceledException)
        {
            failure = e;
        }
        info ??= new PlotInfo(_netlist.Title, sim.PlotName, analysis, sim.ScaleName, Array.Empty<string>(), Array.Empty<ProbeKind>(), analysis is AcSpec, label);
        if (begun)
            foreach (var o in all) o.EndPlot(failure);
        var outcome = new PlotOutcome(info, points, sim.Statistics, failure, sim.Warnings);
        if (recorder is not null && recorder.Plots.Count > 0)
        {
            var recorded = recorder.Plots[^1];
            if (measures.Count > 0)
                outcome.Measures.AddRange(MeasureEvaluator is { } custom
                    ? custom(recorded, measures)
                    : PlotMeasurements.Evaluate(recorded, measures, (text, results) => _netlist.EvaluateMeasureExpression(text, results, overrides)));
            if (info.ScaleName is null && !info.IsComplex && recorded.RealRows.Count > 0)
                outcome.Values = info.VectorNames.Select((n, k) => (n, recorded.RealRows[0][k])).ToList();
            reports.Write(recorded, outcome, terminal);
        }
        return outcome;
    }

    /// <summary>A name the simulation can probe (v(…), i(…), @dev[…]); AC derived forms (vdb…) are computed later.</summary>
    private static bool IsCircuitVector(string name) =>
        name.StartsWith('@') || name.StartsWith("v(", StringComparison.OrdinalIgnoreCase) || name.StartsWith("i(", StringComparison.OrdinalIgnoreCase);
}
