namespace CircuitSim.Numerics.Tests;

public class MaximumTransversalTests
{
    private static int[] Find(int n, params (int Row, int Column)[] entries) =>
        MaximumTransversal.Find(new SparsityPattern(n, entries.Select(e => e.Row).ToArray(), entries.Select(e => e.Column).ToArray()));

    private static void AssertIsTransversal(int[] rowOfColumn, params (int Row, int Column)[] entries)
    {
        Assert.Equal(rowOfColumn.Length, rowOfColumn.Distinct().Count());
        for (int c = 0; c < rowOfColumn.Length; c++) Assert.Contains((rowOfColumn[c], c), entries);
    }

    [Fact]
    public void Find_KeepsAnExistingStructuralDiagonal()
    {
        (int, int)[] entries = [(0, 0), (1, 0), (0, 1), (1, 1), (2, 1), (1, 2), (2, 2)];

        int[] rowOfColumn = Find(3, entries);

        Assert.Equal([0, 1, 2], rowOfColumn);
    }

    [Fact]
    public void Find_PairsAVoltageSourceBranchWithItsNode()
    {
        // Node 0 with a conductance and a source branch (unknown 1) whose row has no diagonal: v0 = E.
        (int, int)[] entries = [(0, 0), (0, 1), (1, 0)];

        int[] rowOfColumn = Find(2, entries);

        Assert.Equal([1, 0], rowOfColumn);
    }

    [Fact]
    public void Find_ReroutesEarlierPairsAlongAnAugmentingPath()
    {
        // Column 1 can only use row 0, which column 0 takes first; column 0 must move to row 1.
        (int, int)[] entries = [(0, 0), (1, 0), (0, 1)];

        int[] rowOfColumn = Find(2, entries);

        Assert.Equal([1, 0], rowOfColumn);
    }

    [Fact]
    public void Find_FollowsAugmentingPathsThousandsOfColumnsLong()
    {
        // Columns 1..n-1 hold rows {j-1, j}; column 0 holds only row n-1. Pairing column 0 shifts every other column
        // down one row: a path through all n columns, which must not overflow a stack.
        const int n = 200_000;
        var entries = new List<(int, int)> { (n - 1, 0) };
        for (int j = 1; j < n; j++)
        {
            entries.Add((j - 1, j));
            entries.Add((j, j));
        }

        int[] rowOfColumn = Find(n, [.. entries]);

        Assert.Equal(n - 1, rowOfColumn[0]);
        Assert.All(Enumerable.Range(1, n - 1), j => Assert.Equal(j - 1, rowOfColumn[j]));
    }

    [Fact]
    public void Find_OnARandomStructurallyNonsingularPattern_GivesAZeroFreeDiagonal()
    {
        var random = new Random(71);
        const int n = 300;
        int[] permutation = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var entries = new HashSet<(int, int)>(Enumerable.Range(0, n).Select(i => (i, permutation[i])));
        for (int k = 0; k < 3 * n; k++) entries.Add((random.Next(n), random.Next(n)));

        int[] rowOfColumn = Find(n, [.. entries]);

        AssertIsTransversal(rowOfColumn, [.. entries]);
    }

    [Fact]
    public void Find_LeavesAColumnUnpairedWhenThePatternIsStructurallySingular()
    {
        // Columns 1 and 2 both have row 0 only.
        (int, int)[] entries = [(0, 0), (1, 0), (2, 0), (0, 1), (0, 2)];

        int[] rowOfColumn = Find(3, entries);

        Assert.Single(rowOfColumn, -1);
    }
}
