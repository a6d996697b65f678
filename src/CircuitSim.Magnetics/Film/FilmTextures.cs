using System.Globalization;

namespace CircuitSim.Magnetics.Film;

/// <summary>Initial textures of a film (interleaved unit vectors per cell) and their statistics. Their file format is
/// not physics: it lives with the device (CircuitSim.Spintronics, <c>FilmTextureFile</c>).</summary>
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

}
