using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CircuitSim.Numerics.Tests.Support;

/// <summary>MathNet dense LU (partial pivoting) as the reference solver.</summary>
public static class DenseReference
{
    public static Matrix<T> ToDense<T>(this SparseSystem<T> system)
        where T : struct, INumberBase<T>, IEquatable<T>, IFormattable
    {
        var dense = Matrix<T>.Build.Dense(system.Size, system.Size);
        int[] rows = system.Rows, columns = system.Columns;
        T[] values = system.Values;
        for (int h = 0; h < values.Length; h++) dense[rows[h], columns[h]] = values[h];
        return dense;
    }

    public static T[] Solve<T>(SparseSystem<T> system)
        where T : struct, INumberBase<T>, IEquatable<T>, IFormattable =>
        system.ToDense().LU().Solve(MathNet.Numerics.LinearAlgebra.Vector<T>.Build.DenseOfArray(system.RightHandSide)).ToArray();

    /// <summary>2-norm condition number from the singular values.</summary>
    public static double ConditionNumber<T>(SparseSystem<T> system)
        where T : struct, INumberBase<T>, IEquatable<T>, IFormattable =>
        SparseSystem<T>.Magnitude(system.ToDense().ConditionNumber());
}
