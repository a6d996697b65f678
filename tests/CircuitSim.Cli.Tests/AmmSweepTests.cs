using System.Globalization;

namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim run --plot</c> on a YAMM ring under <c>.step</c>: one Lissajous area per step value.</summary>
public sealed class AmmSweepTests : IDisposable
{
    // a 16-cell vortex ring without relaxation, three frequencies, three periods each: well under a second
    private const string SteppedRing = """
        stepped AMM ring
        .param f=1g
        .model pyfast AMM (ncell=16)
        I1 0 a SIN(0 100u {f})
        YAMM y1 a 0 pyfast state=vortex relax=0
        .tran {0.02/f} {3/f}
        .step param f list 2g 500meg 1g
        .save @y1[r] @y1[i] @y1[j] @y1[drhodt]
        .end
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void AFrequency_StepWritesOneAreaPerFrequencyAsATableAndAChart()
    {
        _cli.Write("sweep.cir", SteppedRing);
        Assert.Equal(ExitCodes.Success, _cli.Run("sweep.cir", format: "csv", plot: true, quiet: true));

        var lines = File.ReadAllLines(_cli.Output("sweep.y1.sweep.csv"));
        Assert.StartsWith("f,frequency_Hz,lissajous_area_ohm_A_per_m_s,", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray()).ToList();
        Assert.Equal(new[] { 500e6, 1e9, 2e9 }, rows.Select(r => r[0]));   // one row per step value, in order
        foreach (var r in rows)
        {
            Assert.Equal(r[0], r[1], r[0] * 1e-3);                          // the loop's frequency is the stepped one
            Assert.True(r[2] > 0 && double.IsFinite(r[2]), $"area {r[2]} at f = {r[0]}");
        }

        ChartFiles.AssertPng(_cli.Output("sweep.y1.sweep.png"));
        Assert.True(File.Exists(_cli.Output("sweep.amm.json")));
    }

    [Fact]
    public void Each_StepWritesItsCharts()
    {
        _cli.Write("sweep.cir", SteppedRing);
        Assert.Equal(ExitCodes.Success, _cli.Run("sweep.cir", format: "csv", plot: true, quiet: true));
        // files named by the stepped value: the run's chart and the ring's loop chart
        ChartFiles.AssertPng(_cli.Output("sweep.tran.f_5E_08.png"));
        ChartFiles.AssertPng(_cli.Output("sweep.y1.f_5E_08.loop.png"));
    }

    [Fact]
    public void ARunWithout_StepWritesNoSweep()
    {
        _cli.Write("one.cir", SteppedRing.Replace(".step param f list 2g 500meg 1g\n", ""));
        Assert.Equal(ExitCodes.Success, _cli.Run("one.cir", format: "csv", plot: true, quiet: true));
        ChartFiles.AssertPng(_cli.Output("one.y1.loop.png"));
        Assert.False(File.Exists(_cli.Output("one.y1.sweep.csv")));
        Assert.False(File.Exists(_cli.Output("one.y1.sweep.png")));
    }

    [Fact]
    public void ADeviceThat_IsNotARingGetsNoLoopAnalysisEvenWithRAndISaved()
    {
        // a memristor under a sine has [r] and [i] probes like a ring, but the AMM loop numbers mean nothing for it
        _cli.Write("mem.cir", """
            memristor under a sine
            .model hp MEMRISTOR (kind=hp window=biolek ron=100 roff=16k d=10n uv=1e-14 p=1)
            V1 a 0 SIN(0 1 1)
            YMEMRISTOR m1 a 0 hp rinit=11k
            .tran 10m 3
            .save @m1[r] @m1[i]
            .end
            """);
        Assert.Equal(ExitCodes.Success, _cli.Run("mem.cir", format: "csv", plot: true, quiet: true));
        Assert.False(File.Exists(_cli.Output("mem.m1.loop.png")));
        Assert.False(File.Exists(_cli.Output("mem.amm.json")));
    }
}
