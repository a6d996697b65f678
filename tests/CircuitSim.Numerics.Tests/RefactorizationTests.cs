using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>Behaviour of later Factor calls, which reuse the pivots and factor pattern of the first.</summary>
public class RefactorizationTests
{
    [Fact]
    public void Refactor_AfterValuesChange_GivesTheSameSolutionAsAFreshFactorization()
    {
        var system = TestCircuits.RandomMna(120, 15, seed: 51, TestCircuits.Conductance(-5, -1), transconductances: 12);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);

        double[] changed = TestCircuits.Perturbed(system.Values, seed: 52);
        lu.Factor(changed);
        double[] x = [.. system.RightHandSide];
        lu.Solve(x);

        var fresh = new SparseLU(system.Size, system.Rows, system.Columns);
        fresh.Factor(changed);
        double[] expected = [.. system.RightHandSide];
        fresh.Solve(expected);
        Assert.Equal(1, lu.Statistics.Refactorizations);
        Assert.Equal(0, lu.Statistics.Repivots);
        // Both factorizations pick the same pivots and apply identical operations, so only rounding could differ.
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, expected), 0, 1e-13);
    }

    [Fact]
    public void Refactor_ManyTimes_KeepsSolvingEachNewSystemAccurately()
    {
        var system = TestCircuits.RandomMna(60, 6, seed: 53, TestCircuits.Conductance(-5, -1), transconductances: 6);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);

        for (int step = 0; step < 20; step++)
        {
            double[] values = TestCircuits.Perturbed(system.Values, seed: 100 + step);
            var stepSystem = new SparseSystem<double>(system.Size);
            int[] rows = system.Rows, columns = system.Columns;
            for (int h = 0; h < values.Length; h++) stepSystem.Add(rows[h], columns[h], values[h]);
            system.RightHandSide.CopyTo(stepSystem.RightHandSide, 0);

            lu.Factor(values);
            double[] x = [.. system.RightHandSide];
            lu.Solve(x);

            // O(n·ε·growth) backward-error budget, as in the agreement tests.
            Assert.InRange(stepSystem.BackwardError(x), 0, 1e-12);
        }

        // Every later Factor either refactored or, when a perturbed pivot became unacceptable, re-pivoted.
        Assert.Equal(20, lu.Statistics.Refactorizations + lu.Statistics.Repivots);
        Assert.Equal(1 + lu.Statistics.Repivots, lu.Statistics.FullFactorizations);
    }

    [Fact]
    public void Refactor_WhenAReusedPivotBecomesTooSmall_RepivotsAndStillSolves()
    {
        // [[4, 1], [1, 3]] pivots on its diagonal; in [[1e-20, 1], [1, 1e-20]] whichever diagonal comes first is
        // 1e-20 against a column maximum of 1, far below the relative tolerance, so the reused pivot must be rejected.
        int[] rows = [0, 0, 1, 1], columns = [0, 1, 0, 1];
        var lu = new SparseLU(2, rows, columns);
        lu.Factor([4, 1, 1, 3]);

        lu.Factor([1e-20, 1, 1, 1e-20]);
        double[] x = [1, 2];
        lu.Solve(x);

        Assert.Equal(1, lu.Statistics.Repivots);
        Assert.Equal(2, lu.Statistics.FullFactorizations);
        Assert.Equal(0, lu.Statistics.Refactorizations);
        // Exact solution is x = (2, 1) up to O(1e-20) terms; the off-diagonal pivots make it exact to rounding.
        Assert.Equal(2, x[0], 1e-15);
        Assert.Equal(1, x[1], 1e-15);
    }

    [Fact]
    public void Refactor_AfterRepivoting_ReusesTheNewPivots()
    {
        int[] rows = [0, 0, 1, 1], columns = [0, 1, 0, 1];
        var lu = new SparseLU(2, rows, columns);
        lu.Factor([4, 1, 1, 3]);
        lu.Factor([1e-20, 1, 1, 1e-20]);

        lu.Factor([2e-20, 1, 1, 3e-20]);

        Assert.Equal(1, lu.Statistics.Refactorizations);
        Assert.Equal(1, lu.Statistics.Repivots);
    }

    [Fact]
    public void RequestRepivot_MakesTheNextFactorSearchForPivotsAgain()
    {
        var system = TestCircuits.RandomMna(30, 3, seed: 54, TestCircuits.Conductance(-4, -1));
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);

        lu.RequestRepivot();
        lu.Factor(system.Values);
        lu.Factor(system.Values);

        Assert.Equal(2, lu.Statistics.FullFactorizations);
        Assert.Equal(1, lu.Statistics.Refactorizations);
        Assert.Equal(0, lu.Statistics.Repivots);
    }

    [Fact]
    public void Factor_AfterASingularFactorization_SucceedsOnceValuesAreValidAgain()
    {
        int[] rows = [0, 0, 1, 1], columns = [0, 1, 0, 1];
        var lu = new SparseLU(2, rows, columns);
        lu.Factor([4, 1, 1, 3]);
        Assert.Throws<SingularMatrixException>(() => lu.Factor([1, 2, 2, 4]));
        Assert.Throws<InvalidOperationException>(() => lu.Solve(new double[2]));

        lu.Factor([4, 1, 1, 3]);
        double[] x = [5, 4];
        lu.Solve(x);

        Assert.Equal(1, x[0], 1e-15);
        Assert.Equal(1, x[1], 1e-15);
    }
}
