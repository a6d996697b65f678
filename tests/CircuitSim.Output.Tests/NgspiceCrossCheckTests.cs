using System.Numerics;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Output.Tests;

/// <summary>Checks against the real ngspice; every test is skipped (with a note) when ngspice is not on PATH.</summary>
public class NgspiceCrossCheckTests
{
    private const string RcTransient = """
        rc cross-check
        VIN in 0 PULSE(0 1 0 1u 1u 2m 4m)
        R1 in out 1k
        C1 out 0 1u
        .tran 20u 5m
        .end
        """;

    private const string DcThenTran = """
        dc and tran in one run
        V1 in 0 SIN(0 2 1k)
        R1 in out 1k
        R2 out 0 2k
        C1 out 0 100n
        .dc V1 0 2 0.25
        .tran 10u 2m
        .end
        """;

    [NgspiceFact]
    public void NgspiceLoadsOurBinaryRaw_PrintsTheValuesWeWrote()
    {
        using var dir = new TempDir();
        var set = Samples.Transient();
        RawFile.Write(dir.File("ours.raw"), set, RawEncoding.Binary);
        var output = Ngspice.RunControl(dir.Path, $"load {dir.File("ours.raw")}", "set numdgt=17",
            "print v(out)[3]", "print i(vin)[7]", "print time[49]", "print length(time)");
        Assert.Equal(set["v(out)"].Real![3], Ngspice.PrintedReal(output, "v(out)[3]"));
        Assert.Equal(set["i(vin)"].Real![7], Ngspice.PrintedReal(output, "i(vin)[7]"));
        Assert.Equal(set["time"].Real![49], Ngspice.PrintedReal(output, "time[49]"));
        Assert.Equal(50.0, Ngspice.PrintedReal(output, "length(time)"));
    }

    [NgspiceFact]
    public void NgspiceLoadsOurAsciiRaw_PrintsTheValuesWeWrote()
    {
        using var dir = new TempDir();
        var set = Samples.Transient();
        RawFile.Write(dir.File("ours.raw"), set, RawEncoding.Ascii);
        var output = Ngspice.RunControl(dir.Path, $"load {dir.File("ours.raw")}", "set numdgt=17",
            "print v(out)[3]", "print i(vin)[7]", "print length(time)");
        Assert.Equal(Samples.Printed(set["v(out)"].Real![3]), Ngspice.PrintedReal(output, "v(out)[3]"));
        Assert.Equal(Samples.Printed(set["i(vin)"].Real![7]), Ngspice.PrintedReal(output, "i(vin)[7]"));
        Assert.Equal(50.0, Ngspice.PrintedReal(output, "length(time)"));
    }

    [NgspiceFact]
    public void NgspiceLoadsOurComplexBinaryRaw_PrintsTheValuesWeWrote()
    {
        using var dir = new TempDir();
        var set = Samples.Ac();
        RawFile.Write(dir.File("ac.raw"), set, RawEncoding.Binary);
        var output = Ngspice.RunControl(dir.Path, $"load {dir.File("ac.raw")}", "set numdgt=17", "print v(out)[4]", "display");
        Assert.Equal(set["v(out)"].Complex![4], Ngspice.PrintedComplex(output, "v(out)[4]"));
        Assert.Contains("grid = xlog", output);
    }

    [NgspiceFact]
    public void NgspiceLoadsOurComplexAsciiRaw_PrintsTheValuesWeWrote()
    {
        using var dir = new TempDir();
        var set = Samples.Ac();
        RawFile.Write(dir.File("ac.raw"), set, RawEncoding.Ascii);
        var output = Ngspice.RunControl(dir.Path, $"load {dir.File("ac.raw")}", "set numdgt=17", "print v(out)[4]");
        var expected = set["v(out)"].Complex![4];
        var printed = Ngspice.PrintedComplex(output, "v(out)[4]");
        Assert.Equal(Samples.Printed(expected.Real), printed.Real);
        Assert.Equal(Samples.Printed(expected.Imaginary), printed.Imaginary);
    }

    [NgspiceFact]
    public void NgspiceLoadsOurPartialRaw_WithThePointsWrittenSoFar()
    {
        using var dir = new TempDir();
        using (var w = new RawFileWriter(dir.File("partial.raw")))
        {
            w.Begin(new WaveformHeader("partial", PlotNames.Transient, [new("time", VectorKind.Time), new("v(a)", VectorKind.Voltage)]));
            for (int k = 0; k < 17; k++) w.WritePoint([k * 1e-9, 0.125 * k]);
            w.Complete(partial: true);
        }
        var output = Ngspice.RunControl(dir.Path, $"load {dir.File("partial.raw")}", "set numdgt=17", "print length(time)", "print v(a)[16]");
        Assert.Equal(17.0, Ngspice.PrintedReal(output, "length(time)"));
        Assert.Equal(2.0, Ngspice.PrintedReal(output, "v(a)[16]"));
    }

    [NgspiceFact]
    public void OurBinaryWriter_ReproducesNgspiceBinaryRawByteForByte()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("c.cir"), DcThenTran);
        Ngspice.RunWithRaw(dir.File("c.cir"), dir.File("ng.raw"), ascii: false);
        var plots = RawFile.Read(dir.File("ng.raw"));
        Assert.Equal([PlotNames.DcTransfer, PlotNames.Transient], plots.Select(p => p.PlotName));
        RawFile.Write(dir.File("ours.raw"), plots, RawEncoding.Binary);
        Assert.Equal(File.ReadAllBytes(dir.File("ng.raw")), File.ReadAllBytes(dir.File("ours.raw")));
    }

    [NgspiceFact]
    public void OurAsciiWriter_ReproducesNgspiceAsciiRawByteForByte()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("c.cir"), DcThenTran);
        Ngspice.RunWithRaw(dir.File("c.cir"), dir.File("ng-bin.raw"), ascii: false);
        Ngspice.RunWithRaw(dir.File("c.cir"), dir.File("ng-asc.raw"), ascii: true);
        var plots = RawFile.Read(dir.File("ng-bin.raw")); // full precision, from the binary run
        var asciiDates = RawFile.Read(dir.File("ng-asc.raw")).Select(p => p.Date).ToList();
        for (int i = 0; i < plots.Count; i++) plots[i].Date = asciiDates[i]; // the two runs may differ by a second
        RawFile.Write(dir.File("ours.raw"), plots, RawEncoding.Ascii);
        Assert.Equal(File.ReadAllText(dir.File("ng-asc.raw")), File.ReadAllText(dir.File("ours.raw")));
    }

    [NgspiceFact]
    public void OurReader_ReadsNgspiceBinaryAndAsciiOfTheSameRunAlike()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("c.cir"), RcTransient);
        Ngspice.RunWithRaw(dir.File("c.cir"), dir.File("b.raw"), ascii: false);
        Ngspice.RunWithRaw(dir.File("c.cir"), dir.File("a.raw"), ascii: true);
        var b = RawFile.ReadFirst(dir.File("b.raw"));
        var a = RawFile.ReadFirst(dir.File("a.raw"));
        Assert.Equal(["time", "v(in)", "v(out)", "i(vin)"], b.Vectors.Select(v => v.Name));
        Assert.Equal([VectorKind.Time, VectorKind.Voltage, VectorKind.Voltage, VectorKind.Current], b.Vectors.Select(v => v.Kind));
        Assert.True(b.PointCount > 100);
        Assert.Equal(b.PointCount, a.PointCount);
        for (int i = 0; i < b.Vectors.Count; i++)
            for (int k = 0; k < b.PointCount; k++)
                Assert.Equal(Samples.Printed(b.Vectors[i].Real![k]), a.Vectors[i].Real![k]);
    }

    [NgspiceFact]
    public void OurReader_ReadsNgspiceComplexAcRaw()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("ac.cir"), """
            ac cross-check
            V1 in 0 DC 0 AC 1
            R1 in out 1k
            C1 out 0 1u
            .ac dec 10 1 100k
            .end
            """);
        Ngspice.RunWithRaw(dir.File("ac.cir"), dir.File("ac.raw"), ascii: false);
        var ac = RawFile.ReadFirst(dir.File("ac.raw"));
        Assert.Equal(PlotNames.Ac, ac.PlotName);
        Assert.True(ac.LogScale);
        Assert.Equal(51, ac.PointCount);
        for (int k = 0; k < ac.PointCount; k++)
        {
            double f = ac.Scale!.Real![k];
            var expected = 1 / new Complex(1, 2 * Math.PI * f * 1e-3);
            Assert.True((ac["v(out)"].Complex![k] - expected).Magnitude < 1e-9, $"f = {f}");
        }
    }

    [NgspiceFact]
    public void Linearize_MatchesNgspiceLinearize()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("l.cir"), RcTransient.Replace(".end", $"""
            .control
            run
            write {dir.File("native.raw")}
            linearize v(out) v(in)
            write {dir.File("lin.raw")}
            .endc
            .end
            """));
        Ngspice.RunDeck(dir.File("l.cir"));
        var native = RawFile.ReadFirst(dir.File("native.raw"));
        var ng = RawFile.ReadFirst(dir.File("lin.raw"));
        var ours = Linearize.Resample(native, 20e-6, 5e-3);
        Assert.Equal(251, ng.PointCount); // 0 to 5 ms every 20 µs
        Assert.Equal(ng.PointCount, ours.PointCount);
        // ngspice accumulates the step (t += tstep); we compute tstart + i*tstep: same grid to rounding.
        for (int k = 0; k < ours.PointCount; k++) Assert.Equal(ng.Scale!.Real![k], ours.Scale!.Real![k], 1e-15);
        // Interpolating at ngspice's own grid times reproduces its values to 1e-12 V (it solves a degree-1
        // polynomial fit, whose rounding shows on short steps with a steep slope).
        var at = ng.Scale!.Real!;
        var y = new double[at.Length];
        foreach (var name in new[] { "v(out)", "v(in)" })
        {
            Linearize.Interpolate(native.Scale!.Real!, native[name].Real!, at, y, 20e-6);
            for (int k = 0; k < at.Length; k++) Assert.Equal(ng[name].Real![k], y[k], 1e-12);
        }
    }

    [NgspiceFact]
    public void Linearize_OfAUicTransient_WritesNgspicesTimeZeroRow()
    {
        // with uic ngspice's first time point is its first step; linearize still starts its grid at t = 0
        using var dir = new TempDir();
        File.WriteAllText(dir.File("u.cir"), """
            rlc uic
            R1 in a 10
            L1 a cap 1m
            C1 cap 0 100n
            VIN in 0 0
            .ic v(cap)=5
            .tran 0.5u 40u 0 0.1u uic
            .control
            run
            write NATIVE
            linearize v(a) v(cap)
            write LIN
            .endc
            .end
            """.Replace("NATIVE", dir.File("native.raw")).Replace("LIN", dir.File("lin.raw")));
        Ngspice.RunDeck(dir.File("u.cir"));
        var native = RawFile.ReadFirst(dir.File("native.raw"));
        var ng = RawFile.ReadFirst(dir.File("lin.raw"));
        Assert.True(native.Scale!.Real![0] > 0, "ngspice's uic transient should start at its first step");
        var ours = Linearize.Resample(native, 0.5e-6, 40e-6);
        Assert.Equal(81, ng.PointCount); // 0 to 40 µs every 0.5 µs
        Assert.Equal(ng.PointCount, ours.PointCount);
        Assert.Equal(0.0, ours.Scale!.Real![0]);
        // the same degree-1 fit as in Linearize_MatchesNgspiceLinearize: equal to rounding
        foreach (var name in new[] { "v(a)", "v(cap)" })
            for (int k = 0; k < ours.PointCount; k++)
                Assert.Equal(ng[name].Real![k], ours[name].Real![k], 1e-12);
    }
}
