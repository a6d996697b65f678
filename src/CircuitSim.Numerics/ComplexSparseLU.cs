using System.Numerics;

namespace CircuitSim.Numerics;

/// <summary>
/// Complex counterpart of <see cref="SparseLU"/> (e.g. for AC analysis), with the same algorithms and life cycle.
/// Pivot magnitudes are moduli.
/// </summary>
public sealed class ComplexSparseLU
{
    private readonly SparseLUEngine<Complex, ComplexMagnitude> engine;

    /// <inheritdoc cref="SparseLU(int, ReadOnlySpan{int}, ReadOnlySpan{int}, SparseLUOptions?)"/>
    public ComplexSparseLU(int n, ReadOnlySpan<int> rows, ReadOnlySpan<int> cols, SparseLUOptions? options = null)
    {
        engine = new SparseLUEngine<Complex, ComplexMagnitude>(n, rows, cols, options);
    }

    /// <inheritdoc cref="SparseLU.Size"/>
    public int Size => engine.Size;

    /// <inheritdoc cref="SparseLU.EntryCount"/>
    public int EntryCount => engine.EntryCount;

    /// <inheritdoc cref="SparseLU.Statistics"/>
    public SparseLUStatistics Statistics => engine.Statistics;

    /// <inheritdoc cref="SparseLU.Factor"/>
    public void Factor(ReadOnlySpan<Complex> values) => engine.Factor(values);

    /// <inheritdoc cref="SparseLU.RequestRepivot"/>
    public void RequestRepivot() => engine.RequestRepivot();

    /// <inheritdoc cref="SparseLU.Solve"/>
    public void Solve(Span<Complex> b) => engine.Solve(b);
}
