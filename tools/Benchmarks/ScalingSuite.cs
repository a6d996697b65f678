namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Suite <c>scaling</c> (for the crossbar work): crossbars generated with shared/bench/gen_bench.py at growing sizes,
/// and DW-MTJ crossbars of the same topology from CircuitSim's crossbar generator (CircuitSim only), timed like the
/// engine suite but with a time budget per case (big cases get fewer repetitions) and ngspice stopped at
/// a time limit; the vectors the netlist names (<c>*@output</c>) are compared with ngspice's when it finishes.
/// </summary>
internal static class ScalingSuite
{
    public static readonly string[] CaseIds =
    {
        "resistor_crossbar_32", "resistor_crossbar_64", "resistor_crossbar_128", "resistor_crossbar_256",
        "memristor_crossbar_8", "memristor_crossbar_16", "memristor_crossbar_32", "memristor_crossbar_64",
        "dwmtj_crossbar_32", "dwmtj_crossbar_64",
    };

    /// <summary>Bigger DW-MTJ crossbars, timed by hand one at a time (minutes each): suite <c>scaling-large</c>.</summary>
    public static readonly string[] LargeCaseIds = { "dwmtj_crossbar_128", "dwmtj_crossbar_256" };

    /// <summary>The kinds written by CircuitSim's own crossbar generator (src/CircuitSim.Crossbars) rather than
    /// gen_bench.py: devices ngspice has no model for, so only CircuitSim runs them.</summary>
    private const string DomainWallKind = "dwmtj_crossbar";

    private static (string Kind, int N) Split(string id)
    {
        var i = id.LastIndexOf('_');
        return (id[..i], int.Parse(id[(i + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Run(Workspace ws, Ngspice ngspice, IReadOnlyList<string> ids, string machine)
    {
        var o = ws.Options;
        var report = new Report(ws, "scaling", "crossbar scaling", machine,
            $"Suite `scaling`: netlists from `gen_bench.py KIND N`; up to {o.Reps} timed repetitions per case, fewer when they " +
            $"do not fit in {o.Budget:G} s per simulator after the first run (n=1: the first run is the only sample). Each " +
            $"ngspice run is stopped after {o.Timeout:G} s (\"> …\"), and so is a CircuitSim transient (checked between time " +
            "points); once a size times out for ngspice, bigger sizes of that kind are not given to it. " + Tables.TimingNote);
        var measurement = new Measurement(ws, ngspice);
        var dir = ws.SubDir("scaling-netlists");
        var results = new List<CaseResult>();
        var comparisons = new List<(CaseResult Result, VectorComparison Comparison, double? Tol, double TimeTol)>();
        var ngTimedOut = new HashSet<string>();
        foreach (var id in ids.OrderBy(i => Split(i).Kind).ThenBy(i => Split(i).N))
        {
            var (kind, n) = Split(id);
            var netlist = Path.Combine(dir, id + ".cir");
            if (kind == DomainWallKind)
                File.WriteAllText(netlist, CircuitSim.Crossbars.CrossbarNetlistWriter.Write(
                    CircuitSim.Crossbars.CrossbarBuilder.Build(CircuitSim.Spintronics.DomainWall.BenchmarkCrossbars.DomainWallMtj(n))));
            else
            {
                var gen = ProcessRunner.Run("python3", new[] { ws.Generator, kind, n.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", netlist }, dir, 300);
                if (gen.ExitCode != 0 || !File.Exists(netlist))
                {
                    Measurement.Progress($"{id}: gen_bench.py failed: {gen.Output.Trim()}");
                    continue;
                }
            }
            var description = kind switch
            {
                "resistor_crossbar" => $"{n}×{n} linear crossbar, `.op`",
                DomainWallKind => $"{n}×{n} DW-MTJs (YDWMTJ, Lequeux card), `.tran 0.5n 100n`",
                _ => $"{n}×{n} Biolek memristors (B sources), `.tran 10m 3 0 10m uic`",
            };
            var skip = kind == DomainWallKind ? "not run (ngspice has no DW-MTJ model)"
                : ngTimedOut.Contains(kind) ? "skipped (a smaller size timed out)" : null;
            var r = measurement.Run(new TimedCase(id, description, netlist), o.Reps, o.Budget, skip);
            results.Add(r);
            if (r.NgReference is { TimedOut: true }) ngTimedOut.Add(kind);
            var (vectors, tol, timeTol) = Compare.Metadata(netlist);
            if (r.OurData is not null && r.NgData is not null)
                foreach (var v in vectors)
                    comparisons.Add((r, Compare.Vector(r.OurData, r.NgData, v, timeTol), tol, timeTol));
            SaveTables(report, results, comparisons, final: false);
        }
        SaveTables(report, results, comparisons, final: true);
    }

    private static void SaveTables(Report report, List<CaseResult> results,
        List<(CaseResult Result, VectorComparison Comparison, double? Tol, double TimeTol)> comparisons, bool final)
    {
        report.Reset(); // rebuilt after every case, so that a long run stopped half-way keeps its finished cases
        var t = new MarkdownTable(Tables.TimingHeaders.Append("max rel diff vs ngspice (vector)>").Append("tol>").ToArray());
        foreach (var r in results)
        {
            var mine = comparisons.Where(c => c.Result == r).ToList();
            var valid = mine.Where(c => !double.IsNaN(c.Comparison.Error)).ToList();
            var worst = valid.OrderByDescending(c => c.Comparison.Error).FirstOrDefault();
            var tube = valid.Select(c => c.Comparison.TubeError).Where(e => e is not null).Select(e => e!.Value).DefaultIfEmpty(double.NaN).Max();
            var diff = worst.Comparison is { } w
                ? $"{Fmt.G(w.Error, 2)} ({w.Name})" + (double.IsNaN(tube) ? "" : $"; with time allowance {Fmt.G(tube, 2)}")
                : mine.FirstOrDefault().Comparison?.Problem ?? "–";
            var tol = mine.FirstOrDefault().Tol is { } tl ? Fmt.G(tl, 2) : "–";
            t.Add(Tables.TimingCells(r).Append(diff).Append(tol).ToArray());
        }
        report.Add("Timing", t,
            "*max rel diff*: the largest over the netlist's `*@output` vectors of max |ours − ngspice| / range(ngspice) on " +
            "ngspice's time points (ours interpolated linearly), with the netlist's `*@time_tol` timing allowance when it has " +
            "one; for `.op`, |ours − ngspice| / |ngspice|. *tol*: the netlist's `*@tol`, for reading only — nothing here " +
            "asserts. A ratio \"> x×\" means ngspice hit the time limit.");

        var v = new MarkdownTable("case", "vector", "rel diff>", "with time allowance>", "worst at>", "note");
        foreach (var (r, c, tol, timeTol) in comparisons)
            v.Add(r.Case.Id, c.Name, Fmt.G(c.Error, 2), c.TubeError is { } tube ? $"{Fmt.G(tube, 2)} (±{Fmt.Time(timeTol)})" : "–",
                c.At is { } at ? Fmt.Time(at) : "–", c.Problem ?? (tol is { } tl && c.Effective > tl ? "above *@tol" : ""));
        report.Add("Vectors compared with ngspice", v);
        report.Add("Where the time goes", Tables.Breakdown(results), Tables.BreakdownNote);
        report.Add(EngineSuite.SamplesSection(results));
        if (final) report.Finish();
    }
}
