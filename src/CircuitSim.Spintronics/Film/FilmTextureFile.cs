using System.Globalization;
using System.Text;
using CircuitSim.Magnetics;
using CircuitSim.Output;

namespace CircuitSim.Spintronics.Film;

/// <summary>
/// The film's texture file (<c>texture=</c> reads one, <c>save=</c> writes one): the format and its reading and
/// writing, kept out of the physics (CircuitSim.Magnetics does no I/O).
/// </summary>
public static class FilmTextureFile
{
    private const string Magic = "# circuitsim film texture v1";

    /// <summary>
    /// The text of a texture file: a header line, the grid (<c>grid nx ny dx dy t</c>, SI), then one cell per line
    /// <c>mx my mz</c> in the order ix + nx·iy, with round-trip precision.
    /// </summary>
    public static string Format(Grid2D grid, ReadOnlySpan<double> m)
    {
        var sb = new StringBuilder(64 * grid.CellCount);
        sb.Append(Magic).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"grid {grid.Nx} {grid.Ny} {grid.Dx:R} {grid.Dy:R} {grid.Thickness:R}\n");
        for (int c = 0; c < grid.CellCount; c++)
            sb.Append(CultureInfo.InvariantCulture, $"{m[3 * c]:R} {m[3 * c + 1]:R} {m[3 * c + 2]:R}\n");
        return sb.ToString();
    }

    /// <summary>Writes the texture file (<see cref="Format"/>) through <see cref="AtomicFile"/>: a unique temporary
    /// name renamed into place, so two runs saving the same file never mix their halves.</summary>
    public static void Save(string path, Grid2D grid, ReadOnlySpan<double> m)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(full, Format(grid, m));
    }

    /// <summary>Reads a texture written by <see cref="Save"/> for a film on <paramref name="grid"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">Not a texture file, a different grid, or a malformed line.</exception>
    public static double[] Load(string path, Grid2D grid)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"film: texture file '{path}' not found.", path);
        using var reader = new StreamReader(path);
        return Read(reader, path, grid);
    }

    /// <summary>Reads a texture from <paramref name="reader"/>; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="FormatException">Not a texture file, a different grid, or a malformed line.</exception>
    public static double[] Read(TextReader reader, string path, Grid2D grid)
    {
        string? first = reader.ReadLine();
        if (first?.Trim() != Magic) throw new FormatException($"film: '{path}' is not a film texture file (expected the header '{Magic}').");
        string[] g = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (g.Length != 6 || g[0] != "grid") throw new FormatException($"film: '{path}' line 2 must be 'grid nx ny dx dy t'.");
        int nx = int.Parse(g[1], CultureInfo.InvariantCulture), ny = int.Parse(g[2], CultureInfo.InvariantCulture);
        double dx = double.Parse(g[3], CultureInfo.InvariantCulture), dy = double.Parse(g[4], CultureInfo.InvariantCulture);
        if (nx != grid.Nx || ny != grid.Ny || !Close(dx, grid.Dx) || !Close(dy, grid.Dy))
            throw new FormatException($"film: texture '{path}' is for a {nx}×{ny} grid of {dx:G4} m × {dy:G4} m cells; this film has {grid.Nx}×{grid.Ny} cells of {grid.Dx:G4} m × {grid.Dy:G4} m.");
        var m = new double[3 * grid.CellCount];
        for (int c = 0; c < grid.CellCount; c++)
        {
            string? line = reader.ReadLine();
            string[] f = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();
            if (f.Length != 3
                || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out m[3 * c])
                || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out m[3 * c + 1])
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out m[3 * c + 2]))
                throw new FormatException($"film: texture '{path}' line {c + 3}: expected 'mx my mz'.");
            double n = Math.Sqrt(m[3 * c] * m[3 * c] + m[3 * c + 1] * m[3 * c + 1] + m[3 * c + 2] * m[3 * c + 2]);
            if (!(n > 0) || !double.IsFinite(n)) throw new FormatException($"film: texture '{path}' line {c + 3}: m must be a non-zero finite vector.");
            // a file written by Save holds unit vectors already: leave them bit for bit; rescale hand-made ones
            if (Math.Abs(n - 1) > 1e-12)
            {
                m[3 * c] /= n;
                m[3 * c + 1] /= n;
                m[3 * c + 2] /= n;
            }
        }
        return m;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
}
