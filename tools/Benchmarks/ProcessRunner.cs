using System.Diagnostics;
using System.Text;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>A finished child process: wall time from start to exit, whether it was stopped at the limit, exit code,
/// and its standard output and error interleaved.</summary>
internal sealed record ProcessResult(double WallSeconds, bool TimedOut, int ExitCode, string Output);

/// <summary>Starts a child process, captures its output, and kills it (this process only, by its id, with its
/// children) if it runs past a limit.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string exe, IEnumerable<string> arguments, string workingDirectory, double timeoutSeconds)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var finished = p.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds));
        var wall = clock.Elapsed.TotalSeconds;
        if (!finished)
        {
            try { p.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
        }
        p.WaitForExit(); // also drains the output streams
        string text;
        lock (output) text = output.ToString();
        return new ProcessResult(wall, !finished, finished ? p.ExitCode : -1, text);
    }
}
