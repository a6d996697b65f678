using System.Numerics;

namespace CircuitSim.Numerics.Tests.Support;

/// <summary>One-shot factor-and-solve of a test system with the solvers under test.</summary>
public static class SparseSolve
{
    public static double[] WithSparseLU(SparseSystem<double> system, SparseLUOptions? options = null)
    {
        var lu = new SparseLU(system.Size, system.Rows, system.Columns, options);
        lu.Factor(system.Values);
        double[] x = [.. system.RightHandSide];
        lu.Solve(x);
        return x;
    }

    public static Complex[] WithComplexSparseLU(SparseSystem<Complex> system, SparseLUOptions? options = null)
    {
        var lu = new ComplexSparseLU(system.Size, system.Rows, system.Columns, options);
        lu.Factor(system.Values);
        Complex[] x = [.. system.RightHandSide];
        lu.Solve(x);
        return x;
    }

    /// <summary>‖x − reference‖∞ / ‖reference‖∞.</summary>
    public static double RelativeDifference<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> reference)
        where T : struct, INumberBase<T>
    {
        double difference = 0;
        for (int i = 0; i < x.Length; i++) difference = Math.Max(difference, SparseSystem<T>.Magnitude(x[i] - reference[i]));
        return difference / SparseSystem<T>.MaxMagnitude(reference);
    }
}
