using System.Diagnostics;
using System.Globalization;
using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>Where a long run is, for progress reports.</summary>
/// <param name="Stage">1-based stage number.</param>
/// <param name="StageCount">Number of stages.</param>
/// <param name="Description">"relax" or "run".</param>
/// <param name="Fraction">Fraction of the simulated time of all run stages done (0–1).</param>
/// <param name="Time">Simulated time (s).</param>
/// <param name="MaxTorque">Relaxation's present max |m × H| (A/m), NaN in a run.</param>
/// <param name="Elapsed">Wall time since the start (s).</param>
public readonly record struct ProgressInfo(int Stage, int StageCount, string Description, double Fraction, double Time, double MaxTorque, double Elapsed);

/// <summary>What a finished (or failed, or interrupted) run left behind.</summary>
/// <param name="InterruptedIn">Where <see cref="ProblemRunner.Cancellation"/> stopped the run ("stage 2/3 (run)"), or
/// null when it ran to the end; <see cref="Time"/> is then the time of the last whole step.</param>
public sealed record RunSummary(IReadOnlyList<string> Files, Vec3 FinalMagnetization, double Time, long Evaluations, double WallSeconds,
    IReadOnlyList<RelaxResult> Relaxations, string? InterruptedIn = null)
{
    public bool Interrupted => InterruptedIn is not null;
}

/// <summary>
/// Runs the stages of a <see cref="MagnetProblem"/> and writes its outputs into a folder: the ⟨m⟩(t) table (CSV, one
/// row per sample, written as it goes so a failed run keeps what it computed), texture images (PNG) and OVF 2.0 dumps
/// at the chosen times, and the final state. Relax stages do not advance the simulated time.
/// </summary>
public sealed class ProblemRunner
{
    private readonly MagnetProblem _problem;
    private readonly string _folder;
    private readonly List<string> _files = new();
    private double _lastRowTime = double.NegativeInfinity;

    public ProblemRunner(MagnetProblem problem, string outputFolder)
    {
        _problem = problem;
        _folder = outputFolder;
    }

    /// <summary>Threads for the evaluation (0: the default).</summary>
    public int Threads { get; init; }

    /// <summary>Progress after every sample and relaxation check.</summary>
    public Action<ProgressInfo>? Progress { get; init; }

    /// <summary>Called after every sample of a run stage (the state is in the simulation).</summary>
    public Action<MicromagneticSimulation>? OnSample { get; init; }

    /// <summary>Extra table columns computed from the state.</summary>
    public IReadOnlyList<(string Name, Func<Magnet, double[], double> Value)> Columns { get; init; } = Array.Empty<(string, Func<Magnet, double[], double>)>();

    /// <summary>Stops the run after the present integration step (SIGINT/SIGTERM): the table gets a last row at that
    /// time, the final state is written as asked, and the summary says where it stopped.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Files written so far.</summary>
    public IReadOnlyList<string> Files => _files;

    public RunSummary Run()
    {
        var clock = Stopwatch.StartNew();
        ProblemLimits.Check(_problem);
        Directory.CreateDirectory(_folder);
        var magnet = ProblemSetup.Magnet(_problem);
        using var system = ProblemSetup.System(_problem, magnet, Threads);
        var sim = new MicromagneticSimulation(system, ProblemSetup.InitialState(_problem, magnet), _problem.Seed) { Cancellation = Cancellation };
        var zeeman = system.Find<ZeemanField>()!;
        Vec3 baseField = zeeman.Uniform;
        double totalRun = _problem.Stages.Where(s => s.Kind == "run").Sum(s => s.Duration), doneRun = 0;
        var relaxations = new List<RelaxResult>();
        var events = new SortedSet<double>(_problem.Outputs.ImageTimes.Concat(_problem.Outputs.OvfTimes));
        StreamWriter? table = null;
        string? interruptedIn = null;
        try
        {
            if (_problem.Outputs.Table is { } tableName)
            {
                string path = Path.Combine(_folder, tableName);
                table = new StreamWriter(path) { AutoFlush = false };
                _files.Add(path);
                table.WriteLine("t_s,mx,my,mz" + string.Concat(Columns.Select(c => "," + c.Name)));
            }
            int number = 0;
            Stage? current = null;
            try
            {
                foreach (var stage in _problem.Stages)
                {
                    number++;
                    current = stage;
                    Cancellation.ThrowIfCancellationRequested();
                    zeeman.Uniform = stage.Field is { } f ? f / PhysicalConstants.Mu0 : baseField;
                    system.SpinTorques = stage.Current;
                    if (stage.Kind == "relax")
                    {
                        int n = number;
                        var r = sim.Relax(new RelaxOptions { TorqueTolerance = stage.TorqueTolerance },
                            (_, torque) => Progress?.Invoke(new ProgressInfo(n, _problem.Stages.Count, "relax", totalRun > 0 ? doneRun / totalRun : 0, sim.Time, torque, clock.Elapsed.TotalSeconds)));
                        relaxations.Add(r);
                        if (!r.Converged)
                            throw new InvalidOperationException($"stage {number} (relax, line {stage.Line}): max |m × H| is still {r.MaxTorque:G3} A/m after {r.Evaluations} field evaluations; raise 'torque' or check the problem.");
                        continue;
                    }
                    sim.Integrator = stage.Integrator;
                    sim.FixedStep = stage.Step;
                    sim.Tolerances = new DormandPrinceOptions { RelativeTolerance = stage.Tolerance, AbsoluteTolerance = stage.Tolerance };
                    double start = sim.Time, end = start + stage.Duration;
                    Sample(sim, table, events, start, isSample: true);
                    foreach (double t in StopTimes(start, end, stage.Duration, stage.SampleInterval, events))
                    {
                        Cancellation.ThrowIfCancellationRequested();
                        try
                        {
                            sim.Advance(t);
                        }
                        catch (InvalidOperationException e)
                        {
                            throw new InvalidOperationException($"stage {number} (run, line {stage.Line}): {e.Message}", e);
                        }
                        bool isSample = Math.Abs((t - start) / stage.SampleInterval - Math.Round((t - start) / stage.SampleInterval)) < 1e-9 || t == end;
                        Sample(sim, table, events, t, isSample);
                        Progress?.Invoke(new ProgressInfo(number, _problem.Stages.Count, "run", totalRun > 0 ? (doneRun + t - start) / totalRun : 1, t, double.NaN, clock.Elapsed.TotalSeconds));
                    }
                    doneRun += stage.Duration;
                }
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                interruptedIn = $"stage {number}/{_problem.Stages.Count} ({current?.Kind})";
                // the last whole step's state, unless a row already holds it
                if (current?.Kind == "run" && sim.Time > _lastRowTime) Sample(sim, table, events, sim.Time, isSample: true);
            }
            if (_problem.Outputs.Final)
            {
                WriteImage(magnet, sim.M, "m_final.png");
                WriteOvf(magnet, sim.M, sim.Time, "m_final.ovf");
            }
        }
        finally
        {
            table?.Dispose();
        }
        return new RunSummary(_files, sim.AverageMagnetization(), sim.Time, sim.Evaluations, clock.Elapsed.TotalSeconds, relaxations, interruptedIn);
    }

    /// <summary>The sample times of a run stage and the output times inside it, in order, generated as the run goes
    /// (a stage of 10^7 samples allocates nothing for them).</summary>
    private static IEnumerable<double> StopTimes(double start, double end, double duration, double interval, SortedSet<double> events)
    {
        long samples = (long)Math.Ceiling(duration / interval * (1 - 1e-12));
        double low = Math.BitIncrement(start), high = Math.BitDecrement(end);
        using var inside = (low <= high ? events.GetViewBetween(low, high) : new SortedSet<double>()).GetEnumerator();
        bool more = inside.MoveNext();
        for (long s = 1; s <= samples; s++)
        {
            double t = s == samples ? end : start + s * interval;
            for (; more && inside.Current <= t; more = inside.MoveNext())
                if (inside.Current < t) yield return inside.Current;
            yield return t;
        }
    }

    private void Sample(MicromagneticSimulation sim, StreamWriter? table, SortedSet<double> events, double t, bool isSample)
    {
        if (isSample)
        {
            _lastRowTime = t;
            if (table is not null)
            {
                Vec3 a = sim.AverageMagnetization();
                var c = CultureInfo.InvariantCulture;
                table.Write(string.Create(c, $"{t:G10},{a.X:G10},{a.Y:G10},{a.Z:G10}"));
                foreach (var col in Columns) table.Write(string.Create(c, $",{col.Value(sim.Magnet, sim.M):G10}"));
                table.WriteLine();
                table.Flush();
            }
            OnSample?.Invoke(sim);
        }
        foreach (double e in events)
        {
            if (Math.Abs(e - t) > 1e-9 * Math.Max(1e-12, Math.Abs(t))) continue;
            string stamp = string.Create(CultureInfo.InvariantCulture, $"{t * 1e9:0.####}ns");
            if (_problem.Outputs.ImageTimes.Contains(e)) WriteImage(sim.Magnet, sim.M, $"m_{stamp}.png");
            if (_problem.Outputs.OvfTimes.Contains(e)) WriteOvf(sim.Magnet, sim.M, t, $"m_{stamp}.ovf");
        }
    }

    private void WriteImage(Magnet magnet, double[] m, string name)
    {
        string path = Path.Combine(_folder, name);
        TextureImage.Chart(magnet, m).SaveAs(path);
        _files.Add(path);
    }

    private void WriteOvf(Magnet magnet, double[] m, double t, string name)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, OvfWriter.Text(magnet, m, t, Path.GetFileNameWithoutExtension(_problem.Source)));
        _files.Add(path);
    }
}
