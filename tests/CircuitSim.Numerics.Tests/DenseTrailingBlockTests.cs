using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>Refactorization eliminates the nearly dense trailing steps of a meshed circuit as one dense block.</summary>
public class DenseTrailingBlockTests
{
    /// <summary>O(n·ε·growth) budget, as in the mesh tests: diagonal pivots on these systems keep growth near 1.</summary>
    private const double BackwardErrorTolerance = 1e-13;

    private static SparseSystem<double> WithValues(SparseSystem<double> pattern, double[] values)
    {
        var system = new SparseSystem<double>(pattern.Size);
        int[] rows = pattern.Rows, columns = pattern.Columns;
        for (int h = 0; h < values.Length; h++) system.Add(rows[h], columns[h], values[h]);
        pattern.RightHandSide.CopyTo(system.RightHandSide, 0);
        return system;
    }

    /// <summary>A fully dense n×n matrix, diagonally dominant, so its pivots are its diagonal.</summary>
    private static SparseSystem<double> Dense(int n, int seed)
    {
        var random = new Random(seed);
        var system = new SparseSystem<double>(n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) system.Add(i, j, i == j ? 2 * n : TestCircuits.UniformReal(random));
            system.RightHandSide[i] = TestCircuits.UniformReal(random);
        }
        return system;
    }

    [Fact]
    public void Factor_OfACrossbar_ChoosesADenseTrailingBlock()
    {
        var system = CrossbarCircuit.Build(16);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);

        lu.Factor(system.Values);

        Assert.InRange(lu.Statistics.DenseBlockSize, 16, system.Size);
    }

    [Fact]
    public void Factor_OfALadder_KeepsEveryStepSparse()
    {
        // a chain of resistors has no fill: every column of L holds one entry, which the sparse update does in one step
        var system = new SparseSystem<double>(500);
        for (int i = 0; i + 1 < 500; i++) system.StampAdmittance(i, i + 1, 1e-3);
        system.StampAdmittance(0, MnaStamps.Ground, 1e-2);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);

        lu.Factor(system.Values);

        Assert.Equal(0, lu.Statistics.DenseBlockSize);
    }

    [Fact]
    public void Refactor_WithADenseBlock_SolvesEachNewSystemAccurately()
    {
        var system = CrossbarCircuit.Build(16);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        Assert.True(lu.Statistics.DenseBlockSize > 0, "the crossbar should have a dense block");

        for (int step = 0; step < 5; step++)
        {
            var values = TestCircuits.Perturbed(system.Values, seed: 200 + step);
            lu.Factor(values);
            double[] x = [.. system.RightHandSide];
            lu.Solve(x);

            Assert.InRange(WithValues(system, values).BackwardError(x), 0, BackwardErrorTolerance);
        }
        Assert.Equal(5, lu.Statistics.Refactorizations);
    }

    [Fact]
    public void Refactor_WithADenseBlock_AgreesWithAFreshFactorization()
    {
        var system = CrossbarCircuit.Build(16);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        var values = TestCircuits.Perturbed(system.Values, seed: 210);

        lu.Factor(values);
        double[] x = [.. system.RightHandSide];
        lu.Solve(x);

        var expected = SparseSolve.WithSparseLU(WithValues(system, values));
        Assert.Equal(1, lu.Statistics.Refactorizations);
        // the same pivots and products; only the order of the block's subtractions differs, so only rounding can (the
        // same budget as the sparse refactorization's agreement test; measured 2e-18)
        Assert.InRange(SparseSolve.RelativeDifference<double>(x, expected), 0, 1e-13);
    }

    [Fact]
    public void Refactor_OfADenseMatrix_EliminatesItAsOneBlock()
    {
        var system = Dense(40, seed: 7);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);

        lu.Factor(TestCircuits.Perturbed(system.Values, seed: 8));

        Assert.Equal(40, lu.Statistics.DenseBlockSize);
        Assert.Equal(1, lu.Statistics.Refactorizations);
    }

    [Fact]
    public void Refactor_WhenAPivotInTheDenseBlockBecomesTooSmall_RepivotsAndStillSolves()
    {
        // every diagonal 1e-12 of its old value, the off-diagonals unchanged: the first reused pivot is far below the
        // relative tolerance against its column and must be rejected
        var system = Dense(40, seed: 9);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        int[] rows = system.Rows, columns = system.Columns;
        var values = system.Values.Select((v, h) => rows[h] == columns[h] ? v * 1e-12 : v).ToArray();

        lu.Factor(values);
        double[] x = [.. system.RightHandSide];
        lu.Solve(x);

        Assert.Equal(1, lu.Statistics.Repivots);
        Assert.Equal(2, lu.Statistics.FullFactorizations);
        // no diagonal dominance now: partial pivoting's growth on a random dense matrix stays modest; 1e-12 allows it
        Assert.InRange(WithValues(system, values).BackwardError(x), 0, 1e-12);
    }
}
