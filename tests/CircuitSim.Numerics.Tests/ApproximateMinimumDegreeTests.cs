using System.Diagnostics;
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
    public void Order_OfA361x361Grid_TakesWellUnderASecond()
    {
        var graph = GraphOf(361 * 361, GridEdges(361)); // 130 321 nodes
        ApproximateMinimumDegree.Order(GraphOf(30 * 30, GridEdges(30))); // JIT warm-up

        var stopwatch = Stopwatch.StartNew();
        ApproximateMinimumDegree.Order(graph);

        // Typically under 0.1 s; the bound leaves room for a loaded CI machine.
        Assert.InRange(stopwatch.Elapsed.TotalSeconds, 0, 1.0);
    }
}
