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
    public void AGoodNetlist_Exits0AndWritesRawCsvAndMeasurements()
    {
        _cli.Write("rc.cir", RcStep);

        var code = _cli.Run("rc.cir");

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(_cli.Output("rc.raw")));
        Assert.Equal("time,v(in),v(out),i(v1)", File.ReadLines(_cli.Output("rc.tran.csv")).First());
        Assert.Contains("\"name\": \"tr\"", File.ReadAllText(_cli.Output("rc.meas.json")));
    }

    [Fact]
    public void TheRiseTimeMeasurement_IsRCLn9()
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
    public void ANetlistError_Exits2NamingFileLineAndColumn()
    {
        _cli.Write("bad.cir", "bad\nR1 a 0 1k\nC1 a 0 {cap}\n.op\n.end\n");

        var code = _cli.Run("bad.cir");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.cir:3:", _cli.Stderr);
        Assert.Contains("nothing was simulated", _cli.Stderr);
        Assert.False(Directory.Exists(_cli.OutputFolder) && Directory.EnumerateFiles(_cli.OutputFolder).Any());
    }

    [Fact]
    public void AFailingTransient_Exits1AndKeepsThePointsBeforeTheFailure()
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
    public void PlotLinesEach_WriteAChart()
    {
        _cli.Write("rc.cir", RcStep.Replace(".end", ".plot tran v(out)\n.plot tran i(v1) vs v(out)\n.end"));

        _cli.Run("rc.cir", plot: true);

        ChartFiles.AssertPng(_cli.Output("rc.tran.png"));
        ChartFiles.AssertPng(_cli.Output("rc.tran.plot2.png"));
        Assert.False(File.Exists(_cli.Output("rc.tran.svg")));
    }

    [Fact]
    public void PlotFormatBoth_WritesPngAndSvg()
    {
        _cli.Write("rc.cir", RcStep);

        _cli.Run("rc.cir", plot: true, plotFormat: "both");

        ChartFiles.AssertPng(_cli.Output("rc.tran.png"));
        ChartFiles.AssertSvg(_cli.Output("rc.tran.svg"));
        Assert.Contains(_cli.Output("rc.tran.svg"), _cli.Stdout);
    }

    [Fact]
    public void Stats_PrintsTheTimeSplit()
    {
        _cli.Write("rc.cir", RcStep);

        _cli.Run("rc.cir", quiet: true, stats: true);

        Assert.Contains("factorizations", _cli.Stdout);
        Assert.Contains("truncation", _cli.Stdout);
    }

    /// <summary>A ladder of ten RC sections: eleven node voltages and a source current.</summary>
    private static string Ladder()
    {
        var lines = new List<string> { "RC ladder", "V1 n0 0 PULSE(0 1 0 1n 1n 1u 2u)" };
        for (var k = 1; k <= 10; k++)
        {
            lines.Add($"R{k} n{k - 1} n{k} 1k");
            lines.Add($"C{k} n{k} 0 10p");
        }
        lines.Add(".tran 10n 1u");
        lines.Add(".end");
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void PlotWithoutAPlotLine_DrawsEveryNodeVoltageInChartsOfEightAndSaysSo()
    {
        _cli.Write("ladder.cir", Ladder());

        Assert.Equal(ExitCodes.Success, _cli.Run("ladder.cir", plot: true));

        // 11 voltages: 8 + 3, then the current on its own (the grouping itself: ChartContentTests)
        ChartFiles.AssertPng(_cli.Output("ladder.tran.png"));
        ChartFiles.AssertPng(_cli.Output("ladder.tran.2.png"));
        ChartFiles.AssertPng(_cli.Output("ladder.tran.3.png"));
        Assert.False(File.Exists(_cli.Output("ladder.tran.4.png")));
        Assert.Contains("no .plot line for the tran analysis: drew its 11 node voltages and 1 current in 3 charts", _cli.Stdout);
    }

    [Fact]
    public void Quiet_RunStillPrintsTheMeasurements()
    {
        _cli.Write("rc.cir", RcStep);

        Assert.Equal(ExitCodes.Success, _cli.Run("rc.cir", quiet: true));

        Assert.Contains("tr", _cli.Stdout);
        Assert.Contains("2.19", _cli.Stdout); // RC·ln 9 = 219.7 ns, printed with 6 digits
        Assert.DoesNotContain("wrote", _cli.Stdout);
    }

    [Fact]
    public void Step_RunsWriteFilesNamedByTheSteppedValue()
    {
        _cli.Write("rc.cir", RcStep.Replace("R1 in out 1k", ".param r=1k\nR1 in out {r}").Replace(".end", ".step param r list 1k 2k\n.end"));

        Assert.Equal(ExitCodes.Success, _cli.Run("rc.cir", plot: true, ascii: true));

        Assert.True(File.Exists(_cli.Output("rc.tran.r_1000.csv")), string.Join(", ", Directory.GetFiles(_cli.OutputFolder).Select(Path.GetFileName)));
        Assert.True(File.Exists(_cli.Output("rc.tran.r_2000.csv")));
        ChartFiles.AssertPng(_cli.Output("rc.tran.r_2000.png"));
        Assert.Equal(new[] { "Title: RC step (r=1000)", "Title: RC step (r=2000)" }, RawTitles(_cli.Output("rc.raw")));
    }

    [Fact]
    public void Step_RunsWithTheSameLabelGetDistinctFiles()
    {
        _cli.Write("rc.cir", RcStep.Replace("R1 in out 1k", ".param r=1k\nR1 in out {r}").Replace(".end", ".step param r list 1k 1k\n.end"));

        Assert.Equal(ExitCodes.Success, _cli.Run("rc.cir", format: "csv"));

        Assert.True(File.Exists(_cli.Output("rc.tran.r_1000.csv")));
        Assert.True(File.Exists(_cli.Output("rc.tran.r_1000.2.csv")));
    }

    private static List<string> RawTitles(string path) =>
        File.ReadLines(path, System.Text.Encoding.Latin1).Where(l => l.StartsWith("Title:", StringComparison.Ordinal)).ToList();

    [Fact]
    public void NodeWithoutADcPath_IsAPrintedWarningThatNamesRshuntAndTheRunGoesOn()
    {
        // two behavioural memristors back to back: the current sources read their own terminals (a DC path); the
        // capacitor-only node 'float' has none, so it is named, the run is not refused, and rshunt gives it a path
        _cli.Write("w.cir", """
            warn
            V1 in 0 1
            B1 in mid I=v(in,mid)/1k
            B2 0 mid I=v(0,mid)/1k
            C1 mid float 1n
            C2 float 0 1n
            .options rshunt=1e12
            .op
            .end
            """.Replace(".options rshunt=1e12\n", ""));

        var code = _cli.Run("w.cir");

        Assert.Contains("node 'float' has no DC path to ground", _cli.Stderr);
        Assert.Contains(".options rshunt=", _cli.Stderr);
        Assert.DoesNotContain("'mid' has no DC path", _cli.Stderr);
        Assert.Equal(ExitCodes.SimulationFailed, code); // singular without a shunt: ngspice needs its transient op here
        Assert.Contains("rshunt", _cli.Stderr);

        _cli.Write("w2.cir", File.ReadAllText(Path.Combine(_cli.Folder, "w.cir")).Replace(".op", ".options rshunt=1e12\n.op"));
        Assert.Equal(ExitCodes.Success, _cli.Run("w2.cir"));
        // v(mid): a 1k/1k divider, less the shunts' 1e-12 S (2.5e-10 V)
        var vmid = double.Parse(File.ReadLines(_cli.Output("w2.op.csv")).Skip(1).First().Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0.5, vmid, 1e-9);
    }
}
