namespace CircuitSim.Numerics.Tests;

/// <summary>Which row the pivot search picks, observed on the factors themselves.</summary>
public class ThresholdPivotingTests
{
    /// <summary>
    /// Factors [[d, 1], [1, 1]] with a full pattern. Whatever the column order, the first column's diagonal candidate
    /// is d (the transversal keeps the structural diagonal) and its competitor is 1.
    /// </summary>
    private static LUFactors<double> FactorWithDiagonal(double diagonal, double relativeTolerance)
    {
        var pattern = new SparsityPattern(2, [0, 1, 0, 1], [0, 0, 1, 1]);
        var symbolic = SymbolicAnalysis.Analyze(pattern);
        var threshold = new PivotThreshold(new SparseLUOptions { PivotRelTol = relativeTolerance });
        var factors = new LUFactors<double>(2, pattern.EntryCount);
        new PivotingFactorization<double, RealMagnitude>(pattern, symbolic, threshold).Factor([diagonal, 1, 1, diagonal], factors);
        return factors;
    }

    [Fact]
    public void PivotSearch_KeepsTheDiagonalWhenItIsWithinTheRelativeTolerance()
    {
        var factors = FactorWithDiagonal(diagonal: 0.01, relativeTolerance: 1e-3);

        Assert.Equal(factors.ColumnAtStep[0], factors.RowAtStep[0]);
    }

    [Fact]
    public void PivotSearch_TakesTheLargestCandidateWhenTheDiagonalIsTooSmall()
    {
        var factors = FactorWithDiagonal(diagonal: 0.01, relativeTolerance: 0.1);

        Assert.NotEqual(factors.ColumnAtStep[0], factors.RowAtStep[0]);
    }

    [Fact]
    public void PivotSearch_WithRelativeToleranceOne_IsClassicPartialPivoting()
    {
        var factors = FactorWithDiagonal(diagonal: 0.999, relativeTolerance: 1.0);

        Assert.NotEqual(factors.ColumnAtStep[0], factors.RowAtStep[0]);
    }
}
