using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>Where things are: the repository, the shared bench files, a temporary work directory, the results.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(BenchOptions options, string repo, string bench, string work, string results)
    {
        Options = options;
        RepoRoot = repo;
        BenchDir = bench;
        WorkDir = work;
        ResultsDir = results;
    }

    public BenchOptions Options { get; }
    public string RepoRoot { get; }
    public string BenchDir { get; }
    public string WorkDir { get; }
    public string ResultsDir { get; }
    public string SpiceSharpCases => Path.Combine(BenchDir, "spicesharp-cases");
    public string Generator => Path.Combine(BenchDir, "gen_bench.py");
    public string CliDll => Path.Combine(RepoRoot, "src", "CircuitSim.Cli", "bin", "Release", "net10.0", "circuitsim.dll");
    /// <summary>Where <c>dotnet publish src/CircuitSim.Cli -c Release -r linux-x64</c> puts the native executable.</summary>
    public string NativeCli => Path.Combine(RepoRoot, "src", "CircuitSim.Cli", "bin", "Release", "net10.0", "linux-x64", "publish", "circuitsim");

    /// <exception cref="InvalidOperationException">The repository or the bench directory cannot be found.</exception>
    public static Workspace Create(BenchOptions options)
    {
        var repo = FindRepoRoot() ?? throw new InvalidOperationException(
            "cannot find the repository root (a directory with CircuitSim.sln) above the working directory or the harness");
        var bench = options.BenchDir ?? Environment.GetEnvironmentVariable("CIRCUITSIM_BENCH_DIR");
        if (bench is null)
        {
            var dir = new DirectoryInfo(repo);
            for (; dir is not null && bench is null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "bench");
                if (Directory.Exists(Path.Combine(candidate, "spicesharp-cases"))) bench = candidate;
            }
        }
        if (bench is null || !Directory.Exists(bench))
            throw new InvalidOperationException("cannot find the shared bench directory (shared/bench with spicesharp-cases/): pass --bench-dir");
        var work = Path.Combine(Path.GetTempPath(), $"circuitsim-bench-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var results = options.ResultsDir ?? Path.Combine(repo, "tools", "Benchmarks", "results");
        Directory.CreateDirectory(results);
        return new Workspace(options, repo, Path.GetFullPath(bench), work, Path.GetFullPath(results));
    }

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CircuitSim.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>A fresh sub-directory of the work directory.</summary>
    public string SubDir(string name)
    {
        var d = Path.Combine(WorkDir, name);
        Directory.CreateDirectory(d);
        return d;
    }

    public void Dispose()
    {
        if (Options.Keep)
        {
            Console.Error.WriteLine($"work directory kept: {WorkDir}");
            return;
        }
        try { Directory.Delete(WorkDir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Describes the machine and the versions, for the head of every result file.</summary>
    public string MachineDescription(string ngspiceVersion)
    {
        var cpu = "unknown CPU";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) cpu = line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        var commit = RunQuiet("git", $"-C \"{RepoRoot}\" rev-parse --short HEAD")?.Trim() ?? "unknown";
        var dirty = RunQuiet("git", $"-C \"{RepoRoot}\" status --porcelain --untracked-files=no -- src")?.Trim();
        if (!string.IsNullOrEmpty(dirty)) commit += " (src/ has uncommitted changes)";
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}; " +
               $"{RuntimeInformation.FrameworkDescription}; {ngspiceVersion}; CircuitSim commit {commit}";
    }

    /// <summary>The 1/5/15-minute load averages (Linux), or null.</summary>
    public static string? LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Runs a short command and returns its standard output, or null when it cannot run.</summary>
    public static string? RunQuiet(string file, string arguments)
    {
        try
        {
            var psi = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var p = Process.Start(psi);
            if (p is null) return null;
            var err = p.StandardError.ReadToEndAsync();
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            _ = err.Result;
            return p.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    public static string Stamp(DateTime t) => t.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
}
