using System.Diagnostics;

namespace CircuitSim.Cli.Tests.Support;

/// <summary>
/// A small tmpfs mounted for a test (a full disk, a read-only file system). Mounting needs root (CAP_SYS_ADMIN); where
/// it fails, the tests that need it are skipped with the reason (<see cref="TmpfsFactAttribute"/>).
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Why a tmpfs cannot be mounted here, or null when it can.</summary>
    public static string? Unavailable => Probe.Value;

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs mounts need Linux";
        try
        {
            using var t = Mount("size=64k");
            return null;
        }
        catch (Exception e)
        {
            return $"cannot mount a tmpfs here ({e.Message}); mounting needs root";
        }
    });

    /// <summary>Mounts a tmpfs with <paramref name="options"/> (e.g. "size=256k", "size=64k,ro") on a new folder.</summary>
    public static Tmpfs Mount(string options)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "circuitsim-tmpfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        var (code, output) = Exec("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount -t tmpfs failed: {output.Trim()}");
        }
        return new Tmpfs(path);
    }

    /// <summary>Bytes in use on the file system (statvfs via df).</summary>
    public long UsedBytes()
    {
        var (_, output) = Exec("df", "-B1", "--output=used", Path);
        return long.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    private static (int Code, string Output) Exec(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    public void Dispose()
    {
        Exec("umount", Path);
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A fact that needs a tmpfs mount; skipped with the reason where none can be mounted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable is { } reason) Skip = reason;
    }
}

/// <summary>A fact that needs ngspice on PATH (to load a raw file as ngspice would); skipped with the reason otherwise.</summary>
public sealed class NgspiceFactAttribute : FactAttribute
{
    public NgspiceFactAttribute()
    {
        if (!Ngspice.Available) Skip = "ngspice not found on PATH: the ngspice load check is skipped";
    }
}

/// <summary>ngspice's own raw-file reader, when ngspice is installed.</summary>
internal static class Ngspice
{
    private static readonly Lazy<string?> Executable = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => System.IO.Path.Combine(d, "ngspice")).FirstOrDefault(File.Exists));

    public static bool Available => Executable.Value is not null;

    /// <summary>The number of points ngspice reads for <paramref name="vector"/> from <paramref name="raw"/> (its
    /// <c>load</c> command), or null when it cannot load the file.</summary>
    public static long? LoadedPoints(string raw, string vector)
    {
        var dir = System.IO.Path.GetDirectoryName(raw)!;
        var deck = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "load-" + Guid.NewGuid().ToString("N")[..8] + ".cir");
        File.WriteAllText(deck, $"* load check\n.control\nload {raw}\nlet n = length({vector})\nprint n\n.endc\n.end\n");
        try
        {
            var info = new ProcessStartInfo(Executable.Value!, $"-b {deck}") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var errors = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000)) { p.Kill(); return null; }
            var line = (output.Result + errors.Result).Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("n = ", StringComparison.Ordinal));
            return line is null ? null : (long)double.Parse(line.Split('=')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(deck);
        }
    }
}
