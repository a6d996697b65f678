namespace CircuitSim.Core.Files;

/// <summary>A file a device was asked to write resolves outside the place the run may write to.</summary>
public sealed class DeviceFileException : IOException
{
    public DeviceFileException(string message) : base(message) { }
}

/// <summary>
/// Where devices may write files of their own (a film's saved texture and snapshots, the AMM relaxed-state cache):
/// a relative name resolves inside <see cref="OutputDirectory"/>, and a name that leaves it (an absolute path, a
/// <c>..</c>) is refused unless <see cref="AllowOutside"/>. The CLI sets it to the run's output directory; library
/// use keeps the default, which resolves against the working directory and refuses nothing.
/// </summary>
public sealed class DeviceFiles
{
    private readonly string? _outputDirectory;

    public DeviceFiles(string outputDirectory, bool allowOutside = false, string? cacheDirectory = null)
    {
        _outputDirectory = Path.GetFullPath(outputDirectory);
        AllowOutside = allowOutside;
        CacheDirectory = cacheDirectory is null ? null : Path.GetFullPath(cacheDirectory);
    }

    private DeviceFiles()
    {
        AllowOutside = true;
    }

    /// <summary>Resolves against the working directory (at the time of each use), anything allowed (library use, tests).</summary>
    public static DeviceFiles Unrestricted { get; } = new();

    /// <summary>The directory relative device file names resolve in.</summary>
    public string OutputDirectory => _outputDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>Whether a device may write outside <see cref="OutputDirectory"/>.</summary>
    public bool AllowOutside { get; }

    /// <summary>The cache root a user chose (null: the device's default, inside the output directory when restricted).</summary>
    public string? CacheDirectory { get; }

    /// <summary>The full path a device writes <paramref name="name"/> to; <paramref name="what"/> names it in messages
    /// ("save=", "snapdir=").</summary>
    /// <exception cref="DeviceFileException">An empty or unusable name, or one outside the output directory.</exception>
    public string Resolve(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DeviceFileException($"{what}: empty file name");
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(OutputDirectory, name));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DeviceFileException($"{what}: '{Shorten(name)}' is not a usable file name ({e.Message})");
        }
        if (!AllowOutside && !IsInside(full, OutputDirectory))
            throw new DeviceFileException(
                $"{what}: '{Shorten(name)}' is outside the output directory {OutputDirectory}; give a name inside it (or run with --device-files-anywhere)");
        if (!AllowOutside && ThroughLink(full) is { } link)
            throw new DeviceFileException($"{what}: '{Shorten(name)}' goes through the symbolic link {link}, which may lead outside the output directory");
        foreach (var part in full.Split(Path.DirectorySeparatorChar))
            if (System.Text.Encoding.UTF8.GetByteCount(part) > 250)
                throw new DeviceFileException($"{what}: a name in '{Shorten(name)}' is longer than 250 bytes (file names may have 255, and a temporary name adds to it)");
        return full;
    }

    /// <summary>The first existing symbolic link between the output directory and <paramref name="full"/> (included).</summary>
    private string? ThroughLink(string full)
    {
        var relative = Path.GetRelativePath(OutputDirectory, full);
        var path = OutputDirectory;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, part);
            try
            {
                FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
                if (info.LinkTarget is not null) return path;
                if (!info.Exists) return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        }
        return null;
    }

    private static bool IsInside(string full, string directory)
    {
        var root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) || full == directory;
    }

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..77] + "…";
}
