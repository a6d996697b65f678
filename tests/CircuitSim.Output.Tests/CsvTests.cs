using System.Numerics;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

public class CsvTests
{
    [Fact]
    public void RealRoundTrip_IsBitExact()
    {
        using var dir = new TempDir();
        var set = Samples.Transient();
        CsvFile.Write(dir.File("t.csv"), set);
        var back = CsvFile.Read(dir.File("t.csv"));
        Assert.Equal(set.Vectors.Select(v => v.Name), back.Vectors.Select(v => v.Name));
        for (int i = 0; i < set.Vectors.Count; i++)
            for (int k = 0; k < set.PointCount; k++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(set.Vectors[i].Real![k]), BitConverter.DoubleToInt64Bits(back.Vectors[i].Real![k]));
    }

    [Fact]
    public void HeaderRow_HasTheVectorNamesAndRowsUseInvariantRoundTripNumbers()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("c", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, [0.0, 1e-5]),
            new WaveformVector("v(x1.mid)", VectorKind.Voltage, [0.1, 1.0 / 3]),
            new WaveformVector("@m1[id]", VectorKind.Current, [-2.5e-3, 1e21]),
        ]);
        CsvFile.Write(dir.File("c.csv"), set);
        Assert.Equal("time,v(x1.mid),@m1[id]\n0,0.1,-0.0025\n1E-05,0.3333333333333333,1E+21\n", File.ReadAllText(dir.File("c.csv")));
    }

    [Fact]
    public void ComplexVectors_AreWrittenAsRealAndImagColumns_WithASingleFrequencyColumn()
    {
        using var dir = new TempDir();
        CsvFile.Write(dir.File("ac.csv"), Samples.Ac(3));
        var header = File.ReadLines(dir.File("ac.csv")).First();
        Assert.Equal("frequency,real(v(in)),imag(v(in)),real(v(out)),imag(v(out)),real(i(v1)),imag(i(v1))", header);
    }

    [Fact]
    public void ComplexRoundTrip_RealImaginary_IsBitExact()
    {
        using var dir = new TempDir();
        var set = Samples.Ac();
        CsvFile.Write(dir.File("ac.csv"), set);
        var back = CsvFile.Read(dir.File("ac.csv"));
        Assert.Equal(PlotNames.Ac, back.PlotName);
        Assert.Equal(["frequency", "v(in)", "v(out)", "i(v1)"], back.Vectors.Select(v => v.Name));
        Assert.False(back.Scale!.IsComplex);
        Assert.Equal(set.Scale!.Real!, back.Scale.Real!);
        Assert.Equal(set["v(out)"].Complex!, back["v(out)"].Complex!);
        Assert.Equal(VectorKind.Current, back["i(v1)"].Kind);
    }

    [Fact]
    public void ComplexRoundTrip_MagnitudePhase_UsesMagAndPhColumnsAndIsClose()
    {
        using var dir = new TempDir();
        var set = Samples.Ac();
        CsvFile.Write(dir.File("ac.csv"), set, new CsvOptions { ComplexFormat = CsvComplexFormat.MagnitudePhase });
        Assert.StartsWith("frequency,mag(v(in)),ph(v(in)),mag(v(out)),ph(v(out))", File.ReadLines(dir.File("ac.csv")).First());
        var back = CsvFile.Read(dir.File("ac.csv"));
        for (int k = 0; k < set.PointCount; k++)
            Assert.True((set["v(out)"].Complex![k] - back["v(out)"].Complex![k]).Magnitude < 1e-15);
    }

    [Fact]
    public void NamesWithTheSeparator_AreQuoted()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("q", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, [0.0]),
            new WaveformVector("v(a,b)", VectorKind.Voltage, [1.0]),
        ]);
        CsvFile.Write(dir.File("q.csv"), set);
        Assert.Equal("time,\"v(a,b)\"", File.ReadLines(dir.File("q.csv")).First());
        Assert.Equal(1.0, CsvFile.Read(dir.File("q.csv"))["v(a,b)"].Real![0]);
    }

    [Fact]
    public void Reader_ReadsNgspiceReferenceStyleCsv()
    {
        const string text = """
            vin,v(out),i(vin)
            0.000000000000e+00,0.000000000000e+00,-0.000000000000e+00
            5.000000000000e-01,3.333333333333e-01,-1.666666666667e-04
            """;
        var set = CsvFile.Read(new StringReader(text));
        Assert.Equal(PlotNames.DcTransfer, set.PlotName);
        Assert.Equal(VectorKind.Voltage, set.Scale!.Kind); // bare swept-source name as scale
        Assert.Equal(VectorKind.Current, set["i(vin)"].Kind);
        Assert.Equal(3.333333333333e-01, set["v(out)"].Real![1]);
    }

    [Fact]
    public void Reader_SingleRowWithoutScale_IsAnOperatingPoint()
    {
        var set = CsvFile.Read(new StringReader("v(in),v(out),i(v1)\n5,2.5,-0.0025\n"));
        Assert.Equal(PlotNames.OperatingPoint, set.PlotName);
        Assert.Equal(1, set.PointCount);
    }

    [Fact]
    public void Reader_RowWithTheWrongNumberOfFields_Throws()
    {
        Assert.Throws<InvalidDataException>(() => CsvFile.Read(new StringReader("time,v(a)\n0,1\n1\n")));
    }

    [Fact]
    public void Reader_FileCutInItsLastRow_ReadsTheWholeRowsBeforeIt()
    {
        // a run killed during a write leaves the last row short and without its newline
        using var dir = new TempDir();
        var path = dir.File("cut.csv");
        File.WriteAllText(path, "time,v(a),v(b)\n0,1,2\n1,3,4\n2,5");
        var set = CsvFile.Read(path);
        Assert.Equal(2, set.PointCount);
        Assert.Equal(new[] { 0.0, 1.0 }, set.Scale!.RealPart());
    }

    [Fact]
    public void Reader_ShortLastRowEndingInANewline_Throws()
    {
        // a finished file whose last row is short is malformed, not cut
        using var dir = new TempDir();
        var path = dir.File("short.csv");
        File.WriteAllText(path, "time,v(a),v(b)\n0,1,2\n2,5\n");
        Assert.Throws<InvalidDataException>(() => CsvFile.Read(path));
    }

    [Fact]
    public void NonFiniteValues_RoundTrip()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("nf", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, [0.0, 1.0, 2.0]),
            new WaveformVector("v(a)", VectorKind.Voltage, [double.NaN, double.PositiveInfinity, double.NegativeInfinity]),
        ]);
        CsvFile.Write(dir.File("nf.csv"), set);
        var v = CsvFile.Read(dir.File("nf.csv"))["v(a)"].Real!;
        Assert.True(double.IsNaN(v[0]));
        Assert.Equal(double.PositiveInfinity, v[1]);
        Assert.Equal(double.NegativeInfinity, v[2]);
    }
}
