using System.Runtime.InteropServices;
using System.Text;

namespace CircuitSim.Core.Files;

/// <summary>An input file that cannot be read as one: missing, not a regular file, too large, unreadable. The message
/// is one sentence naming the file.</summary>
public sealed class InputFileException : IOException
{
    public InputFileException(string message) : base(message) { }
}

/// <summary>
/// Reads the files a run takes in (netlists, included libraries, texture and profile files) with bounds: only regular
/// files (a device such as <c>/dev/zero</c>, a named pipe, a directory or a <c>/proc</c>/<c>/sys</c> pseudo-file is
/// refused before it is opened, so nothing reads forever or blocks), at most <see cref="MaxBytes"/> bytes, decoded as
/// UTF-8 unless a byte-order mark says otherwise (UTF-16 and UTF-32 netlists read as well).
/// </summary>
public static class InputFile
{
    /// <summary>Largest input file read, bytes (256 MiB: a generated netlist of millions of elements fits).</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Whole text of <paramref name="path"/>; <paramref name="what"/> names it in messages ("netlist",
    /// "included file", "texture file").</summary>
    /// <exception cref="InputFileException">The file is missing, not a regular file, too large or unreadable.</exception>
    public static string ReadAllText(string path, string what, long maxBytes = MaxBytes)
    {
        var bytes = ReadAllBytes(path, what, maxBytes);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The lines of <paramref name="path"/> (see <see cref="ReadAllText"/>).</summary>
    public static string[] ReadAllLines(string path, string what, long maxBytes = MaxBytes)
    {
        var lines = ReadAllText(path, what, maxBytes).ReplaceLineEndings("\n").Split('\n');
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>The bytes of <paramref name="path"/>, at most <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path, string what, long maxBytes = MaxBytes)
    {
        Check(path, what, maxBytes);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            var result = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (result.Length + n > maxBytes) throw TooLarge(path, what, maxBytes);
                result.Write(chunk, 0, n);
            }
            return result.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not InputFileException)
        {
            throw new InputFileException($"cannot read {what} '{path}': {e.Message}");
        }
    }

    /// <summary>Refuses what is not a readable regular file of at most <paramref name="maxBytes"/> bytes, without opening it.</summary>
    public static void Check(string path, string what, long maxBytes = MaxBytes)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputFileException($"{what}: empty file name");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputFileException($"{what} '{path}': not a usable file name ({e.Message})");
        }
        if (Directory.Exists(full)) throw new InputFileException($"{what} '{path}' is a directory, not a file");
        if (!File.Exists(full)) throw new InputFileException($"{what} not found: {path}");
        var kind = FileKind.Describe(full);
        if (kind is not null) throw new InputFileException($"{what} '{path}' is {kind}, not a regular file");
        long length;
        try { length = new FileInfo(full).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InputFileException($"cannot read {what} '{path}': {e.Message}"); }
        if (length > maxBytes) throw TooLarge(path, what, maxBytes);
    }

    private static InputFileException TooLarge(string path, string what, long maxBytes) =>
        new($"{what} '{path}' is larger than {maxBytes >> 20} MiB, the most that is read");
}

/// <summary>What kind of file a path names when it is not a regular file (Linux <c>statx</c>; elsewhere only
/// directories are told apart).</summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    private static bool _statxMissing;

    /// <summary>null for a regular file (or when the kind cannot be told), else "a character device", "a named pipe", …</summary>
    public static string? Describe(string fullPath)
    {
        var target = FinalTarget(fullPath);
        foreach (var root in new[] { "/proc/", "/sys/" })
            if (target.StartsWith(root, StringComparison.Ordinal) || fullPath.StartsWith(root, StringComparison.Ordinal))
                return $"a kernel pseudo-file under {root.TrimEnd('/')}";
        if (!OperatingSystem.IsLinux() || _statxMissing) return null;
        try
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, fullPath, 0, StatxType, buffer) != 0) return null;
            var mode = BitConverter.ToUInt16(buffer, 28); // stx_mode
            return (mode & 0xF000) switch
            {
                0x8000 => null,
                0x4000 => "a directory",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0x1000 => "a named pipe",
                0xC000 => "a socket",
                _ => "not a regular file",
            };
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
    }

    private static string FinalTarget(string fullPath)
    {
        try { return new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return fullPath; }
    }
}
