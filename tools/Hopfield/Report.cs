using System.Globalization;
using System.Text;
using CircuitSim.Magnetics.Film;
using CircuitSim.Output;
using CircuitSim.Spintronics.Film;

namespace CircuitSim.Tools.Hopfield;

/// <summary>Writes the files of one trained pattern and returns its text summary.</summary>
public static class Report
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static string Write(TrainingResult r, string dir, int starts, ulong seed, PlotFormat format = PlotFormat.Png)
    {
        int k = r.Pattern.Length;
        string name = Patterns.Name(r.Pattern);
        var sb = new StringBuilder();
        double[] gpBefore = Minus(r.GBefore, r.G0), gpAfter = Minus(r.GAfter, r.G0), dG = Minus(r.GAfter, r.GBefore);
        var before = new HopfieldNetwork(gpBefore, r.V0);
        var after = new HopfieldNetwork(gpAfter, r.V0);
        var change = new HopfieldNetwork(dG, r.V0);

        sb.AppendLine(Ci, $"## Pattern {name} (V0 = {r.V0} V, {r.Times[^1] * 1e9:G4} ns)");
        sb.AppendLine(Ci, $"set-up (maze relaxation, G0): {r.SetupSeconds:F1} s; training: wall {r.WallSeconds:F1} s, process CPU {r.CpuSeconds:F1} s; LLG {r.LlgSeconds:F2} s ({r.LlgSteps} steps), current solves {r.ConductionSeconds:F2} s ({r.Refreshes} refreshes, {r.ConjugateGradientIterations} PCG iterations); {r.CircuitSteps} circuit points");
        sb.AppendLine("pair  kind      G'(0) uS   G'(end) uS   change uS   |G_ij| went");
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
            {
                bool opposite = r.Pattern[i] != r.Pattern[j];
                double g0 = gpBefore[i * k + j] * 1e6, g1 = gpAfter[i * k + j] * 1e6;
                string went = Math.Abs(r.GAfter[i * k + j]) > Math.Abs(r.GBefore[i * k + j]) ? "up" : "down";
                sb.AppendLine(Ci, $"{i + 1}{j + 1}    {(opposite ? "opposite" : "same    ")}  {g0,9:F2}   {g1,10:F2}   {g1 - g0,9:F2}    {went}");
            }
        double oppBefore = 0, oppAfter = 0, sameBefore = 0, sameAfter = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
            {
                if (r.Pattern[i] != r.Pattern[j]) { oppBefore += -r.GBefore[i * k + j]; oppAfter += -r.GAfter[i * k + j]; }
                else { sameBefore += -r.GBefore[i * k + j]; sameAfter += -r.GAfter[i * k + j]; }
            }
        sb.AppendLine(Ci, $"conductance between opposite-voltage electrodes Σ|G_ij|: {oppBefore * 1e3:F4} → {oppAfter * 1e3:F4} mS ({(oppAfter / oppBefore - 1) * 100:+0.00;-0.00} %); same-voltage: {sameBefore * 1e3:F4} → {sameAfter * 1e3:F4} mS ({(sameAfter / sameBefore - 1) * 100:+0.00;-0.00} %)");

        var (rankBefore, rankBeforeNt) = Evaluation.RankOf(before, r.Pattern);
        var (rankAll, rankNt) = Evaluation.RankOf(after, r.Pattern);
        sb.AppendLine(Ci, $"E' rank of {name} (or its flip): before training {rankBefore}/16 (non-trivial {rankBeforeNt}/14), after {rankAll}/16 (non-trivial {rankNt}/14)");
        sb.AppendLine("E' after training, lowest first (nW): " + string.Join(", ", Evaluation.Ranking(after).Select(x => string.Create(Ci, $"{Patterns.Name(x.Pattern)} {x.Energy * 1e9:F1}"))));
        sb.AppendLine(Ci, $"recall with G' = G − G0 (the paper's weights): synchronous from all 16 starts: {Evaluation.SynchronousFromAllStarts(after, r.Pattern)}");
        sb.AppendLine(Ci, $"                                              asynchronous, {starts} random starts: {Evaluation.AsynchronousFromRandomStarts(after, r.Pattern, starts, seed)}");
        var (rankChange, rankChangeNt) = Evaluation.RankOf(change, r.Pattern);
        sb.AppendLine(Ci, $"diagnostic, weights ΔG = G(end) − G(0) (the training change alone): E' rank {rankChange}/16 (non-trivial {rankChangeNt}/14); synchronous {Evaluation.SynchronousFromAllStarts(change, r.Pattern)}; asynchronous {Evaluation.AsynchronousFromRandomStarts(change, r.Pattern, starts, seed)}");

        var files = new List<string>();
        files.AddRange(EnergyChart(name, before, after, r.Pattern).Save(Path.Combine(dir, "energy"), format));
        files.AddRange(TraceChart(r).Save(Path.Combine(dir, "gprime"), format));
        WriteTraces(Path.Combine(dir, "train.csv"), r);
        files.Add(Path.Combine(dir, "train.csv"));
        var v = r.Pattern.Select(s => s * r.V0).ToArray();
        files.AddRange(Snapshot(r, r.MBefore, v, $"{name}: before training").Save(Path.Combine(dir, "texture_before"), format));
        files.AddRange(Snapshot(r, r.MAfter, v, $"{name}: after {r.Times[^1] * 1e9:G4} ns of training").Save(Path.Combine(dir, "texture_after"), format));
        FilmTextureFile.Save(Path.Combine(dir, "trained.texture"), r.Dynamics.Grid, r.MAfter);
        files.Add(Path.Combine(dir, "trained.texture"));
        sb.AppendLine(Ci, $"files: {dir}/{string.Join(", ", files.Select(Path.GetFileName))}");
        File.WriteAllText(Path.Combine(dir, "summary.md"), sb.ToString());
        return sb.ToString();
    }

    private static double[] Minus(double[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    private static BarChart EnergyChart(string name, HopfieldNetwork before, HopfieldNetwork after, int[] stored)
    {
        var all = Patterns.All(before.K);
        var chart = new BarChart
        {
            Title = $"E' = −Σ G'_ij V_i V_j of every input, film trained on {name}",
            CategoryTitle = "input pattern (electrodes 1–4: left, bottom, right, top)",
            Width = 900,
            Height = 480,
        };
        chart.ValueAxis.Title = "E'";
        chart.ValueAxis.Unit = "W";
        foreach (var p in all) chart.Categories.Add(Patterns.Name(p) + (Patterns.SameUpToSign(p, stored) ? " *" : ""));
        chart.Add("before training", all.Select(before.Energy).ToArray());
        chart.Add("after training", all.Select(after.Energy).ToArray());
        return chart;
    }

    private static LineChart TraceChart(TrainingResult r)
    {
        var chart = new LineChart { Title = $"G' = G − G0 during training on {Patterns.Name(r.Pattern)}", Width = 900, Height = 480 };
        chart.XAxis.Title = "time";
        chart.XAxis.Unit = "s";
        chart.YAxis.Title = "G'_ij";
        chart.YAxis.Unit = "S";
        foreach (var (pair, values) in r.GPrime)
        {
            int i = pair[0] - '1', j = pair[1] - '1';
            var s = chart.Add($"G'{pair} ({(r.Pattern[i] != r.Pattern[j] ? "opposite" : "same")})", r.Times, values);
            s.Dashed = r.Pattern[i] == r.Pattern[j];
        }
        return chart;
    }

    private static void WriteTraces(string csv, TrainingResult r)
    {
        var sb = new StringBuilder("time," + string.Join(",", r.GPrime.Keys.Select(p => $"gp{p}")) + ",ep\n");
        for (int n = 0; n < r.Times.Length; n++)
            sb.Append(Ci, $"{r.Times[n]:R},{string.Join(",", r.GPrime.Values.Select(a => a[n].ToString("R", Ci)))},{r.EnergyTrace[n].ToString("R", Ci)}\n");
        File.WriteAllText(csv, sb.ToString());
    }

    private static FilmSnapshotChart Snapshot(TrainingResult r, double[] m, double[] v, string title)
    {
        var state = r.Dynamics.CreateState(m);
        var j = new double[2 * r.Dynamics.Grid.CellCount];
        r.Dynamics.CurrentDensity(state, v, j);
        return FilmSnapshot.Chart(r.Dynamics.Grid, r.Dynamics.Conduction.Electrodes, m, j, v, title);
    }
}
