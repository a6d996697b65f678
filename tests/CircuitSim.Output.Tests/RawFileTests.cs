using System.Numerics;
using System.Text;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

public class RawFileTests
{
    private static void AssertBitExact(WaveformSet expected, WaveformSet actual)
    {
        Assert.Equal(expected.Vectors.Count, actual.Vectors.Count);
        for (int i = 0; i < expected.Vectors.Count; i++)
        {
            var e = expected.Vectors[i];
            var a = actual.Vectors[i];
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Length, a.Length);
            for (int k = 0; k < e.Length; k++)
            {
                if (e.Real is not null && a.Real is not null)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(e.Real[k]), BitConverter.DoubleToInt64Bits(a.Real[k]));
                }
                else
                {
                    Complex x = e[k], y = a[k];
                    Assert.Equal(BitConverter.DoubleToInt64Bits(x.Real), BitConverter.DoubleToInt64Bits(y.Real));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(x.Imaginary), BitConverter.DoubleToInt64Bits(y.Imaginary));
                }
            }
        }
    }

    [Fact]
    public void BinaryRealRoundTrip_IsBitExact()
    {
        using var dir = new TempDir();
        var set = Samples.Transient();
        RawFile.Write(dir.File("t.raw"), set);
        var back = RawFile.ReadFirst(dir.File("t.raw"));
        AssertBitExact(set, back);
        Assert.Equal(set.Title, back.Title);
        Assert.Equal(PlotNames.Transient, back.PlotName);
        Assert.Equal(Samples.FixedDate, back.Date);
        Assert.False(back.IsComplex);
    }

    [Fact]
    public void BinaryComplexRoundTrip_IsBitExact()
    {
        using var dir = new TempDir();
        var set = Samples.Ac();
        RawFile.Write(dir.File("ac.raw"), set);
        var back = RawFile.ReadFirst(dir.File("ac.raw"));
        AssertBitExact(set, back);
        Assert.True(back.IsComplex);
        Assert.True(back.LogScale);
        Assert.False(back.Scale!.IsComplex); // the frequency scale reads back as real
    }

    [Fact]
    public void AsciiRealRoundTrip_MatchesToPrintedPrecision()
    {
        using var dir = new TempDir();
        var set = Samples.Transient();
        RawFile.Write(dir.File("t.raw"), set, RawEncoding.Ascii);
        var back = RawFile.ReadFirst(dir.File("t.raw"));
        for (int i = 0; i < set.Vectors.Count; i++)
        {
            var e = set.Vectors[i].Real!;
            var a = back.Vectors[i].Real!;
            Assert.Equal(e.Length, a.Length);
            for (int k = 0; k < e.Length; k++) Assert.Equal(Samples.Printed(e[k]), a[k]);
        }
    }

    [Fact]
    public void AsciiComplexRoundTrip_MatchesToPrintedPrecision()
    {
        using var dir = new TempDir();
        var set = Samples.Ac();
        RawFile.Write(dir.File("ac.raw"), set, RawEncoding.Ascii);
        var back = RawFile.ReadFirst(dir.File("ac.raw"));
        Assert.True(back.LogScale);
        for (int i = 0; i < set.Vectors.Count; i++)
        {
            for (int k = 0; k < set.PointCount; k++)
            {
                Complex e = set.Vectors[i][k], a = back.Vectors[i][k];
                Assert.Equal(Samples.Printed(e.Real), a.Real);
                Assert.Equal(Samples.Printed(e.Imaginary), a.Imaginary);
            }
        }
    }

    [Fact]
    public void NonFiniteValues_RoundTripInBothEncodings()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("nf", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, [0.0, 1.0, 2.0]),
            new WaveformVector("v(a)", VectorKind.Voltage, [double.NaN, double.PositiveInfinity, double.NegativeInfinity]),
        ]);
        foreach (var enc in new[] { RawEncoding.Binary, RawEncoding.Ascii })
        {
            RawFile.Write(dir.File("nf.raw"), set, enc);
            var v = RawFile.ReadFirst(dir.File("nf.raw"))["v(a)"].Real!;
            Assert.True(double.IsNaN(v[0]));
            Assert.Equal(double.PositiveInfinity, v[1]);
            Assert.Equal(double.NegativeInfinity, v[2]);
        }
    }

    /// <summary>Found by the fuzz campaign (seed 13, case 3224): a netlist title with a NUL gave a raw file that
    /// neither ngspice nor our reader could load ("No plot found").</summary>
    [Fact]
    public void TitleWithControlCharacters_IsWrittenAsOneCleanLineAndLoads()
    {
        using var dir = new TempDir();
        var set = Samples.Transient(3);
        set.Title = "a\0b\u001bc\td";

        RawFile.Write(dir.File("t.raw"), set);

        var back = RawFile.ReadFirst(dir.File("t.raw"));
        Assert.Equal("a b c d", back.Title);
        Assert.Equal(3, back.PointCount);
    }

    [Fact]
    public void Header_HasNgspiceFieldsInOrder()
    {
        using var dir = new TempDir();
        RawFile.Write(dir.File("t.raw"), Samples.Transient(3), RawEncoding.Ascii);
        var lines = File.ReadAllText(dir.File("t.raw")).Split('\n');
        Assert.Equal("Title: test circuit: rc with awkward values", lines[0]);
        Assert.Equal("Date: Sat Mar  7 09:05:03  2026", lines[1]);
        Assert.Equal("Plotname: Transient Analysis", lines[2]);
        Assert.Equal("Flags: real", lines[3]);
        Assert.Equal("No. Variables: 5", lines[4]);
        Assert.Equal("No. Points: 3       ", lines[5]);
        Assert.Equal("Variables:", lines[6]);
        Assert.Equal("\t0\ttime\ttime", lines[7]);
        Assert.Equal("\t1\tv(in)\tvoltage", lines[8]);
        Assert.Equal("\t2\tv(out)\tvoltage", lines[9]);
        Assert.Equal("\t3\tv(x1.mid)\tnotype", lines[10]);
        Assert.Equal("\t4\ti(vin)\tcurrent", lines[11]);
        Assert.Equal("Values:", lines[12]);
    }

    [Fact]
    public void Header_ComplexPlotHasComplexFlagAndFrequencyGrid()
    {
        using var dir = new TempDir();
        RawFile.Write(dir.File("ac.raw"), Samples.Ac(2));
        var bytes = File.ReadAllBytes(dir.File("ac.raw"));
        var text = Encoding.ASCII.GetString(bytes, 0, bytes.AsSpan().IndexOf("Binary:\n"u8) + 8);
        Assert.Equal(
            "Title: rc ac\nDate: Sat Mar  7 09:05:03  2026\nPlotname: AC Analysis\nFlags: complex\nNo. Variables: 4\nNo. Points: 2       \n" +
            "Variables:\n\t0\tfrequency\tfrequency\tgrid=3\n\t1\tv(in)\tvoltage\n\t2\tv(out)\tvoltage\n\t3\ti(v1)\tcurrent\nBinary:\n", text);
        Assert.Equal(text.Length + 2 * 4 * 16, bytes.Length); // 2 points x 4 vectors x (re, im)
    }

    [Fact]
    public void BinaryData_IsLittleEndianDoublesPointByPoint()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("b", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, [0.0, 1e-9]),
            new WaveformVector("v(a)", VectorKind.Voltage, [1.5, -2.0]),
        ]);
        RawFile.Write(dir.File("b.raw"), set);
        var bytes = File.ReadAllBytes(dir.File("b.raw"));
        int start = bytes.AsSpan().IndexOf("Binary:\n"u8) + 8;
        Assert.Equal(start + 32, bytes.Length);
        double D(int i) => BitConverter.ToDouble(bytes, start + 8 * i);
        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal([0.0, 1.5, 1e-9, -2.0], new[] { D(0), D(1), D(2), D(3) });
    }

    [Fact]
    public void AsciiValues_UseNgspiceLayout()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("a", PlotNames.Transient,
        [
            new WaveformVector("time", VectorKind.Time, [0.0, 1e-8]),
            new WaveformVector("v(a)", VectorKind.Voltage, [1.0, -9.999900000999991e-06]),
        ]);
        RawFile.Write(dir.File("a.raw"), set, RawEncoding.Ascii);
        var text = File.ReadAllText(dir.File("a.raw"));
        var values = text[(text.IndexOf("Values:\n", StringComparison.Ordinal) + 8)..];
        Assert.Equal(
            "0\t\t0.000000000000000e+00\n\t1.000000000000000e+00\n" +
            "1\t\t1.000000000000000e-08\n\t-9.999900000999991e-06\n", values);
    }

    [Fact]
    public void AsciiComplexValues_AreCommaSeparatedPairs()
    {
        using var dir = new TempDir();
        var set = new WaveformSet("a", PlotNames.Ac,
        [
            new WaveformVector("frequency", VectorKind.Frequency, [10.0]),
            new WaveformVector("v(out)", VectorKind.Voltage, new[] { new Complex(9.960676824071726e-01, -6.258477827057168e-02) }),
        ]);
        RawFile.Write(dir.File("a.raw"), set, RawEncoding.Ascii);
        var text = File.ReadAllText(dir.File("a.raw"));
        var values = text[(text.IndexOf("Values:\n", StringComparison.Ordinal) + 8)..];
        Assert.Equal("0\t\t1.000000000000000e+01,0.000000000000000e+00\n\t9.960676824071726e-01,-6.258477827057168e-02\n", values);
    }

    [Theory]
    [InlineData(0.0, "0.000000000000000e+00")]
    [InlineData(1.0, "1.000000000000000e+00")]
    [InlineData(-6.258477827057168e-02, "-6.258477827057168e-02")]
    [InlineData(1.350985912401221e-119, "1.350985912401221e-119")]
    [InlineData(6.02214076e23, "6.022140760000000e+23")]
    [InlineData(1e100, "1.000000000000000e+100")]
    [InlineData(4.000000000000001e-07, "4.000000000000001e-07")]
    [InlineData(3.604017359999999e-08, "3.604017359999999e-08")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void AsciiNumberFormat_MatchesCPrintfE15(double value, string expected)
    {
        var buf = new byte[40];
        int n = RawPlotEncoder.FormatC(value, buf);
        Assert.Equal(expected, Encoding.ASCII.GetString(buf, 0, n));
    }

    [Fact]
    public void MultiplePlots_AreWrittenOneAfterAnotherAndReadBack()
    {
        using var dir = new TempDir();
        var plots = new[] { Samples.OperatingPoint(), Samples.Transient(7), Samples.Ac(5) };
        foreach (var enc in new[] { RawEncoding.Binary, RawEncoding.Ascii })
        {
            RawFile.Write(dir.File("multi.raw"), plots, enc);
            var back = RawFile.Read(dir.File("multi.raw"));
            Assert.Equal(3, back.Count);
            Assert.Equal([PlotNames.OperatingPoint, PlotNames.Transient, PlotNames.Ac], back.Select(p => p.PlotName));
            Assert.Equal([1, 7, 5], back.Select(p => p.PointCount));
            Assert.Equal(-2.5e-3, back[0]["i(v1)"].Real![0]);
            double im = plots[2]["v(out)"].Complex![4].Imaginary;
            Assert.Equal(enc == RawEncoding.Ascii ? Samples.Printed(im) : im, back[2]["v(out)"].Complex![4].Imaginary);
        }
    }

    [Fact]
    public void StreamingWriter_SecondBeginStartsANewPlotInTheSameFile()
    {
        using var dir = new TempDir();
        using (var w = new RawFileWriter(dir.File("s.raw")))
        {
            w.Begin(new WaveformHeader("s", PlotNames.DcTransfer, [new("v(v-sweep)", VectorKind.Voltage), new("v(out)", VectorKind.Voltage)]));
            w.WritePoint([0.0, 0.0]);
            w.WritePoint([1.0, 0.5]);
            w.Begin(new WaveformHeader("s", PlotNames.Transient, [new("time", VectorKind.Time), new("v(out)", VectorKind.Voltage)]));
            for (int k = 0; k < 4; k++) w.WritePoint([k * 1e-9, k * 0.25]);
            w.Complete();
        }
        var plots = RawFile.Read(dir.File("s.raw"));
        Assert.Equal(2, plots.Count);
        Assert.Equal(2, plots[0].PointCount);
        Assert.Equal(4, plots[1].PointCount);
        Assert.Equal(0.75, plots[1]["v(out)"].Real![3]);
    }

    [Fact]
    public void PointCountLargerThanReservedField_ShiftsDataAndStaysReadable()
    {
        using var dir = new TempDir();
        // A 1-character field forces the overflow path that a 100-million-point run would take.
        using (var w = new RawFileWriter(dir.File("o.raw")) { CountFieldWidth = 1 })
        {
            w.Begin(new WaveformHeader("o", PlotNames.Transient, [new("time", VectorKind.Time), new("v(a)", VectorKind.Voltage)]));
            for (int k = 0; k < 1234; k++) w.WritePoint([k, -k]);
            w.Begin(new WaveformHeader("o2", PlotNames.Transient, [new("time", VectorKind.Time)]));
            for (int k = 0; k < 15; k++) w.WritePoint([k]);
            w.Complete();
        }
        Assert.Contains("No. Points: 1234\n", File.ReadAllText(dir.File("o.raw"), Encoding.Latin1));
        var plots = RawFile.Read(dir.File("o.raw"));
        Assert.Equal(1234, plots[0].PointCount);
        Assert.Equal(-1233.0, plots[0]["v(a)"].Real![1233]);
        Assert.Equal(15, plots[1].PointCount);
        Assert.Equal(14.0, plots[1].Scale!.Real![14]);
    }

    [Fact]
    public void Reader_TruncatedBinaryData_ReturnsTheCompletePoints()
    {
        using var dir = new TempDir();
        RawFile.Write(dir.File("t.raw"), Samples.Transient(10));
        var bytes = File.ReadAllBytes(dir.File("t.raw"));
        File.WriteAllBytes(dir.File("cut.raw"), bytes[..^(5 * 8 * 3 + 11)]); // lose 3 whole points and part of one more
        var back = RawFile.ReadFirst(dir.File("cut.raw"));
        Assert.Equal(6, back.PointCount);
        Assert.All(back.Vectors, v => Assert.Equal(6, v.Length));
    }

    // Verbatim output of ngspice 39 `write` (ascii), which puts " 0\t" before the first value of a point.
    private const string NgspiceWriteAscii =
        "Title: op test\nDate: Sat Nov 21 05:19:21  2026\nPlotname: Operating Point\nFlags: real\nNo. Variables: 4\nNo. Points: 1\n" +
        "Variables:\n\t0\tv(in)\tvoltage\n\t1\tv(out)\tvoltage\n\t2\tv(mid)\tvoltage\n\t3\ti(v1)\tcurrent\nValues:\n" +
        " 0\t5.000000000000000e+00\n\t2.500000000000000e+00\n\t1.250000000000000e+00\n\t-2.500000000000000e-03\n\n";

    // Verbatim ngspice 39 `-r` ascii output of an AC run (frequency carries a junk imaginary part).
    private const string NgspiceAcAscii =
        "Title: rc ac test\nDate: Sat Nov 21 05:19:21  2026\nPlotname: AC Analysis\nFlags: complex\nNo. Variables: 3\nNo. Points: 2       \n" +
        "Variables:\n\t0\tfrequency\tfrequency\tgrid=3\n\t1\tv(in)\tvoltage\n\t2\tv(out)\tvoltage\nValues:\n" +
        "0\t\t1.000000000000000e+01,1.350985912401221e-119\n\t1.000000000000000e+00,0.000000000000000e+00\n\t9.960676824071726e-01,-6.258477827057168e-02\n" +
        "1\t\t3.162277660168380e+01,1.350985912401221e-119\n\t1.000000000000000e+00,0.000000000000000e+00\n\t9.620209357541625e-01,-1.911456379958697e-01\n";

    [Fact]
    public void Reader_ReadsNgspiceWriteCommandAsciiLayout()
    {
        var plots = RawFileReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(NgspiceWriteAscii + NgspiceAcAscii)));
        Assert.Equal(2, plots.Count);
        var op = plots[0];
        Assert.Equal(PlotNames.OperatingPoint, op.PlotName);
        Assert.Equal(new DateTime(2026, 11, 21, 5, 19, 21), op.Date);
        Assert.Equal(["v(in)", "v(out)", "v(mid)", "i(v1)"], op.Vectors.Select(v => v.Name));
        Assert.Equal(VectorKind.Current, op["i(v1)"].Kind);
        Assert.Equal(-2.5e-3, op["i(v1)"].Real![0]);

        var ac = plots[1];
        Assert.True(ac.LogScale);
        Assert.Equal([10.0, 3.162277660168380e+01], ac.Scale!.Real!);
        Assert.Equal(new Complex(9.620209357541625e-01, -1.911456379958697e-01), ac["v(out)"].Complex![1]);
    }

    [Fact]
    public void SpiceDate_FormatsLikeNgspiceAndParsesBack()
    {
        var d = new DateTime(2026, 11, 21, 5, 19, 4);
        Assert.Equal("Sat Nov 21 05:19:04  2026", SpiceDate.Format(d));
        Assert.Equal("Sun Mar  1 23:00:00  2026", SpiceDate.Format(new DateTime(2026, 3, 1, 23, 0, 0)));
        Assert.True(SpiceDate.TryParse("Sat Nov 21 05:19:04  2026", out var back));
        Assert.Equal(d, back);
        Assert.False(SpiceDate.TryParse("yesterday", out _));
    }
}
