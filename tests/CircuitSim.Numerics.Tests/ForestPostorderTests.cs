namespace CircuitSim.Numerics.Tests;

public class ForestPostorderTests
{
    [Fact]
    public void Of_ListsChildrenBeforeParentsAndKeepsSubtreesContiguous()
    {
        //   4        5
        //  / \       |
        // 0   2      3
        //     |
        //     1
        int[] parent = [4, 2, 4, 5, -1, -1];

        int[] postorder = ForestPostorder.Of(parent, [0, 1, 2, 3, 4, 5]);

        Assert.Equal([0, 1, 2, 4, 3, 5], postorder);
    }

    [Fact]
    public void Of_CoversOnlyTheGivenNodes()
    {
        int[] parent = [-1, 0, -1, -1];

        int[] postorder = ForestPostorder.Of(parent, [1, 0, 3]);

        Assert.Equal([1, 0, 3], postorder);
    }
}
