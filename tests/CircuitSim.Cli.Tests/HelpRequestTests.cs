using System.Diagnostics;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// The root command gets System.CommandLine's help and version options only when an argument could ask for them
/// (their resources cost start-up time): every spelling of them still works, and a run without them builds none.
/// </summary>
public sealed class HelpRequestTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/h")]
    [InlineData("/?")]
    [InlineData("--version")]
    [InlineData("-qh")]
    public void MayAsk_IsTrueForEveryWayOfAskingForHelpOrTheVersion(string argument) =>
        Assert.True(HelpRequest.MayAsk(["run", "a.cir", argument]));

    [Theory]
    [InlineData("run", "a.cir", "-o", "out", "-q")]
    [InlineData("run", "home/a.cir", "--format", "csv", "--plot")]
    [InlineData("plot", "a.raw", "v(h)", "--xy", "v(a),v(b)")]
    public void MayAsk_IsFalseForCommandLinesWithoutThem(params string[] args) => Assert.False(HelpRequest.MayAsk(args));

    [Theory]
    [InlineData("Commands:", "--help")]
    [InlineData("Simulate a netlist and write its waveforms.", "run", "--help")]
    [InlineData("Simulate a netlist and write its waveforms.", "run", "-h")]
    [InlineData("Usage:", "crossbar", "-?")]
    public void HelpOption_PrintsTheHelpAndSucceeds(string expected, params string[] args)
    {
        var (code, stdout, _) = RunProgram(args);
        Assert.Equal(0, code);
        Assert.Contains(expected, stdout);
    }

    [Fact]
    public void VersionOption_PrintsTheVersionAndSucceeds()
    {
        var (code, stdout, _) = RunProgram("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Fact]
    public void UnknownOption_IsBadInputWithAPointerToTheHelp()
    {
        var (code, _, stderr) = RunProgram("run", "missing.cir", "--bogus");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Unrecognized command or argument '--bogus'", stderr);
        Assert.Contains("circuitsim --help", stderr);
    }

    private static (int Code, string Stdout, string Stderr) RunProgram(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "circuitsim.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }
}
