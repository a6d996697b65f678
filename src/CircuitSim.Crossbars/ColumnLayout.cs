namespace CircuitSim.Crossbars;

/// <summary>
/// Logical columns (the outputs of the VMM) and the physical columns that carry them: one each (single-ended), or a
/// pair whose current difference is the output (differential: physical 2j−1 holds the positive part of logical j,
/// physical 2j the negative part; 1-based).
/// </summary>
public sealed record ColumnLayout(int LogicalColumns, bool Differential)
{
    public int PhysicalColumns => Differential ? 2 * LogicalColumns : LogicalColumns;

    /// <summary>The physical column (1-based) carrying the positive part of logical column <paramref name="j"/> (1-based).</summary>
    public int Plus(int j) => Differential ? 2 * j - 1 : j;

    /// <summary>The physical column carrying the negative part, or null when single-ended.</summary>
    public int? Minus(int j) => Differential ? 2 * j : null;
}
