using CircuitSim.Crossbars.Tests.Support;

namespace CircuitSim.Crossbars.Tests;

/// <summary>Weight and input files: what is read, and what a malformed file is told.</summary>
public sealed class MatrixCsvTests
{
    [Fact]
    public void Reads_RowsSkippingCommentsAndBlankLines()
    {
        using var f = new TempFile("# weights\n0.5, 1\n\n-2,3e-1\n");
        var m = MatrixCsv.ReadMatrix(f.Path);
        Assert.Equal(new[,] { { 0.5, 1 }, { -2, 0.3 } }, m);
    }

    [Fact]
    public void ValueThat_IsNotANumberNamesLineAndPosition()
    {
        using var f = new TempFile("1,2,3\n4,abc,6\n");
        var e = Assert.Throws<CrossbarInputException>(() => MatrixCsv.ReadMatrix(f.Path));
        Assert.Contains(":2: value 2 'abc'", e.Message);
    }

    [Fact]
    public void RaggedRow_NamesItsLineAndBothCounts()
    {
        using var f = new TempFile("1,2,3\n4,5\n");
        var e = Assert.Throws<CrossbarInputException>(() => MatrixCsv.ReadMatrix(f.Path));
        Assert.Contains(":2: the weight matrix row has 2 values, but the first row has 3", e.Message);
    }

    [Fact]
    public void EmptyFile_IsRejected()
    {
        using var f = new TempFile("# nothing\n\n");
        Assert.Contains("has no values", Assert.Throws<CrossbarInputException>(() => MatrixCsv.ReadMatrix(f.Path)).Message);
    }

    [Fact]
    public void MissingFile_IsRejected() =>
        Assert.Contains("not found", Assert.Throws<CrossbarInputException>(() => MatrixCsv.ReadMatrix("/nonexistent/w.csv")).Message);

    [Fact]
    public void NonFiniteValue_IsRejected()
    {
        using var f = new TempFile("1,NaN\n");
        Assert.Throws<CrossbarInputException>(() => MatrixCsv.ReadMatrix(f.Path));
    }

    [Fact]
    public void Vector_ReadsAsOneLineOrOneColumn()
    {
        using var line = new TempFile("0.1,0.2,0.3\n");
        using var column = new TempFile("0.1\n0.2\n0.3\n");
        Assert.Equal(new[] { 0.1, 0.2, 0.3 }, MatrixCsv.ReadVector(line.Path));
        Assert.Equal(new[] { 0.1, 0.2, 0.3 }, MatrixCsv.ReadVector(column.Path));
    }

    [Fact]
    public void VectorThat_IsAMatrixIsRejected()
    {
        using var f = new TempFile("1,2\n3,4\n");
        Assert.Contains("one line of values or one value per line", Assert.Throws<CrossbarInputException>(() => MatrixCsv.ReadVector(f.Path)).Message);
    }
}
