using System.Globalization;
using System.Text;

namespace CircuitSim.Magnetics.Film;

/// <summary>Initial textures of a film (interleaved unit vectors per cell) and their text file format.</summary>
public static class FilmTextures
{
    /// <summary>Every cell along <paramref name="direction"/> (normalized).</summary>
    public static double[] Uniform(Grid2D grid, Vec3 direction)
    {
        var m = new double[3 * grid.CellCount];
        InterleavedVectors.Fill(m, direction.Normalized());
        return m;
    }

    /// <summary>
    /// Independent random directions, uniform on the sphere, from the seeded generator (the same seed gives the same
    /// texture on every platform): the start of a maze relaxation.
    /// </summary>
    public static double[] Random(Grid2D grid, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var m = new double[3 * grid.CellCount];
        for (int i = 0; i < m.Length; i++) m[i] = rng.NextGaussian();
        InterleavedVectors.NormalizeAll(m);
        return m;
    }

    /// <summary>
    /// A Bloch spiral m = (−sin(k·r) k̂_⊥, cos(k·r)) rotating about the wave vector k of length 2π/<paramref name="period"/>
    /// (m) at <paramref name="angleDegrees"/> from x: stripes perpendicular to k, Bloch walls. m·(∇×m) = chirality·2π/period, so
    /// <paramref name="chirality"/> = −1 is the sense a positive bulk D favours.
    /// </summary>
    public static double[] BlochSpiral(Grid2D grid, double period, double angleDegrees, int chirality = -1)
    {
        double a = angleDegrees * Math.PI / 180, kx = Math.Cos(a), ky = Math.Sin(a), q = 2 * Math.PI / period;
        var m = new double[3 * grid.CellCount];
        for (int iy = 0; iy < grid.Ny; iy++)
        {
            for (int ix = 0; ix < grid.Nx; ix++)
            {
                double x = (ix + 0.5) * grid.Dx, y = (iy + 0.5) * grid.Dy;
                double phase = q * (kx * x + ky * y);
                // rotation in the plane spanned by k̂ and ẑ is Néel; about k̂ (in the plane ⊥ k̂) is Bloch
                double s = Math.Sin(phase) * chirality;
                InterleavedVectors.Set(m, grid.Index(ix, iy), new Vec3(-ky * s, kx * s, Math.Cos(phase)));
            }
        }
        return m;
    }

    /// <summary>Mean of m over the cells (dimensionless).</summary>
    public static Vec3 Mean(ReadOnlySpan<double> m) => InterleavedVectors.Average(m);

    /// <summary>
    /// Stripe period estimated from the total variation of m_z: λ ≈ 4·area / ∫|∇m_z| dA (m). Exact for straight stripes
    /// whose m_z runs monotonically between −1 and +1 in each half period (a helix or a square-wave domain pattern
    /// alike), and a wall-density measure for a maze; ∞ for a uniform film.
    /// </summary>
    public static double StripePeriod(Grid2D grid, ReadOnlySpan<double> m)
    {
        double total = 0;
        for (int iy = 0; iy < grid.Ny; iy++)
        {
            for (int ix = 0; ix < grid.Nx; ix++)
            {
                int c = grid.Index(ix, iy);
                // one-sided differences toward +x/+y, each link counted once, over the link's cell-sized area
                if (ix + 1 < grid.Nx) total += Math.Abs(m[3 * (c + 1) + 2] - m[3 * c + 2]) * grid.Dy;
                if (iy + 1 < grid.Ny) total += Math.Abs(m[3 * (c + grid.Nx) + 2] - m[3 * c + 2]) * grid.Dx;
            }
        }
        double area = grid.Nx * grid.Dx * grid.Ny * grid.Dy;
        return total > 0 ? 4 * area / total : double.PositiveInfinity;
    }

    private const string Magic = "# circuitsim film texture v1";

    /// <summary>
    /// Writes a texture file: a header line, the grid (<c>grid nx ny dx dy t</c>, SI), then one cell per line
    /// <c>mx my mz</c> in the order ix + nx·iy, with round-trip precision. Written to a temporary name and renamed.
    /// </summary>
    public static void Save(string path, Grid2D grid, ReadOnlySpan<double> m)
    {
        var sb = new StringBuilder(64 * grid.CellCount);
        sb.Append(Magic).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"grid {grid.Nx} {grid.Ny} {grid.Dx:R} {grid.Dy:R} {grid.Thickness:R}\n");
        for (int c = 0; c < grid.CellCount; c++)
            sb.Append(CultureInfo.InvariantCulture, $"{m[3 * c]:R} {m[3 * c + 1]:R} {m[3 * c + 2]:R}\n");
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string tmp = full + ".tmp";
        File.WriteAllText(tmp, sb.ToString());
        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>Reads a texture written by <see cref="Save"/> for a film on <paramref name="grid"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">Not a texture file, a different grid, or a malformed line.</exception>
    public static double[] Load(string path, Grid2D grid)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"film: texture file '{path}' not found.", path);
        using var file = new StreamReader(path);
        return Load(file, path, grid);
    }

    /// <summary>Reads a texture from <paramref name="reader"/>; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="FormatException">Not a texture file, a different grid, or a malformed line.</exception>
    public static double[] Load(TextReader reader, string path, Grid2D grid)
    {
        string? first = reader.ReadLine();
        if (first?.Trim() != Magic) throw new FormatException($"film: '{path}' is not a film texture file (expected the header '{Magic}').");
        string[] g = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (g.Length != 6 || g[0] != "grid") throw new FormatException($"film: '{path}' line 2 must be 'grid nx ny dx dy t'.");
        if (!int.TryParse(g[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int nx)
            || !int.TryParse(g[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int ny)
            || !double.TryParse(g[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double dx)
            || !double.TryParse(g[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double dy))
            throw new FormatException($"film: '{path}' line 2 must be 'grid nx ny dx dy t' with numbers.");
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
