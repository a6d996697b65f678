using CircuitSim.Output.Parquet;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests.Parquet;

/// <summary>
/// A tiny file, byte for byte, as derived by hand from parquet.thrift and the Thrift compact protocol: columns
/// <c>a</c> (REQUIRED INT32: 1, 2) and <c>s</c> (OPTIONAL STRING: "é", null). Compact-protocol reminders: a field header
/// is (id delta &lt;&lt; 4) | type with types i16 = 4, i32 = 5, i64 = 6, binary = 8, list = 9, struct = 12; integers
/// are zigzag varints (n → 2n for n ≥ 0); a struct ends with 00.
/// </summary>
public class ParquetGoldenFileTests
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    // column a at offset 4: page header (21 bytes) and 8 bytes of values
    private static readonly byte[] ChunkA =
    [
        0x15, 0x00,             // 1 type: DATA_PAGE
        0x15, 0x10,             // 2 uncompressed_page_size: 8
        0x15, 0x10,             // 3 compressed_page_size: 8
        0x2C,                   // 5 data_page_header {
        0x15, 0x04,             //   1 num_values: 2
        0x15, 0x00,             //   2 encoding: PLAIN
        0x15, 0x06,             //   3 definition_level_encoding: RLE
        0x15, 0x06,             //   4 repetition_level_encoding: RLE
        0x1C, 0x36, 0x00, 0x00, //   5 statistics { 3 null_count: 0 }
        0x00,                   // }
        0x00,                   // end of PageHeader
        0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, // PLAIN INT32 1, 2 (no levels: REQUIRED)
    ];

    // column s at offset 33: page header (21 bytes) and 12 bytes of levels and values
    private static readonly byte[] ChunkS =
    [
        0x15, 0x00, 0x15, 0x18, 0x15, 0x18, // DATA_PAGE, 12 bytes, 12 bytes
        0x2C, 0x15, 0x04, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06,
        0x1C, 0x36, 0x02, 0x00,             // statistics { null_count: 1 }
        0x00, 0x00,
        0x02, 0x00, 0x00, 0x00, // definition levels: 2 bytes follow
        0x03, 0x01,             // one bit-packed group (1 << 1 | 1), levels 1, 0 → bits 01
        0x02, 0x00, 0x00, 0x00, 0xC3, 0xA9, // "é": length 2, UTF-8
    ];

    private static readonly byte[] Footer =
    [
        0x15, 0x02,                                     // 1 version: 1
        0x19, 0x3C,                                     // 2 schema: list of 3 structs
        0x48, 0x06, (byte)'s', (byte)'c', (byte)'h', (byte)'e', (byte)'m', (byte)'a', // root: 4 name "schema"
        0x15, 0x04, 0x00,                               //   5 num_children: 2
        0x15, 0x02, 0x25, 0x00, 0x18, 0x01, (byte)'a', 0x00, // a: 1 type INT32, 3 REQUIRED, 4 name "a"
        0x15, 0x0C, 0x25, 0x02, 0x18, 0x01, (byte)'s',  // s: 1 type BYTE_ARRAY, 3 OPTIONAL, 4 name "s"
        0x25, 0x00,                                     //   6 converted_type: UTF8
        0x4C, 0x1C, 0x00, 0x00,                         //   10 logicalType { 1 STRING {} }
        0x00,
        0x16, 0x04,                                     // 3 num_rows: 2
        0x19, 0x1C,                                     // 4 row_groups: list of 1 struct
        0x19, 0x2C,                                     //   1 columns: list of 2 structs
        0x26, 0x00, 0x1C,                               //     a: 2 file_offset 0, 3 meta_data {
        0x15, 0x02,                                     //       1 type INT32
        0x19, 0x25, 0x00, 0x06,                         //       2 encodings [PLAIN, RLE]
        0x19, 0x18, 0x01, (byte)'a',                    //       3 path_in_schema ["a"]
        0x15, 0x00, 0x16, 0x04,                         //       4 codec UNCOMPRESSED, 5 num_values 2
        0x16, 0x3A, 0x16, 0x3A,                         //       6, 7 sizes: 29
        0x26, 0x08,                                     //       9 data_page_offset: 4
        0x3C, 0x36, 0x00, 0x00,                         //       12 statistics { 3 null_count 0 }
        0x00, 0x00,                                     //     } }
        0x26, 0x00, 0x1C,                               //     s:
        0x15, 0x0C, 0x19, 0x25, 0x00, 0x06, 0x19, 0x18, 0x01, (byte)'s',
        0x15, 0x00, 0x16, 0x04,
        0x16, 0x42, 0x16, 0x42,                         //       sizes: 33
        0x26, 0x42,                                     //       data_page_offset: 33
        0x3C, 0x36, 0x02, 0x00,                         //       null_count 1
        0x00, 0x00,
        0x16, 0x7C,                                     //   2 total_byte_size: 62
        0x16, 0x04,                                     //   3 num_rows: 2
        0x26, 0x08,                                     //   5 file_offset: 4
        0x16, 0x7C,                                     //   6 total_compressed_size: 62
        0x14, 0x00,                                     //   7 ordinal: 0
        0x00,
        0x28, 0x0A, (byte)'c', (byte)'i', (byte)'r', (byte)'c', (byte)'u', (byte)'i', (byte)'t', (byte)'s', (byte)'i', (byte)'m', // 6 created_by
        0x00,
    ];

    private static byte[] Tiny() => ParquetReadBack.Write(
        [ParquetColumn.Required("a", new[] { 1, 2 }), ParquetColumn.Optional("s", new[] { "é", null })]);

    [Fact]
    public void TinyFile_IsMagicPagesFooterFooterLengthMagic_ByteForByte()
    {
        var expected = Magic.Concat(ChunkA).Concat(ChunkS).Concat(Footer).Concat(new byte[] { 125, 0, 0, 0 }).Concat(Magic).ToArray();
        Assert.Equal(125, Footer.Length);
        Assert.Equal(expected, Tiny());
    }

    [Fact]
    public void TinyFile_FooterLengthPointsAtTheFootersStart()
    {
        var file = Tiny();
        var length = BitConverter.ToInt32(file, file.Length - 8);
        Assert.Equal(Magic, file[^4..]);
        Assert.Equal(Magic, file[..4]);
        Assert.Equal(Footer, file[(file.Length - 8 - length)..^8]);
    }

    [Fact]
    public void TinyFile_ReadsBackThroughParquetNet()
    {
        var table = ParquetReadBack.Read(Tiny());
        Assert.Equal(new object?[] { 1, 2 }, table.Columns["a"]);
        Assert.Equal(new object?[] { "é", null }, table.Columns["s"]);
    }
}
