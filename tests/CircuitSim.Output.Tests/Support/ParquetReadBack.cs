using CircuitSim.Output.Parquet;
using Parquet;
using Parquet.Schema;
using ParquetMeta = Parquet.Meta;

namespace CircuitSim.Output.Tests.Support;

/// <summary>
/// A Parquet file as Parquet.Net (an independent reader) sees it: the footer's metadata, the data fields, and every
/// column's values over all row groups (null where the file has a null).
/// </summary>
public sealed record ParquetReadBack(ParquetMeta.FileMetaData Metadata, IReadOnlyList<DataField> Fields, IReadOnlyDictionary<string, object?[]> Columns)
{
    public static byte[] Write(IReadOnlyList<ParquetColumn> columns, ParquetWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        ParquetTableWriter.Write(stream, columns, options);
        return stream.ToArray();
    }

    public static ParquetReadBack Read(byte[] file) => ReadAsync(file).GetAwaiter().GetResult();

    public ParquetMeta.SchemaElement Schema(string name) => Metadata.Schema.Single(e => e.Name == name);

    private static async Task<ParquetReadBack> ReadAsync(byte[] file)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        var fields = reader.Schema.GetDataFields();
        var columns = fields.ToDictionary(f => f.Name, _ => new List<object?>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            foreach (var field in fields)
                columns[field.Name].AddRange(await ReadColumn(group, field, checked((int)group.RowCount)));
        }
        return new ParquetReadBack(reader.Metadata!, fields, columns.ToDictionary(c => c.Key, c => c.Value.ToArray()));
    }

    private static async Task<IEnumerable<object?>> ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory()!);
            return text;
        }
        if (field.ClrType == typeof(double)) return await Read<double>(group, field, rows);
        if (field.ClrType == typeof(long)) return await Read<long>(group, field, rows);
        if (field.ClrType == typeof(ulong)) return await Read<ulong>(group, field, rows);
        if (field.ClrType == typeof(int)) return await Read<int>(group, field, rows);
        if (field.ClrType == typeof(bool)) return await Read<bool>(group, field, rows);
        throw new NotSupportedException($"{field.Name}: {field.ClrType}");
    }

    private static async Task<IEnumerable<object?>> Read<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        if (!field.IsNullable)
        {
            var required = new T[rows];
            await group.ReadAsync(field, required.AsMemory());
            return required.Select(v => (object?)v);
        }
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values.Select(v => v.HasValue ? (object?)v.Value : null);
    }
}
