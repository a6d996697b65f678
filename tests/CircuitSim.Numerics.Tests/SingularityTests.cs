using CircuitSim.Numerics.Tests.Support;

namespace CircuitSim.Numerics.Tests;

/// <summary>Singular matrices are reported with the unknown at fault and whether the pattern or the values are to blame.</summary>
public class SingularityTests
{
    private static SingularMatrixException FactorExpectingSingular(SparseSystem<double> system)
    {
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        return Assert.Throws<SingularMatrixException>(() => lu.Factor(system.Values));
    }

    /// <summary>Three nodes in a resistor chain to ground; the caller adds the defect.</summary>
    private static SparseSystem<double> Chain(int size)
    {
        var system = new SparseSystem<double>(size);
        system.StampAdmittance(0, MnaStamps.Ground, 1.0);
        system.StampAdmittance(0, 1, 1.0);
        system.StampAdmittance(1, 2, 1.0);
        return system;
    }

    [Fact]
    public void Factor_WithAnUnknownThatHasNoEntries_ThrowsStructuralNamingIt()
    {
        var system = Chain(4); // node 3 is referenced by nothing

        var error = FactorExpectingSingular(system);

        Assert.True(error.Structural);
        Assert.Equal(3, error.Index);
        Assert.Contains("structurally singular", error.Message);
    }

    [Fact]
    public void Factor_WithAnEmptyRow_ThrowsStructuralNamingThatRow()
    {
        var system = Chain(4);
        system.Add(2, 3, 1.0); // column 3 has an entry, row 3 has none

        var error = FactorExpectingSingular(system);

        Assert.True(error.Structural);
        Assert.Equal(3, error.Index);
    }

    [Fact]
    public void Factor_WithAnEmptyColumn_ThrowsStructuralNamingThatColumn()
    {
        var system = Chain(4);
        system.Add(3, 2, 1.0); // row 3 has an entry, column 3 has none

        var error = FactorExpectingSingular(system);

        Assert.True(error.Structural);
        Assert.Equal(3, error.Index);
    }

    [Fact]
    public void Factor_WithTwoVoltageSourcesInParallelToGround_ThrowsStructuralNamingTheSecondSource()
    {
        // Both branch rows read "v(0) = E" and both branch currents only enter node 0's row: two columns compete for
        // one row, whatever the values.
        var system = new SparseSystem<double>(3);
        system.StampAdmittance(0, MnaStamps.Ground, 1e-3);
        system.StampVoltageSource(1, 0, MnaStamps.Ground, 1.0);
        system.StampVoltageSource(2, 0, MnaStamps.Ground, 1.0);

        var error = FactorExpectingSingular(system);

        Assert.True(error.Structural);
        Assert.Equal(2, error.Index);
    }

    [Fact]
    public void Factor_WithTwoVoltageSourcesInParallelBetweenNodes_ThrowsNumericalNamingAnUnknownOfTheLoop()
    {
        // Floating sources between nodes 0 and 1 give a full-rank pattern, but the two branch rows are identical.
        var system = new SparseSystem<double>(5);
        system.StampAdmittance(0, MnaStamps.Ground, 1e-3);
        system.StampAdmittance(1, 2, 1e-3);
        system.StampAdmittance(2, MnaStamps.Ground, 1e-3);
        system.StampVoltageSource(3, 0, 1, 1.0);
        system.StampVoltageSource(4, 0, 1, 2.0);

        var error = FactorExpectingSingular(system);

        Assert.False(error.Structural);
        Assert.Contains(error.Index, new[] { 0, 1, 3, 4 });
        Assert.Contains("numerically singular", error.Message);
    }

    [Fact]
    public void Factor_WithAColumnOfZeroValues_ThrowsNumericalNamingThatColumn()
    {
        // Node 3 is connected only through capacitors, stamped with zero conductance at DC.
        var system = Chain(4);
        system.StampAdmittance(3, 2, 0.0);
        system.StampAdmittance(3, MnaStamps.Ground, 0.0);

        var error = FactorExpectingSingular(system);

        Assert.False(error.Structural);
        Assert.Equal(3, error.Index);
    }

    [Fact]
    public void Factor_WithLinearlyDependentRows_ThrowsNumerical()
    {
        var system = new SparseSystem<double>(3);
        double[,] values = { { 1, 2, 0 }, { 0, 1, 3 }, { 1, 3, 3 } }; // row 2 = row 0 + row 1
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                if (values[i, j] != 0) system.Add(i, j, values[i, j]);
            }
        }

        var error = FactorExpectingSingular(system);

        Assert.False(error.Structural);
    }

    [Fact]
    public void Factor_WithOnlyAPivotBelowTheAbsoluteTolerance_TakesItAndCountsIt()
    {
        // Sparse 1.3 semantics (spSMALL_PIVOT): the largest candidate is used even below PIVTOL; only zero is singular
        var lu = new SparseLU(1, [0], [0]);
        lu.Factor([1e-14]);
        double[] x = [1e-14];

        lu.Solve(x);

        Assert.Equal(1.0, x[0], 1e-15);
        Assert.Equal(1, lu.Statistics.SmallPivots);
    }

    [Fact]
    public void Factor_OfAHighGainAmplifierChainJacobian_Succeeds()
    {
        // The Newton Jacobian of ten CMOS inverters all biased mid-rail (gain ≈ 44 per stage, condition number ≈ 6e18):
        // some pivot order gives a pivot below 1e-13, which must not be reported as singular.
        var (rows, cols, values) = TestCircuits.InverterChainJacobian();
        var lu = new SparseLU(14, rows, cols);

        lu.Factor(values);
        var b = new double[14];
        b[12] = 3.3; // VDD
        lu.Solve(b);

        Assert.Equal(3.3, b[0], 1e-9); // v(vdd) is fixed by its source row whatever the conditioning
    }

    [Fact]
    public void Factor_WithAZeroAbsoluteTolerance_AcceptsTinyPivots()
    {
        var lu = new SparseLU(1, [0], [0], new SparseLUOptions { PivotAbsTol = 0 });
        lu.Factor([1e-200]);
        double[] x = [1e-200];

        lu.Solve(x);

        Assert.Equal(1.0, x[0], 1e-15);
    }

    [Fact]
    public void Refactor_ToSingularValues_ThrowsNumericalAndLeavesNoFactorization()
    {
        var system = Chain(3);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        double[] zeros = new double[system.EntryCount];

        var error = Assert.Throws<SingularMatrixException>(() => lu.Factor(zeros));

        Assert.False(error.Structural);
        Assert.Throws<InvalidOperationException>(() => lu.Solve(new double[3]));
    }

    [Fact]
    public void ComplexFactor_WithAColumnOfZeroValues_ThrowsNumericalNamingThatColumn()
    {
        var lu = new ComplexSparseLU(2, [0, 1, 0], [0, 0, 1]);

        var error = Assert.Throws<SingularMatrixException>(() => lu.Factor([1, 2, 0]));

        Assert.False(error.Structural);
        Assert.Equal(1, error.Index);
    }
}
