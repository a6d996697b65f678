using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Tests;

/// <summary>The CMOS + spintronic co-design examples in netlists/ do what their headers say.</summary>
public sealed class ExampleNetlistTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "netlists", name);

    private static PlotRecorder.RecordedPlot Run(string name)
    {
        var (outcomes, recorder) = new NetlistRunner(new NetlistReader().ReadFile(Example(name))).RunToMemory();
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
    public void MramArrayReadsBackThePatternItWrote()
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
        }
    }

    /// <summary>netlists/dwmtj_synapse_row.cir: every pulse of a synapse's "up" generator moves its wall one notch
    /// (100 nm) towards P and every "dn" pulse one notch back, stopping at the track ends (AP: q = 0, P: q = 1 µm).
    /// The pulses are found on the generators' outputs; the wall is read 45 ns after each pulse, when it still rings in
    /// its notch by up to ~20 nm; the level is the nearest notch (within half the 100 nm spacing).</summary>
    [Fact]
    public void SynapseRowStepsOneLevelPerPulse()
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
