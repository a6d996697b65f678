using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>Argument checking, statistics and other contract details of the public API.</summary>
public class SparseLUApiTests
{
    [Fact]
    public void Constructor_WithDuplicateEntries_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SparseLU(2, [0, 1, 0], [0, 1, 0]));

        Assert.Contains("duplicates", error.Message);
    }

    [Fact]
    public void Constructor_WithAnIndexOutsideTheMatrix_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseLU(2, [0, 2], [0, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseLU(2, [0, 1], [0, -1]));
    }

    [Fact]
    public void Constructor_WithDifferentRowAndColumnCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SparseLU(2, [0, 1], [0]));
    }

    [Theory]
    [InlineData(0.0, 1e-13)]
    [InlineData(1.5, 1e-13)]
    [InlineData(double.NaN, 1e-13)]
    [InlineData(1e-3, -1.0)]
    public void Constructor_WithInvalidPivotTolerances_Throws(double relative, double absolute)
    {
        var options = new SparseLUOptions { PivotRelTol = relative, PivotAbsTol = absolute };

        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseLU(1, [0], [0], options));
    }

    [Fact]
    public void Factor_WithTheWrongNumberOfValues_Throws()
    {
        var lu = new SparseLU(2, [0, 1], [0, 1]);

        Assert.Throws<ArgumentException>(() => lu.Factor([1.0]));
    }

    [Fact]
    public void Solve_BeforeAnyFactor_Throws()
    {
        var lu = new SparseLU(2, [0, 1], [0, 1]);

        Assert.Throws<InvalidOperationException>(() => lu.Solve(new double[2]));
    }

    [Fact]
    public void Solve_WithTheWrongLength_Throws()
    {
        var lu = new SparseLU(2, [0, 1], [0, 1]);
        lu.Factor([1.0, 2.0]);

        Assert.Throws<ArgumentException>(() => lu.Solve(new double[3]));
    }

    [Fact]
    public void Factor_ReadsValuesByHandleWhateverTheEntryOrder()
    {
        // The same 3x3 matrix [[2, 0, 1], [1, 3, 0], [0, 1, 4]] listed in a scrambled order.
        int[] rows = [2, 0, 1, 0, 2, 1], columns = [2, 0, 1, 2, 1, 0];
        var lu = new SparseLU(3, rows, columns);
        lu.Factor([4.0, 2.0, 3.0, 1.0, 1.0, 1.0]);
        double[] x = [3.0, 4.0, 5.0]; // A·(1, 1, 1)

        lu.Solve(x);

        Assert.All(x, value => Assert.Equal(1.0, value, 1e-15));
    }

    [Fact]
    public void Solve_ATwoNodeCircuitWithAVoltageSource_GivesTheNodeVoltagesAndSourceCurrent()
    {
        // 1 V source at node 0, 1 kohm from node 0 to node 1, 1 kohm from node 1 to ground: v1 = 0.5 V, I = -0.5 mA.
        var system = new SparseSystem<double>(3);
        system.StampAdmittance(0, 1, 1e-3);
        system.StampAdmittance(1, MnaStamps.Ground, 1e-3);
        system.StampVoltageSource(2, 0, MnaStamps.Ground, 1.0);

        double[] x = SparseSolve.WithSparseLU(system);

        Assert.Equal(1.0, x[0], 1e-15);
        Assert.Equal(0.5, x[1], 1e-15);
        Assert.Equal(-0.5e-3, x[2], 1e-18);
    }

    [Fact]
    public void Statistics_ReportSizesCountsAndTimes()
    {
        var system = CrossbarCircuit.Build(4);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        lu.Factor(system.Values);
        lu.Solve(new double[system.Size]);

        var statistics = lu.Statistics;

        Assert.Equal(system.Size, statistics.Size);
        Assert.Equal(system.EntryCount, statistics.MatrixNonZeros);
        Assert.InRange(statistics.FactorNonZeros, system.EntryCount, (long)system.Size * system.Size);
        Assert.Equal(1, statistics.FullFactorizations);
        Assert.Equal(1, statistics.Refactorizations);
        Assert.Equal(0, statistics.Repivots);
        Assert.True(statistics.OrderingTime > TimeSpan.Zero);
        Assert.True(statistics.FactorTime > TimeSpan.Zero);
        Assert.True(statistics.RefactorTime > TimeSpan.Zero);
        Assert.True(statistics.SolveTime > TimeSpan.Zero);
    }

    [Fact]
    public void Options_ChangedAfterConstruction_DoNotAffectTheSolver()
    {
        var options = new SparseLUOptions();
        var lu = new SparseLU(1, [0], [0], options);
        options.PivotAbsTol = 1.0;

        lu.Factor([0.5]); // a pivot of 0.5 is below the changed tolerance: the solver must not see the change
        var x = new[] { 1.0 };
        lu.Solve(x);
        Assert.Equal(2.0, x[0]);
    }
}
