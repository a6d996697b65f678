using CircuitSim.Core.Expressions;

namespace CircuitSim.Core.Tests.Expressions;

/// <summary>The two table lookups of B sources: pwl() (straight lines, extended beyond the ends) and the E/G TABLE
/// form (flat beyond the ends, corners rounded by tangent parabolas over ±10 % of the shorter neighbouring segment).</summary>
public class PiecewiseLinearTableTests
{
    private static readonly double[] X = [-1, 0, 1, 3];
    private static readonly double[] Y = [-0.5, 0, 2, 2.5];

    [Theory]
    [InlineData(-3, -1.5)]
    [InlineData(-1, -0.5)]
    [InlineData(-0.5, -0.25)]
    [InlineData(0.5, 1)]
    [InlineData(2, 2.25)]
    [InlineData(4, 2.75)]
    public void Linear_InterpolatesAndExtendsTheEndSegments(double x, double expected)
    {
        var table = new PiecewiseLinearTable(X, Y, PiecewiseLinearKind.Linear);

        Assert.Equal(expected, table.Evaluate(x, out _), 14);
    }

    [Theory]
    [InlineData(-5, -0.5)]
    [InlineData(-1.5, -0.5)]
    [InlineData(-0.5, -0.25)]
    [InlineData(0.5, 1)]
    [InlineData(2, 2.25)]
    [InlineData(3.5, 2.5)]
    [InlineData(10, 2.5)]
    public void Smoothed_IsFlatBeyondTheEndsAndLinearAwayFromCorners(double x, double expected)
    {
        var table = new PiecewiseLinearTable(X, Y, PiecewiseLinearKind.Smoothed);

        Assert.Equal(expected, table.Evaluate(x, out _), 14);
    }

    [Theory]
    [InlineData(0, 0.1, 0.5, 2)]      // slopes 0.5 → 2, shorter segment 1
    [InlineData(1, 0.1, 2, 0.25)]     // 2 → 0.25
    [InlineData(3, 0.2, 0.25, 0)]     // 0.25 → 0 (the added end segment is as long as the last one, 2)
    [InlineData(-1, 0.1, 0, 0.5)]     // 0 → 0.5
    public void Smoothed_CornerIsTheParabolaTangentToBothSegments(double corner, double halfWidth, double lowerSlope, double upperSlope)
    {
        var table = new PiecewiseLinearTable(X, Y, PiecewiseLinearKind.Smoothed);
        var y = Y[Array.IndexOf(X, corner)];

        // at the corner it sits (upper − lower)·d/4 off the point; its ends join the lines with their slopes
        Assert.Equal(y + (upperSlope - lowerSlope) * halfWidth / 4, table.Evaluate(corner, out var mid), 14);
        Assert.Equal(0.5 * (lowerSlope + upperSlope), mid, 12);
        Assert.Equal(y - lowerSlope * halfWidth, table.Evaluate(corner - halfWidth, out var left), 14);
        Assert.Equal(lowerSlope, left, 12);
        Assert.Equal(y + upperSlope * halfWidth, table.Evaluate(corner + halfWidth * (1 - 1e-12), out var right), 10);
        Assert.Equal(upperSlope, right, 9);
    }

    [Fact]
    public void XValuesThatDoNotIncrease_AreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new PiecewiseLinearTable([0, 1, 1], [0, 1, 2], PiecewiseLinearKind.Smoothed));

        Assert.Equal("table x values must increase: 1 is followed by 1", e.Message);
    }
}
