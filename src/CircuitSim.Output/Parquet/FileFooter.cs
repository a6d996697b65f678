using System.Buffers;

namespace CircuitSim.Output.Parquet;

/// <summary>Where one column's pages of one row group lie, and what they hold.</summary>
internal sealed record ColumnChunkLayout(long FirstPageOffset, long Bytes, long ValueCount, long NullCount);

/// <summary>One row group: its rows and its column chunks, in schema order.</summary>
internal sealed record RowGroupLayout(long RowCount, IReadOnlyList<ColumnChunkLayout> Chunks)
{
    public long FirstPageOffset => Chunks[0].FirstPageOffset;
    public long Bytes => Chunks.Sum(c => c.Bytes);
}

/// <summary>
/// The Thrift <c>FileMetaData</c> at the end of the file: format version 1, the schema (a root group named
/// <c>schema</c> with one leaf per column), the row count, each row group's column chunks (type, encodings, path,
/// codec, counts, sizes, first page, null count) and the writing application.
/// </summary>
internal static class FileFooter
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<ParquetColumn> columns, IReadOnlyList<RowGroupLayout> rowGroups,
        string createdBy)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var thrift = new ThriftCompactWriter(buffer);
        thrift.Int32(1, 1); // version
        WriteSchema(thrift, columns);
        thrift.Int64(3, rowGroups.Sum(g => g.RowCount));
        thrift.BeginList(4, ThriftType.Struct, rowGroups.Count);
        for (var g = 0; g < rowGroups.Count; g++)
            WriteRowGroup(thrift, columns, rowGroups[g], (short)g);
        thrift.String(6, createdBy);
        thrift.EndMessage();
        output.Write(buffer.WrittenSpan);
    }

    private static void WriteSchema(ThriftCompactWriter thrift, IReadOnlyList<ParquetColumn> columns)
    {
        thrift.BeginList(2, ThriftType.Struct, columns.Count + 1);
        thrift.ListStruct();
        thrift.String(4, "schema");
        thrift.Int32(5, columns.Count); // num_children
        thrift.EndStruct();
        foreach (var column in columns)
        {
            thrift.ListStruct();
            thrift.Int32(1, (int)column.PhysicalType);
            thrift.Int32(3, column.IsOptional ? ParquetFormat.RepetitionOptional : ParquetFormat.RepetitionRequired);
            thrift.String(4, column.Name);
            WriteLogicalType(thrift, column.LogicalType);
            thrift.EndStruct();
        }
    }

    /// <summary>The logical type (field 10) and, for older readers, the converted type it corresponds to (field 6).</summary>
    private static void WriteLogicalType(ThriftCompactWriter thrift, ParquetLogicalType type)
    {
        switch (type)
        {
            case ParquetLogicalType.String:
                thrift.Int32(6, ParquetFormat.ConvertedUtf8);
                thrift.BeginStruct(10);
                thrift.BeginStruct(1); // StringType {}
                thrift.EndStruct();
                thrift.EndStruct();
                break;
            case ParquetLogicalType.UnsignedInt64:
                thrift.Int32(6, ParquetFormat.ConvertedUInt64);
                thrift.BeginStruct(10);
                thrift.BeginStruct(10); // IntType
                thrift.Byte(1, 64);     // bitWidth
                thrift.Bool(2, false);  // isSigned
                thrift.EndStruct();
                thrift.EndStruct();
                break;
        }
    }

    private static void WriteRowGroup(ThriftCompactWriter thrift, IReadOnlyList<ParquetColumn> columns, RowGroupLayout group, short ordinal)
    {
        thrift.ListStruct();
        thrift.BeginList(1, ThriftType.Struct, columns.Count);
        for (var c = 0; c < columns.Count; c++)
            WriteColumnChunk(thrift, columns[c], group.Chunks[c]);
        thrift.Int64(2, group.Bytes);           // total_byte_size
        thrift.Int64(3, group.RowCount);
        thrift.Int64(5, group.FirstPageOffset); // file_offset
        thrift.Int64(6, group.Bytes);           // total_compressed_size
        thrift.Int16(7, ordinal);
        thrift.EndStruct();
    }

    private static void WriteColumnChunk(ThriftCompactWriter thrift, ParquetColumn column, ColumnChunkLayout chunk)
    {
        thrift.ListStruct();
        thrift.Int64(2, 0); // file_offset: 0, no ColumnMetaData outside the footer (as parquet.thrift asks)
        thrift.BeginStruct(3);
        thrift.Int32(1, (int)column.PhysicalType);
        thrift.BeginList(2, ThriftType.I32, 2);
        thrift.ListInt32(ParquetFormat.EncodingPlain);
        thrift.ListInt32(ParquetFormat.EncodingRle);
        thrift.BeginList(3, ThriftType.Binary, 1); // path_in_schema
        thrift.ListString(column.Name);
        thrift.Int32(4, ParquetFormat.CodecUncompressed);
        thrift.Int64(5, chunk.ValueCount);
        thrift.Int64(6, chunk.Bytes); // total_uncompressed_size, page headers included
        thrift.Int64(7, chunk.Bytes); // total_compressed_size
        thrift.Int64(9, chunk.FirstPageOffset); // data_page_offset
        thrift.BeginStruct(12); // statistics
        thrift.Int64(3, chunk.NullCount);
        thrift.EndStruct();
        thrift.EndStruct();
        thrift.EndStruct();
    }
}
