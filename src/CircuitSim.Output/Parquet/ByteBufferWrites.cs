using System.Buffers;

namespace CircuitSim.Output.Parquet;

/// <summary>Single bytes and ULEB128 varints (seven bits a byte, least significant first), as Thrift and the RLE hybrid use.</summary>
internal static class ByteBufferWrites
{
    public static void WriteByte(this IBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public static void WriteVarint(this IBufferWriter<byte> buffer, ulong value)
    {
        var span = buffer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        buffer.Advance(n);
    }
}
