namespace CircuitSim.Output.Parquet;

/// <summary>The physical types this writer stores (parquet.thrift's <c>Type</c>, with its numbers).</summary>
public enum ParquetPhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Double = 5,
    ByteArray = 6,
}

/// <summary>How a column's physical values are to be read.</summary>
public enum ParquetLogicalType
{
    /// <summary>The physical type as it is (INT32 and INT64 are signed).</summary>
    None,
    /// <summary>BYTE_ARRAY holding UTF-8 text (logical type STRING, converted type UTF8).</summary>
    String,
    /// <summary>INT64 holding an unsigned 64-bit integer (logical type INTEGER(64, unsigned), converted type UINT_64).</summary>
    UnsignedInt64,
}

/// <summary>Enum values of parquet.thrift that the writer puts in page headers and the footer.</summary>
internal static class ParquetFormat
{
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public const int EncodingPlain = 0;
    /// <summary>The RLE/bit-packed hybrid, used here for definition levels.</summary>
    public const int EncodingRle = 3;
    public const int CodecUncompressed = 0;
    public const int PageTypeData = 0;
    public const int RepetitionRequired = 0;
    public const int RepetitionOptional = 1;
    public const int ConvertedUtf8 = 0;
    public const int ConvertedUInt64 = 14;
}
