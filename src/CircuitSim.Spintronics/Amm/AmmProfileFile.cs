using System.Globalization;
using CircuitSim.Core.Files;
using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.Amm;

/// <summary>
/// A ring texture in a text file, in the local frame so it does not depend on N. One cell per line, either
/// <c>mT mR mz</c> (equally spaced from θ = 0) or <c>θ_deg mT mR mz</c> (angles increasing within one turn);
/// blank lines and lines starting with <c>#</c>, <c>*</c> or <c>;</c> are ignored, and commas count as spaces. The
/// profile is resampled onto the ring's cells by periodic linear interpolation and each vector normalized.
/// </summary>
public static class AmmProfileFile
{
    /// <summary>Reads and resamples a profile.</summary>
    /// <exception cref="FormatException">The file is missing or malformed (the message says where).</exception>
    public static double[] Load(string path, RingGeometry ring)
    {
        if (!File.Exists(path)) throw new FormatException($"profile file '{path}' not found (relative paths are taken from {Directory.GetCurrentDirectory()})");
        string[] lines;
        try { lines = InputFile.ReadAllLines(path, "profile file"); }
        catch (InputFileException e) { throw new FormatException(e.Message); }
        var angles = new List<double>();
        var vectors = new List<Vec3>();
        int columns = 0, lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '*' or ';') continue;
            var parts = line.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries);
            if (columns == 0) columns = parts.Length;
            if (parts.Length != columns || columns is not (3 or 4))
                throw new FormatException($"{path}:{lineNumber}: expected {(columns is 3 or 4 ? columns : 3)} numbers (mT mR mz, or θ_deg mT mR mz), got {parts.Length}");
            var v = new double[columns];
            for (int i = 0; i < columns; i++)
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
                    throw new FormatException($"{path}:{lineNumber}: '{parts[i]}' is not a number");
            if (columns == 4) angles.Add(v[0] * Math.PI / 180);
            vectors.Add(columns == 4 ? new Vec3(v[1], v[2], v[3]) : new Vec3(v[0], v[1], v[2]));
        }
        if (vectors.Count == 0) throw new FormatException($"{path}: no data lines");
        if (columns == 3)
            for (int i = 0; i < vectors.Count; i++) angles.Add(2 * Math.PI * i / vectors.Count);
        try
        {
            return RingTextures.FromLocalSamples(ring, angles, vectors);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{path}: {e.Message}");
        }
    }
}
