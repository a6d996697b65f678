using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>Large 2D resistive meshes, where fill-reducing ordering matters, solve accurately.</summary>
public class MeshTests
{
    /// <summary>O(n·ε·growth) budget; diagonal pivots on these M-matrix-like systems keep growth near 1.</summary>
    private const double BackwardErrorTolerance = 1e-13;

    [Fact]
    public void Solve_64x64GridWithAGroundConductance_HasSmallBackwardError()
    {
        var system = TestCircuits.Grid(64);

        double[] x = SparseSolve.WithSparseLU(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
    }

    [Fact]
    public void Solve_64x64GridWithAGroundConductance_PutsAllInjectedCurrentThroughGround()
    {
        // 1 mA injected at one corner can only leave through the 10 mS ground conductance at node 0: v0 = 0.1 V exactly.
        var system = TestCircuits.Grid(64, conductance: 1e-3, groundConductance: 1e-2);

        double[] x = SparseSolve.WithSparseLU(system);

        // The grid's condition number is about 1e5 (λmax/λmin), so double precision guarantees ~1e-11; 1e-9 leaves margin.
        Assert.Equal(0.1, x[0], 1e-9);
    }

    [Fact]
    public void Solve_CrossbarDoubleMeshDrivenThroughVoltageSources_HasSmallBackwardError()
    {
        var system = CrossbarCircuit.Build(32);

        double[] x = SparseSolve.WithSparseLU(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
    }

    [Fact]
    public void Solve_CrossbarDoubleMesh_ConservesCurrentBetweenDriversAndSenses()
    {
        const int n = 32;
        var system = CrossbarCircuit.Build(n);

        double[] x = SparseSolve.WithSparseLU(system);

        // Branch unknowns: n row drivers, then n column senses. Whatever the drivers push in, the senses take out.
        double driven = x.Skip(2 * n * n).Take(n).Sum();
        double sensed = x.Skip(2 * n * n + n).Take(n).Sum();
        Assert.True(Math.Abs(driven) > 1e-4, "the crossbar should conduct a measurable current");
        Assert.Equal(0, (driven + sensed) / Math.Abs(driven), 1e-10);
    }

    [Fact]
    public void Solve_SmallCrossbar_MatchesDenseLU()
    {
        var system = CrossbarCircuit.Build(6);

        double[] x = SparseSolve.WithSparseLU(system);
        double[] reference = DenseReference.Solve(system);

        // Forward-error budget: condition number times the 1e-13 backward-error budget.
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, reference), 0, DenseReference.ConditionNumber(system) * 1e-13);
    }

    [Fact]
    public void Solve_GridWithASupplyRailTouchingEveryNode_MatchesDenseLU()
    {
        // The rail node is far denser than the rest, so the ordering sets it aside and eliminates it last.
        const int side = 20, rail = side * side;
        var system = TestCircuits.Grid(side);
        var withRail = new SparseSystem<double>(rail + 2);
        int[] rows = system.Rows, columns = system.Columns;
        double[] values = system.Values;
        for (int h = 0; h < values.Length; h++) withRail.Add(rows[h], columns[h], values[h]);
        var random = new Random(91);
        for (int node = 0; node < rail; node++) withRail.StampAdmittance(node, rail, 1e-6 * (1 + random.NextDouble()));
        withRail.StampVoltageSource(rail + 1, rail, MnaStamps.Ground, 5.0);

        double[] x = SparseSolve.WithSparseLU(withRail);
        double[] reference = DenseReference.Solve(withRail);

        Assert.InRange(withRail.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, reference), 0, DenseReference.ConditionNumber(withRail) * 1e-13);
    }

    [Fact]
    public void Factor_64x64Grid_FillsFarLessThanABandedFactorization()
    {
        // A banded (natural or RCM) factorization of a k×k grid stores about 2·k·n entries; AMD needs a fraction.
        var system = TestCircuits.Grid(64);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);

        lu.Factor(system.Values);

        long banded = 2L * 64 * system.Size;
        Assert.InRange(lu.Statistics.FactorNonZeros, system.Size, banded / 3);
    }
}
