using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Suite <c>batch</c>: the batched device loads alone, in-process. <c>batch:bsim4</c> and <c>batch:mos1</c>: the
/// inverter chain simulated to its end, then every batch of the model loaded again and again at the last iterate on
/// one thread: nanoseconds per instance evaluated and stamped (thread CPU time). <c>batch:crossover</c>: wall time
/// of one batch load on 1 and on 2 threads for chains of growing size, the point where the fork and join of
/// parallel evaluation starts to pay (minimum over repetitions, so another process taking a core shows less).
/// </summary>
internal static class BatchSuite
{
    public static readonly string[] CaseIds = { "batch:bsim4", "batch:mos1", "batch:crossover" };

    public static void Run(Workspace ws, IReadOnlyList<string> ids, string machine)
    {
        var report = new Report(ws, "batch", "batched device loads", machine,
            "Suite `batch`: batched device loads timed in-process (JIT after warm-up) at the last iterate of the inverter chains.");
        var dir = ws.SubDir("batch");
        if (ids.Contains("batch:bsim4") && SplitSuite.Generate(ws, dir, "bsim4_inv_chain", 100) is { } b4)
            report.Add("BSIM4 load", PerInstance(b4, "Bsim4Batch", "BSIM4 load (bsim4_inv_chain 100, 200 instances)", 200, ws.Options.Reps));
        if (ids.Contains("batch:mos1") && SplitSuite.Generate(ws, dir, "inv_chain", 500) is { } m1)
            report.Add("MOS1 load", PerInstance(m1, "Mosfet1Batch", "MOS1 load (inv_chain 500, 1000 instances)", 2000, ws.Options.Reps));
        if (ids.Contains("batch:crossover")) report.Add("Crossover", Crossover(ws, dir));
        report.Finish();
    }

    /// <summary>The simulation run to its end and its batches of the named type.</summary>
    private static (Simulation Sim, ILoadBehavior[] Batches, int Instances) Settled(string path, string batchType, int threads)
    {
        var netlist = new NetlistReader().ReadFile(path);
        var sim = new NetlistRunner(netlist).CreateSimulation(netlist.Circuit, netlist.Analyses[0]);
        sim.Options.Threads = threads;
        foreach (var _ in sim.Run()) { }
        var loaders = (ILoadBehavior[])typeof(Simulation).GetProperty("Loaders", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(sim)!;
        var batches = loaders.Where(l => l.GetType().Name == batchType).ToArray();
        var instances = batches.Sum(b => (int)b.GetType().GetProperty("Count")!.GetValue(b)!);
        // an iteration that continues a solve at the last accepted point (no predictor, no bypass)
        sim.Options.Bypass = false;
        sim.State.Iteration = 2;
        sim.State.Init = InitMode.Float;
        return (sim, batches, instances);
    }

    private static MarkdownTable PerInstance(string path, string batchType, string title, int rounds, int reps)
    {
        var (sim, batches, instances) = Settled(path, batchType, threads: 1);
        var table = new MarkdownTable(title, "ns per instance (median, thread CPU)>", "[min–max]>");
        var ns = new List<double>();
        for (var r = 0; r < Math.Max(reps, 3) + 1; r++)
        {
            Measurement.Settle();
            var t0 = CpuClock.ThreadSeconds();
            for (var k = 0; k < rounds; k++)
            {
                sim.Mna.Clear();
                foreach (var b in batches) b.Load();
            }
            if (r > 0) ns.Add((CpuClock.ThreadSeconds() - t0) * 1e9 / ((double)rounds * instances));
        }
        table.Add("evaluate and stamp, one thread", Stat.Median(ns).ToString("F1", CultureInfo.InvariantCulture), $"[{ns.Min():F1}–{ns.Max():F1}]");
        Measurement.Progress($"{batchType}: {Stat.Median(ns):F1} ns per instance");
        return table;
    }

    private static MarkdownTable Crossover(Workspace ws, string dir)
    {
        var table = new MarkdownTable("batch", "members>", "1 thread, µs per load>", "2 threads, µs per load>", "speed-up>");
        foreach (var (kind, type, sizes) in new[]
                 {
                     ("bsim4_inv_chain", "Bsim4Batch", new[] { 2, 5, 10, 20, 50, 100 }),
                     ("inv_chain", "Mosfet1Batch", new[] { 10, 25, 50, 100, 250, 500 }),
                 })
        {
            foreach (var n in sizes)
            {
                if (SplitSuite.Generate(ws, dir, kind, n) is not { } path) continue;
                var one = WallPerLoad(path, type, 1);
                var two = WallPerLoad(path, type, 2);
                table.Add(type, n.ToString(CultureInfo.InvariantCulture), F(one), F(two), (one / two).ToString("F2", CultureInfo.InvariantCulture));
                Measurement.Progress($"{type} × {n}: {F(one)} µs on 1 thread, {F(two)} µs on 2");
            }
        }
        return table;

        static string F(double us) => us.ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>Wall microseconds of one load of the first batch, minimum over 15 rounds of as many loads as take ~20 ms.</summary>
    private static double WallPerLoad(string path, string type, int threads)
    {
        var (sim, batches, instances) = Settled(path, type, threads);
        var batch = batches[0];
        var loads = Math.Max(20, 20_000_000 / Math.Max(1, instances / batches.Length * (type == "Bsim4Batch" ? 1000 : 100)));
        var best = double.MaxValue;
        for (var r = 0; r < 15; r++)
        {
            var t0 = Stopwatch.GetTimestamp();
            for (var k = 0; k < loads; k++) batch.Load();
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalMicroseconds / loads);
        }
        return best;
    }
}
