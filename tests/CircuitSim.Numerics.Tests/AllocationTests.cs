using System.Numerics;
using CircuitSim.Numerics.Tests.Support;
using CircuitSim.Testing;

namespace CircuitSim.Numerics.Tests;

/// <summary>The inner loop of a simulation (refactor, solve) must not create garbage.</summary>
public class AllocationTests
{
    private static long AllocatedBytesDuring(Action action, int repetitions = 10)
    {
        action(); // the first calls may JIT-compile or tier up; only steady state matters
        action();
        return SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < repetitions; i++) action();
        });
    }

    [Fact]
    public void Refactor_AllocatesNothing()
    {
        var system = CrossbarCircuit.Build(8);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        double[] values = system.Values;
        lu.Factor(values);

        long allocated = AllocatedBytesDuring(() => lu.Factor(values));
        Assert.Equal(0, lu.Statistics.Repivots); // first: a repivot reallocates the factors
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RefactorWithADenseTrailingBlock_AllocatesNothing()
    {
        var system = CrossbarCircuit.Build(16);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        double[] values = system.Values;
        lu.Factor(values);

        Assert.True(lu.Statistics.DenseBlockSize > 0, "the crossbar should have a dense block");
        long allocated = AllocatedBytesDuring(() => lu.Factor(values));
        Assert.Equal(0, lu.Statistics.Repivots); // first: a repivot reallocates the factors
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Solve_AllocatesNothing()
    {
        var system = CrossbarCircuit.Build(8);
        var lu = new SparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        double[] x = new double[system.Size];

        Assert.Equal(0, AllocatedBytesDuring(() =>
        {
            system.RightHandSide.CopyTo(x, 0);
            lu.Solve(x);
        }));
    }

    [Fact]
    public void ComplexRefactor_AllocatesNothing()
    {
        var system = TestCircuits.RandomMna(50, 5, seed: 61, TestCircuits.AcAdmittance(1e6));
        var lu = new ComplexSparseLU(system.Size, system.Rows, system.Columns);
        Complex[] values = system.Values;
        lu.Factor(values);

        Assert.Equal(0, AllocatedBytesDuring(() => lu.Factor(values)));
    }

    [Fact]
    public void ComplexSolve_AllocatesNothing()
    {
        var system = TestCircuits.RandomMna(50, 5, seed: 62, TestCircuits.AcAdmittance(1e6));
        var lu = new ComplexSparseLU(system.Size, system.Rows, system.Columns);
        lu.Factor(system.Values);
        Complex[] x = new Complex[system.Size];

        Assert.Equal(0, AllocatedBytesDuring(() =>
        {
            system.RightHandSide.CopyTo(x, 0);
            lu.Solve(x);
        }));
    }
}
