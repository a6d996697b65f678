using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>The real solver against MathNet's dense LU with partial pivoting.</summary>
public class SparseLUAgreementTests
{
    /// <summary>
    /// Backward error bound for a stable LU: O(n·ε·growth). With n ≤ 200, ε ≈ 1.1e-16 and growth allowed by threshold
    /// pivoting (relative tolerance 1e-3) this stays far below 1e-12 in practice; dense partial pivoting is near 1e-16.
    /// </summary>
    private const double BackwardErrorTolerance = 1e-12;

    /// <summary>Forward error is bounded by condition number times backward error; 1e-12 is the backward-error budget.</summary>
    private static double ForwardTolerance(double conditionNumber) => Math.Max(1e-12, conditionNumber * 1e-12);

    [Theory]
    [InlineData(2, 0.5, 1)]
    [InlineData(10, 0.2, 2)]
    [InlineData(40, 0.05, 3)]
    [InlineData(120, 0.02, 4)]
    [InlineData(200, 0.01, 5)]
    [InlineData(150, 0.2, 6)]
    public void Solve_MatchesDenseLU_OnRandomSparseSystems(int n, double density, int seed)
    {
        var system = TestCircuits.RandomSparse(n, density, seed, TestCircuits.UniformReal);

        double[] x = SparseSolve.WithSparseLU(system);
        double[] reference = DenseReference.Solve(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, reference), 0, ForwardTolerance(DenseReference.ConditionNumber(system)));
    }

    [Theory]
    [InlineData(3, 1, 11)]
    [InlineData(20, 4, 12)]
    [InlineData(60, 10, 13)]
    [InlineData(150, 30, 14)]
    public void Solve_MatchesDenseLU_OnMnaSystemsWithVoltageSourceRows(int nodes, int sources, int seed)
    {
        var system = TestCircuits.RandomMna(nodes, sources, seed, TestCircuits.Conductance(-4, -1), transconductances: nodes / 10);

        double[] x = SparseSolve.WithSparseLU(system);
        double[] reference = DenseReference.Solve(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, reference), 0, ForwardTolerance(DenseReference.ConditionNumber(system)));
    }

    [Fact]
    public void Solve_MatchesDenseLU_WhenBranchRowsStoreAnExplicitZeroDiagonal()
    {
        // Some engines reserve every diagonal entry; for voltage-source rows it stays 0.0 and must never be the pivot.
        const int nodes = 80, sources = 12;
        var system = TestCircuits.RandomMna(nodes, sources, seed: 15, TestCircuits.Conductance(-4, -1), transconductances: 8);
        for (int branch = nodes; branch < nodes + sources; branch++) system.Add(branch, branch, 0.0);

        double[] x = SparseSolve.WithSparseLU(system);
        double[] reference = DenseReference.Solve(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, reference), 0, ForwardTolerance(DenseReference.ConditionNumber(system)));
    }

    /// <summary>
    /// Conductances spanning 15 decades (gmin-like leakage next to near-shorts) make the condition number enormous, so
    /// solutions may legitimately differ; what must hold is backward stability, as good as the dense reference's.
    /// </summary>
    [Theory]
    [InlineData(30, 5, 21)]
    [InlineData(100, 15, 22)]
    public void Solve_IsBackwardStable_OnIllConditionedMnaSystems(int nodes, int sources, int seed)
    {
        var system = TestCircuits.RandomMna(nodes, sources, seed, TestCircuits.Conductance(-12, 3), transconductances: nodes / 10);
        Assert.True(DenseReference.ConditionNumber(system) > 1e10, "the generator should produce an ill-conditioned system");

        double[] x = SparseSolve.WithSparseLU(system);
        double[] reference = DenseReference.Solve(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(system.BackwardError(x), 0, Math.Max(100 * system.BackwardError(reference), 1e-15));
    }
}
