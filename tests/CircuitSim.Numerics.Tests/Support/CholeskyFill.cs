namespace CircuitSim.Numerics.Tests.Support;

/// <summary>
/// Reference fill count: off-diagonal entries of the Cholesky factor of a symmetric pattern eliminated in a given order,
/// from the row subtrees of the elimination tree (row i of L is the set of tree paths from i's earlier neighbours up to i).
/// </summary>
public static class CholeskyFill
{
    /// <param name="neighbors">Symmetric adjacency lists without self-loops.</param>
    /// <param name="order">order[k] is the node eliminated k-th.</param>
    public static long Count(IReadOnlyList<int[]> neighbors, IReadOnlyList<int> order)
    {
        int n = neighbors.Count;
        var position = new int[n];
        for (int k = 0; k < n; k++) position[order[k]] = k;
        var parent = new int[n];
        var mark = new int[n];
        long count = 0;
        for (int i = 0; i < n; i++)
        {
            parent[i] = -1;
            mark[i] = i;
            foreach (int neighbor in neighbors[order[i]])
            {
                for (int k = position[neighbor]; k < i && mark[k] != i; k = parent[k])
                {
                    mark[k] = i;
                    count++;
                    if (parent[k] < 0)
                    {
                        parent[k] = i;
                        break;
                    }
                }
            }
        }

        return count;
    }
}
