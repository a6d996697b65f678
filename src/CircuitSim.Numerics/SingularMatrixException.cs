namespace CircuitSim.Numerics;

/// <summary>
/// Thrown when a matrix has no acceptable pivot for some unknown. <see cref="Index"/> is an original (caller-numbered)
/// row or column, which in modified nodal analysis names a node or branch, so the engine can report which one is at fault.
/// </summary>
public sealed class SingularMatrixException : Exception
{
    public SingularMatrixException(int index, bool structural, string message)
        : base(message)
    {
        Index = index;
        Structural = structural;
    }

    /// <summary>The original 0-based row or column that could not be given a pivot.</summary>
    public int Index { get; }

    /// <summary>
    /// True when the sparsity pattern alone makes the matrix singular (no values could fix it, e.g. a floating node with no
    /// entries or two voltage sources in parallel to ground); false when the pattern is fine but the values are singular.
    /// </summary>
    public bool Structural { get; }
}
