using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CircuitSim.Spintronics.Amm;

/// <summary>
/// Relaxed ring textures kept between runs, so a repeated run (another .step value, the same netlist again) skips the
/// relaxation. Keyed by a text that lists everything the relaxed state depends on (model and instance parameters,
/// state, N, protocol); the file name is a hash of it and the file repeats the full key, so a collision or a stale
/// file is recognized. Files live where <see cref="For"/> says (a CLI run: <c>$CIRCUITSIM_CACHE/amm/</c>, else
/// <c>.circuitsim-cache/amm/</c> in the output directory); the default constructor uses <c>$CIRCUITSIM_CACHE/amm/</c>,
/// or <c>.circuitsim-cache/amm/</c> under the
/// current directory when that variable is unset. A file that cannot be read, belongs to another key, has another
/// length or fails its checksum is ignored (and overwritten by the rebuilt state). Writes go to a temporary name and
/// are renamed into place, so concurrent runs never see half a file. Also kept in memory for the process.
/// </summary>
public sealed class RelaxedStateCache
{
    private const string Magic = "CircuitSim AMM relaxed state v1";
    private static readonly ConcurrentDictionary<string, double[]> Memory = new();

    /// <param name="directory">Where the files go (default: see the class summary).</param>
    public RelaxedStateCache(string? directory = null)
    {
        Directory = directory ?? DefaultDirectory();
    }

    public string Directory { get; }

    /// <summary>
    /// The cache a run uses: under the cache directory the user chose (<see cref="Core.Files.DeviceFiles.CacheDirectory"/>,
    /// else <c>$CIRCUITSIM_CACHE</c>); without one, under the output directory when device files are confined to it
    /// (the CLI), else the working directory (library use).
    /// </summary>
    public static RelaxedStateCache For(Core.Files.DeviceFiles files)
    {
        if (files.CacheDirectory is { } chosen) return new RelaxedStateCache(Path.Combine(chosen, "amm"));
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CIRCUITSIM_CACHE")) || files.AllowOutside) return new RelaxedStateCache();
        return new RelaxedStateCache(Path.Combine(files.OutputDirectory, ".circuitsim-cache", "amm"));
    }

    /// <summary><c>$CIRCUITSIM_CACHE/amm</c> or <c>./.circuitsim-cache/amm</c>.</summary>
    public static string DefaultDirectory()
    {
        var root = Environment.GetEnvironmentVariable("CIRCUITSIM_CACHE");
        if (string.IsNullOrWhiteSpace(root)) root = Path.Combine(System.IO.Directory.GetCurrentDirectory(), ".circuitsim-cache");
        return Path.Combine(root, "amm");
    }

    private string MemoryKey(string key) => Directory + "\n" + key;

    /// <summary>The file a key maps to.</summary>
    public string PathFor(string key)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant();
        return Path.Combine(Directory, hash + ".bin");
    }

    /// <summary>The cached state for <paramref name="key"/> (a copy), or null when there is no valid one.</summary>
    public double[]? TryLoad(string key, int length)
    {
        if (Memory.TryGetValue(MemoryKey(key), out var m) && m.Length == length) return (double[])m.Clone();
        var path = PathFor(key);
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = Core.Files.InputFile.ReadAllBytes(path, "AMM cache file");
            if (bytes.Length < 32) return null;
            var body = bytes.AsSpan(0, bytes.Length - 32);
            if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))) return null;
            using var reader = new BinaryReader(new MemoryStream(body.ToArray()), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != key || reader.ReadInt32() != length) return null;
            var values = new double[length];
            for (int i = 0; i < length; i++) values[i] = reader.ReadDouble();
            if (reader.BaseStream.Position != body.Length || values.Any(v => !double.IsFinite(v))) return null;
            Memory[MemoryKey(key)] = values;
            return (double[])values.Clone();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Stores a state; a failure to write (read-only disk) only costs the next run a relaxation.</summary>
    public void Store(string key, ReadOnlySpan<double> state)
    {
        Memory[MemoryKey(key)] = state.ToArray();
        var path = PathFor(key);
        var tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(key);
                writer.Write(state.Length);
                foreach (var v in state) writer.Write(v);
            }
            var body = stream.ToArray();
            using (var file = File.Create(tmp))
            {
                file.Write(body);
                file.Write(SHA256.HashData(body));
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception) { /* nothing more to do */ }
        }
    }

    /// <summary>Forgets the in-memory copies (tests use it to exercise the disk path).</summary>
    public static void ClearMemory() => Memory.Clear();
}
