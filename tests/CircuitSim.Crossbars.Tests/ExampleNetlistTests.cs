using CircuitSim.Crossbars.Tests.Support;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Tests;

/// <summary>The CMOS + spintronic co-design examples in netlists/ do what their headers say.</summary>
public sealed class ExampleNetlistTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "netlists", name);

    private static PlotRecorder.RecordedPlot Run(string name)
    {
        var (outcomes, recorder) = new NetlistRunner(new NetlistReader(Cells.Devices).ReadFile(Example(name))).RunToMemory();
        Assert.All(outcomes, o => Assert.Null(o.Failure));
        return recorder.Plots[0];
    }

    private static double At(PlotRecorder.RecordedPlot plot, string vector, double t)
    {
        var scale = plot.Scale;
        var values = plot[vector];
        var k = Array.BinarySearch(scale, t);
        if (k >= 0) return values[k];
        k = ~k;
        return values[k - 1] + (values[k] - values[k - 1]) * (t - scale[k - 1]) / (scale[k] - scale[k - 1]);
    }

    /// <summary>netlists/mram_8x8.cir writes the pattern drawn in its header over a checkerboard and reads it back: at the
    /// end of row i's read slot (250 + 15·(i − 1) + 12 ns) sense amplifier j's output is at VDD for a 1 (AP) and at 0 for
    /// a 0. A latched output is within 0.1 V of a rail; VDD/2 separates them.</summary>
    [Fact]
    public void MramArray_ReadsBackThePatternItWrote()
    {
        var header = File.ReadAllLines(Example("mram_8x8.cir"));
        var start = Array.FindIndex(header, l => l.StartsWith("* Pattern written", StringComparison.Ordinal)) + 1;
        var pattern = header.Skip(start).Take(8).Select(l => l.TrimStart('*').Trim()).ToList();
        Assert.All(pattern, row => Assert.Matches("^[#.]{8}$", row));

        var plot = Run("mram_8x8.cir");
        for (var i = 1; i <= 8; i++)
        {
            var t = (250 + 15 * (i - 1) + 12) * 1e-9;
            var read = string.Concat(Enumerable.Range(1, 8).Select(j => At(plot, $"v(q{j})", t) > 0.6 ? '#' : '.'));
            Assert.Equal(pattern[i - 1], read);
            // The latch resolves any sign of V(BL) - VREF (its pair is matched); the margin guards the read against
            // drift: the smallest |V(BLj) - VREF| of the row at the end of SAMPLE, measured 63-68 mV (AP bit lines at
            // ~0.29 V, P at ~0.15 V, VREF 0.22 V halfway); the thermal field moves it by a few mV, 50 mV leaves room for
            // that and fails if VREF or a bit line moves off by more than ~15 mV.
            var margin = At(plot, "v(margin)", (250 + 15 * (i - 1) + 6.8) * 1e-9);
            Assert.True(margin > 0.050, $"row {i}: read margin {margin * 1e3:F1} mV");
        }
    }

    /// <summary>netlists/dwmtj_synapse_row.cir: every pulse of a synapse's "up" generator moves its wall one notch
    /// (100 nm) towards P and every "dn" pulse one notch back, stopping at the track ends (AP: q = 0, P: q = 1 µm).
    /// The pulses are found on the generators' outputs; the wall is read 45 ns after each pulse, when it still rings in
    /// its notch by up to ~20 nm; the level is the nearest notch (within half the 100 nm spacing).</summary>
    [Fact]
    public void SynapseRow_StepsOneLevelPerPulse()
    {
        var plot = Run("dwmtj_synapse_row.cir");
        var t = plot.Scale;
        for (var s = 1; s <= 3; s++)
        {
            var up = Rises(t, plot[$"v(xs{s}.up)"]).Select(x => (x, +1));
            var dn = Rises(t, plot[$"v(xs{s}.dn)"]).Select(x => (x, -1));
            var pulses = up.Concat(dn).OrderBy(p => p.x).ToList();
            Assert.True(pulses.Count >= 15, $"synapse {s}: only {pulses.Count} pulses");
            var level = 0;
            var levels = new HashSet<int> { 0 };
            foreach (var (time, step) in pulses)
            {
                level = Math.Clamp(level + step, 0, 10);
                levels.Add(level);
                var q = At(plot, $"@xs{s}.dw[q]", time + 45e-9);
                Assert.True(Math.Abs(q - level * 100e-9) < 50e-9, $"synapse {s}, pulse at {time * 1e9:F0} ns: q = {q * 1e9:F0} nm, level {level}");
            }
            if (s == 1) Assert.Equal(11, levels.Count);
        }

        // Synapse 1's climb through the 11 resistance levels: after k up pulses the wall sits at notch k, so
        // 1/R = (k/10)/R_P + (1 - k/10)/R_AP (R_P = 36 Ohm, R_AP = R_P (1 + TMR) = 70.2 Ohm). R is averaged over
        // 30-48 ns after the pulse, over the ringing (as the example's .meas r1_level<k> do); measured within 0.21 Ohm
        // at k = 1-2 (the wall still rings most there) and 0.13 Ohm from k = 3 on. Each reading must be nearer its own
        // level than any other, i.e. within half the gap to the nearer neighbour (0.92 Ohm for k = 9-10, 2.6 Ohm at
        // k = 1): the levels are distinct and in the right order.
        const double rp = 36, rap = 70.2;
        double Level(int k) => 1 / (k / 10.0 / rp + (1 - k / 10.0) / rap);
        var ups = Rises(t, plot["v(xs1.up)"]).Take(10).ToList();
        Assert.Equal(10, ups.Count);
        for (var k = 0; k <= 10; k++)
        {
            var (from, to) = k == 0 ? (1e-9, 19e-9) : (ups[k - 1] + 30e-9, ups[k - 1] + 48e-9);
            var r = Average(plot, "@xs1.dw[r]", from, to);
            var gap = Math.Min(k > 0 ? Level(k - 1) - Level(k) : double.PositiveInfinity, k < 10 ? Level(k) - Level(k + 1) : double.PositiveInfinity);
            var tolerance = gap / 2;
            Assert.True(Math.Abs(r - Level(k)) < tolerance, $"level {k}: R = {r:F2} Ohm, expected {Level(k):F2} Ohm (tolerance {tolerance:F2})");
        }
    }

    /// <summary>netlists/memristor_crossbar_vmm.cir (8×4 differential Biolek VMM, 2 Ω wires): the differential column
    /// currents of a plain run against the ideal Σ G·V its header states (the generator writes them). The wires make
    /// the error non-zero; `circuitsim crossbar analyze` reports it as at most 1.09 % of Σ G·|V| per output (|I − ideal|
    /// up to 3.7 µA on outputs of 12-88 µA); 5 µA bounds it, and a difference of at least 0.1 µA shows the wires act.</summary>
    [Fact]
    public void MemristorVmmExample_IsCloseToItsIdealProducts()
    {
        var header = File.ReadAllLines(Example("memristor_crossbar_vmm.cir"));
        var line = header[Array.FindIndex(header, l => l.StartsWith("* ideal outputs", StringComparison.Ordinal)) + 1];
        var ideal = System.Text.RegularExpressions.Regex.Matches(line, @"\d+: (-?[0-9.]+) uA")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1e-6).ToList();
        Assert.Equal(4, ideal.Count);

        var plot = Run("memristor_crossbar_vmm.cir");
        var worst = 0.0;
        for (var j = 1; j <= 4; j++)
        {
            var measured = plot[$"i(vs{2 * j - 1})"][0] - plot[$"i(vs{2 * j})"][0];
            Assert.True(Math.Abs(measured - ideal[j - 1]) < 5e-6, $"output {j}: {measured * 1e6:F3} uA, ideal {ideal[j - 1] * 1e6:F3} uA");
            worst = Math.Max(worst, Math.Abs(measured - ideal[j - 1]));
        }
        Assert.True(worst > 1e-7, $"the 2 Ohm wires should move some output by more than 0.1 uA (worst {worst * 1e6:F4} uA)");
    }

    /// <summary>netlists/mtj_1t1r_write.cir: its BSIM4 access transistor writes the pMTJ to AP (SL high, 2-17 ns), then to P
    /// (BL high, 22-37 ns), and the 0.1 V read (42-48 ns) sees the P resistance. Each state is read after its word line has
    /// fallen: at 300 K with Δ = 60 the free layer fluctuates by |1 − |mz|| ~ 1/(2Δ) ≈ 0.01 around its axis, so |mz| &gt; 0.9
    /// is the written state and mz of the wrong sign a failed write.</summary>
    [Fact]
    public void OneTransistorOneMtjExample_WritesApThenPAndReadsP()
    {
        var plot = Run("mtj_1t1r_write.cir");
        Assert.True(At(plot, "@mtj[mz]", 19.5e-9) < -0.9, $"after the AP write mz = {At(plot, "@mtj[mz]", 19.5e-9):F3}");
        Assert.True(At(plot, "@mtj[mz]", 39.5e-9) > 0.9, $"after the P write mz = {At(plot, "@mtj[mz]", 39.5e-9):F3}");

        // The read current through R_P = 7.96 kOhm plus the access transistor's on-resistance (about 2 kOhm for 180/45 nm
        // at Vgs = 1.2 V): measured 10.04 uA. It must lie between 0.1 V/(R_P + 3 kOhm) = 9.1 uA and 0.1 V/R_P = 12.6 uA;
        // an AP cell (R_AP = 19.4 kOhm at 0.1 V) would draw under 5.2 uA.
        var read = -Average(plot, "i(vbl)", 45e-9, 48e-9);
        Assert.InRange(read, 0.1 / (7.96e3 + 3e3), 0.1 / 7.96e3);
    }

    /// <summary>netlists/amm_cmos_driver.cir: the two BSIM4 inverters drive a bipolar 1 GHz current through the AMM ring,
    /// balanced (no DC offset that would walk its walls). Over the last ten periods the extremes are 1.2 V/(100 kOhm +
    /// 437 Ohm) = 11.95 uA less the drop over one on PMOS and one on NMOS (~4.5 kOhm together): measured +11.443 and
    /// −11.452 uA. Each extreme must be within 10 % below 11.95 uA (more would mean a switch not fully on), the two within
    /// 1 % of each other, and the period average within 1 % of the amplitude (measured 0.16 %; inverters that switch at
    /// 0.50 V instead of mid-sine gave 11 %).</summary>
    [Fact]
    public void AmmCmosDriverExample_DrivesABalancedBipolarCurrent()
    {
        var plot = Run("amm_cmos_driver.cir");
        var window = plot.Scale.Select((t, k) => (t, i: plot["@y1[i]"][k])).Where(p => p.t >= 10e-9).Select(p => p.i).ToList();
        const double full = 1.2 / (100e3 + 437);
        var (max, min) = (window.Max(), window.Min());
        Assert.InRange(max, 0.9 * full, full);
        Assert.InRange(-min, 0.9 * full, full);
        Assert.True(Math.Abs(max + min) < 0.01 * max, $"+{max * 1e6:F3} uA against {min * 1e6:F3} uA");
        var average = Average(plot, "@y1[i]", 10e-9, 20e-9);
        Assert.True(Math.Abs(average) < 0.01 * max, $"DC offset {average * 1e9:F1} nA");
    }

    /// <summary>tools/Examples/synapse_pulsegen_cmos_only.cir, the CMOS half of netlists/dwmtj_synapse_row.cir (one synapse's
    /// BSIM4 pulse generators and H-bridge, the DW-MTJ replaced by 53 Ohm), against ngspice 39's .meas results for the same
    /// file (`ngspice -b tools/Examples/synapse_pulsegen_cmos_only.cir`, printed to 7 digits): the up pulse's peak on the
    /// bridge node, its width at 0.3 V, and the generator output's rising and falling edges. Both simulators agree to
    /// every printed digit; 1e-5 relative allows for the printing's rounding (5e-7) with room to spare.</summary>
    [Fact]
    public void SynapsePulseGeneratorCmosOnly_MatchesNgspice()
    {
        var ngspice = new Dictionary<string, double>
        {
            ["va_max"] = 9.936922e-01, ["w_a"] = 5.880574e-09, ["t_up"] = 2.01747e-08, ["t_upf"] = 2.60606e-08,
        };
        var path = Path.Combine(AppContext.BaseDirectory, "tools", "Examples", "synapse_pulsegen_cmos_only.cir");
        var (outcomes, _) = new NetlistRunner(new NetlistReader(Cells.Devices).ReadFile(path)).RunToMemory();
        var plot = Assert.Single(outcomes);
        Assert.Null(plot.Failure);
        Assert.All(ngspice, expected =>
        {
            var value = Assert.Single(plot.Measures, m => m.Name == expected.Key).Value;
            Assert.NotNull(value);
            Assert.True(Math.Abs(value.Value - expected.Value) <= 1e-5 * Math.Abs(expected.Value),
                $"{expected.Key} = {value:G9}, ngspice {expected.Value:G7}");
        });
    }

    /// <summary>Time average of a vector over [from, to] (trapezoids on the linear interpolant).</summary>
    private static double Average(PlotRecorder.RecordedPlot plot, string vector, double from, double to)
    {
        var t = plot.Scale;
        double sum = 0, a = from, ya = At(plot, vector, from);
        foreach (var tk in t.Where(x => x > from && x < to).Append(to))
        {
            var yk = At(plot, vector, tk);
            sum += (tk - a) * (ya + yk) / 2;
            (a, ya) = (tk, yk);
        }
        return sum / (to - from);
    }

    /// <summary>Times where a logic signal rises through VDD/2.</summary>
    private static List<double> Rises(double[] t, double[] v)
    {
        var rises = new List<double>();
        for (var k = 1; k < t.Length; k++)
            if (v[k - 1] < 0.6 && v[k] >= 0.6) rises.Add(t[k]);
        return rises;
    }
}
