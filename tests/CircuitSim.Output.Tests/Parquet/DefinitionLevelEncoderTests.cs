using System.Buffers;
using CircuitSim.Output.Parquet;

namespace CircuitSim.Output.Tests.Parquet;

/// <summary>
/// Definition levels (bit width 1) in the RLE/bit-packed hybrid, bytes derived by hand from Parquet's Encodings.md:
/// 4-byte length; RLE run = varint(count &lt;&lt; 1), level byte; bit-packed run = varint(groups &lt;&lt; 1 | 1), one
/// byte per 8 levels, first level in the least significant bit.
/// </summary>
public class DefinitionLevelEncoderTests
{
    private static byte[] Encode(string levels)
    {
        var buffer = new ArrayBufferWriter<byte>();
        DefinitionLevelEncoder.Write(buffer, levels.Select(c => c == '1').ToArray());
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void RunOfEightOrMore_IsOneRleRun()
    {
        Assert.Equal(new byte[] { 2, 0, 0, 0, 0x14, 0x01 }, Encode("1111111111")); // 10 << 1 = 20
    }

    [Fact]
    public void LongRleRun_HasAMultiByteVarintCount()
    {
        Assert.Equal(new byte[] { 3, 0, 0, 0, 0xD0, 0x0F, 0x00 }, Encode(new string('0', 1000))); // 2000 = 0x7D0
    }

    [Fact]
    public void ShortStretches_AreBitPacked_FirstLevelInTheLowestBit()
    {
        Assert.Equal(new byte[] { 2, 0, 0, 0, 0x03, 0x55 }, Encode("10101010"));
    }

    [Fact]
    public void LastBitPackedGroup_IsPaddedWithZeros()
    {
        Assert.Equal(new byte[] { 2, 0, 0, 0, 0x03, 0x05 }, Encode("101"));
    }

    [Fact]
    public void BitPackedRun_EndsWhereAGroupStartsARunOfEight()
    {
        // group 10101010, then 16 ones (RLE 16 << 1 = 0x20), then 010 packed and padded
        Assert.Equal(new byte[] { 6, 0, 0, 0, 0x03, 0x55, 0x20, 0x01, 0x03, 0x02 }, Encode("10101010" + new string('1', 16) + "010"));
    }

    [Fact]
    public void RunStartingInsideAGroup_FinishesTheGroupBitPackedThenGoesRle()
    {
        // 0 then twenty 1s: first group 01111111 (0xFE), then the 13 ones left as RLE (13 << 1 = 0x1A)
        Assert.Equal(new byte[] { 4, 0, 0, 0, 0x03, 0xFE, 0x1A, 0x01 }, Encode("0" + new string('1', 20)));
    }

    [Fact]
    public void SeveralGroups_ShareOneBitPackedRun()
    {
        // 24 alternating levels: three groups in one run (3 << 1 | 1 = 7)
        Assert.Equal(new byte[] { 4, 0, 0, 0, 0x07, 0x55, 0x55, 0x55 }, Encode(string.Concat(Enumerable.Repeat("10", 12))));
    }
}
