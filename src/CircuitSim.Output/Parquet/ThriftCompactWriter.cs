using System.Buffers;
using System.Text;

namespace CircuitSim.Output.Parquet;

/// <summary>
/// Writes Thrift structures in the compact protocol, the encoding of Parquet's footer and page headers: a field is a
/// header byte (id delta from the previous field of the same struct in the high nibble, type in the low nibble; a
/// zero delta nibble is followed by the id as a zigzag varint), integers are zigzag varints, strings and binaries a
/// varint length and the bytes, a list a header byte (size in the high nibble, or 15 and a varint size) and its
/// elements, a struct its fields and a stop byte. Only what Parquet's structures need (no maps, sets or doubles).
/// </summary>
internal sealed class ThriftCompactWriter
{
    private readonly ArrayBufferWriter<byte> buffer;
    // last field id written in each open struct (the innermost on top)
    private readonly Stack<short> lastFieldIds = new();
    private short lastFieldId;

    public ThriftCompactWriter(ArrayBufferWriter<byte> buffer) => this.buffer = buffer;

    public void Int32(short id, int value)
    {
        FieldHeader(id, ThriftType.I32);
        ZigZag(value);
    }

    public void Int64(short id, long value)
    {
        FieldHeader(id, ThriftType.I64);
        ZigZag(value);
    }

    public void Int16(short id, short value)
    {
        FieldHeader(id, ThriftType.I16);
        ZigZag(value);
    }

    public void Byte(short id, sbyte value)
    {
        FieldHeader(id, ThriftType.Byte);
        buffer.WriteByte((byte)value);
    }

    /// <summary>A boolean field carries its value in the header's type nibble.</summary>
    public void Bool(short id, bool value) => FieldHeader(id, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    public void String(short id, string value)
    {
        FieldHeader(id, ThriftType.Binary);
        ListString(value);
    }

    public void BeginStruct(short id)
    {
        FieldHeader(id, ThriftType.Struct);
        OpenStruct();
    }

    /// <summary>Ends the innermost struct (a field's or a list element's) with its stop byte.</summary>
    public void EndStruct()
    {
        buffer.WriteByte(0);
        lastFieldId = lastFieldIds.Pop();
    }

    /// <summary>Ends the outermost struct, the one that opened implicitly when writing began.</summary>
    public void EndMessage()
    {
        if (lastFieldIds.Count != 0)
            throw new InvalidOperationException("a struct is still open");
        buffer.WriteByte(0);
    }

    public void BeginList(short id, ThriftType elementType, int count)
    {
        FieldHeader(id, ThriftType.List);
        if (count < 15)
            buffer.WriteByte((byte)((count << 4) | (byte)elementType));
        else
        {
            buffer.WriteByte((byte)(0xF0 | (byte)elementType));
            buffer.WriteVarint((ulong)count);
        }
    }

    /// <summary>Opens a struct that is an element of a list (no field header); close it with <see cref="EndStruct"/>.</summary>
    public void ListStruct() => OpenStruct();

    public void ListInt32(int value) => ZigZag(value);

    public void ListString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        buffer.WriteVarint((ulong)length);
        var span = buffer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        buffer.Advance(length);
    }

    private void OpenStruct()
    {
        lastFieldIds.Push(lastFieldId);
        lastFieldId = 0;
    }

    private void FieldHeader(short id, ThriftType type)
    {
        var delta = id - lastFieldId;
        if (delta is > 0 and <= 15)
            buffer.WriteByte((byte)((delta << 4) | (byte)type));
        else
        {
            buffer.WriteByte((byte)type);
            ZigZag(id);
        }
        lastFieldId = id;
    }

    private void ZigZag(long value) => buffer.WriteVarint((ulong)((value << 1) ^ (value >> 63)));
}

/// <summary>The compact protocol's type nibbles.</summary>
internal enum ThriftType : byte
{
    BooleanTrue = 1,
    BooleanFalse = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12,
}
