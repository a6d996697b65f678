using System.Numerics;
using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>The complex solver against MathNet's dense complex LU with partial pivoting.</summary>
public class ComplexSparseLUAgreementTests
{
    /// <summary>O(n·ε·growth) with n ≤ 200 and threshold-pivoting growth; complex arithmetic adds a small constant factor.</summary>
    private const double BackwardErrorTolerance = 1e-12;

    /// <summary>Forward error is bounded by condition number times backward error.</summary>
    private static double ForwardTolerance(double conditionNumber) => Math.Max(1e-12, conditionNumber * 1e-12);

    [Theory]
    [InlineData(2, 0.5, 31)]
    [InlineData(15, 0.2, 32)]
    [InlineData(80, 0.03, 33)]
    [InlineData(200, 0.01, 34)]
    public void Solve_MatchesDenseLU_OnRandomComplexSparseSystems(int n, double density, int seed)
    {
        var system = TestCircuits.RandomSparse(n, density, seed, TestCircuits.UniformComplex);

        Complex[] x = SparseSolve.WithComplexSparseLU(system);
        Complex[] reference = DenseReference.Solve(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(SparseSolve.RelativeDifference<Complex>(x, reference), 0, ForwardTolerance(DenseReference.ConditionNumber(system)));
    }

    [Theory]
    [InlineData(10, 2, 41, 1e3)]
    [InlineData(60, 8, 42, 1e6)]
    [InlineData(150, 20, 43, 1e9)]
    public void Solve_MatchesDenseLU_OnAcMnaSystemsWithVoltageSourceRows(int nodes, int sources, int seed, double omega)
    {
        var system = TestCircuits.RandomMna(nodes, sources, seed, TestCircuits.AcAdmittance(omega), transconductances: nodes / 10);

        Complex[] x = SparseSolve.WithComplexSparseLU(system);
        Complex[] reference = DenseReference.Solve(system);

        Assert.InRange(system.BackwardError(x), 0, BackwardErrorTolerance);
        Assert.InRange(SparseSolve.RelativeDifference<Complex>(x, reference), 0, ForwardTolerance(DenseReference.ConditionNumber(system)));
    }

    [Fact]
    public void Refactor_AtANewFrequency_GivesTheSameSolutionAsAFreshFactorization()
    {
        var first = TestCircuits.RandomMna(80, 10, seed: 44, TestCircuits.AcAdmittance(1e4));
        var second = TestCircuits.RandomMna(80, 10, seed: 44, TestCircuits.AcAdmittance(1e7)); // same circuit topology
        var lu = new ComplexSparseLU(first.Size, first.Rows, first.Columns);
        lu.Factor(first.Values);

        lu.Factor(second.Values);
        Complex[] x = [.. second.RightHandSide];
        lu.Solve(x);

        Assert.Equal(1, lu.Statistics.Refactorizations);
        // Same pivots, same operation order as a fresh factorization: agreement is limited only by rounding.
        Assert.InRange(SparseSolve.RelativeDifference<Complex>(x, SparseSolve.WithComplexSparseLU(second)), 0, 1e-12);
        Assert.InRange(second.BackwardError(x), 0, BackwardErrorTolerance);
    }
}
