using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

public class ApproximateMinimumDegreeTests
{
    private static AdjacencyGraph GraphOf(int n, IEnumerable<(int A, int B)> edges)
    {
        var rows = new List<int>();
        var columns = new List<int>();
        foreach (var (a, b) in edges.Distinct())
        {
            rows.Add(a);
            columns.Add(b);
        }

        for (int i = 0; i < n; i++)
        {
            rows.Add(i);
            columns.Add(i);
        }

        var pattern = new SparsityPattern(n, [.. rows], [.. columns]);
        return AdjacencyGraph.OfSymmetrizedPattern(pattern, [.. Enumerable.Range(0, n)]);
    }

    private static IEnumerable<(int, int)> GridEdges(int side)
    {
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                if (j + 1 < side) yield return (i * side + j, i * side + j + 1);
                if (i + 1 < side) yield return (i * side + j, (i + 1) * side + j);
            }
        }
    }

    private static IEnumerable<(int, int)> RandomEdges(int n, int count, int seed)
    {
        var random = new Random(seed);
        for (int k = 0; k < count; k++)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a != b) yield return (a, b);
        }
    }

    private static long FillOf(AdjacencyGraph graph, int[] order)
    {
        var neighbors = Enumerable.Range(0, graph.NodeCount).Select(i => graph.Neighbors[graph.Start[i]..graph.Start[i + 1]]).ToArray();
        return CholeskyFill.Count(neighbors, order);
    }

    [Fact]
    public void Order_IsAPermutationOfAllNodes()
    {
        var graph = GraphOf(500, RandomEdges(500, 1500, seed: 81));

        int[] order = ApproximateMinimumDegree.Order(graph).Order;

        Assert.Equal(Enumerable.Range(0, 500), order.Order());
    }

    [Fact]
    public void Order_OfAGraphWithIsolatedNodes_IsAPermutationOfAllNodes()
    {
        var graph = GraphOf(50, [(3, 7), (7, 9), (20, 21)]);

        int[] order = ApproximateMinimumDegree.Order(graph).Order;

        Assert.Equal(Enumerable.Range(0, 50), order.Order());
    }

    [Fact]
    public void Order_OfATree_CausesNoFill()
    {
        var random = new Random(82);
        const int n = 2000;
        var edges = Enumerable.Range(1, n - 1).Select(i => (i, random.Next(i))).ToList();
        var graph = GraphOf(n, edges);

        int[] order = ApproximateMinimumDegree.Order(graph).Order;

        Assert.Equal(n - 1, FillOf(graph, order)); // L holds exactly the tree's edges
    }

    [Fact]
    public void Order_PutsNodesMuchDenserThanAverageLast()
    {
        // A supply rail touching every node of a 40x40 grid would make every degree update expensive.
        const int side = 40, rail = side * side;
        var edges = GridEdges(side).Concat(Enumerable.Range(0, rail).Select(i => (rail, i)));
        var graph = GraphOf(rail + 1, edges);

        int[] order = ApproximateMinimumDegree.Order(graph).Order;

        Assert.Equal(rail, order[^1]);
    }

    [Fact]
    public void Order_Of64x64Grid_FillsLessThanAThirdOfTheNaturalOrder()
    {
        var graph = GraphOf(64 * 64, GridEdges(64));

        int[] order = ApproximateMinimumDegree.Order(graph).Order;

        long natural = FillOf(graph, [.. Enumerable.Range(0, 64 * 64)]);
        Assert.InRange(FillOf(graph, order), 0, natural / 3);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(90)]
    public void CholeskyNonZeros_EqualsTheFillOfTheReturnedOrder_OnGrids(int side)
    {
        var graph = GraphOf(side * side, GridEdges(side));

        var ordering = ApproximateMinimumDegree.Order(graph);

        Assert.Equal(FillOf(graph, ordering.Order), ordering.CholeskyNonZeros);
    }

    [Fact]
    public void CholeskyNonZeros_EqualsTheFillOfTheReturnedOrder_OnARandomGraph()
    {
        var graph = GraphOf(3000, RandomEdges(3000, 6000, seed: 83));

        var ordering = ApproximateMinimumDegree.Order(graph);

        Assert.Equal(FillOf(graph, ordering.Order), ordering.CholeskyNonZeros);
    }

    [Fact]
    public void Order_OfA361x361Grid_FillsLessThanATenthOfTheBandedNaturalOrder()
    {
        const int side = 361; // 130 321 nodes: the order must stay good at crossbar scale (its speed is SparseBench's job)
        var graph = GraphOf(side * side, GridEdges(side));

        var ordering = ApproximateMinimumDegree.Order(graph);

        // The natural (row-by-row) order of a grid fills the whole band of half-width `side`: L has
        // side·(n − side) + side·(side − 1)/2 off-diagonal non-zeros. Minimum degree is O(n log n) on grids:
        // this order gives 4.15e6, 1/11.3 of the band's 4.70e7; an order that lost its quality at scale would not.
        long n = side * side;
        long banded = side * (n - side) + side * (side - 1L) / 2;
        Assert.InRange(ordering.CholeskyNonZeros, n, banded / 10);
    }
}
