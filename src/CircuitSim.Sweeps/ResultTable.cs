using System.Globalization;
using System.Text;

namespace CircuitSim.Sweeps;

/// <summary>
/// The merged results: one row per planned point, in plan order, whether it ran or not. Columns: point, run, seed,
/// temperature, the swept parameters, status, the .meas values, the chosen vectors, error. Wall time, host and
/// executor are kept apart (<see cref="Timing"/>): they differ from one execution to the next, while everything in the
/// table is the same bits wherever the points ran.
/// </summary>
public sealed class ResultTable
{
    private ResultTable(SweepPlan plan, IReadOnlyList<Row> rows)
    {
        Plan = plan;
        Rows = rows;
    }

    public SweepPlan Plan { get; }
    public IReadOnlyList<Row> Rows { get; }

    public sealed record Row(SweepPoint Point, PointResult? Result)
    {
        public string Status => Result?.Status ?? PointStatus.Missing;

        /// <summary>A .meas or vector value by name; null when absent.</summary>
        public double? Value(string name) =>
            Result is null ? null
            : Result.Measures.TryGetValue(name, out var m) ? m
            : Result.Vectors.TryGetValue(name, out var v) ? v : null;
    }

    public static ResultTable Merge(SweepPlan plan, SweepDirectory directory) =>
        new(plan, plan.Points.Select(p => new Row(p, directory.ReadResult(p.Index))).ToList());

    /// <summary>Swept parameters other than <c>run</c> (which has its own column).</summary>
    public IEnumerable<string> ParameterColumns => Plan.Parameters.Where(p => !p.Equals("run", StringComparison.OrdinalIgnoreCase));

    /// <summary>Measurement and vector columns, in that order.</summary>
    public IEnumerable<string> ValueColumns => Plan.Measures.Concat(Plan.Vectors);

    public string ToCsv()
    {
        var sb = new StringBuilder();
        var header = new List<string> { "point", "run", "seed", "temperature" };
        header.AddRange(ParameterColumns);
        header.Add("status");
        header.AddRange(ValueColumns);
        header.Add("error");
        sb.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var row in Rows)
        {
            var p = row.Point;
            var cells = new List<string>
            {
                Int(p.Index), p.Run is { } r ? r.ToString(CultureInfo.InvariantCulture) : "", p.Seed.ToString(CultureInfo.InvariantCulture), Number(p.Temperature),
            };
            cells.AddRange(ParameterColumns.Select(name => Number(p.Parameters.TryGetValue(name, out var v) ? v : null)));
            cells.Add(row.Status);
            cells.AddRange(ValueColumns.Select(c => Number(row.Value(c))));
            cells.Add(Quote(row.Result?.Error ?? ""));
            sb.AppendJoin(',', cells).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Wall time, host and executor per point that ran.</summary>
    public string Timing()
    {
        var sb = new StringBuilder("point,wall_s,host,executor\n");
        foreach (var row in Rows.Where(r => r.Result is not null))
            sb.Append(Int(row.Point.Index)).Append(',').Append(Number(row.Result!.WallSeconds)).Append(',')
                .Append(Quote(row.Result.Host)).Append(',').Append(Quote(row.Result.Executor)).Append('\n');
        return sb.ToString();
    }

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip form: reading the CSV back gives the same bits.</summary>
    internal static string Number(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    internal static string Quote(string s) =>
        s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
