namespace CircuitSim.Numerics;

/// <summary>Pivoting thresholds shared by <see cref="SparseLU"/> and <see cref="ComplexSparseLU"/>.</summary>
/// <remarks>The solver copies these values when it is constructed; changing the object afterwards has no effect on it.</remarks>
public sealed class SparseLUOptions
{
    /// <summary>
    /// The diagonal candidate (the one the fill-reducing ordering planned for) is kept while its magnitude is at least this
    /// fraction of the largest candidate in its column. Small values preserve the ordering, and hence sparsity; 1 gives
    /// classic partial pivoting. A reused pivot must pass the same test during refactorization.
    /// </summary>
    public double PivotRelTol = 1e-3;

    /// <summary>A pivot must be larger than this in magnitude; a column without such a candidate is numerically singular.</summary>
    public double PivotAbsTol = 1e-13;
}
