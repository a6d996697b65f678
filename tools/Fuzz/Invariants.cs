using CircuitSim.Micromagnetics.Problems;
using CircuitSim.Output;
using CircuitSim.Sweeps;

namespace CircuitSim.Tools.Fuzz;

/// <summary>What must hold after any run that ended by itself: no temporary files left in the output directory, the
/// victim folder untouched, and (after an interrupt) the raw and CSV files loadable with our readers, the OVF files
/// holding values, and every sweep point result whole (ok or failed: an interrupted point is never stored).</summary>
public static class Invariants
{
    /// <summary>Outputs larger than this are not loaded (a long run stopped at its budget), bytes.</summary>
    private const long MaxLoadedBytes = 32L << 20;

    /// <summary>null when everything holds, else what broke.</summary>
    public static string? Check(string workspace, string outputDirectory, bool loadOutputs)
    {
        var victim = Path.Combine(workspace, "victim");
        if (Directory.Exists(victim))
        {
            var entries = Directory.GetFileSystemEntries(victim);
            if (entries.Length != 1 || File.ReadAllText(Path.Combine(victim, "existing.txt")) != FuzzCase.VictimText)
                return "the victim folder outside the output directory was written to";
        }
        if (Directory.Exists("/tmp/circuitsim-fuzz-outside")) return "a file was written to /tmp/circuitsim-fuzz-outside";
        if (!Directory.Exists(outputDirectory)) return null;
        string[] files;
        try { files = Directory.GetFiles(outputDirectory, "*", SearchOption.AllDirectories); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        var temporaries = files.Where(f => AtomicFile.TemporaryFileOwner(Path.GetFileName(f)) is not null).ToList();
        if (temporaries.Count > 0) return $"temporary files left: {string.Join(", ", temporaries.Select(Path.GetFileName))}";
        if (!loadOutputs) return null;
        foreach (var f in files)
        {
            var length = new FileInfo(f).Length;
            if (length == 0 || length > MaxLoadedBytes) continue;
            try
            {
                if (f.EndsWith(".raw", StringComparison.Ordinal)) RawFile.Read(f);
                else if (f.EndsWith(".csv", StringComparison.Ordinal)) CsvFile.Read(f);
                else if (f.EndsWith(".ovf", StringComparison.Ordinal) && OvfWriter.ReadValues(File.ReadAllText(f)).Length == 0)
                    return $"{Path.GetFileName(f)} holds no values";
                else if (f.EndsWith(".json", StringComparison.Ordinal) && Path.GetFileName(Path.GetDirectoryName(f)) == "points"
                         && PointStatusOf(f) is not (PointStatus.Ok or PointStatus.Failed))
                    return $"{Path.GetFileName(f)} is a point result with neither status ok nor failed";
            }
            catch (Exception e)
            {
                return $"{Path.GetFileName(f)} does not load: {e.GetType().Name}: {e.Message}";
            }
        }
        return null;
    }

    private static string? PointStatusOf(string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
