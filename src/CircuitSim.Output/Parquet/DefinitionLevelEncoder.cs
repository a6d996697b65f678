using System.Buffers;
using System.Buffers.Binary;

namespace CircuitSim.Output.Parquet;

/// <summary>
/// Definition levels of a flat OPTIONAL column (1 = value present, 0 = null; bit width 1) in the RLE/bit-packed
/// hybrid of a v1 data page: a 4-byte little-endian length, then runs. A run of 8 or more equal levels is an RLE run
/// (varint header <c>count &lt;&lt; 1</c>, then the level in one byte); shorter stretches go in bit-packed runs (varint
/// header <c>groups &lt;&lt; 1 | 1</c>, then one byte per group of 8 levels, least significant bit first). Only the
/// last group of a page may be padded: the reader stops at the page's value count.
/// </summary>
internal static class DefinitionLevelEncoder
{
    private const int Group = 8;

    public static void Write(IBufferWriter<byte> page, ReadOnlySpan<bool> present)
    {
        var runs = new ArrayBufferWriter<byte>();
        var i = 0;
        while (i < present.Length)
        {
            var run = RunLength(present, i);
            if (run >= Group)
            {
                runs.WriteVarint((ulong)run << 1);
                runs.WriteByte(present[i] ? (byte)1 : (byte)0);
                i += run;
                continue;
            }
            // bit-packed groups until a group starts a run long enough for RLE, or the levels end
            var start = i;
            var groups = 0;
            do
            {
                groups++;
                i += Group;
            }
            while (i < present.Length && RunLength(present, i) < Group);
            runs.WriteVarint(((ulong)groups << 1) | 1);
            for (var k = start; k < start + groups * Group; k += Group)
                runs.WriteByte(Pack(present, k));
        }
        BinaryPrimitives.WriteInt32LittleEndian(page.GetSpan(4), runs.WrittenCount);
        page.Advance(4);
        page.Write(runs.WrittenSpan);
    }

    /// <summary>Levels k … k+7 in one byte, the first in the least significant bit; past the end, zeros.</summary>
    private static byte Pack(ReadOnlySpan<bool> present, int k)
    {
        byte packed = 0;
        for (var b = 0; b < Group && k + b < present.Length; b++)
            if (present[k + b])
                packed |= (byte)(1 << b);
        return packed;
    }

    private static int RunLength(ReadOnlySpan<bool> levels, int start)
    {
        var end = start + 1;
        while (end < levels.Length && levels[end] == levels[start])
            end++;
        return end - start;
    }
}
