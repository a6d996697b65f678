using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CircuitSim.Output.Parquet;

/// <summary>
/// PLAIN encoding of a page's values: INT32, INT64 and DOUBLE little-endian, BYTE_ARRAY as a 4-byte little-endian
/// length and the bytes, BOOLEAN one bit a value, least significant bit first (the last byte padded with zeros by
/// <see cref="Complete"/>).
/// </summary>
internal sealed class PlainEncoder
{
    private readonly ArrayBufferWriter<byte> buffer;
    private int bitCount;
    private byte bits;

    public PlainEncoder(ArrayBufferWriter<byte> buffer) => this.buffer = buffer;

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    /// <summary>An unsigned value keeps its 64 bits (read back through the column's UINT_64 annotation).</summary>
    public void Write(ulong value) => Write(unchecked((long)value));

    public void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void Write(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = buffer.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        Encoding.UTF8.GetBytes(value, span[4..]);
        buffer.Advance(4 + length);
    }

    public void Write(bool value)
    {
        if (value)
            bits |= (byte)(1 << bitCount);
        if (++bitCount == 8)
            FlushBits();
    }

    /// <summary>Writes the last, partly filled byte of booleans.</summary>
    public void Complete()
    {
        if (bitCount > 0)
            FlushBits();
    }

    private void FlushBits()
    {
        buffer.GetSpan(1)[0] = bits;
        buffer.Advance(1);
        bits = 0;
        bitCount = 0;
    }
}
