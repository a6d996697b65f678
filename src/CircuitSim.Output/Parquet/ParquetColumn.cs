namespace CircuitSim.Output.Parquet;

/// <summary>
/// One column of a flat Parquet table: its name, types, whether it may hold nulls (OPTIONAL) or not (REQUIRED), and
/// its values, one per row. Made by <see cref="Required(string, IReadOnlyList{double})"/> and
/// <see cref="Optional(string, IReadOnlyList{double?})"/> and their overloads; the values are copied.
/// </summary>
public abstract class ParquetColumn
{
    private protected ParquetColumn(string name, ParquetPhysicalType physicalType, ParquetLogicalType logicalType, bool[]? present, int rowCount)
    {
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("a Parquet column needs a name", nameof(name));
        Name = name;
        PhysicalType = physicalType;
        LogicalType = logicalType;
        Present = present;
        RowCount = rowCount;
    }

    public string Name { get; }
    public ParquetPhysicalType PhysicalType { get; }
    public ParquetLogicalType LogicalType { get; }
    /// <summary>OPTIONAL (nulls allowed) rather than REQUIRED.</summary>
    public bool IsOptional => Present is not null;
    public int RowCount { get; }

    /// <summary>Per row, whether it has a value; null for a REQUIRED column.</summary>
    internal bool[]? Present { get; }

    internal int NullCount(int start, int count) =>
        Present is null ? 0 : count - Present.AsSpan(start, count).Count(true);

    /// <summary>PLAIN-encodes the values (nulls skipped) of rows <paramref name="start"/> … start + count − 1.</summary>
    internal abstract void WriteValues(PlainEncoder encoder, int start, int count);

    public static ParquetColumn Required(string name, IReadOnlyList<double> values) =>
        Make(name, ParquetPhysicalType.Double, values, static (e, v) => e.Write(v));

    public static ParquetColumn Required(string name, IReadOnlyList<long> values) =>
        Make(name, ParquetPhysicalType.Int64, values, static (e, v) => e.Write(v));

    public static ParquetColumn Required(string name, IReadOnlyList<ulong> values) =>
        Make(name, ParquetPhysicalType.Int64, values, static (e, v) => e.Write(v), ParquetLogicalType.UnsignedInt64);

    public static ParquetColumn Required(string name, IReadOnlyList<int> values) =>
        Make(name, ParquetPhysicalType.Int32, values, static (e, v) => e.Write(v));

    public static ParquetColumn Required(string name, IReadOnlyList<bool> values) =>
        Make(name, ParquetPhysicalType.Boolean, values, static (e, v) => e.Write(v));

    /// <summary>UTF-8 text; a null value is refused (use <see cref="Optional(string, IReadOnlyList{string?})"/>).</summary>
    public static ParquetColumn Required(string name, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
            if (values[i] is null)
                throw new ArgumentException($"Parquet column '{name}' is REQUIRED but row {i} is null", nameof(values));
        return Make(name, ParquetPhysicalType.ByteArray, values, static (e, v) => e.Write(v), ParquetLogicalType.String);
    }

    public static ParquetColumn Optional(string name, IReadOnlyList<double?> values) =>
        MakeOptional(name, ParquetPhysicalType.Double, values, static (e, v) => e.Write(v));

    public static ParquetColumn Optional(string name, IReadOnlyList<long?> values) =>
        MakeOptional(name, ParquetPhysicalType.Int64, values, static (e, v) => e.Write(v));

    public static ParquetColumn Optional(string name, IReadOnlyList<ulong?> values) =>
        MakeOptional(name, ParquetPhysicalType.Int64, values, static (e, v) => e.Write(v), ParquetLogicalType.UnsignedInt64);

    public static ParquetColumn Optional(string name, IReadOnlyList<int?> values) =>
        MakeOptional(name, ParquetPhysicalType.Int32, values, static (e, v) => e.Write(v));

    public static ParquetColumn Optional(string name, IReadOnlyList<bool?> values) =>
        MakeOptional(name, ParquetPhysicalType.Boolean, values, static (e, v) => e.Write(v));

    /// <summary>UTF-8 text; null is a null, "" an empty string.</summary>
    public static ParquetColumn Optional(string name, IReadOnlyList<string?> values)
    {
        var present = new bool[values.Count];
        var stored = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            present[i] = values[i] is not null;
            stored[i] = values[i] ?? "";
        }
        return new Column<string>(name, ParquetPhysicalType.ByteArray, ParquetLogicalType.String, stored, present, static (e, v) => e.Write(v));
    }

    private static Column<T> Make<T>(string name, ParquetPhysicalType type, IReadOnlyList<T> values, Action<PlainEncoder, T> write,
        ParquetLogicalType logical = ParquetLogicalType.None) =>
        new(name, type, logical, values.ToArray(), null, write);

    private static Column<T> MakeOptional<T>(string name, ParquetPhysicalType type, IReadOnlyList<T?> values, Action<PlainEncoder, T> write,
        ParquetLogicalType logical = ParquetLogicalType.None) where T : struct
    {
        var present = new bool[values.Count];
        var stored = new T[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            present[i] = values[i].HasValue;
            stored[i] = values[i].GetValueOrDefault();
        }
        return new(name, type, logical, stored, present, write);
    }

    private sealed class Column<T>(
        string name, ParquetPhysicalType type, ParquetLogicalType logical, T[] values, bool[]? present, Action<PlainEncoder, T> write)
        : ParquetColumn(name, type, logical, present, values.Length)
    {
        internal override void WriteValues(PlainEncoder encoder, int start, int count)
        {
            for (var row = start; row < start + count; row++)
                if (Present is null || Present[row])
                    write(encoder, values[row]);
            encoder.Complete();
        }
    }
}
