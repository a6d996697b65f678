namespace CircuitSim.Tools.Benchmarks;

/// <summary>A netlist to time in-process against ngspice.</summary>
/// <param name="Id">Case id (what the command line selects).</param>
/// <param name="Netlist">The netlist both simulators read.</param>
/// <param name="OpRepeat">Operating points per repetition (the crossbar is timed ×100): we run that many fresh
/// simulations, ngspice a deck with that many .op lines.</param>
internal sealed record TimedCase(string Id, string Description, string Netlist, int OpRepeat = 1);

/// <summary>Everything measured on one case.</summary>
internal sealed class CaseResult
{
    public required TimedCase Case { get; init; }
    public double ReadSeconds { get; set; }
    public bool Transient { get; set; }
    public OurRun? OurCold { get; set; }
    public List<OurRun> Ours { get; } = new();
    public NgspiceRun? NgReference { get; set; }
    public List<NgspiceRun> Ng { get; } = new();
    public Waveforms? OurData { get; set; }
    public Waveforms? NgData { get; set; }
    /// <summary>Why ngspice has no (complete) numbers: "> 600 s", "failed (exit 1)", "skipped …".</summary>
    public string? NgNote { get; set; }
    public string? OurNote { get; set; }

    /// <summary>Our timing samples in user CPU seconds (ngspice's clock): the timed repetitions, or the cold run when
    /// there was none.</summary>
    public List<double> OurTimes => OurSamples.Select(r => r.CpuSeconds).ToList();

    /// <summary>The same samples in wall-clock seconds.</summary>
    public List<double> OurWallTimes => OurSamples.Select(r => r.Seconds).ToList();

    public List<OurRun> OurSamples => Ours.Count > 0 ? Ours.Where(r => r.Ok).ToList() : OurCold is { Ok: true } c ? new() { c } : new();

    public List<NgspiceRun> NgSamples => Ng.Count > 0 ? Ng.Where(r => r.Ok).ToList()
        : NgReference is { Ok: true } r ? new() { r } : new();

    public List<double> NgTimes => NgSamples.Select(r => r.AnalysisSeconds(Transient) ?? double.NaN).Where(x => !double.IsNaN(x)).ToList();

    public OurRun? OurMedianRun => OurSamples is { Count: > 0 } s ? s[Stat.MedianIndex(s.Select(r => r.CpuSeconds).ToList())] : null;

    public NgspiceRun? NgMedianRun
    {
        get
        {
            var s = NgSamples.Where(r => r.AnalysisSeconds(Transient) is not null).ToList();
            return s.Count > 0 ? s[Stat.MedianIndex(s.Select(r => r.AnalysisSeconds(Transient)!.Value).ToList())] : null;
        }
    }
}

/// <summary>
/// The measurement protocol: read the netlist once; one cold CircuitSim run (also the warm-up, and the waveforms
/// compared); one ngspice reference run writing a raw file (its waveforms); then the timed repetitions, CircuitSim
/// and ngspice interleaved (alternating which goes first) so that load changes on a shared machine hit both alike.
/// </summary>
internal sealed class Measurement
{
    private readonly Workspace _ws;
    private readonly Ngspice _ngspice;

    public Measurement(Workspace ws, Ngspice ngspice)
    {
        _ws = ws;
        _ngspice = ngspice;
    }

    /// <param name="budgetSeconds">When set, each simulator gets at most this many seconds of repetitions after its
    /// first run (at least none: the first run is then the only sample).</param>
    /// <param name="skipNgspice">A reason not to run ngspice at all (a smaller instance already timed out).</param>
    public CaseResult Run(TimedCase c, int reps, double? budgetSeconds, string? skipNgspice = null)
    {
        var result = new CaseResult { Case = c };
        if (_ws.Options.OursOnly) skipNgspice ??= "not run (--ours-only)";
        var dir = _ws.SubDir(c.Id);
        var timeout = _ws.Options.Timeout;
        Progress($"{c.Id}: reading {Path.GetFileName(c.Netlist)}");
        InProcessCase ours;
        try
        {
            ours = new InProcessCase(c.Netlist);
        }
        catch (Exception e) when (e is CircuitSim.Netlist.NetlistException or NotSupportedException)
        {
            result.OurNote = "netlist not read: " + e.Message.Split('\n')[0];
            Progress($"{c.Id}: {result.OurNote}");
            return result;
        }
        result.ReadSeconds = ours.ReadSeconds;
        result.Transient = ours.IsTransient;

        Collect();
        result.OurCold = ours.Run(c.OpRepeat, keepData: true, timeout);
        result.OurData = result.OurCold.Data;
        Progress($"{c.Id}: CircuitSim cold {Fmt.Time(result.OurCold.CpuSeconds)} CPU, {Fmt.Time(result.OurCold.Seconds)} wall" + Status(result.OurCold));
        if (result.OurCold.TimedOut) result.OurNote = $"> {Fmt.Time(timeout)}";
        else if (result.OurCold.Failure is { } f) result.OurNote = "failed: " + f;

        Settle();
        var copy = Ngspice.WriteTimingCopy(c.Netlist, dir, opRepeat: c.OpRepeat);
        var refRaw = Path.Combine(dir, "ngspice.raw");
        if (skipNgspice is not null) result.NgNote = skipNgspice;
        else
        {
            result.NgReference = _ngspice.Run(copy, refRaw, timeout, Path.Combine(dir, "ngspice-reference.log"));
            var r = result.NgReference;
            Progress($"{c.Id}: ngspice reference run" +
                     (r.AnalysisSeconds(result.Transient) is { } a ? $" {Fmt.Time(a)} analysis CPU," : "") + $" {Fmt.Time(r.WallSeconds)} wall" +
                     (r.TimedOut ? " (timed out)" : r.ExitCode != 0 ? $" (exit {r.ExitCode})" : ""));
            if (r.TimedOut) result.NgNote = $"> {Fmt.Time(timeout)}";
            else if (r.ExitCode != 0) result.NgNote = $"failed (exit {r.ExitCode}), see the log in the work directory";
            else
            {
                try
                {
                    result.NgData = RawFile.Read(refRaw, maxPlots: 1).FirstOrDefault()?.Data;
                }
                catch (FormatException e)
                {
                    result.NgNote = "raw file unreadable: " + e.Message;
                }
                if (r.AnalysisSeconds(result.Transient) is null) result.NgNote ??= "no accounting output";
            }
        }

        var ourReps = result.OurCold.Ok ? RepsWithin(reps, budgetSeconds, result.OurCold.Seconds) : 0;
        var ngReps = result.NgReference is { Ok: true } nr ? RepsWithin(reps, budgetSeconds, nr.WallSeconds) : 0;
        if (budgetSeconds is not null && (ourReps < reps || ngReps < reps))
            Progress($"{c.Id}: within the {budgetSeconds} s budget: {ourReps} more CircuitSim run(s), {ngReps} more ngspice run(s)");
        for (var i = 0; i < Math.Max(ourReps, ngReps); i++)
        {
            var oursFirst = i % 2 == 0;
            for (var half = 0; half < 2; half++)
            {
                if ((half == 0) == oursFirst)
                {
                    if (i >= ourReps) continue;
                    Collect();
                    var run = ours.Run(c.OpRepeat, keepData: false, timeout);
                    result.Ours.Add(run);
                    Progress($"{c.Id}: [{i + 1}] CircuitSim {Fmt.Time(run.CpuSeconds)} CPU, {Fmt.Time(run.Seconds)} wall" + Status(run));
                }
                else
                {
                    if (i >= ngReps) continue;
                    Settle();
                    var run = _ngspice.Run(copy, "/dev/null", timeout);
                    result.Ng.Add(run);
                    Progress($"{c.Id}: [{i + 1}] ngspice {Fmt.Time(run.AnalysisSeconds(result.Transient) ?? double.NaN)} analysis CPU, {Fmt.Time(run.WallSeconds)} wall" +
                             (run.TimedOut ? " (timed out)" : ""));
                }
            }
        }
        return result;
    }

    /// <summary>The repetitions after a first run of <paramref name="first"/> seconds: <paramref name="reps"/>, or as
    /// many as fit in the budget.</summary>
    private static int RepsWithin(int reps, double? budget, double first)
    {
        if (budget is not { } b) return reps;
        if (first <= 0) return reps;
        return (int)Math.Clamp(Math.Floor((b - first) / first), 0, reps);
    }

    private static string Status(OurRun r) => r.TimedOut ? " (stopped at the time limit)" : r.Failure is not null ? $" (failed: {r.Failure})" : "";

    /// <summary>A full collection between runs, so that one run's garbage is not collected in the next one's time.</summary>
    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Settle();
    }

    /// <summary>A short pause before a timed run, so that background work of the previous one (the runtime's tiered
    /// JIT compiling hot methods again, a child process exiting) is not charged to the next one on a 2-core machine.</summary>
    public static void Settle() => Thread.Sleep(100);

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
