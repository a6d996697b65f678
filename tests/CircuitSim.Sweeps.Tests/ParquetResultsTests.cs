using System.Globalization;
using CircuitSim.Output.Tests.Support;
using Parquet.Meta;

namespace CircuitSim.Sweeps.Tests;

/// <summary>results.parquet, read back by Parquet.Net, holds the same table as results.csv, typed, plus the timing.</summary>
public class ParquetResultsTests
{
    /// <summary>Runs × a stepped load (0 Ω fails) × two temperatures; one measurement never has a value.</summary>
    private const string Everything = """
        divider: runs, a stepped load, temperatures, a failing point
        V1 in 0 DC 1
        R1 in out {rl*exp(agauss(0, 0.05, 1))}
        R2 out 0 1k
        .param rl=1k
        .step param rl list 1k 0 2k
        .temp 27 85
        .dc V1 1 1 1
        .meas dc vout find v(out) at=1
        .meas dc never find v(out) when v(out)=5
        .end
        """;

    // a seed above long.MaxValue: the column must be unsigned to read back as the CSV's number
    private static readonly PlanRequest Request = new() { Runs = 2, Seed = 18_446_744_073_709_551_557UL, Vectors = ["v(out)"] };

    private static (SweepFolder Folder, ParquetReadBack Table) MergedWithOnePointMissing()
    {
        var f = new SweepFolder(Everything, Request);
        f.Run(points: Enumerable.Range(0, f.Plan.Points.Count).Where(i => i != 5));
        SweepMerger.Merge(f.Directory, charts: false);
        return (f, ParquetReadBack.Read(File.ReadAllBytes(Path.Combine(f.Directory.Path, "results.parquet"))));
    }

    [Fact]
    public void Parquet_ReadsBackToTheSameTableAsTheCsv()
    {
        var (f, table) = MergedWithOnePointMissing();
        using var _ = f;
        var names = table.Fields.Select(x => x.Name).Where(n => n is not ("wall_s" or "host" or "executor")).ToList();
        var rows = Enumerable.Range(0, table.Columns["point"].Length)
            .Select(i => string.Join(',', names.Select(n => Cell(table.Columns[n][i]))) + "\n");
        var csv = string.Join(',', names.Select(ResultTable.Quote)) + "\n" + string.Concat(rows);
        Assert.Equal(f.Csv, csv);
        // the table really holds what is to be compared: every kind of row is there
        Assert.Equal(12, table.Columns["point"].Length);
        Assert.Contains("failed", table.Columns["status"]);
        Assert.Contains("missing", table.Columns["status"]);
        Assert.Contains(table.Columns["error"], e => e is string s && s.StartsWith("never: "));
        Assert.Contains(table.Columns["vout"], v => v is double);
    }

    [Fact]
    public void Parquet_HoldsTheTimingOfEachPointThatRan_AndNullsForTheMissingOne()
    {
        var (f, table) = MergedWithOnePointMissing();
        using var _ = f;
        var timing = File.ReadAllLines(Path.Combine(f.Directory.Path, "timing.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture));
        Assert.Equal(11, timing.Count);
        for (var i = 0; i < 12; i++)
        {
            var point = (int)table.Columns["point"][i]!;
            object?[] parquet = [table.Columns["wall_s"][i], table.Columns["host"][i], table.Columns["executor"][i]];
            if (timing.TryGetValue(point, out var t))
                Assert.Equal(new object?[] { double.Parse(t[1], CultureInfo.InvariantCulture), t[2], t[3] }, parquet);
            else
                Assert.Equal(new object?[] { null, null, null }, parquet);
        }
    }

    [Fact]
    public void Parquet_TypesEachColumn()
    {
        var (f, table) = MergedWithOnePointMissing();
        using var _ = f;
        (string Name, Parquet.Meta.Type Type, FieldRepetitionType Repetition)[] expected =
        [
            ("point", Parquet.Meta.Type.INT32, FieldRepetitionType.REQUIRED),
            ("run", Parquet.Meta.Type.INT64, FieldRepetitionType.OPTIONAL),
            ("seed", Parquet.Meta.Type.INT64, FieldRepetitionType.REQUIRED),
            ("temperature", Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL),
            ("rl", Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL),
            ("status", Parquet.Meta.Type.BYTE_ARRAY, FieldRepetitionType.REQUIRED),
            ("vout", Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL),
            ("never", Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL),
            ("v(out)", Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL),
            ("error", Parquet.Meta.Type.BYTE_ARRAY, FieldRepetitionType.OPTIONAL),
            ("wall_s", Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL),
            ("host", Parquet.Meta.Type.BYTE_ARRAY, FieldRepetitionType.OPTIONAL),
            ("executor", Parquet.Meta.Type.BYTE_ARRAY, FieldRepetitionType.OPTIONAL),
        ];
        Assert.Equal(expected, table.Metadata.Schema.Skip(1).Select(e => (e.Name, e.Type!.Value, e.RepetitionType!.Value)));
        Assert.False(table.Schema("seed").LogicalType!.INTEGER!.IsSigned);
        Assert.All(new[] { "status", "error", "host", "executor" }, n => Assert.NotNull(table.Schema(n).LogicalType!.STRING));
    }

    /// <summary>A value as results.csv writes it: numbers in shortest round-trip form, text quoted when needed, null empty.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => ResultTable.Number(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        string s => ResultTable.Quote(s),
        _ => throw new NotSupportedException(value.GetType().Name),
    };
}
