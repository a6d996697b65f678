using System.Text;
using CircuitSim.Output;

namespace CircuitSim.Cli;

/// <summary>The output directory cannot be used; the message is one line (exit 2, nothing simulated).</summary>
public sealed class OutputFolderException : Exception
{
    public OutputFolderException(string message) : base(message) { }
}

/// <summary>
/// The directory a run writes into, prepared before anything is simulated: created if needed and checked to be a
/// writable directory; temporary files of earlier runs that died are removed; the run's base name is locked, so a
/// second run writing the same names into the same directory is refused instead of mixing its files with this one's.
/// When the run ends, <see cref="Finish"/> records the files it wrote and removes those of the previous run of the
/// same base name that this run did not write again, so the directory holds one run's outputs as a set.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>Longest suffix the writers append to the base name (".tran12.plot12.svg", ".meas.json", a temporary
    /// name's ".pid.random.tmp" …), for the name-length check.</summary>
    private const int LongestSuffix = 40;

    private readonly FileStream _lock;
    private readonly string _lockPath;
    private readonly string _manifestPath;
    private readonly List<string> _previous;

    private OutputFolder(string directory, string baseName, FileStream lockStream, string lockPath, List<string> removedTemporaries)
    {
        Directory = directory;
        BaseName = baseName;
        _lock = lockStream;
        _lockPath = lockPath;
        _manifestPath = System.IO.Path.Combine(directory, $".{baseName}.outputs");
        _previous = ReadManifest(_manifestPath, baseName);
        RemovedTemporaries = removedTemporaries;
    }

    /// <summary>The full path of the directory.</summary>
    public string Directory { get; }

    public string BaseName { get; }

    /// <summary>Temporary files of dead runs removed when the folder was opened.</summary>
    public IReadOnlyList<string> RemovedTemporaries { get; }

    /// <summary>Creates and checks <paramref name="directory"/> for the outputs named <paramref name="baseName"/>.*.</summary>
    /// <exception cref="OutputFolderException">Empty name, not a directory, not writable, names too long, or locked by another run.</exception>
    public static OutputFolder Open(string directory, string baseName)
    {
        if (Encoding.UTF8.GetByteCount(baseName) + LongestSuffix > 255)
            throw new OutputFolderException($"the netlist's name '{Shorten(baseName)}' is too long to name its output files (at most {255 - LongestSuffix} bytes); rename it");
        var full = Prepare(directory);
        var removed = AtomicFile.RemoveStaleTemporaryFiles(full);
        var lockPath = System.IO.Path.Combine(full, $".{baseName}.lock");
        FileStream lockStream;
        try
        {
            // FileShare.None is an advisory lock (flock) on Unix: a second run of the same name fails here
            lockStream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException)
        {
            throw new OutputFolderException(
                $"another run is writing '{Shorten(baseName)}' outputs into '{Shorten(directory)}'; wait for it to end or choose another -o");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputFolderException($"cannot write into the output directory '{Shorten(directory)}': {e.Message}");
        }
        return new OutputFolder(full, baseName, lockStream, lockPath, removed);
    }

    /// <summary>
    /// Checks an output directory before anything is computed (every command that writes into one): a non-empty name,
    /// not a file, created if missing, and writable (a probe file is created and deleted). Returns its full path.
    /// </summary>
    /// <exception cref="OutputFolderException">The directory cannot be used; the message is one line.</exception>
    public static string Prepare(string directory, string option = "-o")
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new OutputFolderException($"the output directory ({option}) is an empty name");
        string full;
        try { full = System.IO.Path.GetFullPath(directory); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputFolderException($"cannot use '{Shorten(directory)}' as the output directory: {e.Message}");
        }
        if (File.Exists(full) && !System.IO.Directory.Exists(full))
            throw new OutputFolderException($"cannot use '{Shorten(directory)}' as the output directory: it is a file, not a directory");
        try
        {
            System.IO.Directory.CreateDirectory(full);
            var probe = AtomicFile.TemporaryPath(System.IO.Path.Combine(full, "circuitsim-write-check"));
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OutputFolderException($"cannot write into the output directory '{Shorten(directory)}': {e.Message}");
        }
        return full;
    }

    /// <summary>
    /// Records <paramref name="written"/> (full paths) as this run's outputs and deletes the files the previous run of
    /// this base name wrote that this run did not. Failures to delete are ignored (the manifest still names this run's set).
    /// </summary>
    public void Finish(IEnumerable<string> written)
    {
        var names = written.Select(System.IO.Path.GetFileName).OfType<string>().Where(n => IsOwnName(n, BaseName)).Distinct().ToList();
        foreach (var old in _previous.Except(names, StringComparer.Ordinal))
        {
            try { File.Delete(System.IO.Path.Combine(Directory, old)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        try { AtomicFile.WriteAllLines(_manifestPath, names); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>An output of this base name written by us: "base.something", a plain name in the folder.</summary>
    private static bool IsOwnName(string name, string baseName) =>
        name.StartsWith(baseName + ".", StringComparison.Ordinal) && name.IndexOfAny(new[] { '/', '\\' }) < 0 && !name.StartsWith('.');

    private static List<string> ReadManifest(string path, string baseName)
    {
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 1 << 20) return new();
            return File.ReadAllLines(path).Where(n => IsOwnName(n, baseName)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new(); }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    public void Dispose()
    {
        try { File.Delete(_lockPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        _lock.Dispose();
    }
}
