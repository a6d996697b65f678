using CircuitSim.Output;
using Parquet;
using Parquet.Schema;

namespace CircuitSim.Sweeps;

/// <summary>
/// The merged table as Parquet for pandas/polars (<c>pd.read_parquet</c>): the CSV's columns, typed (empty cells are
/// nulls), plus wall_s, host and executor. Written under a temporary name and renamed.
/// </summary>
public static class ParquetTable
{
    public static void Write(ResultTable table, string path)
    {
        var tmp = AtomicFile.TemporaryPath(path);
        try
        {
            WriteAsync(table, tmp).GetAwaiter().GetResult();
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); }
            catch (IOException) { }
            throw;
        }
    }

    private static async Task WriteAsync(ResultTable table, string path)
    {
        var rows = table.Rows;
        var point = new DataField<int>("point");
        var run = new DataField<long?>("run");
        var seed = new DataField<long>("seed");
        var temperature = new DataField<double?>("temperature");
        var names = table.ParameterColumns.ToList();
        var parameters = names.Select(p => new DataField<double?>(p)).ToList();
        var status = new DataField<string>("status");
        var values = table.ValueColumns.Select(c => new DataField<double?>(c)).ToList();
        var error = new DataField<string>("error");
        var wall = new DataField<double?>("wall_s");
        var host = new DataField<string>("host");
        var executor = new DataField<string>("executor");
        var fields = new List<Field> { point, run, seed, temperature };
        fields.AddRange(parameters);
        fields.Add(status);
        fields.AddRange(values);
        fields.AddRange(new Field[] { error, wall, host, executor });

        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(point, new ReadOnlyMemory<int>(rows.Select(r => r.Point.Index).ToArray()));
        await group.WriteAsync(run, new ReadOnlyMemory<long?>(rows.Select(r => r.Point.Run).ToArray()));
        await group.WriteAsync(seed, new ReadOnlyMemory<long>(rows.Select(r => unchecked((long)r.Point.Seed)).ToArray()));
        await group.WriteAsync(temperature, new ReadOnlyMemory<double?>(rows.Select(r => r.Point.Temperature).ToArray()));
        for (var i = 0; i < parameters.Count; i++)
        {
            var name = names[i];
            await group.WriteAsync(parameters[i], new ReadOnlyMemory<double?>(rows.Select(r => r.Point.Parameters.TryGetValue(name, out var v) ? v : (double?)null).ToArray()));
        }
        await group.WriteAsync(status, rows.Select(r => r.Status).ToArray());
        var columns = table.ValueColumns.ToList();
        for (var i = 0; i < values.Count; i++)
            await group.WriteAsync(values[i], new ReadOnlyMemory<double?>(rows.Select(r => r.Value(columns[i])).ToArray()));
        await group.WriteAsync(error, rows.Select(r => r.Result?.Error).ToArray());
        await group.WriteAsync(wall, new ReadOnlyMemory<double?>(rows.Select(r => r.Result?.WallSeconds).ToArray()));
        await group.WriteAsync(host, rows.Select(r => r.Result?.Host).ToArray());
        await group.WriteAsync(executor, rows.Select(r => r.Result?.Executor).ToArray());
    }
}
