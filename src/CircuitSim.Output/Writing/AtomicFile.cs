using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Whole files written under a temporary name in the target directory (<c>.name.pid.random.tmp</c>) and renamed when
/// complete, so a reader never finds half a file and an interrupted run leaves the previous file in place.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The temporary path beside <paramref name="finalPath"/> that a writer fills before renaming it.</summary>
    public static string TemporaryPath(string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        var dir = Path.GetDirectoryName(full) ?? ".";
        return Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..8]}.tmp");
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
            catch (IOException) { }
            throw;
        }
    }
}
