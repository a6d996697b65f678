using System.Globalization;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Netlist.Tests.Measurements;
using Xunit.Abstractions;

namespace CircuitSim.Netlist.Tests.References;

/// <summary>
/// Whole BSIM4 circuits on models/cmos45_bsim4.lib against live ngspice 39 (skipped with a reason when ngspice is not
/// on PATH): the same deck with the same .meas lines runs through both, and the measured quantities are compared.
/// </summary>
public class Bsim4CircuitCrossCheckTests(ITestOutputHelper output)
{
    private static string Library => Path.Combine(AppContext.BaseDirectory, "models", "cmos45_bsim4.lib").Replace('\\', '/');

    private Dictionary<string, (double Ours, double Ngspice)> Measure(string deck, string[] measures)
    {
        var ngspice = NgspiceMeasure.Simulate(deck, measures, "v(vdd)");
        var netlist = new NetlistReader().ReadText(deck + "\n" + string.Concat(measures.Select(m => ".meas " + m + "\n")), "circuit.cir");
        var (outcomes, _) = new NetlistRunner(netlist).RunToMemory();
        Assert.Null(outcomes[0].Failure);
        var result = new Dictionary<string, (double, double)>();
        foreach (var m in outcomes[0].Measures)
        {
            Assert.True(m.Value.HasValue, $"{m.Name}: {m.Failure}");
            Assert.True(ngspice.Printed.TryGetValue(m.Name, out var reference), $"ngspice printed no {m.Name}:\n{ngspice.Output}");
            result[m.Name] = (m.Value!.Value, reference);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name}: ours {m.Value:G9}, ngspice {reference:G9}"));
        }
        Assert.Equal(measures.Length, result.Count);
        return result;
    }

    private static double Relative((double Ours, double Ngspice) m) => Math.Abs(m.Ours - m.Ngspice) / Math.Abs(m.Ngspice);

    /// <summary>The times v crosses <paramref name="level"/> rising, linearly interpolated between time points.</summary>
    private static List<double> RisingEdges(IReadOnlyList<double> t, IReadOnlyList<double> v, double level)
    {
        var edges = new List<double>();
        for (var k = 1; k < t.Count; k++)
            if (v[k - 1] < level && v[k] >= level)
                edges.Add(t[k - 1] + (level - v[k - 1]) / (v[k] - v[k - 1]) * (t[k] - t[k - 1]));
        return edges;
    }

    /// <summary>∫ y dt from <paramref name="from"/> to <paramref name="to"/> by the trapezoid rule on the time points,
    /// with y interpolated linearly at the ends.</summary>
    private static double Integral(IReadOnlyList<double> t, IReadOnlyList<double> y, double from, double to)
    {
        double At(double time)
        {
            var k = 1;
            while (k < t.Count - 1 && t[k] < time) k++;
            return y[k - 1] + (time - t[k - 1]) / (t[k] - t[k - 1]) * (y[k] - y[k - 1]);
        }
        var sum = 0.0;
        var (t0, y0) = (from, At(from));
        for (var k = 0; k < t.Count; k++)
        {
            if (t[k] <= from) continue;
            if (t[k] >= to) break;
            sum += 0.5 * (y0 + y[k]) * (t[k] - t0);
            (t0, y0) = (t[k], y[k]);
        }
        return sum + 0.5 * (y0 + At(to)) * (to - t0);
    }

    /// <summary>Period and supply charge per period over rising edges 5–15 and 95–105 of v(n1).</summary>
    private static (double FirstPeriod, double LastPeriod, double FirstCharge, double LastCharge, double Edge105) Cycles(
        IReadOnlyList<double> t, IReadOnlyList<double> v, IReadOnlyList<double> i)
    {
        var e = RisingEdges(t, v, 0.5);
        Assert.True(e.Count > 105, $"only {e.Count} rising edges");
        return ((e[15] - e[5]) / 10, (e[105] - e[95]) / 10, Integral(t, i, e[5], e[15]) / 10, Integral(t, i, e[95], e[105]) / 10, e[105]);
    }

    /// <summary>
    /// A three-stage ring oscillator over 100 periods (rising edges 5 to 105 of one node). A model whose charges are not
    /// conserved (Qg + Qd + Qs + Qb ≠ 0, or a capacitance that is not the derivative of its charge) pumps charge each
    /// cycle, so the period and the supply charge per period drift; here both stay put over the 100 periods, and
    /// agree with ngspice's.
    /// </summary>
    [NgspiceMeasureFact]
    public void RingOscillator_ConservesChargeOver100PeriodsLikeNgspice()
    {
        var deck = $"""
            bsim4 three-stage ring oscillator, 100 periods
            .lib "{Library}" tt
            VDD vdd 0 1.0
            .subckt inv a y vdd
            MP y a vdd vdd pch W=270n L=45n
            MN y a 0 0 nch W=90n L=45n
            .ends inv
            X1 n1 n2 vdd inv
            X2 n2 n3 vdd inv
            X3 n3 n1 vdd inv
            IKICK 0 n1 PULSE(0 20u 1p 1p 1p 5p 1)
            .options bypass=0
            .tran 2p 8n
            """;
        var ngspice = NgspiceMeasure.Simulate(deck, [], "v(n1) i(vdd)").Waveforms;
        var (outcomes, recorder) = new NetlistRunner(new NetlistReader().ReadText(deck, "ring.cir")).RunToMemory();
        Assert.Null(outcomes[0].Failure);
        var plot = recorder.Plots[0];
        Assert.True(ngspice.TryGetVector("v(n1)", out var ngV), "ngspice wrote v(n1)");
        Assert.True(ngspice.TryGetVector("i(vdd)", out var ngI), "ngspice wrote i(vdd)");
        var theirs = Cycles(ngspice.Scale.ToArray(), ngV, ngI);
        var ours = Cycles(plot.Scale, plot["v(n1)"], plot["i(vdd)"]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours:    {ours}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ngspice: {theirs}"));

        // stationary: the periods and the charge drawn per period at the start and at the end of the run agree to
        // 1e-4 (edges interpolated within a ≤2 ps step of a ~70 ps period, ten periods averaged: ~1e-5 of jitter)
        Assert.InRange(ours.LastPeriod / ours.FirstPeriod, 1 - 1e-4, 1 + 1e-4);
        Assert.InRange(ours.LastCharge / ours.FirstCharge, 1 - 1e-4, 1 + 1e-4);
        // against ngspice: the 105th edge carries 100 periods of accumulated phase (measured 2e-5 apart) and the charge
        // per period 4e-5 apart; 1e-4 and 2e-4 leave a factor 5 for a different rounding of the step sequence
        Assert.True(Math.Abs(ours.Edge105 - theirs.Edge105) < 1e-4 * theirs.Edge105, $"edge 105: ours {ours.Edge105:G6} s, ngspice {theirs.Edge105:G6} s");
        Assert.True(Math.Abs(ours.LastCharge - theirs.LastCharge) < 2e-4 * Math.Abs(theirs.LastCharge),
            $"charge per period: ours {ours.LastCharge:G6} C, ngspice {theirs.LastCharge:G6} C");
    }

    /// <summary>
    /// A 6T SRAM cell (pull-down 180 nm, access 135 nm, pull-up 90 nm) with precharged 5 fF bit lines: a write of 1
    /// through the pulled-down BLB, a hold, and a read that discharges BLB. The write time (word line at 50 % to Q at
    /// 50 %), the held Q and the read's bit-line split agree with ngspice.
    /// </summary>
    [NgspiceMeasureFact]
    public void SramCell_WritesAndReadsLikeNgspice()
    {
        var deck = $"""
            bsim4 6T SRAM write and read
            .lib "{Library}" tt
            VDD vdd 0 1.0
            VWL wl 0 PWL(0 0 150p 0 170p 1 300p 1 320p 0 500p 0 520p 1)
            VPRE pre 0 PWL(0 0 100p 0 110p 1 330p 1 340p 0 450p 0 460p 1)
            VWE we 0 PWL(0 0 110p 0 120p 1 300p 1 310p 0)
            MPU1 q qb vdd vdd pch W=90n L=45n
            MPD1 q qb 0 0 nch W=180n L=45n
            MPU2 qb q vdd vdd pch W=90n L=45n
            MPD2 qb q 0 0 nch W=180n L=45n
            MAX1 bl wl q 0 nch W=135n L=45n
            MAX2 blb wl qb 0 nch W=135n L=45n
            CBL bl 0 5f
            CBLB blb 0 5f
            MPB1 bl pre vdd vdd pch W=270n L=45n
            MPB2 blb pre vdd vdd pch W=270n L=45n
            MWD blb we 0 0 nch W=360n L=45n
            .ic v(q)=0 v(qb)=1 v(bl)=1 v(blb)=1
            .options bypass=0
            .tran 1p 600p
            """;
        var m = Measure(deck, [
            "tran twrite trig v(wl) val=0.5 rise=1 targ v(q) val=0.5 rise=1",
            "tran qhold find v(q) at=480p",
            "tran bl find v(bl) at=560p",
            "tran blb find v(blb) at=560p",
        ]);

        Assert.True(m["qhold"].Ours > 0.99, "the cell holds the written 1");
        var split = (Ours: m["bl"].Ours - m["blb"].Ours, Ngspice: m["bl"].Ngspice - m["blb"].Ngspice);
        Assert.True(split.Ours > 0.1, "the read develops a bit-line split");
        // ngspice prints these to 7 digits (5e-8 relative rounding) and ours agree to every printed digit; 1e-5
        // leaves room for that rounding and for the two step sequences to round apart, far below any model difference
        Assert.True(Relative(m["twrite"]) < 1e-5, $"write time: ours {m["twrite"].Ours:G6} s, ngspice {m["twrite"].Ngspice:G6} s");
        Assert.True(Math.Abs(m["qhold"].Ours - m["qhold"].Ngspice) < 1e-5, "held Q");
        Assert.True(Relative(split) < 1e-5, $"read split: ours {split.Ours:G6} V, ngspice {split.Ngspice:G6} V");
    }
}
