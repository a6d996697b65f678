namespace CircuitSim.Numerics;

/// <summary>
/// The caller's (row, column) entry list in compressed-column form, rows ascending within each column. Every stored entry
/// remembers its handle (its position in the caller's list), so factorizations read values straight from the caller's
/// handle-ordered array instead of copying them into matrix order first.
/// </summary>
internal sealed class SparsityPattern
{
    public SparsityPattern(int size, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (rows.Length != columns.Length)
            throw new ArgumentException($"{rows.Length} row indices but {columns.Length} column indices.", nameof(columns));

        Size = size;
        int count = rows.Length;
        for (int h = 0; h < count; h++)
        {
            if ((uint)rows[h] >= (uint)size || (uint)columns[h] >= (uint)size)
                throw new ArgumentOutOfRangeException(nameof(rows), $"Entry {h} at ({rows[h]}, {columns[h]}) lies outside a {size}x{size} matrix.");
        }

        // Bucket the handles by row first; distributing them into columns in that order leaves each column's rows sorted.
        int[] handlesByRow = SortByKey(rows, size);
        ColumnStart = new int[size + 1];
        foreach (int c in columns) ColumnStart[c + 1]++;
        for (int c = 0; c < size; c++) ColumnStart[c + 1] += ColumnStart[c];

        RowIndex = new int[count];
        Handle = new int[count];
        int[] next = ColumnStart[..size];
        foreach (int h in handlesByRow)
        {
            int position = next[columns[h]]++;
            RowIndex[position] = rows[h];
            Handle[position] = h;
        }

        ThrowOnDuplicates();
    }

    public int Size { get; }

    public int EntryCount => RowIndex.Length;

    /// <summary>Entries of column c occupy positions [ColumnStart[c], ColumnStart[c + 1]).</summary>
    public int[] ColumnStart { get; }

    public int[] RowIndex { get; }

    /// <summary>Index into the caller's value array for each stored entry.</summary>
    public int[] Handle { get; }

    /// <summary>Counting sort: the positions 0..keys.Length-1 ordered by key, stable within equal keys.</summary>
    private static int[] SortByKey(ReadOnlySpan<int> keys, int keyCount)
    {
        var start = new int[keyCount + 1];
        foreach (int key in keys) start[key + 1]++;
        for (int k = 0; k < keyCount; k++) start[k + 1] += start[k];
        int[] next = start[..keyCount];
        var sorted = new int[keys.Length];
        for (int h = 0; h < keys.Length; h++) sorted[next[keys[h]]++] = h;
        return sorted;
    }

    private void ThrowOnDuplicates()
    {
        for (int c = 0; c < Size; c++)
        {
            for (int p = ColumnStart[c] + 1; p < ColumnStart[c + 1]; p++)
            {
                if (RowIndex[p] == RowIndex[p - 1])
                    throw new ArgumentException($"Entries {Handle[p - 1]} and {Handle[p]} both address ({RowIndex[p]}, {c}); the pattern must not contain duplicates.");
            }
        }
    }
}
