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

    /// <summary>Whether this process ignores SIGINT (started with <c>nohup</c> or in the background of a
    /// non-interactive shell): its children inherit that, and a child that ignores SIGINT cannot be interrupted by it.</summary>
    private static readonly Lazy<bool> SigintIgnored = new(() =>
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:")) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    });

    /// <summary>Whether <c>/usr/bin/env --default-signal</c> (coreutils 8.31+) can give a child SIGINT's default back.</summary>
    private static readonly Lazy<bool> EnvResetsSignals = new(() =>
    {
        if (!File.Exists("/usr/bin/env")) return false;
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/env", "--default-signal=INT true") { RedirectStandardError = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    });

    /// <summary>Starts <c>circuitsim args…</c> in <paramref name="workingDirectory"/>, with SIGINT's default action
    /// even when the tests themselves run with SIGINT ignored (as a user's shell would start it).</summary>
    public static CliProcess Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var wrap = SigintIgnored.Value && EnvResetsSignals.Value;
        var info = new ProcessStartInfo(wrap ? "/usr/bin/env" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        if (wrap)
        {
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("dotnet");
        }
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
