using System.Globalization;
using CircuitSim.Netlist.Measurements;
using Xunit.Abstractions;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>
/// Runs ngspice on small RC/diode decks with .meas lines and applies our evaluator to ngspice's own waveforms.
/// Both then work on identical samples, so what is left is ngspice's printing: most measure kinds print 7 significant
/// digits (%e), a relative rounding of at most 5e-7, hence the default tolerance of 1e-6 relative (absolute floor 1e-15).
/// RMS and INTEG get 1e-5: ngspice integrates with Simpson's rules wherever three or four samples are equally spaced,
/// we with the trapezoidal rule; the two differ by at most about the trapezoid's own error, (h/τ)²/12 ≈ 1e-5 relative
/// for steps h ≤ 1 µs on the τ = 100 µs exponentials (observed: 1.9e-6 for RMS, 2e-11 for INTEG, where the errors of
/// the rising and falling halves cancel).
/// The measures are chosen where ngspice 39 and we mean the same thing: MIN/MAX/AVG windows without FROM/TO or with the
/// extreme inside (ngspice neither cuts those at FROM/TO nor reads "2.01m" as exactly 2.01e-3), no crossings of two
/// vectors that start equal (ngspice counts a flat stretch at the level as repeated crossings), and no v(a,b) (ngspice
/// .meas has none).
/// </summary>
public class NgspiceMeasureCrossCheckTests(ITestOutputHelper output)
{
    private const double Printed = 1e-6;
    private const double SimpsonVsTrapezoid = 1e-5;
    private const double AbsoluteFloor = 1e-15;

    private const string RcTransient = """
        rc transient .meas cross-check
        VIN in 0 PULSE(0 1 10u 2u 2u 0.5m 1m)
        R1 in out 1k
        C1 out 0 100n
        .tran 1u 3m
        """;

    private static readonly (string Measure, double Tolerance)[] TransientMeasures =
    [
        ("tran tdelay TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.5 RISE=1", Printed),
        ("tran tfall TRIG v(in) VAL=0.5 FALL=2 TARG v(out) VAL=0.5 FALL=2", Printed),
        ("tran vat FIND v(out) AT=0.3m", Printed),
        ("tran vwhen FIND v(out) WHEN v(in)=0.5 FALL=1", Printed),
        ("tran iat FIND i(vin) AT=1.1m", Printed),
        ("tran tcross WHEN v(out)=0.25 CROSS=3", Printed),
        ("tran tlast WHEN v(out)=0.5 RISE=LAST", Printed),
        ("tran ttd WHEN v(out)=0.5 TD=1.2m RISE=1", Printed),
        ("tran vmax MAX v(out) FROM=0.2m TO=1.2m", Printed),
        ("tran vmin MIN v(out) FROM=0.6m TO=1.4m", Printed),
        ("tran vpp PP v(out)", Printed),
        ("tran vavg AVG v(out)", Printed),
        ("tran vrms RMS v(out) FROM=1.01m TO=2.01m", SimpsonVsTrapezoid),
        ("tran vint INTEG v(out) FROM=1.01m TO=2.01m", SimpsonVsTrapezoid),
        ("tran vint2 INTEG v(out) FROM=0.25m TO=2.7m", SimpsonVsTrapezoid),
        ("tran vrms2 RMS v(out)", SimpsonVsTrapezoid),
    ];

    private const string RcAc = """
        rc ac .meas cross-check
        VIN in 0 DC 0 AC 1
        R1 in out 1k
        C1 out 0 100n
        .ac dec 20 10 1meg
        """;

    private static readonly (string Measure, double Tolerance)[] AcMeasures =
    [
        ("ac f3db WHEN vdb(out)=-3", Printed),
        ("ac gain1k FIND vdb(out) AT=1k", Printed),
        ("ac ph FIND vp(out) WHEN vdb(out)=-10", Printed),
        ("ac mag FIND vm(out) AT=2.5k", Printed),
        ("ac fm WHEN vm(out)=0.1 FALL=1", Printed),
        ("ac vmmax MAX vm(out)", Printed),
        ("ac phmin MIN vp(out)", Printed),
        ("ac dbavg AVG vdb(out)", Printed),
    ];

    private const string DiodeDc = """
        diode dc .meas cross-check
        VIN in 0 DC 0
        R1 in out 1k
        D1 out 0 dmod
        .model dmod D(IS=1e-14)
        .dc VIN 2 -1 -0.01
        """;

    private static readonly (string Measure, double Tolerance)[] DcMeasures =
    [
        ("dc vx FIND v(out) AT=1.234", Printed),
        ("dc vw WHEN v(out)=0.5", Printed),
        ("dc iw FIND i(vin) WHEN v(out)=0.6", Printed),
        ("dc vmax MAX v(out)", Printed),
        ("dc vmin MIN v(out)", Printed),
        ("dc vavg AVG v(out)", Printed),
        ("dc vpp PP i(vin)", Printed),
    ];

    [NgspiceMeasureFact]
    public void Transient_RcMeasuresAgreeWithNgspice()
    {
        var run = NgspiceMeasure.Simulate(RcTransient, TransientMeasures.Select(m => m.Measure), "v(in) v(out) i(vin)");
        CompareAll(run, TransientMeasures);
    }

    [NgspiceMeasureFact]
    public void Ac_RcMeasuresAgreeWithNgspice()
    {
        var run = NgspiceMeasure.Simulate(RcAc, AcMeasures.Select(m => m.Measure), "vr_out vi_out",
            lets: ["let vr_out = real(v(out))", "let vi_out = imag(v(out))"],
            rename: new Dictionary<string, string> { ["vr_out"] = "vr(out)", ["vi_out"] = "vi(out)" });
        CompareAll(run, AcMeasures); // vdb, vm, vp are derived by the evaluator from vr/vi
    }

    [NgspiceMeasureFact]
    public void Dc_DescendingDiodeSweepMeasuresAgreeWithNgspice()
    {
        var run = NgspiceMeasure.Simulate(DiodeDc, DcMeasures.Select(m => m.Measure), "v(out) i(vin)");
        CompareAll(run, DcMeasures);
    }

    private void CompareAll(NgspiceMeasure.Run run, (string Measure, double Tolerance)[] measures)
    {
        output.WriteLine($"{"measure",-8} {"ngspice",-24} {"ours",-24} {"|diff|/|ngspice|",-16} tolerance");
        var problems = new List<string>();
        foreach (var (text, tolerance) in measures)
        {
            var statement = MeasureParser.Parse(text);
            var ours = MeasureEvaluator.Evaluate(statement, run.Waveforms);
            if (!run.Printed.TryGetValue(statement.Name, out var ngspice))
            {
                problems.Add($"ngspice printed no value for {statement.Name}");
                continue;
            }
            if (ours.Value is not { } value)
            {
                problems.Add($"{statement.Name}: ours failed: {ours.Failure}");
                continue;
            }
            double diff = Math.Abs(value - ngspice);
            double relative = ngspice == 0 ? diff : diff / Math.Abs(ngspice);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{statement.Name,-8} {ngspice,-24:R} {value,-24:R} {relative,-16:E2} {tolerance:E0}"));
            if (diff > tolerance * Math.Abs(ngspice) + AbsoluteFloor)
                problems.Add($"{statement.Name}: ngspice {ngspice:R}, ours {value:R} (relative difference {relative:E2})");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\nngspice output:\n" + run.Output);
    }
}
