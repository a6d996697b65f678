using System.Buffers;
using System.Buffers.Binary;

namespace CircuitSim.Output.Parquet;

/// <summary>How a table is cut into row groups and pages, and who wrote it.</summary>
public sealed record ParquetWriteOptions
{
    /// <summary>Rows per row group (the last one may have fewer).</summary>
    public int RowGroupRows { get; init; } = 1 << 20;
    /// <summary>Rows per data page within a row group.</summary>
    public int PageRows { get; init; } = 1 << 14;
    /// <summary>The footer's <c>created_by</c>.</summary>
    public string CreatedBy { get; init; } = "circuitsim";
}

/// <summary>
/// Writes a flat table as a Parquet file: <c>PAR1</c>, then per row group and column the v1 data pages (a Thrift page
/// header, the definition levels of an OPTIONAL column, the PLAIN values; UNCOMPRESSED), then the Thrift footer, its
/// length (4 bytes, little-endian) and <c>PAR1</c> again. No reflection or code generation, so it works the same in a
/// native (AOT) executable. A table without rows has the schema and no row group.
/// </summary>
public static class ParquetTableWriter
{
    public static void Write(Stream stream, IReadOnlyList<ParquetColumn> columns, ParquetWriteOptions? options = null)
    {
        options ??= new ParquetWriteOptions();
        var rows = Validate(columns, options);
        var output = new CountingOutput(stream);
        output.Write(ParquetFormat.Magic);
        var groups = new List<RowGroupLayout>();
        for (var start = 0; start < rows; start += options.RowGroupRows)
        {
            var count = Math.Min(options.RowGroupRows, rows - start);
            groups.Add(new RowGroupLayout(count, columns.Select(c => WriteChunk(output, c, start, count, options.PageRows)).ToList()));
        }
        var footer = new ArrayBufferWriter<byte>();
        FileFooter.Write(footer, columns, groups, options.CreatedBy);
        output.Write(footer.WrittenSpan);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.WrittenCount);
        output.Write(length);
        output.Write(ParquetFormat.Magic);
    }

    private static int Validate(IReadOnlyList<ParquetColumn> columns, ParquetWriteOptions options)
    {
        if (columns.Count == 0)
            throw new ArgumentException("a Parquet table needs at least one column", nameof(columns));
        if (options.RowGroupRows < 1 || options.PageRows < 1)
            throw new ArgumentException("row groups and pages need at least one row each", nameof(options));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!names.Add(column.Name))
                throw new ArgumentException($"two Parquet columns are named '{column.Name}'", nameof(columns));
            if (column.RowCount != columns[0].RowCount)
                throw new ArgumentException(
                    $"Parquet column '{column.Name}' has {column.RowCount} rows, '{columns[0].Name}' has {columns[0].RowCount}", nameof(columns));
        }
        return columns[0].RowCount;
    }

    /// <summary>One column's pages for rows start … start + count − 1.</summary>
    private static ColumnChunkLayout WriteChunk(CountingOutput output, ParquetColumn column, int start, int count, int pageRows)
    {
        var first = output.Position;
        for (var page = start; page < start + count; page += pageRows)
        {
            var rows = Math.Min(pageRows, start + count - page);
            var body = new ArrayBufferWriter<byte>();
            if (column.Present is { } present)
                DefinitionLevelEncoder.Write(body, present.AsSpan(page, rows));
            column.WriteValues(new PlainEncoder(body), page, rows);
            var header = new ArrayBufferWriter<byte>(32);
            DataPageHeader.Write(header, body.WrittenCount, rows, column.NullCount(page, rows));
            output.Write(header.WrittenSpan);
            output.Write(body.WrittenSpan);
        }
        return new ColumnChunkLayout(first, output.Position - first, count, column.NullCount(start, count));
    }

    /// <summary>The stream and how far into the file it is (offsets in the footer count from the file's start).</summary>
    private sealed class CountingOutput(Stream stream)
    {
        public long Position { get; private set; }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            Position += bytes.Length;
        }
    }
}
