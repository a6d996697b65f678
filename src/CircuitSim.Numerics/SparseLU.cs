namespace CircuitSim.Numerics;

/// <summary>
/// Sparse LU factorization of real circuit (MNA) matrices with a fixed sparsity pattern, in the spirit of KLU.
/// </summary>
/// <remarks>
/// <para>
/// The pattern is given once as a list of (row, column) entries; entry k is handle k, and every <see cref="Factor"/>
/// receives the values as a flat span in handle order. The first factorization computes a maximum transversal (so the
/// zero diagonals of voltage-source rows are harmless), an approximate-minimum-degree ordering, and a left-looking
/// factorization with threshold partial pivoting. Later factorizations reuse the pivots and factor pattern and only
/// redo the arithmetic, falling back to a new pivot search if a reused pivot has become unacceptable.
/// </para>
/// <para><see cref="Solve"/> and refactorizations allocate nothing. Instances are not thread-safe.</para>
/// </remarks>
public sealed class SparseLU
{
    private readonly SparseLUEngine<double, RealMagnitude> engine;

    /// <param name="n">Number of unknowns.</param>
    /// <param name="rows">0-based row of each entry.</param>
    /// <param name="cols">0-based column of each entry; (rows[k], cols[k]) must all be distinct.</param>
    /// <param name="options">Pivoting thresholds; the defaults suit circuit matrices.</param>
    public SparseLU(int n, ReadOnlySpan<int> rows, ReadOnlySpan<int> cols, SparseLUOptions? options = null)
    {
        engine = new SparseLUEngine<double, RealMagnitude>(n, rows, cols, options);
    }

    /// <summary>Number of unknowns.</summary>
    public int Size => engine.Size;

    /// <summary>Number of pattern entries (handles).</summary>
    public int EntryCount => engine.EntryCount;

    /// <summary>Counters and timings of the work done so far.</summary>
    public SparseLUStatistics Statistics => engine.Statistics;

    /// <summary>
    /// Factors the matrix with the given values (in handle order). Searches for pivots on the first call, after
    /// <see cref="RequestRepivot"/>, or when a reused pivot fails the threshold test; otherwise refactors in place.
    /// </summary>
    /// <exception cref="SingularMatrixException">The matrix is structurally or numerically singular.</exception>
    public void Factor(ReadOnlySpan<double> values) => engine.Factor(values);

    /// <summary>Makes the next <see cref="Factor"/> choose pivots afresh (the fill-reducing column order is kept).</summary>
    public void RequestRepivot() => engine.RequestRepivot();

    /// <summary>Solves A·x = b in place: <paramref name="b"/> is replaced by x.</summary>
    public void Solve(Span<double> b) => engine.Solve(b);
}
