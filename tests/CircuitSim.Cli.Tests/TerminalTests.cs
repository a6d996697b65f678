using System.Diagnostics;
using Spectre.Console;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// Colour codes only on a terminal and never with NO_COLOR; lines as wide as the terminal, and unwrapped when the
/// output goes to a file or a pipe. The process tests run the built CLI with its output redirected, as a pipe does.
/// </summary>
public sealed class TerminalTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private (int Code, byte[] Stdout, byte[] Stderr) RunProcess(string netlist, params (string Name, string? Value)[] environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "circuitsim.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _cli.Folder,
        };
        foreach (var a in new[] { dll, "run", netlist, "-o", "out" }) psi.ArgumentList.Add(a);
        psi.Environment["TERM"] = "xterm-256color";
        psi.Environment.Remove("NO_COLOR");
        psi.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copyErr = p.StandardError.BaseStream.CopyToAsync(stderr);
        p.StandardOutput.BaseStream.CopyTo(stdout);
        copyErr.Wait();
        p.WaitForExit();
        return (p.ExitCode, stdout.ToArray(), stderr.ToArray());
    }

    [Fact]
    public void RedirectedOutput_HasNoEscapeCodes_WithTermXterm()
    {
        _cli.Write("rc.cir", "rc\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1n\n.tran 10n 1u\n.end\n");

        var (code, stdout, _) = RunProcess("rc.cir");

        Assert.Equal(0, code);
        Assert.Contains("Transient", System.Text.Encoding.UTF8.GetString(stdout)); // the summary was written
        Assert.DoesNotContain((byte)0x1B, stdout);
    }

    [Fact]
    public void RedirectedErrors_HaveNoEscapeCodes()
    {
        _cli.Write("bad.cir", "bad\nR1 a 0 {nothing}\n.op\n.end\n");

        var (code, _, stderr) = RunProcess("bad.cir");

        Assert.Equal(2, code);
        Assert.Contains("bad.cir:2:", System.Text.Encoding.UTF8.GetString(stderr));
        Assert.DoesNotContain((byte)0x1B, stderr);
    }

    [Fact]
    public void RedirectedOutput_IsNotWrappedAtEightyColumns()
    {
        var console = Terminal.Create(new StringWriter(), redirected: true);

        Assert.True(console.Profile.Width >= Terminal.RedirectedWidth || Environment.GetEnvironmentVariable("COLUMNS") is not null);
        Assert.False(console.Profile.Capabilities.Ansi);
    }

    [Fact]
    public void NoColor_TurnsColoursOff_OnATerminal()
    {
        var previous = Environment.GetEnvironmentVariable("NO_COLOR");
        Environment.SetEnvironmentVariable("NO_COLOR", "1");
        try
        {
            var writer = new StringWriter();
            var console = Terminal.Create(writer, redirected: false);
            console.MarkupLine("[red]error[/] text");

            Assert.Equal(ColorSystem.NoColors, console.Profile.Capabilities.ColorSystem);
            Assert.DoesNotContain('\u001b', writer.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", previous);
        }
    }
}
