namespace CircuitSim.Numerics;

/// <summary>Depth-first post-order of a forest given by parent pointers: every subtree contiguous, children first.</summary>
internal static class ForestPostorder
{
    /// <param name="parent">Parent of each node, -1 for roots; indexed by node number.</param>
    /// <param name="nodes">The forest's nodes. Roots, and the children of each node, keep their relative order from this list.</param>
    public static int[] Of(int[] parent, ReadOnlySpan<int> nodes)
    {
        var firstChild = new int[parent.Length];
        var nextSibling = new int[parent.Length];
        Array.Fill(firstChild, -1);
        var roots = new Stack<int>();
        for (int k = nodes.Length - 1; k >= 0; k--)
        {
            int node = nodes[k];
            if (parent[node] < 0)
            {
                roots.Push(node);
                continue;
            }

            nextSibling[node] = firstChild[parent[node]];
            firstChild[parent[node]] = node;
        }

        var postorder = new int[nodes.Length];
        int count = 0;
        var path = new Stack<int>();
        foreach (int root in roots)
        {
            path.Push(root);
            while (path.Count > 0)
            {
                int node = path.Peek();
                int child = firstChild[node];
                if (child < 0)
                {
                    postorder[count++] = path.Pop();
                    continue;
                }

                firstChild[node] = nextSibling[child]; // consume the child, so the next visit moves on to its sibling
                path.Push(child);
            }
        }

        return postorder;
    }
}
