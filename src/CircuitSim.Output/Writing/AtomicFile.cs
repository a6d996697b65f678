using System.Globalization;
using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Whole files written under a temporary name in the target directory (<c>.name.pid.random.tmp</c>) and renamed when
/// complete, so a reader never finds half a file and an interrupted run leaves the previous file in place. The process
/// id in the name lets a later run recognize and remove the temporary files of a run that died
/// (<see cref="RemoveStaleTemporaryFiles"/>).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Characters of the final name kept in a temporary name, so that a long final name (up to the usual
    /// 255-byte limit) still gives a temporary name the file system accepts.</summary>
    private const int NameCharsKept = 120;

    /// <summary>The temporary path beside <paramref name="finalPath"/> that a writer fills before renaming it.</summary>
    public static string TemporaryPath(string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        var dir = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        if (name.Length > NameCharsKept) name = name[..NameCharsKept];
        return Path.Combine(dir, $".{name}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..8]}.tmp");
    }

    /// <summary>The process id in a temporary name of ours (<c>.name.pid.xxxxxxxx.tmp</c>), or null for any other name.</summary>
    public static int? TemporaryFileOwner(string fileName)
    {
        if (!fileName.StartsWith('.') || !fileName.EndsWith(".tmp", StringComparison.Ordinal)) return null;
        var parts = fileName[..^4].Split('.');
        if (parts.Length < 4) return null;
        var random = parts[^1];
        if (random.Length != 8 || !random.All(Uri.IsHexDigit)) return null;
        return int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }

    /// <summary>
    /// Deletes the temporary files of runs that are no longer alive (a killed run, a crash) in <paramref name="directory"/>;
    /// files of live processes are left alone. Returns the names removed. Errors are ignored (the files stay).
    /// </summary>
    public static List<string> RemoveStaleTemporaryFiles(string directory)
    {
        var removed = new List<string>();
        IEnumerable<string> files;
        try { files = Directory.EnumerateFiles(directory, ".*.tmp").ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return removed; }
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            if (TemporaryFileOwner(name) is not { } pid || pid == Environment.ProcessId || IsAlive(pid)) continue;
            try
            {
                File.Delete(path);
                removed.Add(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text) => Write(path, tmp => File.WriteAllText(tmp, text, Utf8));

    /// <summary>Writes <paramref name="lines"/> (UTF-8, no byte-order mark) to <paramref name="path"/>.</summary>
    public static void WriteAllLines(string path, IEnumerable<string> lines) => Write(path, tmp => File.WriteAllLines(tmp, lines, Utf8));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, tmp => File.WriteAllBytes(tmp, bytes));

    private static void Write(string path, Action<string> write)
    {
        var tmp = TemporaryPath(path);
        try
        {
            write(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }
}
