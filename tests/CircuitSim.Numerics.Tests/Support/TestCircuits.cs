using System.Numerics;

namespace CircuitSim.Numerics.Tests.Support;

/// <summary>Seeded generators of the matrices the solver is specified against.</summary>
public static class TestCircuits
{
    /// <summary>
    /// A side×side resistive grid (the 2D Laplacian) tied to ground by one conductance at node 0 and fed by a current
    /// source at the opposite corner, so current must cross the whole mesh.
    /// </summary>
    public static SparseSystem<double> Grid(int side, double conductance = 1e-3, double groundConductance = 1e-2)
    {
        var system = new SparseSystem<double>(side * side);
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                int node = i * side + j;
                if (j + 1 < side) system.StampAdmittance(node, node + 1, conductance);
                if (i + 1 < side) system.StampAdmittance(node, node + side, conductance);
            }
        }

        system.StampAdmittance(0, MnaStamps.Ground, groundConductance);
        system.StampCurrentSource(MnaStamps.Ground, side * side - 1, 1e-3);
        return system;
    }

    /// <summary>
    /// A random connected circuit: a random spanning tree plus extra branches, admittances drawn by
    /// <paramref name="admittance"/>, a few conductances to ground, voltage sources (node-to-ground and floating, never
    /// forming a loop) whose branch rows have zero diagonals, optional transconductances for unsymmetric values, and
    /// current sources. Unknowns: nodes first, then one branch current per voltage source.
    /// </summary>
    public static SparseSystem<T> RandomMna<T>(int nodes, int sources, int seed, Func<Random, T> admittance, int transconductances = 0)
        where T : struct, INumberBase<T>
    {
        var random = new Random(seed);
        var system = new SparseSystem<T>(nodes + sources);
        for (int node = 1; node < nodes; node++) system.StampAdmittance(node, random.Next(node), admittance(random));
        for (int extra = 0; extra < nodes; extra++)
        {
            int a = random.Next(nodes), b = random.Next(nodes);
            if (a != b) system.StampAdmittance(a, b, admittance(random));
        }

        for (int k = 0; k < Math.Max(1, nodes / 10); k++) system.StampAdmittance(random.Next(nodes), MnaStamps.Ground, admittance(random));

        // Union-find over nodes plus ground (index `nodes`) keeps the voltage sources loop-free.
        var parent = Enumerable.Range(0, nodes + 1).ToArray();
        int Find(int v) => parent[v] == v ? v : parent[v] = Find(parent[v]);
        int placed = 0;
        while (placed < sources)
        {
            int plus = random.Next(nodes);
            int minus = random.Next(3) == 0 ? random.Next(nodes) : nodes;
            if (Find(plus) == Find(minus)) continue;
            parent[Find(plus)] = Find(minus);
            system.StampVoltageSource(nodes + placed, plus, minus == nodes ? MnaStamps.Ground : minus, T.CreateTruncating(random.NextDouble() * 10 - 5));
            placed++;
        }

        for (int k = 0; k < transconductances; k++)
        {
            system.StampTransconductance(random.Next(nodes), MnaStamps.Ground, random.Next(nodes), random.Next(nodes), admittance(random));
        }

        for (int k = 0; k < Math.Max(1, nodes / 5); k++) system.StampCurrentSource(MnaStamps.Ground, random.Next(nodes), admittance(random));
        return system;
    }

    /// <summary>Log-uniformly distributed conductance over [10^lowExponent, 10^highExponent].</summary>
    public static Func<Random, double> Conductance(double lowExponent, double highExponent) =>
        random => Math.Pow(10, lowExponent + (highExponent - lowExponent) * random.NextDouble());

    /// <summary>Admittance g + jωC of a resistor in parallel with a capacitor, both log-uniform.</summary>
    public static Func<Random, Complex> AcAdmittance(double omega) =>
        random => new Complex(Math.Pow(10, -5 + 3 * random.NextDouble()), omega * Math.Pow(10, -12 + 3 * random.NextDouble()));

    /// <summary>
    /// A general unsymmetric random sparse matrix: each entry present with the given density, plus a random permutation's
    /// entries to guarantee full structural rank without giving it a zero-free diagonal. Values uniform in [-1, 1].
    /// </summary>
    public static SparseSystem<T> RandomSparse<T>(int n, double density, int seed, Func<Random, T> value)
        where T : struct, INumberBase<T>
    {
        var random = new Random(seed);
        var system = new SparseSystem<T>(n);
        int[] permutation = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        for (int i = 0; i < n; i++) system.Add(i, permutation[i], value(random));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (random.NextDouble() < density) system.Add(i, j, value(random));
            }
        }

        for (int i = 0; i < n; i++) system.RightHandSide[i] = value(random);
        return system;
    }

    public static double UniformReal(Random random) => 2 * random.NextDouble() - 1;

    /// <summary>Every stamp multiplied by a factor in [0.5, 2], as a Newton step or time step would change them.</summary>
    public static double[] Perturbed(double[] values, int seed)
    {
        var random = new Random(seed);
        return values.Select(v => v * (0.5 + 1.5 * random.NextDouble())).ToArray();
    }

    public static Complex UniformComplex(Random random) => new(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1);

    /// <summary>The Newton Jacobian of a ten-stage CMOS inverter chain with every node at mid-rail (14 unknowns:
    /// vdd, in, n1…n10, the VDD and VIN branch currents), as the circuit engine assembled it.</summary>
    public static (int[] Rows, int[] Cols, double[] Values) InverterChainJacobian() =>
        (new[] { 0,12,1,13,2,1,0,1,1,0,2,0,2,3,2,0,3,3,4,3,0,4,4,5,4,0,5,5,6,5,0,6,6,7,6,0,7,7,8,7,0,8,8,9,8,0,9,9,10,9,0,10,10,11,10,0,11,11 },
         new[] { 12,0,13,1,2,1,0,0,2,2,0,1,1,3,3,3,0,2,4,4,4,0,3,5,5,5,0,4,6,6,6,0,5,7,7,7,0,6,8,8,8,0,7,9,9,9,0,8,10,10,10,0,9,11,11,11,0,10 },
         new[] { 1, 1, 1, 1, 0.00010902000199999996, 0, 0.0012031110099999995, 0, 0, -0.00022111800099999993, -0.00017082000099999996, -6.18E-05, 6.18E-05, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -0.00011469900099999996, -0.00011469900099999996, 0.00023550299999999997, 5.308501999999999E-06, 0, -2.601000999999999E-06, -0.00011469900099999996, 0.00023550299999999997 });
}
