namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim run</c>: the files it writes and the exit code it returns.</summary>
public sealed class RunCommandTests : IDisposable
{
    private const string RcStep = """
        RC step
        V1 in 0 PULSE(0 1 0 1n 1n 1u 2u)
        R1 in out 1k
        C1 out 0 100p
        .tran 10n 3u
        .meas tran tr TRIG v(out) VAL=0.1 RISE=1 TARG v(out) VAL=0.9 RISE=1
        .end
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_good_netlist_exits_0_and_writes_raw_csv_and_measurements()
    {
        _cli.Write("rc.cir", RcStep);

        var code = _cli.Run("rc.cir");

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(_cli.Output("rc.raw")));
        Assert.Equal("time,v(in),v(out),i(v1)", File.ReadLines(_cli.Output("rc.tran.csv")).First());
        Assert.Contains("\"name\": \"tr\"", File.ReadAllText(_cli.Output("rc.meas.json")));
    }

    [Fact]
    public void The_rise_time_measurement_is_RC_ln9()
    {
        _cli.Write("rc.cir", RcStep);

        _cli.Run("rc.cir");

        // the 10 %–90 % rise of an RC step is RC·ln 9 = 219.7 ns (RC = 100 ns); the 1 ns edge shifts both crossings
        // alike, and the interpolation between time points (at most 10 ns apart) is good to well under 1 %
        var json = File.ReadAllText(_cli.Output("rc.meas.json"));
        var value = System.Text.Json.JsonDocument.Parse(json).RootElement[0].GetProperty("value").GetDouble();
        Assert.Equal(100e-9 * Math.Log(9), value, 0.01 * 100e-9 * Math.Log(9));
    }

    [Fact]
    public void A_netlist_error_exits_2_naming_file_line_and_column()
    {
        _cli.Write("bad.cir", "bad\nR1 a 0 1k\nC1 a 0 {cap}\n.op\n.end\n");

        var code = _cli.Run("bad.cir");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.cir:3:", _cli.Stderr);
        Assert.Contains("nothing was simulated", _cli.Stderr);
        Assert.False(Directory.Exists(_cli.OutputFolder) && Directory.EnumerateFiles(_cli.OutputFolder).Any());
    }

    [Fact]
    public void A_failing_transient_exits_1_and_keeps_the_points_before_the_failure()
    {
        // from 1 µs node a has no solution: the source's sign flips with v(a) (see the engine's failure tests)
        _cli.Write("fail.cir", """
            no solution after 1 us
            R1 a 0 1k
            B1 a 0 I = time > 1u ? (v(a) < 0.5 ? -1m : 1m) : 0
            .tran 10n 2u
            .end
            """);

        var code = _cli.Run("fail.cir");

        Assert.Equal(ExitCodes.SimulationFailed, code);
        Assert.Contains("failed", _cli.Stderr);
        Assert.Contains("points computed before the failure", _cli.Stderr);
        var rows = File.ReadLines(_cli.Output("fail.tran.csv")).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.True(double.Parse(rows[^1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture) <= 1e-6 + 1e-15);
    }

    [Fact]
    public void Plot_lines_each_write_a_chart()
    {
        _cli.Write("rc.cir", RcStep.Replace(".end", ".plot tran v(out)\n.plot tran i(v1) vs v(out)\n.end"));

        _cli.Run("rc.cir", plot: true);

        ChartFiles.AssertPng(_cli.Output("rc.tran.png"));
        ChartFiles.AssertPng(_cli.Output("rc.tran.plot2.png"));
        Assert.False(File.Exists(_cli.Output("rc.tran.svg")));
    }

    [Fact]
    public void Plot_format_both_writes_png_and_svg()
    {
        _cli.Write("rc.cir", RcStep);

        _cli.Run("rc.cir", plot: true, plotFormat: "both");

        ChartFiles.AssertPng(_cli.Output("rc.tran.png"));
        ChartFiles.AssertSvg(_cli.Output("rc.tran.svg"));
        Assert.Contains(_cli.Output("rc.tran.svg"), _cli.Stdout);
    }

    [Fact]
    public void Stats_prints_the_time_split()
    {
        _cli.Write("rc.cir", RcStep);

        _cli.Run("rc.cir", quiet: true, stats: true);

        Assert.Contains("factorizations", _cli.Stdout);
        Assert.Contains("truncation", _cli.Stdout);
    }
}
