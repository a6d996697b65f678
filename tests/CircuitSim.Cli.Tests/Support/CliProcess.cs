using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CircuitSim.Cli.Tests.Support;

/// <summary>The real CLI (the circuitsim.dll built next to the tests) run as a child process, for exit codes, signals
/// and stderr exactly as a user sees them.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout, _stderr;

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "circuitsim.dll");

    /// <summary>Starts <c>circuitsim args…</c> in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Runs to the end (at most <paramref name="timeoutSeconds"/>) and returns the exit code, stdout and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, null, 120, args);

    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, IDictionary<string, string>? environment, double timeoutSeconds, params string[] args)
    {
        using var p = Start(workingDirectory, environment, args);
        return p.WaitForEnd(timeoutSeconds);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Signal(int signal) => Kill(_process.Id, signal);

    public bool HasExited => _process.HasExited;

    public (int Code, string Stdout, string Stderr) WaitForEnd(double timeoutSeconds)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            throw new TimeoutException($"circuitsim did not end within {timeoutSeconds} s; stderr: {_stderr.Result}");
        }
        _process.WaitForExit();
        return (_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
