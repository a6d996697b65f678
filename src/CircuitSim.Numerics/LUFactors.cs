namespace CircuitSim.Numerics;

/// <summary>
/// Storage for P·A·Q = L·U in flat compressed-column arrays, indexed by pivot step. Row indices of L and U are pivot
/// positions (steps), so refactorization and solves never consult the permutations inside their loops.
/// </summary>
/// <remarks>
/// <para>
/// U(:, k) is stored without its diagonal, in an order in which the columns of L it depends on can be applied one
/// after another (the order the sparse triangular solve discovered them). The diagonal of U, the pivots, is kept apart
/// as reciprocals: chains of dependent divisions dominate the time of solves on nearly-tridiagonal circuit matrices, and
/// a multiplication has a fraction of a division's latency.
/// </para>
/// <para>The arrays may be longer than the entries in use (<see cref="LStart"/>[n], <see cref="UStart"/>[n]).</para>
/// </remarks>
internal sealed class LUFactors<T>
    where T : struct, System.Numerics.INumberBase<T>
{
    public LUFactors(int size, int matrixEntries)
    {
        Size = size;
        LStart = new int[size + 1];
        UStart = new int[size + 1];
        InversePivot = new T[size];
        RowAtStep = new int[size];
        StepOfRow = new int[size];
        ColumnAtStep = new int[size];
        AStart = new int[size + 1];
        ARow = new int[matrixEntries];
        AHandle = new int[matrixEntries];
    }

    public int Size { get; }

    public int[] LStart { get; }
    public int[] LIndex { get; private set; } = [];
    public T[] LValue { get; private set; } = [];

    public int[] UStart { get; }
    public int[] UIndex { get; private set; } = [];
    public T[] UValue { get; private set; } = [];

    /// <summary>Reciprocals of the diagonal of U.</summary>
    public T[] InversePivot { get; }

    /// <summary>P: the original row pivoted at each step.</summary>
    public int[] RowAtStep { get; }

    /// <summary>P⁻¹: the step at which each original row was pivoted.</summary>
    public int[] StepOfRow { get; }

    /// <summary>Q: the original column eliminated at each step.</summary>
    public int[] ColumnAtStep { get; }

    /// <summary>
    /// A's entries regrouped by step: column k of P·A·Q is ARow/AHandle[AStart[k] .. AStart[k + 1]), with rows as pivot
    /// positions and handles into the caller's value array. Lets refactorization scatter values without lookups.
    /// </summary>
    public int[] AStart { get; }
    public int[] ARow { get; }
    public int[] AHandle { get; }

    /// <summary>The trailing steps that refactorization eliminates as one dense block (chosen after each full
    /// factorization).</summary>
    public DenseTrailingBlock<T> TrailingBlock { get; } = new();

    public long NonZeros => (long)LStart[Size] + UStart[Size] + Size;

    /// <summary>Grows L's arrays to hold at least <paramref name="required"/> entries, keeping the first <paramref name="used"/>.</summary>
    public void EnsureLCapacity(int used, long required)
    {
        if (required <= LIndex.Length) return;
        int capacity = GrownCapacity(LIndex.Length, required);
        LIndex = Resized(LIndex, used, capacity);
        LValue = Resized(LValue, used, capacity);
    }

    /// <summary>Grows U's arrays to hold at least <paramref name="required"/> entries, keeping the first <paramref name="used"/>.</summary>
    public void EnsureUCapacity(int used, long required)
    {
        if (required <= UIndex.Length) return;
        int capacity = GrownCapacity(UIndex.Length, required);
        UIndex = Resized(UIndex, used, capacity);
        UValue = Resized(UValue, used, capacity);
    }

    /// <summary>Fills the A map once the row permutation is known.</summary>
    public void MapMatrixEntries(SparsityPattern pattern)
    {
        int position = 0;
        for (int k = 0; k < Size; k++)
        {
            AStart[k] = position;
            int column = ColumnAtStep[k];
            for (int p = pattern.ColumnStart[column]; p < pattern.ColumnStart[column + 1]; p++)
            {
                ARow[position] = StepOfRow[pattern.RowIndex[p]];
                AHandle[position] = pattern.Handle[p];
                position++;
            }
        }

        AStart[Size] = position;
    }

    private static int GrownCapacity(int current, long required)
    {
        long grown = Math.Max(required, current + current / 2L);
        if (required > Array.MaxLength)
            throw new OutOfMemoryException($"The LU factors need {required} entries, more than an array can hold.");
        return (int)Math.Min(grown, Array.MaxLength);
    }

    private static TItem[] Resized<TItem>(TItem[] array, int used, int capacity)
    {
        var grown = new TItem[capacity];
        Array.Copy(array, grown, used);
        return grown;
    }
}
