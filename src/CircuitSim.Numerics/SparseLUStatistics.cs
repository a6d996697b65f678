namespace CircuitSim.Numerics;

/// <summary>A snapshot of what a sparse LU solver has done so far, for diagnostics and benchmarks.</summary>
public readonly record struct SparseLUStatistics
{
    /// <summary>Number of unknowns.</summary>
    public int Size { get; init; }

    /// <summary>Number of entries in the pattern of A.</summary>
    public int MatrixNonZeros { get; init; }

    /// <summary>Stored entries of the current factors: strictly lower L (its unit diagonal is implicit) plus U with its diagonal.</summary>
    public long FactorNonZeros { get; init; }

    /// <summary>Trailing steps that refactorization eliminates as one dense block (0: none pays on this pattern).</summary>
    public int DenseBlockSize { get; init; }

    /// <summary>Factorizations that searched for pivots (the first one, after a re-pivot request, or after a rejected pivot).</summary>
    public int FullFactorizations { get; init; }

    /// <summary>Successful numeric refactorizations that reused the previous pivots and factor pattern.</summary>
    public int Refactorizations { get; init; }

    /// <summary>Refactorizations abandoned because a reused pivot failed the threshold test (each followed by a full factorization).</summary>
    public int Repivots { get; init; }

    /// <summary>Pivots accepted below the absolute tolerance because their column had nothing larger (Sparse's spSMALL_PIVOT).</summary>
    public int SmallPivots { get; init; }

    /// <summary>Time spent in the symbolic analysis: maximum transversal plus fill-reducing ordering.</summary>
    public TimeSpan OrderingTime { get; init; }

    /// <summary>Time spent in full (pivot-searching) factorizations.</summary>
    public TimeSpan FactorTime { get; init; }

    /// <summary>Time spent in refactorizations, including attempts that ended in a re-pivot.</summary>
    public TimeSpan RefactorTime { get; init; }

    /// <summary>Time spent in triangular solves.</summary>
    public TimeSpan SolveTime { get; init; }
}
