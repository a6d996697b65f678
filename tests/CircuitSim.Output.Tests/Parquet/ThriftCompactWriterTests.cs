using System.Buffers;
using CircuitSim.Output.Parquet;

namespace CircuitSim.Output.Tests.Parquet;

/// <summary>The compact protocol's bytes, derived by hand from the Thrift compact protocol specification.</summary>
public class ThriftCompactWriterTests
{
    private static byte[] Encode(Action<ThriftCompactWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var thrift = new ThriftCompactWriter(buffer);
        write(thrift);
        thrift.EndMessage();
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void FieldHeader_PacksASmallIdDeltaWithTheType()
    {
        // (1 << 4) | i32, zigzag 0; (2 << 4) | i32, zigzag(-1) = 1; stop
        Assert.Equal(new byte[] { 0x15, 0x00, 0x25, 0x01, 0x00 }, Encode(t => { t.Int32(1, 0); t.Int32(3, -1); }));
    }

    [Fact]
    public void FieldHeader_WritesTheIdAfterTheTypeWhenTheDeltaIsLargeOrNegative()
    {
        // id 20: type byte 05, zigzag(20) = 40; then id 2 after 20: 05, zigzag(2) = 4
        Assert.Equal(new byte[] { 0x05, 0x28, 0x02, 0x05, 0x04, 0x0A, 0x00 }, Encode(t => { t.Int32(20, 1); t.Int32(2, 5); }));
    }

    [Fact]
    public void Integers_AreZigZagVarints()
    {
        var bytes = Encode(t =>
        {
            t.Int64(1, -1);            // zigzag 1
            t.Int64(2, 300);           // zigzag 600 = 0b100_1011000 → D8 04
            t.Int32(3, int.MaxValue);  // zigzag 0xFFFFFFFE → FE FF FF FF 0F
            t.Int64(4, long.MinValue); // zigzag 2^64 − 1 → nine FF and 01
            t.Int16(5, -2);            // zigzag 3
        });
        Assert.Equal(new byte[]
        {
            0x16, 0x01, 0x16, 0xD8, 0x04, 0x15, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F,
            0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x14, 0x03, 0x00,
        }, bytes);
    }

    [Fact]
    public void Bool_IsCarriedInTheTypeNibble()
    {
        Assert.Equal(new byte[] { 0x11, 0x22, 0x00 }, Encode(t => { t.Bool(1, true); t.Bool(3, false); }));
    }

    [Fact]
    public void ByteAndString_AreRawAndLengthPrefixedUtf8()
    {
        Assert.Equal(new byte[] { 0x13, 0x40, 0x18, 0x02, 0xC3, 0xA9, 0x00 }, Encode(t => { t.Byte(1, 64); t.String(2, "é"); }));
    }

    [Fact]
    public void List_OfFewerThanFifteen_HasItsSizeInTheHeader()
    {
        Assert.Equal(new byte[] { 0x19, 0x35, 0x02, 0x04, 0x06, 0x00 }, Encode(t =>
        {
            t.BeginList(1, ThriftType.I32, 3);
            t.ListInt32(1);
            t.ListInt32(2);
            t.ListInt32(3);
        }));
    }

    [Fact]
    public void List_OfFifteenOrMore_HasItsSizeAsAVarintAfterTheHeader()
    {
        var bytes = Encode(t =>
        {
            t.BeginList(1, ThriftType.I32, 15);
            for (var i = 0; i < 15; i++)
                t.ListInt32(0);
        });
        Assert.Equal(new byte[] { 0x19, 0xF5, 0x0F }.Concat(new byte[15]).Append((byte)0).ToArray(), bytes);
    }

    [Fact]
    public void NestedStruct_CountsItsFieldIdsFromZero_AndTheOuterStructResumesAfterIt()
    {
        // struct field 1 { field 5 }, then field 2 of the outer struct: delta 1 from 1, not from 5
        Assert.Equal(new byte[] { 0x1C, 0x55, 0x00, 0x00, 0x15, 0x00, 0x00 }, Encode(t =>
        {
            t.BeginStruct(1);
            t.Int32(5, 0);
            t.EndStruct();
            t.Int32(2, 0);
        }));
    }

    [Fact]
    public void StructsInAList_EachCountFieldIdsFromZero()
    {
        Assert.Equal(new byte[] { 0x19, 0x2C, 0x15, 0x02, 0x00, 0x15, 0x04, 0x00, 0x00 }, Encode(t =>
        {
            t.BeginList(1, ThriftType.Struct, 2);
            t.ListStruct();
            t.Int32(1, 1);
            t.EndStruct();
            t.ListStruct();
            t.Int32(1, 2);
            t.EndStruct();
        }));
    }

    [Fact]
    public void EndMessage_WithAStructOpen_IsRefused()
    {
        var thrift = new ThriftCompactWriter(new ArrayBufferWriter<byte>());
        thrift.BeginStruct(1);
        Assert.Throws<InvalidOperationException>(thrift.EndMessage);
    }
}
