using CircuitSim.Netlist.Measurements;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Netlist.Tests.Measurements;
using CircuitSim.Netlist.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Netlist.Tests.References;

/// <summary>
/// BSIM4 against live ngspice 39 (skipped with a reason when ngspice is not on PATH): the same deck runs through both
/// simulators and the waveforms are compared as the reference set compares them (error over the ngspice column's
/// range). The cards are models/cmos45_bsim4.lib (the reference cards) with one group of BSIM4 options switched on per
/// case, so every model option CircuitSim implements is checked against ngspice's evaluation of it.
/// </summary>
public class Bsim4NgspiceCrossCheckTests(ITestOutputHelper output)
{
    /// <summary>Both simulators converge each DC point to reltol 1e-7 here, so a difference above 1e-6 of the range is a
    /// model difference, not Newton noise (the observed differences are below 1e-7). Bypass is off (ours is on by
    /// default, ngspice's off): these checks compare the model's equations, and re-stamped linearizations inside the
    /// bypass windows move the transient currents (~2e-6 of their range with windows ten times wider than today's),
    /// which the reference set's tolerances cover.</summary>
    private const string TightOptions = ".options reltol=1e-7 abstol=1e-16 vntol=1e-10 bypass=0";

    private const double DcTolerance = 1e-6;

    /// <summary>Transients share ngspice's time-step control exactly, so the waveforms agree to ~1e-11 of their range;
    /// 1e-6 leaves room for a different rounding in a long run. Bypass is off, as in ngspice's default (with it on, i(vb)
    /// moved by ~2e-6 of its small range with windows ten times wider than today's).</summary>
    private const double TransientTolerance = 1e-6;

    private static string Library => Path.Combine(AppContext.BaseDirectory, "models", "cmos45_bsim4.lib");

    private static string NmosCard(string extra) => CardWithOptions("nch", "nmos", 0.44, extra);

    private static string PmosCard(string extra) => CardWithOptions("pch", "pmos", -0.42, extra);

    /// <summary>The library's NMOS card text with a name, a polarity, VTH0 and extra options (for one-off cards).</summary>
    private static string CardWithOptions(string name, string polarity, double vth0, string extra)
    {
        var lines = File.ReadAllLines(Library);
        var start = Array.FindIndex(lines, l => l.StartsWith(".model nch ", StringComparison.Ordinal));
        var card = new List<string> { lines[start] };
        for (var i = start + 1; i < lines.Length && lines[i].StartsWith('+'); i++) card.Add(lines[i]);
        var text = string.Join("\n", card)
            .Replace(".model nch nmos", $".model {name} {polarity}")
            .Replace("vth0=0.44", $"vth0={vth0.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return extra.Length == 0 ? text : text + "\n+ " + extra;
    }

    private static PlotRecorder.RecordedPlot RunCircuitSim(string deck)
    {
        var netlist = new NetlistReader().ReadText(deck, "crosscheck.cir");
        var (outcomes, recorder) = new NetlistRunner(netlist).RunToMemory();
        Assert.Null(outcomes[0].Failure);
        return recorder.Plots[0];
    }

    private static WaveformTable RunNgspice(string deck, IEnumerable<string> vectors) =>
        NgspiceMeasure.Simulate(deck, [], string.Join(" ", vectors)).Waveforms;

    /// <summary>Runs both and returns the worst error over the vectors (each relative to ngspice's range).</summary>
    private WaveformComparison.ColumnError Compare(string deck, string[] vectors, double timeTolerance = 0)
    {
        var ngspice = RunNgspice(deck, vectors);
        var ours = RunCircuitSim(deck);
        var errors = vectors.Select(v =>
        {
            Assert.True(ngspice.TryGetVector(v, out var reference), $"ngspice wrote no {v}");
            return WaveformComparison.Compare(v, ngspice.Scale.ToArray(), reference, ours.Scale, ours[v], timeTolerance, operatingPoint: false);
        }).ToList();
        foreach (var e in errors) output.WriteLine($"{e.Name}: error/range {e.Error:E2} at {e.At:G6}");
        return errors.MaxBy(e => e.Error)!;
    }

    public static IEnumerable<object[]> DcOptionGroups() => new[]
    {
        new object[] { "mobmod=1", "" },
        ["mobmod=2 ua=1e-15 uc=0", ""],
        ["mobmod=3 ud=0.1 ucs=1 ua=1e-15 uc=0", ""],
        ["igcmod=1 igbmod=1 toxref=1.25n dlcig=2n nigc=1 pigcd=1", ""],
        ["igcmod=2 igbmod=1 toxref=1.25n dlcig=2n", ""],
        ["agidl=1e-9 bgidl=1e9 egidl=0.2 agisl=2e-9", ""],
        ["gidlmod=1 agidl=1e-9 bgidl=1e9 egidl=0.2 rgidl=1 kgidl=0.1 fgidl=0.1", ""],
        ["alpha0=1e-6 alpha1=0.5 beta0=20", ""],
        ["rdsmod=1 rdw=150 rsw=150 rdwmin=20 rswmin=20 prwg=0.5 prwb=0.1 wr=0.9", "nrd=2 nrs=2"],
        ["saref=1e-6 sbref=1e-6 ku0=4e-8 kvsat=0.2 kvth0=2e-8 stk2=1e-8 steta0=1e-8 lku0=1e-6 llodku0=1", "sa=0.2u sb=0.3u"],
        ["wpemod=1 web=1e-3 wec=1e-3 kvth0we=1e-3 k2we=1e-3 ku0we=1e-3 scref=1e-6", "sc=0.5u"],
        ["lvth0=1e-9 wvth0=2e-8 pvth0=1e-16 lu0=1e-10 wk1=1e-8 pua=1e-26", ""],
        ["binunit=2 lvth0=1e-3 wu0=1e-4", ""],
        ["tnom=50 kt1=-0.2 kt2=0.02 ute=-1.3 ua1=1e-9 ub1=-1e-18 uc1=-5e-11 at=3e4 prt=10", ""],
        ["tempmod=1 tnom=40 kt1=-0.2 ute=-1.3 ua1=1e-9 at=3e4 prt=10", ""],
        ["tempmod=2 tnom=40 kt1=-0.2 ute=-1.3 ua1=1e-9 at=3e4 prt=10", ""],
        ["tempmod=3 tnom=40 kt1=-0.2 ute=-1.3 ua1=0.5 at=3e4 prt=10", ""],
        ["vtl=2e5 lc=5e-9 xn=3 lambda=1e-8", ""],
        ["pdits=0.1 pditsd=0.5 pditsl=1e6 fprout=0.2 pvag=1 pscbe1=4e8 pscbe2=1e-5 pdiblcb=-0.1", ""],
        ["dvtp0=1e-8 dvtp1=0.1 dvtp2=0.05 dvtp3=0.1 dvtp4=0.1 dvtp5=0.01", ""],
        ["", "mulu0=1.3 delvto=0.05 nf=3 sd=0.2u"],
    };

    /// <summary>Drain, gate and bulk currents over a gate sweep from accumulation to strong inversion, NMOS and PMOS.</summary>
    [NgspiceMeasureTheory]
    [MemberData(nameof(DcOptionGroups))]
    public void OptionGroup_DcCurrentsMatchNgspice(string options, string instance)
    {
        var deck = $"""
            bsim4 option group: {options} {instance}
            {NmosCard(options)}
            {PmosCard(options)}
            VD d 0 1.0
            VDP dp 0 -1.0
            VG g 0 0
            EGP gp 0 g 0 -1
            VB b 0 -0.2
            VBP bp 0 0.2
            M1 d g 0 b nch W=1u L=45n {instance}
            M2 dp gp 0 bp pch W=1u L=45n {instance}
            {TightOptions}
            .dc VG -0.4 1.0 0.05
            """;
        var worst = Compare(deck, ["i(vd)", "i(vdp)", "i(vg)", "i(vb)", "i(vbp)"]);

        Assert.True(worst.Error <= DcTolerance, $"{worst.Name}: error/range {worst.Error:E2} at VG = {worst.At}");
    }

    public static IEnumerable<object[]> JunctionOptionGroups() => new[]
    {
        new object[] { "", "ad=1e-13 as=2e-13 pd=2u ps=3u", 27.0 },
        ["diomod=0 jss=1e-6 jsws=1e-12 ijthsfwd=0.01 ijthsrev=0.01 bvs=3", "ad=1e-13 as=2e-13 pd=2u ps=3u", 60.0],
        ["diomod=2 jss=1e-6 jsws=1e-12 jswgs=1e-12 ijthsfwd=1e-4 ijthsrev=1e-4 bvs=1.1 xjbvs=1", "ad=1e-13 as=2e-13 pd=2u ps=3u", 27.0],
        ["jtss=1e-8 jtsd=2e-8 jtssws=1e-14 jtsswgs=1e-14 njts=20 njtssw=20 vtss=10 vtsd=10 xtss=0.02 xtsd=0.02 tnjts=0.1 jss=1e-6", "ad=1e-13 as=2e-13 pd=2u ps=3u", 85.0],
        ["geomod=1 rgeomod=1 rdsmod=1 rsh=10 dmcg=0.1u dmci=0.1u dmdg=0.05u dmcgt=0.01u rdw=100 rsw=100", "nf=3 sd=0.2u min=1", 27.0],
        ["tcj=1e-3 tcjsw=1e-3 tcjswg=1e-3 tpb=1e-3 tpbsw=1e-3 tpbswg=1e-3 xtis=3 njs=1.1 jss=1e-6", "ad=1e-13 as=2e-13 pd=2u ps=3u", 100.0],
    };

    /// <summary>Source and drain junctions from reverse to forward bias (body swept), with the diode and geometry options.</summary>
    [NgspiceMeasureTheory]
    [MemberData(nameof(JunctionOptionGroups))]
    public void JunctionOptionGroup_CurrentsMatchNgspice(string options, string instance, double celsius)
    {
        var deck = $"""
            bsim4 junctions: {options} {instance}
            {NmosCard(options)}
            VD d 0 0.5
            VG g 0 0.3
            VS s 0 0
            VB b 0 0
            M1 d g s b nch W=1u L=45n {instance}
            {TightOptions} temp={celsius}
            .dc VB -1.2 0.8 0.02
            """;
        var worst = Compare(deck, ["i(vd)", "i(vg)", "i(vb)", "i(vs)"]);

        Assert.True(worst.Error <= DcTolerance, $"{worst.Name}: error/range {worst.Error:E2} at VB = {worst.At}");
    }

    public static IEnumerable<object[]> ChargeOptionGroups() => new[]
    {
        new object[] { "capmod=2" },
        ["capmod=1"],
        ["capmod=0"],
        ["capmod=2 xpart=0"],
        ["capmod=1 xpart=1"],
        ["capmod=0 xpart=0.5"],
        ["capmod=2 cvchargemod=1"],
        ["acde=0.8 moin=20 noff=1.5 voffcv=0.05 dlc=3n dwc=2n cgsl=1e-11 cgdl=1e-11 ckappas=0.4 ckappad=0.5 cf=1e-11 clc=1e-7 cle=0.6"],
        ["igcmod=1 igbmod=1 toxref=1.25n dlcig=2n"],
        ["cjswgs=5e-10 mjswgs=0.4 pbswgs=0.8 cjd=7e-4 mjd=0.4 pbd=0.9"],
    };

    /// <summary>Terminal currents of a transient that drives the device through every region in both directions: the
    /// charges (intrinsic, overlap, junction) and their partition.</summary>
    [NgspiceMeasureTheory]
    [MemberData(nameof(ChargeOptionGroups))]
    public void ChargeOptionGroup_TransientCurrentsMatchNgspice(string options)
    {
        var deck = $"""
            bsim4 charges: {options}
            {NmosCard(options)}
            VD d 0 PWL(0 0 1n 1.0 2n 1.0 3n 0 4n -0.5 5n 0)
            VG g 0 PWL(0 -0.5 2n 1.2 4n 0.3 5n -0.5)
            VB b 0 PWL(0 0 2.5n -0.5 5n 0)
            M1 d g 0 b nch W=1u L=45n ad=1e-13 as=2e-13 pd=2u ps=3u nf=2
            .options bypass=0
            .tran 10p 5n
            """;
        var worst = Compare(deck, ["i(vd)", "i(vg)", "i(vb)"]);

        Assert.True(worst.Error <= TransientTolerance, $"{worst.Name}: error/range {worst.Error:E2} at t = {worst.At}");
    }

    /// <summary>
    /// Binned cards: three bins with different VTH0, so the current tells which bin each device got. Devices inside
    /// each bin, on a shared L edge and on a shared W edge, and with NF = 4 (the total W decides unless WNFLAG).
    /// </summary>
    [NgspiceMeasureFact]
    public void BinnedCard_SelectsTheSameBinAsNgspice()
    {
        var bins = string.Join("\n", new[] { (1, "40n", "100n", "80n", "1u", 0.40), (2, "100n", "1u", "80n", "1u", 0.45), (3, "40n", "1u", "1u", "10u", 0.50) }
            .Select(b => CardWithOptions($"nch.{b.Item1}", "nmos", b.Item6, $"lmin={b.Item2} lmax={b.Item3} wmin={b.Item4} wmax={b.Item5}")));
        var geometries = new[] { "L=45n W=90n", "L=200n W=90n", "L=200n W=2u", "L=100n W=90n", "L=45n W=1u", "L=45n W=4u NF=4", "L=45n W=4u NF=4 wnflag=1" };
        var devices = string.Join("\n", geometries.Select((g, k) => $"VD{k} d{k} 0 1.0\nM{k} d{k} g 0 0 nch {g}"));
        var deck = $"""
            binned bsim4 cards
            {bins}
            VG g 0 0.9
            {devices}
            {TightOptions}
            .dc VG 0.9 0.9 0.1
            """;
        var vectors = geometries.Select((_, k) => $"i(vd{k})").ToArray();
        var worst = Compare(deck, vectors);
        var ours = RunCircuitSim(deck);
        var currents = vectors.Select(v => ours[v][0]).ToArray();

        Assert.True(worst.Error <= DcTolerance, $"{worst.Name}: error {worst.Error:E2}");
        Assert.NotEqual(currents[5], currents[6]); // the W/NF choice picks a different bin, so the test can tell them apart
    }

    /// <summary>Drain current of an NMOS and a PMOS in saturation from −40 °C to 125 °C (.dc TEMP), with the
    /// temperature coefficients of threshold, mobility, saturation velocity and series resistance set.</summary>
    [NgspiceMeasureFact]
    public void TemperatureSweep_DrainCurrentMatchesNgspice()
    {
        const string tc = "kt1=-0.15 kt1l=1e-9 kt2=0.02 ute=-1.4 ua1=1e-9 ub1=-1e-18 uc1=-5e-11 at=3e4 prt=20";
        var deck = $"""
            bsim4 temperature sweep
            {NmosCard(tc)}
            {PmosCard(tc)}
            VD d 0 1.0
            VDP dp 0 -1.0
            VG g 0 0.8
            VGP gp 0 -0.8
            M1 d g 0 0 nch W=1u L=45n
            M2 dp gp 0 0 pch W=1u L=45n
            {TightOptions}
            .dc TEMP -40 125 5
            """;
        var worst = Compare(deck, ["i(vd)", "i(vdp)"]);
        var ours = RunCircuitSim(deck);
        var id = ours["i(vd)"];

        Assert.True(worst.Error <= DcTolerance, $"{worst.Name}: error/range {worst.Error:E2} at T = {worst.At} °C");
        Assert.True(Math.Abs(id[^1] - id[0]) > 0.05 * Math.Abs(id[0]), "the sweep must change the current noticeably");
    }
}

/// <summary>A theory that is skipped (with a visible reason) when ngspice is not on PATH.</summary>
public sealed class NgspiceMeasureTheoryAttribute : TheoryAttribute
{
    public NgspiceMeasureTheoryAttribute()
    {
        if (!NgspiceMeasure.Available) Skip = NgspiceMeasure.SkipReason;
    }
}
