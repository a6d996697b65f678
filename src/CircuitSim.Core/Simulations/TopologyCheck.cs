using CircuitSim.Core.Circuits;

namespace CircuitSim.Core.Simulations;

/// <summary>
/// Structural checks before solving, each with a message a person can act on: loops of voltage-defined elements
/// (sources, inductors at DC) are errors; nodes without a DC path to ground and nodes touched by a single terminal are
/// warnings. A node without a DC path is not refused because ngspice runs such circuits: its gmin stepping, and when
/// that fails its transient operating point, settle the node through tiny conductances (the answer there is then
/// set by those conductances, which the warning says, with ngspice's remedy <c>.options rshunt</c>).
/// </summary>
public static class TopologyCheck
{
    /// <param name="dcPoint">The analysis solves a DC point (then capacitors do not conduct and inductors are shorts).</param>
    /// <param name="shunted">Every node has a resistor to ground (RSHUNT), so none floats.</param>
    /// <returns>Warnings; errors are thrown.</returns>
    /// <exception cref="CircuitException">A voltage loop or a shorted voltage-defined element.</exception>
    public static IReadOnlyList<string> Run(Circuit circuit, bool dcPoint, bool shunted = false)
    {
        var warnings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["0"] = 0 };
        int Id(string n) => Circuit.IsGround(n) ? 0 : index.TryGetValue(n, out var i) ? i : index[n] = index.Count;
        // indexed: a foreach over the interface boxes an enumerator per component
        foreach (var c in circuit.Components)
            for (var k = 0; k < c.Nodes.Count; k++) Id(c.Nodes[k]);
        // by index, without LINQ's generic virtual Select, which a native executable resolves at run time
        var names = new string[index.Count];
        foreach (var (name, i) in index) names[i] = name;

        // single-terminal nodes
        var touches = new int[index.Count];
        var toucher = new string[index.Count];
        foreach (var c in circuit.Components)
            for (var k = 0; k < c.Nodes.Count; k++)
            {
                var i = Id(c.Nodes[k]);
                touches[i]++;
                toucher[i] = c.Name;
            }
        for (var i = 1; i < touches.Length; i++)
            if (touches[i] == 1)
                warnings.Add($"node '{names[i]}' is connected to only one terminal (of {toucher[i]})");

        // voltage loops
        var loop = new UnionFind(index.Count);
        var loopEdges = new List<(int A, int B, string Element)>();
        foreach (var c in circuit.Components)
        {
            var paths = dcPoint ? c.VoltageDefinedPaths.Concat(c.InductivePaths) : c.VoltageDefinedPaths;
            foreach (var (a, b) in paths)
            {
                var na = Id(c.Nodes[a]);
                var nb = Id(c.Nodes[b]);
                if (na == nb)
                    throw new CircuitException($"{c.Name} is shorted: both its terminals are node '{names[na]}'", c.Name);
                if (!loop.Union(na, nb))
                {
                    var path = FindPath(loopEdges, nb, na, index.Count);
                    var elements = path.Select(e => e.Element).Append(c.Name);
                    throw new CircuitException(
                        $"loop of voltage sources/inductors: {string.Join(", ", elements)} (their voltages around the loop are over-determined; add a series resistance)",
                        c.Name);
                }
                loopEdges.Add((na, nb, c.Name));
            }
        }

        // DC path to ground
        var dc = new UnionFind(index.Count);
        foreach (var c in circuit.Components)
        {
            foreach (var (a, b) in c.DcPaths) dc.Union(Id(c.Nodes[a]), Id(c.Nodes[b]));
            foreach (var (a, b) in c.VoltageDefinedPaths) dc.Union(Id(c.Nodes[a]), Id(c.Nodes[b]));
            foreach (var (a, b) in c.InductivePaths) dc.Union(Id(c.Nodes[a]), Id(c.Nodes[b]));
            if (!dcPoint)
                foreach (var (a, b) in c.CapacitivePaths) dc.Union(Id(c.Nodes[a]), Id(c.Nodes[b]));
        }
        var floating = shunted ? new List<int>() : Enumerable.Range(1, index.Count - 1).Where(i => dc.Find(i) != dc.Find(0)).ToList();
        if (floating.Count > 0)
        {
            var first = floating[0];
            var via = circuit.Components.Where(c => c.Nodes.Any(n => !Circuit.IsGround(n) && Id(n) == first)).Select(c => c.Name).Take(5);
            var others = floating.Count > 1 ? $" ({floating.Count - 1} more: {string.Join(", ", floating.Skip(1).Take(5).Select(i => names[i]))})" : "";
            warnings.Add(
                $"node '{names[first]}' has no DC path to ground{others}; it connects only through {string.Join(", ", via)}" +
                (dcPoint ? " (capacitors and current sources do not conduct at DC)" : "") +
                ". Its voltage is set only by gmin; to define it add a resistor to ground" + (dcPoint ? ", a .ic with uic" : "") +
                " or .options rshunt=1e12 (a 1e12 Ohm resistor from every node to ground, as in ngspice)");
        }
        return warnings;
    }

    private static List<(int A, int B, string Element)> FindPath(List<(int A, int B, string Element)> edges, int from, int to, int count)
    {
        var adj = new List<(int Next, int Edge)>[count];
        for (var i = 0; i < count; i++) adj[i] = new();
        for (var k = 0; k < edges.Count; k++)
        {
            adj[edges[k].A].Add((edges[k].B, k));
            adj[edges[k].B].Add((edges[k].A, k));
        }
        var prev = new (int Node, int Edge)[count];
        Array.Fill(prev, (-1, -1));
        var queue = new Queue<int>();
        queue.Enqueue(from);
        prev[from] = (from, -1);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (n == to) break;
            foreach (var (next, e) in adj[n])
                if (prev[next].Node < 0) { prev[next] = (n, e); queue.Enqueue(next); }
        }
        var path = new List<(int, int, string)>();
        for (var n = to; n != from && prev[n].Edge >= 0; n = prev[n].Node) path.Add(edges[prev[n].Edge]);
        return path;
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;
        public UnionFind(int n) { _parent = new int[n]; for (var i = 0; i < n; i++) _parent[i] = i; }
        public int Find(int x) { while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]]; return x; }
        /// <summary>False when a and b were connected already.</summary>
        public bool Union(int a, int b)
        {
            var ra = Find(a); var rb = Find(b);
            if (ra == rb) return false;
            _parent[ra] = rb;
            return true;
        }
    }
}
