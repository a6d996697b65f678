using CircuitSim.Output.Parquet;
using CircuitSim.Output.Tests.Support;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

namespace CircuitSim.Output.Tests.Parquet;

/// <summary>
/// Tables written by <see cref="ParquetTableWriter"/> and read back by Parquet.Net, an independent reader: schema, values and
/// nulls must come back exactly (doubles bit for bit).
/// </summary>
public class ParquetRoundTripTests
{
    private static readonly double?[] Doubles =
        { 0.0, -0.0, 1.5, null, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, -1e-300, null, 1.0 / 3, 2.5e-9 };
    private static readonly long?[] Longs = { 0, -1, long.MinValue, null, long.MaxValue, 1L << 40, null, 7, -7, 1, 2, 3, 4 };
    private static readonly ulong?[] ULongs = { 0, 1, ulong.MaxValue, null, 1UL << 63, 12345678901234567890, null, 7, 8, 9, 10, 11, 12 };
    private static readonly int?[] Ints = { 0, -1, int.MinValue, null, int.MaxValue, 42, null, 1, 2, 3, 4, 5, 6 };
    private static readonly bool?[] Bools = { true, false, true, null, true, true, null, false, false, true, false, true, true };
    private static readonly string?[] Strings = { "ok", "", "Ω µA °C", null, "日本語", "🙂 outside the BMP", null, "a,b \"c\"\nd", "x", "", "y", "z", "end" };

    private static ParquetColumn[] EveryKind() =>
    [
        ParquetColumn.Required("double", Doubles.Select(v => v ?? 99.0).ToArray()),
        ParquetColumn.Optional("double?", Doubles),
        ParquetColumn.Required("long", Longs.Select(v => v ?? 99L).ToArray()),
        ParquetColumn.Optional("long?", Longs),
        ParquetColumn.Required("ulong", ULongs.Select(v => v ?? 99UL).ToArray()),
        ParquetColumn.Optional("ulong?", ULongs),
        ParquetColumn.Required("int", Ints.Select(v => v ?? 99).ToArray()),
        ParquetColumn.Optional("int?", Ints),
        ParquetColumn.Required("bool", Bools.Select(v => v ?? false).ToArray()),
        ParquetColumn.Optional("bool?", Bools),
        ParquetColumn.Required("string", Strings.Select(v => v ?? "-").ToArray()),
        ParquetColumn.Optional("string?", Strings),
    ];

    [Fact]
    public void Columns_OfEveryKind_ReadBackWithTheirValuesAndNulls()
    {
        var table = ParquetReadBack.Read(ParquetReadBack.Write(EveryKind()));
        Assert.Equal(Doubles.Select(v => v ?? 99.0).Select(Bits), table.Columns["double"].Select(v => Bits((double)v!)));
        Assert.Equal(Doubles.Select(v => v is { } x ? Bits(x) : (long?)null), table.Columns["double?"].Select(v => v is double x ? Bits(x) : (long?)null));
        Assert.Equal(Longs.Select(v => (object?)(v ?? 99L)), table.Columns["long"]);
        Assert.Equal(Longs.Select(v => (object?)v), table.Columns["long?"]);
        Assert.Equal(ULongs.Select(v => (object?)(v ?? 99UL)), table.Columns["ulong"]);
        Assert.Equal(ULongs.Select(v => (object?)v), table.Columns["ulong?"]);
        Assert.Equal(Ints.Select(v => (object?)(v ?? 99)), table.Columns["int"]);
        Assert.Equal(Ints.Select(v => (object?)v), table.Columns["int?"]);
        Assert.Equal(Bools.Select(v => (object?)(v ?? false)), table.Columns["bool"]);
        Assert.Equal(Bools.Select(v => (object?)v), table.Columns["bool?"]);
        Assert.Equal(Strings.Select(v => (object?)(v ?? "-")), table.Columns["string"]);
        Assert.Equal(Strings.Select(v => (object?)v), table.Columns["string?"]);
    }

    [Fact]
    public void Schema_DeclaresEachColumnsPhysicalTypeLogicalTypeAndRepetition()
    {
        var table = ParquetReadBack.Read(ParquetReadBack.Write(EveryKind()));
        Assert.Equal(EveryKind().Select(c => c.Name), table.Fields.Select(f => f.Name));
        (string Name, PhysicalType Type)[] physical =
        [
            ("double", PhysicalType.DOUBLE), ("long", PhysicalType.INT64), ("ulong", PhysicalType.INT64),
            ("int", PhysicalType.INT32), ("bool", PhysicalType.BOOLEAN), ("string", PhysicalType.BYTE_ARRAY),
        ];
        foreach (var (name, type) in physical)
        {
            Assert.Equal(type, table.Schema(name).Type);
            Assert.Equal(type, table.Schema(name + "?").Type);
            Assert.Equal(FieldRepetitionType.REQUIRED, table.Schema(name).RepetitionType);
            Assert.Equal(FieldRepetitionType.OPTIONAL, table.Schema(name + "?").RepetitionType);
        }
        foreach (var name in new[] { "string", "string?" })
        {
            Assert.NotNull(table.Schema(name).LogicalType?.STRING);
            Assert.Equal(ConvertedType.UTF8, table.Schema(name).ConvertedType);
        }
        foreach (var name in new[] { "ulong", "ulong?" })
        {
            Assert.Equal((sbyte)64, table.Schema(name).LogicalType!.INTEGER!.BitWidth);
            Assert.False(table.Schema(name).LogicalType!.INTEGER!.IsSigned);
            Assert.Equal(ConvertedType.UINT_64, table.Schema(name).ConvertedType);
        }
        foreach (var name in new[] { "double", "long", "int", "bool" })
            Assert.Null(table.Schema(name).LogicalType);
        // Parquet.Net 6 hands out text as ReadOnlyMemory<char>
        Assert.Equal(
            new[] { typeof(double), typeof(double), typeof(long), typeof(long), typeof(ulong), typeof(ulong), typeof(int), typeof(int), typeof(bool), typeof(bool), typeof(ReadOnlyMemory<char>), typeof(ReadOnlyMemory<char>) },
            table.Fields.Select(f => f.ClrType));
    }

    public static TheoryData<string, int> NullPatterns => new()
    {
        { "none", 20 }, { "all", 20 }, { "alternating", 21 }, { "runs of 3", 50 }, { "runs of 20", 100 }, { "last only", 17 },
        { "first only", 9 }, { "alternating", 1 }, { "alternating", 7 }, { "alternating", 8 }, { "random", 1000 },
    };

    [Theory]
    [MemberData(nameof(NullPatterns))]
    public void Nulls_ComeBackAtTheirRows_WhateverTheirPattern(string pattern, int rows)
    {
        var random = new Random(17);
        var values = Enumerable.Range(0, rows).Select(i => pattern switch
        {
            "none" => false,
            "all" => true,
            "alternating" => i % 2 == 1,
            "runs of 3" => i / 3 % 2 == 1,
            "runs of 20" => i / 20 % 2 == 0,
            "last only" => i == rows - 1,
            "first only" => i == 0,
            _ => random.Next(3) == 0,
        } ? (double?)null : i + 0.25).ToArray();
        var table = ParquetReadBack.Read(ParquetReadBack.Write([ParquetColumn.Optional("x", values)]));
        Assert.Equal(values.Select(v => (object?)v), table.Columns["x"]);
    }

    [Fact]
    public void Strings_KeepEmptyTextUnicodeAndLongText()
    {
        string?[] text = { "", null, "Ω", new string('λ', 100_000), "a\u0000b", "🙂🙃", " ", null, "" };
        var table = ParquetReadBack.Read(ParquetReadBack.Write([ParquetColumn.Optional("text", text)]));
        Assert.Equal(text, table.Columns["text"].Cast<string?>());
    }

    [Fact]
    public void ZeroRows_GiveTheSchemaAndNoRowGroup()
    {
        var table = ParquetReadBack.Read(ParquetReadBack.Write(
            [ParquetColumn.Required("a", Array.Empty<int>()), ParquetColumn.Optional("b", Array.Empty<string?>())]));
        Assert.Equal(new[] { "a", "b" }, table.Fields.Select(f => f.Name));
        Assert.Empty(table.Metadata.RowGroups);
        Assert.Equal(0, table.Metadata.NumRows);
        Assert.Empty(table.Columns["a"]);
    }

    [Fact]
    public void ManyRows_SpreadOverPagesAndRowGroups_ReadBackInOrder()
    {
        const int rows = 100_003;
        var random = new Random(5);
        var x = Enumerable.Range(0, rows).Select(_ => random.Next(10) == 0 ? (double?)null : random.NextDouble()).ToArray();
        var n = Enumerable.Range(0, rows).Select(i => (long)i * 3).ToArray();
        var s = Enumerable.Range(0, rows).Select(i => i % 7 == 0 ? null : "row " + i).ToArray();
        var file = ParquetReadBack.Write(
            [ParquetColumn.Optional("x", x), ParquetColumn.Required("n", n), ParquetColumn.Optional("s", s)],
            new ParquetWriteOptions { RowGroupRows = 30_000, PageRows = 1_000 });
        var table = ParquetReadBack.Read(file);
        Assert.Equal(new long[] { 30_000, 30_000, 30_000, 10_003 }, table.Metadata.RowGroups.Select(g => g.NumRows));
        Assert.Equal(rows, table.Metadata.NumRows);
        Assert.Equal(x.Select(v => (object?)v), table.Columns["x"]);
        Assert.Equal(n.Select(v => (object?)v), table.Columns["n"]);
        Assert.Equal(s, table.Columns["s"].Cast<string?>());
    }

    [Fact]
    public void NullCount_IsInEachColumnChunksStatistics()
    {
        var table = ParquetReadBack.Read(ParquetReadBack.Write(
            [ParquetColumn.Optional("x", new double?[] { 1, null, null, 4, null }), ParquetColumn.Required("n", new[] { 1, 2, 3, 4, 5 })],
            new ParquetWriteOptions { RowGroupRows = 3 }));
        Assert.Equal(new long?[] { 2, 1 }, table.Metadata.RowGroups.Select(g => g.Columns[0].MetaData!.Statistics!.NullCount));
        Assert.Equal(new long?[] { 0, 0 }, table.Metadata.RowGroups.Select(g => g.Columns[1].MetaData!.Statistics!.NullCount));
    }

    [Fact]
    public void ColumnChunks_DeclarePlainUncompressedValues()
    {
        var table = ParquetReadBack.Read(ParquetReadBack.Write([ParquetColumn.Optional("x", new double?[] { 1, null })]));
        var chunk = table.Metadata.RowGroups.Single().Columns.Single().MetaData!;
        Assert.Equal(CompressionCodec.UNCOMPRESSED, chunk.Codec);
        Assert.Contains(Encoding.PLAIN, chunk.Encodings);
        Assert.Equal(new[] { "x" }, chunk.PathInSchema);
        Assert.Equal(2, chunk.NumValues);
    }

    [Fact]
    public void Columns_OfDifferentLengths_AreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ParquetReadBack.Write([ParquetColumn.Required("a", new[] { 1, 2 }), ParquetColumn.Required("b", new[] { 1.0 })]));
        Assert.Contains("'b' has 1 rows, 'a' has 2", e.Message);
    }

    [Fact]
    public void TwoColumnsWithOneName_AreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ParquetReadBack.Write([ParquetColumn.Required("a", new[] { 1 }), ParquetColumn.Required("a", new[] { 1.0 })]));
        Assert.Contains("two Parquet columns are named 'a'", e.Message);
    }

    [Fact]
    public void NullInARequiredStringColumn_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => ParquetColumn.Required("s", new string[] { "a", null! }));
        Assert.Contains("'s' is REQUIRED but row 1 is null", e.Message);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
