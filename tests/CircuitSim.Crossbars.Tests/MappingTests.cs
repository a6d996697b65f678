using CircuitSim.Crossbars.Tests.Support;
namespace CircuitSim.Crossbars.Tests;

/// <summary>Weights to conductances, and what the builder checks about sizes and ranges.</summary>
public sealed class MappingTests
{
    [Fact]
    public void Single_EndedMapsZeroToGMinAndLargestWeightToGMax()
    {
        var (g, scale) = new WeightMapping(1e-5, 1e-4, differential: false).Map(new[,] { { 0, 2 }, { 1, 0.5 } });
        Assert.Equal(2, scale);
        AssertClose(new[,] { { 1e-5, 1e-4 }, { 5.5e-5, 3.25e-5 } }, g);
    }

    [Fact]
    public void Differential_PutsEachSignOnItsOwnColumn()
    {
        var (g, _) = new WeightMapping(1e-5, 1e-4, differential: true).Map(new[,] { { -1, 0.5 } });
        AssertClose(new[,] { { 1e-5, 1e-4, 5.5e-5, 1e-5 } }, g);
    }

    /// <summary>Equal to round-off (1e-15 relative: one multiply and one add).</summary>
    private static void AssertClose(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                Assert.True(Math.Abs(actual[i, j] - expected[i, j]) <= 1e-15 * expected[i, j], $"({i + 1}, {j + 1}): {actual[i, j]:G17} vs {expected[i, j]:G17}");
    }

    [Fact]
    public void NegativeWeightInASingleEndedArray_IsRejected() =>
        Assert.Contains("weight (1, 2) = -0.5 is negative",
            Assert.Throws<CrossbarInputException>(() => new WeightMapping(1e-5, 1e-4, false).Map(new[,] { { 1, -0.5 } })).Message);

    [Theory]
    [InlineData(0, 1e-4)]
    [InlineData(1e-4, 1e-5)]
    public void Range_MustBeIncreasingAndPositive(double gMin, double gMax) =>
        Assert.Throws<CrossbarInputException>(() => new WeightMapping(gMin, gMax, false));

    [Fact]
    public void MatrixSizeDifferentFromTheAskedSize_IsRejected() =>
        Assert.Contains("is 2x2 but the array was asked to be 3x2",
            Assert.Throws<CrossbarInputException>(() => CrossbarBuilder.Build(new CrossbarRequest { Rows = 3, Columns = 2, Weights = new double[2, 2] })).Message);

    [Fact]
    public void InputVector_MustHaveOneVoltagePerRow() =>
        Assert.Contains("2 values but the array has 3 rows",
            Assert.Throws<CrossbarInputException>(() => CrossbarBuilder.Build(new CrossbarRequest { Rows = 3, Columns = 3, Inputs = new[] { 0.1, 0.2 } })).Message);

    [Fact]
    public void RangeOutsideWhatTheDevice_HoldsIsRejected() =>
        Assert.Contains("outside what a YMEMRISTOR cell holds",
            Assert.Throws<CrossbarInputException>(() => CrossbarBuilder.Build(new CrossbarRequest { Rows = 2, Columns = 2, Device = Cells.Memristor, GMax = 1 })).Message);

    [Fact]
    public void UnknownDevice_NameListsTheKnownOnes() =>
        Assert.Contains("use one of resistor, ymemristor, ydwmtj, ymtj, yamm",
            Assert.Throws<CrossbarInputException>(() => Cells.Catalog.Parse("yfoo")).Message);

    [Fact]
    public void RandomWeights_AreReproducibleFromTheirSeed()
    {
        CrossbarDesign Make(int seed) => CrossbarBuilder.Build(new CrossbarRequest { Rows = 4, Columns = 4, WeightSeed = seed });
        Assert.Equal(Make(7).Conductances, Make(7).Conductances);
        Assert.NotEqual(Make(7).Conductances, Make(8).Conductances);
    }
}
