namespace CircuitSim.Tools.Benchmarks;

/// <summary>The tables the engine and scaling suites share: timing summary and where the time goes.</summary>
internal static class Tables
{
    public static string Unknowns(CaseResult r)
    {
        var ours = r.OurCold is { Unknowns: > 0 } c ? Fmt.Int(c.Unknowns) : "?";
        var ng = r.NgReference?.Get("Circuit Equations") is { } e ? Fmt.Int((long)e - 1) : "?";
        return ours == ng ? ours : $"{ours} / {ng}";
    }

    public static string OurTime(CaseResult r) => r.OurNote is { } n && r.OurTimes.Count == 0 ? n : Stat.Cell(r.OurTimes);

    public static string OurWall(CaseResult r) => r.OurWallTimes.Count > 0 ? Fmt.Time(Stat.Median(r.OurWallTimes)) : "–";

    public static string OurCold(CaseResult r) => r.OurCold is { } c ? Fmt.Time(c.CpuSeconds) + (c.TimedOut ? " (stopped)" : c.Failure is not null ? " (failed)" : "") : "–";

    public static string NgTime(CaseResult r) =>
        r.NgTimes.Count > 0 ? Stat.Cell(r.NgTimes) + (r.NgNote is { } n ? $" ({n})" : "") : r.NgNote ?? "–";

    public static string Ratio(CaseResult r)
    {
        if (r.NgTimes.Count == 0 && r.NgReference is { TimedOut: true } && r.OurTimes.Count > 0)
            return $"> {Fmt.Sig(r.NgReference.WallSeconds / Stat.Median(r.OurWallTimes), 3)}× (wall)";
        return Fmt.Ratio(Stat.Median(r.NgTimes), Stat.Median(r.OurTimes));
    }

    /// <summary>"ours / ngspice" Newton iterations (per repetition; ×N operating points shown per point too).</summary>
    public static string Iterations(CaseResult r)
    {
        var ours = r.OurMedianRun?.Stats.NewtonIterations;
        var ng = r.NgMedianRun?.Get("Total iterations");
        var s = $"{(ours is { } o ? Fmt.Int(o) : "?")} / {(ng is { } g ? Fmt.Int((long)g) : "?")}";
        if (r.Case.OpRepeat > 1 && ours is { } per) s += $" ({Fmt.Sig(per / (double)r.Case.OpRepeat, 3)}/OP)";
        return s;
    }

    /// <summary>Accepted/rejected steps "ours / ngspice" (transient only).</summary>
    public static string Steps(CaseResult r)
    {
        if (!r.Transient) return "–";
        var o = r.OurMedianRun?.Stats;
        var n = r.NgMedianRun;
        var ours = o is null ? "?" : $"{o.AcceptedSteps}/{o.RejectedSteps}";
        var ng = n?.Get("Accepted timepoints") is { } a ? $"{a}/{n.Get("Rejected timepoints") ?? 0}" : "?";
        return $"{ours} / {ng}";
    }

    public static MarkdownTable Breakdown(IEnumerable<CaseResult> results)
    {
        var t = new MarkdownTable("case", "CircuitSim total (wall ms)>", "setup>", "load>", "factor>", "solve>", "truncation>", "accept>",
            "other>", "factorizations (re-ordered)>", "ngspice total (CPU ms)>", "load>", "reorder>", "factor>", "solve>", "truncation>", "other>");
        foreach (var r in results)
        {
            var cells = new List<string> { r.Case.Id };
            if (r.OurMedianRun is { } o)
            {
                var s = o.Stats;
                var total = o.Seconds;
                var other = total - o.SetupSeconds - s.Load - s.Factor - s.Solve - s.Truncation - s.Accept;
                cells.AddRange(new[]
                {
                    Fmt.Ms(total), Fmt.MsPct(o.SetupSeconds, total), Fmt.MsPct(s.Load, total), Fmt.MsPct(s.Factor, total),
                    Fmt.MsPct(s.Solve, total), Fmt.MsPct(s.Truncation, total), Fmt.MsPct(s.Accept, total), Fmt.MsPct(other, total),
                    $"{s.Factorizations} ({s.Repivots})",
                });
            }
            else cells.AddRange(Enumerable.Repeat("–", 9));
            if (r.NgMedianRun is { } n && n.AnalysisSeconds(r.Transient) is { } ngTotal)
            {
                double V(string k) => n.Get(k) ?? double.NaN;
                var load = V("Matrix load time");
                var reorder = V("Matrix reorder time");
                var factor = V("Matrix factor time");
                var solve = V("Matrix solve time");
                var trunc = r.Transient ? V("Transient trunc time") : 0;
                var other = ngTotal - load - reorder - factor - solve - trunc;
                cells.AddRange(new[]
                {
                    Fmt.Ms(ngTotal), Fmt.MsPct(load, ngTotal), Fmt.MsPct(reorder, ngTotal), Fmt.MsPct(factor, ngTotal),
                    Fmt.MsPct(solve, ngTotal), r.Transient ? Fmt.MsPct(trunc, ngTotal) : "–", Fmt.MsPct(other, ngTotal),
                });
            }
            else cells.AddRange(Enumerable.Repeat("–", 7));
            t.Add(cells.ToArray());
        }
        return t;
    }

    public const string BreakdownNote =
        "CircuitSim columns: the median repetition, wall-clock milliseconds from `SimulationStatistics` (Stopwatch splits) and " +
        "the harness's own Stopwatch; *setup* = creating the " +
        "simulation (behaviours, MNA pattern, solver), *factor* includes the orderings (re-ordered = full factorizations with a " +
        "fresh pivot search), *other* = the rest of the run (time-step control, breakpoints, device bookkeeping outside load, " +
        "reading the probes). ngspice columns (user CPU milliseconds): the median run's `.options acct` lines (*Matrix load/reorder/factor/solve time*, " +
        "*Transient trunc time*; *other* = analysis time minus those). ngspice's accounting has 1 ms resolution.";

    public static readonly string[] TimingHeaders =
    {
        "case", "unknowns>", "CircuitSim median (CPU)>", "CircuitSim wall>", "CircuitSim cold (CPU)>", "ngspice 39 median (CPU)>",
        "ngspice/ours>", "Newton its>", "steps acc/rej>",
    };

    public static string[] TimingCells(CaseResult r) => new[]
    {
        r.Case.Id + (r.Case.OpRepeat > 1 ? $" (×{r.Case.OpRepeat})" : ""), Unknowns(r), OurTime(r), OurWall(r), OurCold(r), NgTime(r),
        Ratio(r), Iterations(r), Steps(r),
    };

    public const string TimingNote =
        "**Clock**: ngspice's `.options acct` times are user CPU time of its process (`getrusage`), so CircuitSim is timed the " +
        "same way in-process (user CPU time of the whole harness process over the repetition: JIT and GC threads count); " +
        "on a loaded machine wall time is longer than CPU time for both (our wall median is shown for reference). " +

        "*CircuitSim*: in-process, the netlist read once; each repetition creates a fresh simulation with " +
        "`NetlistRunner.CreateSimulation`, sets it up and runs it to the end, reading the saved vectors at every point " +
        "(setup included, netlist reading not). Median of the timed repetitions after one cold run (the cold run is the " +
        "warm-up; it is the first run of the case in this process, so JIT compilation is only fully in it for the first case). " +
        "*ngspice*: `ngspice -b -r /dev/null copy.cir` where the copy adds `.options acct`; the time is ngspice's own " +
        "*Transient analysis time* (transient) or *Total analysis time* (operating point); median of the timed runs after one " +
        "reference run that writes the raw file the accuracy columns read. Ratio = ngspice median / CircuitSim median " +
        "(> 1: CircuitSim faster). Iterations and steps: ours / ngspice.";
}
