namespace CircuitSim.Numerics;

/// <summary>
/// An undirected graph without self-loops in compressed form: the neighbours of node i are
/// Neighbors[Start[i] .. Start[i + 1]). It is the input of the fill-reducing ordering.
/// </summary>
internal sealed class AdjacencyGraph
{
    public AdjacencyGraph(int[] start, int[] neighbors)
    {
        Start = start;
        Neighbors = neighbors;
    }

    public int NodeCount => Start.Length - 1;

    public int[] Start { get; }

    public int[] Neighbors { get; }

    public int Degree(int node) => Start[node + 1] - Start[node];

    /// <summary>
    /// The graph of B + Bᵀ, where B is the pattern with row r renamed rowLabel[r]. With the transversal's pairing as the
    /// labels, B has a zero-free diagonal, and ordering B + Bᵀ symmetrically keeps that diagonal available as pivots.
    /// </summary>
    public static AdjacencyGraph OfSymmetrizedPattern(SparsityPattern pattern, int[] rowLabel)
    {
        int n = pattern.Size;
        int[] columnStart = pattern.ColumnStart, rowIndex = pattern.RowIndex;

        // Count each off-diagonal entry in both directions; mirrored pairs are counted twice and removed below.
        var start = new int[n + 1];
        for (int c = 0; c < n; c++)
        {
            for (int p = columnStart[c]; p < columnStart[c + 1]; p++)
            {
                int r = rowLabel[rowIndex[p]];
                if (r == c) continue;
                start[r + 1]++;
                start[c + 1]++;
            }
        }

        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var withDuplicates = new int[start[n]];
        int[] next = start[..n];
        for (int c = 0; c < n; c++)
        {
            for (int p = columnStart[c]; p < columnStart[c + 1]; p++)
            {
                int r = rowLabel[rowIndex[p]];
                if (r == c) continue;
                withDuplicates[next[r]++] = c;
                withDuplicates[next[c]++] = r;
            }
        }

        return WithoutDuplicates(start, withDuplicates);
    }

    private static AdjacencyGraph WithoutDuplicates(int[] start, int[] neighbors)
    {
        int n = start.Length - 1;
        var lastSeenFrom = new int[n];
        Array.Fill(lastSeenFrom, -1);
        var compactStart = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            for (int p = start[i]; p < start[i + 1]; p++)
            {
                int j = neighbors[p];
                if (lastSeenFrom[j] == i) continue;
                lastSeenFrom[j] = i;
                neighbors[kept++] = j;
            }

            compactStart[i + 1] = kept;
        }

        return new AdjacencyGraph(compactStart, neighbors[..kept]);
    }
}
