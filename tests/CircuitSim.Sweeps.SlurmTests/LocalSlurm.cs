using System.Diagnostics;

namespace CircuitSim.Sweeps.SlurmTests;

/// <summary>
/// A real one-node Slurm for the tests, brought up by the repository's tools/slurm/start-local-slurm.sh (which installs
/// the Debian packages when missing: root and a mirror needed) and stopped by PID afterwards, unless it was already
/// running. Where it cannot start, <see cref="SkipReason"/> says why and the tests skip with that reason.
/// </summary>
public sealed class LocalSlurm : IDisposable
{
    private readonly string _tools;
    private readonly bool _startedHere;

    public LocalSlurm()
    {
        Repository = FindRepository();
        _tools = Path.Combine(Repository, "tools", "slurm");
        var conf = Path.Combine(Base, "etc", "slurm.conf");
        if (!OperatingSystem.IsLinux())
        {
            SkipReason = "Slurm tests skipped: the local Slurm runs on Linux only";
            return;
        }
        var wasUp = File.Exists(conf) && Run("scontrol", new[] { "ping" }, 10, conf).Code == 0;
        var (code, output) = Run("bash", new[] { Path.Combine(_tools, "start-local-slurm.sh") }, 300, conf);
        if (code != 0)
        {
            var tail = string.Join("\n", output.Split('\n').TakeLast(8));
            SkipReason = $"Slurm tests skipped: tools/slurm/start-local-slurm.sh could not start Slurm (exit {code}; it needs root and the Debian packages slurmctld slurmd slurm-client munge or a mirror to install them):\n{tail}";
            return;
        }
        _startedHere = !wasUp;
        Environment.SetEnvironmentVariable("SLURM_CONF", conf);
    }

    public static string Base => Environment.GetEnvironmentVariable("SLURM_LOCAL_DIR") ?? "/tmp/circuitsim-slurm";

    public string Repository { get; }

    /// <summary>Why the tests cannot run; null when Slurm is up.</summary>
    public string? SkipReason { get; }

    public void Dispose()
    {
        if (_startedHere) Run("bash", new[] { Path.Combine(_tools, "stop-local-slurm.sh") }, 60, null);
    }

    private static string FindRepository()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CircuitSim.sln"))) return d.FullName;
        throw new InvalidOperationException("the repository root (CircuitSim.sln) is not above the test binaries");
    }

    /// <summary>Runs a program with a time limit; stdout and stderr together.</summary>
    public static (int Code, string Output) Run(string program, IEnumerable<string> args, int seconds, string? slurmConf, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var a in args) info.ArgumentList.Add(a);
        if (slurmConf is not null) info.Environment["SLURM_CONF"] = slurmConf;
        try
        {
            using var p = Process.Start(info)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(seconds * 1000))
            {
                p.Kill(entireProcessTree: true);
                return (124, $"{program} timed out after {seconds} s\n{stdout.Result}{stderr.Result}");
            }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, $"cannot run {program}: {e.Message}");
        }
    }
}
