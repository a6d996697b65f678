namespace CircuitSim.Cli.Tests;

/// <summary><c>circuitsim plot</c>: a PNG or SVG chart from a raw or CSV file, or a clear error.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public PlotCommandTests()
    {
        _cli.Write("rc.cir", "RC\nV1 in 0 SIN(0 1 1meg)\nR1 in out 1k\nC1 out 0 100p\n.tran 10n 2u\n.end\n");
        _cli.Run("rc.cir", quiet: true);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void PlottingARawFileToAnSvgPath_WritesAnSvg()
    {
        var svg = Path.Combine(_cli.Folder, "rc.svg");

        var code = _cli.Plot(_cli.Output("rc.raw"), new[] { "v(out)" }, null, svg);

        Assert.Equal(ExitCodes.Success, code);
        ChartFiles.AssertSvg(svg);
    }

    [Fact]
    public void AnXyPlotOfACsv_WritesAPng()
    {
        var png = Path.Combine(_cli.Folder, "xy.png");

        Assert.Equal(ExitCodes.Success, _cli.Plot(_cli.Output("rc.tran.csv"), Array.Empty<string>(), "v(in),v(out)", png));

        ChartFiles.AssertPng(png);
    }

    [Fact]
    public void WithoutAnOutputTheChart_GoesNextToTheInputInEveryFormatAskedFor()
    {
        Assert.Equal(ExitCodes.Success, _cli.Plot(_cli.Output("rc.raw"), new[] { "v(out)" }, null, null, plotFormat: "both"));

        ChartFiles.AssertPng(_cli.Output("rc.png"));
        ChartFiles.AssertSvg(_cli.Output("rc.svg"));
    }

    [Fact]
    public void AnUnknownVector_Exits2ListingTheVectorsThereAre()
    {
        var code = _cli.Plot(_cli.Output("rc.raw"), new[] { "v(nowhere)" }, null, Path.Combine(_cli.Folder, "x.svg"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no vector 'v(nowhere)'", _cli.Stderr);
        Assert.Contains("v(out)", _cli.Stderr);
    }

    [Fact]
    public void ARawFileWithSeveralPlots_DrawsTheLastThatIsNotAnOperatingPointAndListsThem()
    {
        _cli.Write("two.cir", "two plots\nV1 in 0 SIN(0 1 1meg)\nR1 in out 1k\nC1 out 0 100p\n.op\n.tran 10n 2u\n.end\n");
        _cli.Run("two.cir", quiet: true);
        var svg = Path.Combine(_cli.Folder, "two.svg");

        Assert.Equal(ExitCodes.Success, _cli.Plot(_cli.Output("two.raw"), Array.Empty<string>(), null, svg, plotIndex: 0));

        Assert.Contains("two.raw has 2 plots: 1 Operating Point", _cli.Stdout);
        Assert.Contains("2 Transient Analysis", _cli.Stdout);
        Assert.Contains("drawing 2", _cli.Stdout);
        ChartFiles.AssertSvg(svg);
    }

    [Fact]
    public void APlotIndexBeyondTheFile_ListsThePlotsThereAre()
    {
        var code = _cli.Plot(_cli.Output("rc.raw"), new[] { "v(out)" }, null, Path.Combine(_cli.Folder, "x.svg"), plotIndex: 3);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("1 Transient Analysis", _cli.Stderr);
    }

    [Fact]
    public void TheFilesWritten_AreListedOnTheInjectedConsole()
    {
        var png = Path.Combine(_cli.Folder, "listed.png");

        Assert.Equal(ExitCodes.Success, _cli.Plot(_cli.Output("rc.raw"), new[] { "v(out)" }, null, png));

        Assert.Contains("wrote " + png, _cli.Stdout);
    }

    [Fact]
    public void AnOutputInAMissingFolder_Exits2WithAMessage()
    {
        var png = Path.Combine(_cli.Folder, "no-such-folder", "x.png");

        Assert.Equal(ExitCodes.BadInput, _cli.Plot(_cli.Output("rc.raw"), new[] { "v(out)" }, null, png));

        Assert.Contains("cannot write the chart", _cli.Stderr);
    }
}
