using CircuitSim.Output;
using CircuitSim.Output.Parquet;

namespace CircuitSim.Sweeps;

/// <summary>
/// The merged table as Parquet for pandas/polars (<c>pd.read_parquet</c>): the CSV's columns, typed (empty cells are
/// nulls; the seed an unsigned 64-bit integer, as in the plan), plus wall_s, host and executor. Written with our own
/// writer (<see cref="ParquetTableWriter"/>, no reflection, so the native executable writes it too) under a temporary
/// name and renamed.
/// </summary>
public static class ParquetTable
{
    public static void Write(ResultTable table, string path)
    {
        var tmp = AtomicFile.TemporaryPath(path);
        try
        {
            using (var stream = File.Create(tmp))
                ParquetTableWriter.Write(stream, Columns(table));
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); }
            catch (IOException) { }
            throw;
        }
    }

    internal static List<ParquetColumn> Columns(ResultTable table)
    {
        var rows = table.Rows;
        var columns = new List<ParquetColumn>
        {
            ParquetColumn.Required("point", rows.Select(r => r.Point.Index).ToArray()),
            ParquetColumn.Optional("run", rows.Select(r => r.Point.Run).ToArray()),
            ParquetColumn.Required("seed", rows.Select(r => r.Point.Seed).ToArray()),
            ParquetColumn.Optional("temperature", rows.Select(r => r.Point.Temperature).ToArray()),
        };
        foreach (var name in table.ParameterColumns)
            columns.Add(ParquetColumn.Optional(name, rows.Select(r => r.Point.Parameters.TryGetValue(name, out var v) ? v : (double?)null).ToArray()));
        columns.Add(ParquetColumn.Required("status", rows.Select(r => r.Status).ToArray()));
        foreach (var name in table.ValueColumns)
            columns.Add(ParquetColumn.Optional(name, rows.Select(r => r.Value(name)).ToArray()));
        columns.Add(ParquetColumn.Optional("error", rows.Select(r => r.Result?.Error).ToArray()));
        columns.Add(ParquetColumn.Optional("wall_s", rows.Select(r => r.Result?.WallSeconds).ToArray()));
        columns.Add(ParquetColumn.Optional("host", rows.Select(r => r.Result?.Host).ToArray()));
        columns.Add(ParquetColumn.Optional("executor", rows.Select(r => r.Result?.Executor).ToArray()));
        return columns;
    }
}
