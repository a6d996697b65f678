using System.Buffers;

namespace CircuitSim.Output.Parquet;

/// <summary>
/// The Thrift <c>PageHeader</c> in front of each v1 data page: type DATA_PAGE, the page's size (uncompressed and
/// stored alike), and a <c>DataPageHeader</c> with the value count (nulls included), PLAIN values, RLE levels and the
/// page's null count.
/// </summary>
internal static class DataPageHeader
{
    public static void Write(IBufferWriter<byte> output, int pageBytes, int valueCount, int nullCount)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        var thrift = new ThriftCompactWriter(buffer);
        thrift.Int32(1, ParquetFormat.PageTypeData);
        thrift.Int32(2, pageBytes); // uncompressed_page_size
        thrift.Int32(3, pageBytes); // compressed_page_size
        thrift.BeginStruct(5);      // data_page_header
        thrift.Int32(1, valueCount);
        thrift.Int32(2, ParquetFormat.EncodingPlain);
        thrift.Int32(3, ParquetFormat.EncodingRle); // definition levels
        thrift.Int32(4, ParquetFormat.EncodingRle); // repetition levels (none in a flat table)
        thrift.BeginStruct(5);      // statistics
        thrift.Int64(3, nullCount);
        thrift.EndStruct();
        thrift.EndStruct();
        thrift.EndMessage();
        output.Write(buffer.WrittenSpan);
    }
}
