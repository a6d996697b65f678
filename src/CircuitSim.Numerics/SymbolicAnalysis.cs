namespace CircuitSim.Numerics;

/// <summary>
/// The pattern-only part of the factorization, computed once per pattern: which column is eliminated at each step and
/// which row is expected to supply its pivot.
/// </summary>
internal sealed class SymbolicAnalysis
{
    private SymbolicAnalysis(int[] columnOrder, int[] preferredRow, long estimatedFactorNonZeros)
    {
        ColumnOrder = columnOrder;
        PreferredRow = preferredRow;
        EstimatedFactorNonZeros = estimatedFactorNonZeros;
    }

    /// <summary>ColumnOrder[k] is the original column eliminated at step k.</summary>
    public int[] ColumnOrder { get; }

    /// <summary>
    /// PreferredRow[k] is the transversal's row for ColumnOrder[k]: a structural nonzero that the ordering treated as
    /// the diagonal. Threshold pivoting keeps it whenever it is numerically acceptable, so the planned sparsity survives.
    /// </summary>
    public int[] PreferredRow { get; }

    /// <summary>Entries of L plus U expected if every preferred pivot is accepted; used to size factor storage.</summary>
    public long EstimatedFactorNonZeros { get; }

    /// <summary>Finds a zero-free diagonal, then orders the symmetrized pattern for low fill.</summary>
    /// <exception cref="SingularMatrixException">The pattern is structurally singular.</exception>
    public static SymbolicAnalysis Analyze(SparsityPattern pattern)
    {
        int n = pattern.Size;
        int[] rowOfColumn = MaximumTransversal.Find(pattern);
        ThrowIfStructurallySingular(pattern, rowOfColumn);

        var columnOfRow = new int[n];
        for (int c = 0; c < n; c++) columnOfRow[rowOfColumn[c]] = c;
        var graph = AdjacencyGraph.OfSymmetrizedPattern(pattern, columnOfRow);
        var ordering = ApproximateMinimumDegree.Order(graph);

        var preferredRow = new int[n];
        for (int k = 0; k < n; k++) preferredRow[k] = rowOfColumn[ordering.Order[k]];
        return new SymbolicAnalysis(ordering.Order, preferredRow, 2 * ordering.CholeskyNonZeros + n);
    }

    /// <summary>
    /// A deficient transversal leaves as many rows as columns unpaired, and any of them could be blamed. An empty row or
    /// column is the unambiguous culprit (e.g. a node nothing is connected to), so it is named first; otherwise the first
    /// unpaired column is named. Columns are paired in index order, so among unknowns competing for too few rows (e.g.
    /// two voltage sources in parallel to ground) the later-numbered one is left over.
    /// </summary>
    private static void ThrowIfStructurallySingular(SparsityPattern pattern, int[] rowOfColumn)
    {
        int n = pattern.Size;
        int firstUnpaired = Array.IndexOf(rowOfColumn, -1);
        if (firstUnpaired < 0) return;

        var rowHasEntries = new bool[n];
        foreach (int r in pattern.RowIndex) rowHasEntries[r] = true;
        int emptyRow = Array.IndexOf(rowHasEntries, false);
        if (emptyRow >= 0)
            throw new SingularMatrixException(emptyRow, structural: true, $"The matrix is structurally singular: row {emptyRow} has no entries.");

        for (int c = 0; c < n; c++)
        {
            if (pattern.ColumnStart[c] == pattern.ColumnStart[c + 1])
                throw new SingularMatrixException(c, structural: true, $"The matrix is structurally singular: column {c} has no entries.");
        }

        throw new SingularMatrixException(firstUnpaired, structural: true,
            $"The matrix is structurally singular: column {firstUnpaired} cannot be given a pivot row distinct from those of the other columns.");
    }
}
