using System.Globalization;
using System.Reflection;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Suite <c>split</c>: where one process's time goes on the acceptance cases, in-process (JIT, after a warm-up run):
/// reading the netlist (parse, expand, build the circuit), setting up the simulation, and the analysis split into
/// device loads, factorizations, solves and truncation-error control, with the counters that explain them. The case
/// <c>mos1</c> times the batched level-1 MOSFET load alone: nanoseconds per instance evaluated and stamped.
/// </summary>
internal static class SplitSuite
{
    private static readonly (string Id, string Kind, int N)[] Cases =
    {
        ("memristor_crossbar_16", "memristor_crossbar", 16),
        ("inv_chain_500", "inv_chain", 500),
        ("rc_ladder_10000", "rc_ladder", 10000),
    };

    public static readonly string[] CaseIds = Cases.Select(c => "split:" + c.Id).Append("split:mos1").ToArray();

    public static void Run(Workspace ws, IReadOnlyList<string> ids, string machine)
    {
        var o = ws.Options;
        var report = new Report(ws, "split", "where the time goes", machine,
            $"Suite `split`: each case read and simulated in-process {o.Reps} times after one warm-up run (JIT; the native " +
            "executable runs the same code fully optimised from the start). Medians of each phase in CPU time of the measuring " +
            "thread (a loaded machine does not inflate them); `load`, `factor`, `solve` and `truncation` are the shares of the " +
            "analysis the engine's own stopwatches give (wall clock, so shares rather than seconds), `other` the rest of it " +
            "(time-step control, accepting points, reading the probes).");
        var dir = ws.SubDir("split");
        var table = new MarkdownTable("case", "read (CPU)>", "setup (CPU)>", "analysis (CPU)>", "load>", "factor>", "solve>", "truncation>", "other>",
            "Newton its>", "factorizations>", "device loads (bypassed)>");
        foreach (var c in Cases.Where(c => ids.Contains("split:" + c.Id)))
        {
            var netlist = Generate(ws, dir, c.Kind, c.N);
            if (netlist is null) continue;
            Sample(netlist); // warm-up
            var samples = Enumerable.Range(0, o.Reps).Select(_ => { Measurement.Settle(); return Sample(netlist); }).ToList();
            double M(Func<PhaseSample, double> f) => Stat.Median(samples.Select(f).ToList());
            var last = samples[^1].Stats;
            string Share(Func<SimulationStatistics, double> part) =>
                $"{100 * M(s => part(s.Stats) / s.Stats.TotalSeconds):F0} %";
            table.Add(c.Id, Fmt.Time(M(s => s.Read)), Fmt.Time(M(s => s.Setup)), Fmt.Time(M(s => s.Analysis)),
                Share(s => s.LoadSeconds), Share(s => s.FactorSeconds), Share(s => s.SolveSeconds), Share(s => s.TruncationSeconds),
                Share(s => s.TotalSeconds - s.LoadSeconds - s.FactorSeconds - s.SolveSeconds - s.TruncationSeconds),
                last.NewtonIterations.ToString(CultureInfo.InvariantCulture), last.Factorizations.ToString(CultureInfo.InvariantCulture),
                $"{last.DeviceLoads} ({last.DeviceBypasses})");
            Measurement.Progress($"{c.Id}: read {Fmt.Time(M(s => s.Read))}, setup {Fmt.Time(M(s => s.Setup))}, analysis {Fmt.Time(M(s => s.Analysis))} (CPU)");
        }
        report.Add("Phases (median)", table);
        if (ids.Contains("split:mos1"))
        {
            var netlist = Generate(ws, dir, "inv_chain", 500);
            if (netlist is not null) report.Add("Batched MOS1 load", Mos1(netlist, o.Reps));
        }
        report.Finish();
    }

    private sealed record PhaseSample(double Read, double Setup, double Analysis, SimulationStatistics Stats);

    /// <summary>Writes <c>gen_bench.py KIND N</c>'s netlist into <paramref name="dir"/>; null (and a message) when it fails.</summary>
    internal static string? Generate(Workspace ws, string dir, string kind, int n)
    {
        var path = Path.Combine(dir, $"{kind}_{n}.cir");
        var gen = ProcessRunner.Run("python3", new[] { ws.Generator, kind, n.ToString(CultureInfo.InvariantCulture), "-o", path }, dir, 300);
        if (gen.ExitCode == 0 && File.Exists(path)) return path;
        Measurement.Progress($"{kind} {n}: gen_bench.py failed: {gen.Output.Trim()}");
        return null;
    }

    private static PhaseSample Sample(string path)
    {
        var t0 = CpuClock.ThreadSeconds();
        var netlist = new NetlistReader().ReadFile(path);
        var t1 = CpuClock.ThreadSeconds();
        var sim = new NetlistRunner(netlist).CreateSimulation(netlist.Circuit, netlist.Analyses[0]);
        sim.Setup();
        var probes = (netlist.Saves.Count > 0 ? netlist.Saves : sim.DefaultProbeNames()).Select(sim.CreateProbe).ToArray();
        var t2 = CpuClock.ThreadSeconds();
        var sink = 0.0;
        foreach (var _ in sim.Run())
            foreach (var p in probes) sink += p.Value;
        GC.KeepAlive(sink);
        return new PhaseSample(t1 - t0, t2 - t1, CpuClock.ThreadSeconds() - t2, sim.Statistics);
    }

    /// <summary>
    /// The inverter chain simulated to its end (so the devices sit at realistic operating points), then every MOS1 batch
    /// loaded again and again on the last iterate: with bypass off (every instance evaluated and stamped), and on
    /// (every instance held, so re-stamped from its slot).
    /// </summary>
    private static MarkdownTable Mos1(string path, int reps)
    {
        var netlist = new NetlistReader().ReadFile(path);
        var sim = new NetlistRunner(netlist).CreateSimulation(netlist.Circuit, netlist.Analyses[0]);
        foreach (var _ in sim.Run()) { }
        var loaders = (ILoadBehavior[])typeof(Simulation).GetProperty("Loaders", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(sim)!;
        var batches = loaders.Where(l => l.GetType().Name == "Mosfet1Batch").ToArray();
        var instances = batches.Sum(b => (int)b.GetType().GetProperty("Count")!.GetValue(b)!);
        var table = new MarkdownTable("MOS1 load (inv_chain 500, 1000 instances)", "ns per instance (median, thread CPU)>", "[min–max]>");
        foreach (var bypass in new[] { false, true })
        {
            sim.Options.Bypass = bypass;
            // an iteration that continues a solve (bypass allowed when on) at the last accepted point
            sim.State.Iteration = 2;
            sim.State.Init = InitMode.Float;
            var ns = NsPerInstance(() =>
            {
                sim.Mna.Clear();
                foreach (var b in batches) b.Load();
            }, instances, reps);
            AddRow(table, bypass ? "bypass on, every instance held (re-stamp only)" : "bypass off (evaluate and stamp)", ns);
            Measurement.Progress($"mos1: bypass {(bypass ? "on" : "off")}: {Stat.Median(ns):F1} ns per instance");
        }
        var alone = EvaluationAlone(sim, batches, instances, reps);
        AddRow(table, "bypass off, evaluation alone (into the slots, nothing added to the system)", alone);
        return table;
    }

    /// <summary>Thread CPU time of one call of <paramref name="round"/> per instance, ns: 2000 calls per repetition.</summary>
    private static List<double> NsPerInstance(Action round, int instances, int reps)
    {
        const int rounds = 2000;
        var ns = new List<double>();
        for (var r = 0; r < Math.Max(reps, 3); r++)
        {
            Measurement.Settle();
            var t0 = CpuClock.ThreadSeconds();
            for (var k = 0; k < rounds; k++) round();
            ns.Add((CpuClock.ThreadSeconds() - t0) * 1e9 / ((double)rounds * instances));
        }
        return ns;
    }

    private static void AddRow(MarkdownTable table, string label, List<double> ns) =>
        table.Add(label, Stat.Median(ns).ToString("F1", CultureInfo.InvariantCulture), $"[{ns.Min():F1}–{ns.Max():F1}]");

    /// <summary>The batches' members evaluated into their slots (<c>DeviceBatch.Run</c> over all of them on this
    /// thread), without clearing or adding to the system: what the evaluation costs apart from the stamping.</summary>
    private static List<double> EvaluationAlone(Simulation sim, ILoadBehavior[] batches, int instances, int reps)
    {
        sim.Options.Bypass = false;
        sim.State.Iteration = 2;
        sim.State.Init = InitMode.Float;
        var runs = batches.Select(b =>
        {
            var run = b.GetType().GetMethod("Run", BindingFlags.Public | BindingFlags.Instance, [typeof(int), typeof(int), typeof(int)])!;
            var count = (int)b.GetType().GetProperty("Count")!.GetValue(b)!;
            var evaluate = run.CreateDelegate<Action<int, int, int>>(b);
            return (evaluate, count);
        }).ToArray();
        var ns = NsPerInstance(() =>
        {
            foreach (var (evaluate, count) in runs) evaluate(0, count, 0);
        }, instances, reps);
        Measurement.Progress($"mos1: evaluation alone: {Stat.Median(ns):F1} ns per instance");
        return ns;
    }
}
