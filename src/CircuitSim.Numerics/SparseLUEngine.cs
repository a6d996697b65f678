using System.Diagnostics;
using System.Numerics;

namespace CircuitSim.Numerics;

/// <summary>
/// The factorization life cycle shared by <see cref="SparseLU"/> and <see cref="ComplexSparseLU"/>: symbolic analysis
/// once per pattern, a pivot-searching factorization when needed, cheap refactorizations otherwise, and solves.
/// </summary>
internal sealed class SparseLUEngine<T, TMagnitude>
    where T : struct, INumberBase<T>
    where TMagnitude : struct, IScalarMagnitude<T>
{
    private readonly SparsityPattern pattern;
    private readonly PivotThreshold threshold;
    private readonly LUFactors<T> factors;
    private readonly T[] refactorWork;
    private readonly T[] solveWork;
    private PivotingFactorization<T, TMagnitude>? pivoting;

    /// <summary>Whether the next Factor must search for pivots (no valid pivot sequence, or one was requested).</summary>
    private bool pivotSearchNeeded = true;

    /// <summary>Whether the factors currently hold a complete factorization that Solve may use.</summary>
    private bool factored;

    private int fullFactorizations;
    private int refactorizations;
    private int repivots;
    private long orderingTicks;
    private long factorTicks;
    private long refactorTicks;
    private long solveTicks;

    public SparseLUEngine(int size, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, SparseLUOptions? options)
    {
        threshold = new PivotThreshold(options ?? new SparseLUOptions());
        pattern = new SparsityPattern(size, rows, columns);
        factors = new LUFactors<T>(size, pattern.EntryCount);
        refactorWork = new T[size];
        solveWork = new T[size];
    }

    public int Size => pattern.Size;

    public int EntryCount => pattern.EntryCount;

    public SparseLUStatistics Statistics => new()
    {
        Size = Size,
        MatrixNonZeros = EntryCount,
        FactorNonZeros = factored ? factors.NonZeros : 0,
        DenseBlockSize = factors.TrailingBlock.Size,
        FullFactorizations = fullFactorizations,
        Refactorizations = refactorizations,
        Repivots = repivots,
        SmallPivots = pivoting?.SmallPivots ?? 0,
        OrderingTime = Stopwatch.GetElapsedTime(0, orderingTicks),
        FactorTime = Stopwatch.GetElapsedTime(0, factorTicks),
        RefactorTime = Stopwatch.GetElapsedTime(0, refactorTicks),
        SolveTime = Stopwatch.GetElapsedTime(0, solveTicks),
    };

    public void Factor(ReadOnlySpan<T> values)
    {
        if (values.Length != EntryCount)
            throw new ArgumentException($"Expected {EntryCount} values (one per pattern entry) but got {values.Length}.", nameof(values));

        factored = false;
        long start = Stopwatch.GetTimestamp();
        if (!pivotSearchNeeded)
        {
            int rejectedStep = Refactorization<T, TMagnitude>.Run(factors, values, refactorWork, threshold);
            long end = Stopwatch.GetTimestamp();
            refactorTicks += end - start;
            if (rejectedStep < 0)
            {
                refactorizations++;
                factored = true;
                return;
            }

            repivots++;
            pivotSearchNeeded = true;
            start = end;
        }

        if (pivoting is null)
        {
            pivoting = new PivotingFactorization<T, TMagnitude>(pattern, SymbolicAnalysis.Analyze(pattern), threshold);
            long end = Stopwatch.GetTimestamp();
            orderingTicks += end - start;
            start = end;
        }

        pivoting.Factor(values, factors);
        factors.TrailingBlock.Reset(factors);
        factorTicks += Stopwatch.GetTimestamp() - start;
        fullFactorizations++;
        pivotSearchNeeded = false;
        factored = true;
    }

    public void RequestRepivot() => pivotSearchNeeded = true;

    public void Solve(Span<T> b)
    {
        if (!factored) throw new InvalidOperationException("Solve requires a successful Factor first.");
        if (b.Length != Size)
            throw new ArgumentException($"Expected a right-hand side of length {Size} but got {b.Length}.", nameof(b));

        long start = Stopwatch.GetTimestamp();
        TriangularSolve<T>.Run(factors, b, solveWork);
        solveTicks += Stopwatch.GetTimestamp() - start;
    }
}
