using System.Numerics;

namespace CircuitSim.Numerics.Tests.Support;

/// <summary>
/// A sparse system A·x = b assembled the way a circuit engine does it: stamps to the same (row, column) add up, and each
/// distinct position gets a handle in order of first use. Exposes the handle-ordered pattern and values SparseLU expects.
/// </summary>
public sealed class SparseSystem<T>
    where T : struct, INumberBase<T>
{
    private readonly Dictionary<(int Row, int Column), int> handles = [];
    private readonly List<int> rows = [];
    private readonly List<int> columns = [];
    private readonly List<T> values = [];

    public SparseSystem(int size)
    {
        Size = size;
        RightHandSide = new T[size];
    }

    public int Size { get; }

    public T[] RightHandSide { get; }

    public int EntryCount => values.Count;

    public int[] Rows => [.. rows];

    public int[] Columns => [.. columns];

    public T[] Values => [.. values];

    /// <summary>Adds <paramref name="value"/> at (row, column), creating the entry (even for a zero value) on first use.</summary>
    public void Add(int row, int column, T value)
    {
        if (!handles.TryGetValue((row, column), out int handle))
        {
            handle = values.Count;
            handles.Add((row, column), handle);
            rows.Add(row);
            columns.Add(column);
            values.Add(T.Zero);
        }

        values[handle] += value;
    }

    public T[] Multiply(ReadOnlySpan<T> x)
    {
        var result = new T[Size];
        for (int h = 0; h < values.Count; h++) result[rows[h]] += values[h] * x[columns[h]];
        return result;
    }

    /// <summary>
    /// Normwise backward error ‖b − A·x‖∞ / (‖A‖∞·‖x‖∞ + ‖b‖∞): the smallest relative perturbation of A and b for which x is
    /// the exact solution. A backward-stable solver keeps it at a small multiple of machine epsilon whatever the conditioning.
    /// </summary>
    public double BackwardError(ReadOnlySpan<T> x)
    {
        T[] ax = Multiply(x);
        double residual = 0;
        for (int i = 0; i < Size; i++) residual = Math.Max(residual, Magnitude(RightHandSide[i] - ax[i]));
        return residual / (NormInf() * MaxMagnitude(x) + MaxMagnitude(RightHandSide));
    }

    private double NormInf()
    {
        var rowSums = new double[Size];
        for (int h = 0; h < values.Count; h++) rowSums[rows[h]] += Magnitude(values[h]);
        return rowSums.Max();
    }

    public static double Magnitude(T value) => Complex.Abs(Complex.CreateTruncating(value));

    public static double MaxMagnitude(ReadOnlySpan<T> v)
    {
        double max = 0;
        foreach (T item in v) max = Math.Max(max, Magnitude(item));
        return max;
    }
}
