using System.Numerics;
using System.Runtime.CompilerServices;

namespace CircuitSim.Numerics;

/// <summary>
/// Left-looking LU with threshold partial pivoting (Gilbert and Peierls, 1988): column k of L and U is the solution of a
/// sparse triangular system L·x = A(:, Q[k]) with the columns factored so far. Its nonzero pattern is the set of rows
/// reachable from A(:, Q[k])'s rows in the graph of L, found by depth-first search, whose reverse post-order is also an
/// order in which the columns of L can be applied. Work is therefore proportional to the arithmetic, not to n.
/// </summary>
/// <remarks>
/// <para>
/// The search uses symmetric pruning (Eisenstat and Liu): once column k depends on column j (U(j, k) ≠ 0) and k's pivot
/// row also appears in L(:, j), every row of L(:, j) not yet pivotal at step k is reachable through k as well, so later
/// searches need to follow only the rows of L(:, j) that were already pivotal. For circuit and mesh matrices, whose
/// patterns are nearly symmetric, this removes most of the search cost.
/// </para>
/// <para>
/// During the factorization rows are still in original numbering (a row's pivot step is unknown until it is chosen);
/// L's row indices are renumbered to pivot steps at the end. Workspace is allocated once and reused by later full
/// factorizations; factor storage grows geometrically when the pattern turns out larger than estimated.
/// </para>
/// <para>
/// The loops are compiled fully optimized from the start (AggressiveOptimization): a factorization runs long loops in
/// few calls, which tiered compilation would execute as on-stack-replacement code, measured about 30% slower.
/// </para>
/// </remarks>
internal sealed class PivotingFactorization<T, TMagnitude>
    where T : struct, INumberBase<T>
    where TMagnitude : struct, IScalarMagnitude<T>
{
    private readonly SparsityPattern pattern;
    private readonly SymbolicAnalysis symbolic;
    private readonly PivotThreshold threshold;

    /// <summary>Dense accumulator for the current column, indexed by original row; all zero between columns.</summary>
    private readonly T[] x;

    /// <summary>The step that last reached each original row, so each row is visited once per column.</summary>
    private readonly int[] visitedAt;

    /// <summary>Rows not yet pivotal that the current column reaches: its pivot candidates and the pattern of L(:, k).</summary>
    private readonly int[] candidates;

    /// <summary>Pivotal steps the current column depends on, in topological order from index <c>top</c> to the end.</summary>
    private readonly int[] reach;

    // Explicit depth-first search stack: the row at each depth and the next L entry to explore below it.
    private readonly int[] stackRow;
    private readonly int[] stackNext;

    /// <summary>The search follows L(:, j) only up to prunedEnd[j]; entries beyond it are reachable another way.</summary>
    private readonly int[] prunedEnd;
    private readonly bool[] pruned;

    // The row each future step would prefer as pivot, and its inverse; updated when another row is chosen instead.
    private readonly int[] preferredRow;
    private readonly int[] preferredStep;

    public PivotingFactorization(SparsityPattern pattern, SymbolicAnalysis symbolic, PivotThreshold threshold)
    {
        this.pattern = pattern;
        this.symbolic = symbolic;
        this.threshold = threshold;
        int n = pattern.Size;
        x = new T[n];
        visitedAt = new int[n];
        candidates = new int[n];
        reach = new int[n];
        stackRow = new int[n];
        stackNext = new int[n];
        prunedEnd = new int[n];
        pruned = new bool[n];
        preferredRow = new int[n];
        preferredStep = new int[n];
    }

    /// <summary>Factors the matrix into <paramref name="factors"/>, choosing new pivots.</summary>
    /// <exception cref="SingularMatrixException">A column has no nonzero pivot candidate.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor(ReadOnlySpan<T> values, LUFactors<T> factors)
    {
        int n = pattern.Size;
        Array.Fill(visitedAt, -1);
        Array.Fill(factors.StepOfRow, -1);
        Array.Clear(pruned);
        symbolic.PreferredRow.CopyTo(preferredRow, 0);
        for (int k = 0; k < n; k++) preferredStep[preferredRow[k]] = k;
        long estimate = Math.Min(symbolic.EstimatedFactorNonZeros / 2, (long)n * n);
        factors.EnsureLCapacity(0, estimate);
        factors.EnsureUCapacity(0, estimate);

        int lUsed = 0, uUsed = 0;
        for (int k = 0; k < n; k++)
        {
            int column = symbolic.ColumnOrder[k];
            factors.ColumnAtStep[k] = column;
            int top = FindReach(k, column, factors, out int candidateCount);

            for (int p = pattern.ColumnStart[column]; p < pattern.ColumnStart[column + 1]; p++)
            {
                x[pattern.RowIndex[p]] = values[pattern.Handle[p]];
            }

            factors.EnsureUCapacity(uUsed, (long)uUsed + n - top);
            uUsed = ComputeUColumn(top, factors, uUsed);
            factors.UStart[k + 1] = uUsed;

            int pivotRow = ChoosePivot(k, candidateCount, factors);
            if (pivotRow < 0)
            {
                for (int i = 0; i < candidateCount; i++) x[candidates[i]] = T.Zero;
                throw new SingularMatrixException(column, structural: false,
                    $"The matrix is numerically singular: column {column} has no nonzero pivot candidate.");
            }

            factors.EnsureLCapacity(lUsed, (long)lUsed + candidateCount - 1);
            lUsed = StoreLColumn(k, pivotRow, candidateCount, factors, lUsed);
            factors.LStart[k + 1] = lUsed;
            prunedEnd[k] = lUsed;
            Prune(k, pivotRow, factors);
        }

        int[] lIndex = factors.LIndex;
        for (int p = 0; p < lUsed; p++) lIndex[p] = factors.StepOfRow[lIndex[p]];
        factors.MapMatrixEntries(pattern);
    }

    /// <summary>Depth-first search from the rows of A(:, column) through the columns of L computed so far.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindReach(int k, int column, LUFactors<T> factors, out int candidateCount)
    {
        int top = reach.Length;
        candidateCount = 0;
        for (int p = pattern.ColumnStart[column]; p < pattern.ColumnStart[column + 1]; p++)
        {
            int row = pattern.RowIndex[p];
            if (visitedAt[row] == k) continue;
            visitedAt[row] = k;
            if (factors.StepOfRow[row] < 0) candidates[candidateCount++] = row;
            else top = SearchFrom(row, k, top, factors, ref candidateCount);
        }

        return top;
    }

    /// <summary>
    /// Iterative depth-first search from one pivotal row: not-yet-pivotal rows met on the way become candidates, and
    /// every pivotal step is pushed onto the reach (growing downwards from <paramref name="top"/>) once all it leads to is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SearchFrom(int root, int k, int top, LUFactors<T> factors, ref int candidateCount)
    {
        int[] lStart = factors.LStart, lIndex = factors.LIndex, stepOfRow = factors.StepOfRow;
        int depth = 0;
        stackRow[0] = root;
        stackNext[0] = lStart[stepOfRow[root]];
        while (depth >= 0)
        {
            int step = stepOfRow[stackRow[depth]];
            int p = stackNext[depth], end = prunedEnd[step];
            int child = -1;
            while (p < end)
            {
                int row = lIndex[p++];
                if (visitedAt[row] == k) continue;
                visitedAt[row] = k;
                if (stepOfRow[row] < 0) candidates[candidateCount++] = row;
                else
                {
                    child = row;
                    break;
                }
            }

            if (child < 0)
            {
                reach[--top] = step; // post-order: everything this step depends on is already in reach[top + 1 ..]
                depth--;
            }
            else
            {
                stackNext[depth] = p;
                depth++;
                stackRow[depth] = child;
                stackNext[depth] = lStart[stepOfRow[child]];
            }
        }

        return top;
    }

    /// <summary>Applies the reached columns of L in topological order; each reached step's value becomes U(step, k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ComputeUColumn(int top, LUFactors<T> factors, int uUsed)
    {
        int[] lStart = factors.LStart, lIndex = factors.LIndex, uIndex = factors.UIndex, rowAtStep = factors.RowAtStep;
        T[] lValue = factors.LValue, uValue = factors.UValue;
        for (int t = top; t < reach.Length; t++)
        {
            int step = reach[t];
            int row = rowAtStep[step];
            T xj = x[row];
            x[row] = T.Zero;
            uIndex[uUsed] = step;
            uValue[uUsed++] = xj;
            for (int p = lStart[step]; p < lStart[step + 1]; p++)
            {
                x[lIndex[p]] -= lValue[p] * xj;
            }
        }

        return uUsed;
    }

    /// <summary>Pivots taken although they were below the absolute tolerance (the largest candidate of their column).</summary>
    public int SmallPivots { get; private set; }

    /// <summary>
    /// Threshold partial pivoting: the preferred (diagonal) row if it passes the threshold against the column's largest
    /// candidate, else the largest candidate. As in Sparse 1.3 (spSMALL_PIVOT), a largest candidate below the absolute
    /// tolerance is still taken and counted; only a column with no nonzero candidate (-1) is singular. An
    /// ill-conditioned Newton Jacobian (a chain of high-gain stages) is then solved, not refused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ChoosePivot(int k, int candidateCount, LUFactors<T> factors)
    {
        double largest = 0;
        int largestRow = -1;
        for (int i = 0; i < candidateCount; i++)
        {
            int row = candidates[i];
            double magnitude = TMagnitude.Magnitude(x[row]);
            if (magnitude > largest)
            {
                largest = magnitude;
                largestRow = row;
            }
        }

        int diagonal = preferredRow[k];
        bool diagonalIsCandidate = visitedAt[diagonal] == k && factors.StepOfRow[diagonal] < 0;
        if (diagonalIsCandidate && threshold.Accepts(TMagnitude.Magnitude(x[diagonal]), largest)) return diagonal;
        if (largest > threshold.Absolute) return largestRow;
        if (largest > 0 && double.IsFinite(largest))
        {
            SmallPivots++;
            return largestRow;
        }
        return -1;
    }

    /// <summary>Records the pivot and stores the other candidates, divided by it, as L(:, k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int StoreLColumn(int k, int pivotRow, int candidateCount, LUFactors<T> factors, int lUsed)
    {
        T pivot = x[pivotRow];
        x[pivotRow] = T.Zero;
        T inversePivot = T.One / pivot;
        factors.InversePivot[k] = inversePivot;
        factors.RowAtStep[k] = pivotRow;
        factors.StepOfRow[pivotRow] = k;
        SwapPreference(k, pivotRow);

        int[] lIndex = factors.LIndex;
        T[] lValue = factors.LValue;
        for (int i = 0; i < candidateCount; i++)
        {
            int row = candidates[i];
            if (row == pivotRow) continue;
            lIndex[lUsed] = row;
            lValue[lUsed++] = x[row] * inversePivot; // kept even if zero: refactorization reuses the structural pattern
            x[row] = T.Zero;
        }

        return lUsed;
    }

    /// <summary>
    /// Symmetric pruning after step k: each column j that k depended on and whose pattern holds k's pivot row gets its
    /// already-pivotal rows moved to the front (values move along) and its search range cut to them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Prune(int k, int pivotRow, LUFactors<T> factors)
    {
        int[] lStart = factors.LStart, lIndex = factors.LIndex, stepOfRow = factors.StepOfRow, uIndex = factors.UIndex;
        T[] lValue = factors.LValue;
        for (int p = factors.UStart[k]; p < factors.UStart[k + 1]; p++)
        {
            int j = uIndex[p];
            int start = lStart[j], end = lStart[j + 1];
            if (pruned[j] || Array.IndexOf(lIndex, pivotRow, start, end - start) < 0) continue;

            int kept = start;
            for (int q = start; q < end; q++)
            {
                if (stepOfRow[lIndex[q]] < 0) continue;
                (lIndex[q], lIndex[kept]) = (lIndex[kept], lIndex[q]);
                (lValue[q], lValue[kept]) = (lValue[kept], lValue[q]);
                kept++;
            }

            prunedEnd[j] = kept;
            pruned[j] = true;
        }
    }

    /// <summary>
    /// When step k pivots on a row that a later step preferred, that step inherits k's preferred row instead, so every
    /// row stays preferred by exactly one step and the ordering's diagonal is disturbed as little as possible.
    /// </summary>
    private void SwapPreference(int k, int pivotRow)
    {
        int displaced = preferredRow[k];
        if (displaced == pivotRow) return;
        int later = preferredStep[pivotRow];
        preferredRow[later] = displaced;
        preferredStep[displaced] = later;
        preferredRow[k] = pivotRow;
        preferredStep[pivotRow] = k;
    }
}
