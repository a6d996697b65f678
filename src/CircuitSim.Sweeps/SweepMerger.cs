using System.Globalization;
using System.Text;
using System.Text.Json;
using CircuitSim.Output;

namespace CircuitSim.Sweeps;

/// <summary>
/// Merges a sweep directory: <c>results.csv</c> (the same bytes however and wherever the points ran), <c>timing.csv</c>,
/// <c>results.parquet</c>, <c>summary.json</c>, <c>summary.md</c> and the charts. Reads only the plan and the point
/// results, and rewrites every output whole, so merging again (or after more points finished) is always safe.
/// </summary>
public static class SweepMerger
{
    public sealed record Outcome(ResultTable Table, SweepSummary Summary, List<string> Files);

    public static Outcome Merge(SweepDirectory directory, bool charts = true, PlotFormat plotFormat = PlotFormat.Png)
    {
        var plan = directory.ReadPlan();
        var table = ResultTable.Merge(plan, directory);
        var summary = SweepSummary.Of(table);
        var files = new List<string>();
        void Text(string name, string text)
        {
            var path = Path.Combine(directory.Path, name);
            AtomicFile.WriteAllText(path, text);
            files.Add(path);
        }
        Text("results.csv", table.ToCsv());
        Text("timing.csv", table.Timing());
        var parquet = Path.Combine(directory.Path, "results.parquet");
        ParquetTable.Write(table, parquet);
        files.Add(parquet);
        Text("summary.json", JsonSerializer.Serialize(summary, SweepJson.Default.SweepSummary));
        Text("summary.md", Markdown(plan, summary));
        if (charts) files.AddRange(SweepCharts.Write(table, directory.Path, plotFormat));
        return new Outcome(table, summary, files);
    }

    public static string Markdown(SweepPlan plan, SweepSummary s)
    {
        static string G(double? v) => v is { } x ? x.ToString("G6", CultureInfo.InvariantCulture) : "–";
        var sb = new StringBuilder();
        sb.Append($"# Sweep of {Path.GetFileName(plan.Netlist)}\n\n");
        sb.Append($"{s.Points} points: {s.Ok} ok, {s.Failed} failed, {s.Missing} without a result. Seed {plan.Seed}.\n\n");
        if (s.Columns.Count > 0)
        {
            sb.Append("| quantity | n | mean | σ | min | p5 | p50 | p95 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var c in s.Columns)
                sb.Append($"| {c.Name} | {c.Count} | {G(c.Mean)} | {G(c.StandardDeviation)} | {G(c.Min)} | {G(c.Quantiles["p5"])} | {G(c.Quantiles["p50"])} | {G(c.Quantiles["p95"])} | {G(c.Max)} |\n");
            sb.Append('\n');
        }
        if (s.Yield is { } y)
        {
            var limits = string.Join(", ", y.Limits.Select(l => $"{G(l.Min)} ≤ {l.Name} ≤ {G(l.Max)}"));
            sb.Append($"Yield ({limits}): {y.Passed}/{y.Counted} = {G(y.Yield)} (95 % interval {G(y.Lower95)}–{G(y.Upper95)}).\n\n");
        }
        if (s.Failures.Count > 0)
        {
            sb.Append("## Failed points\n\n| point | error |\n|---:|---|\n");
            foreach (var f in s.Failures) sb.Append($"| {f.Point} | {f.Error.Replace("|", "\\|")} |\n");
        }
        return sb.ToString();
    }
}
