namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>Initial magnetizations (interleaved unit vectors inside the magnet, 0 outside).</summary>
public static class Textures
{
    /// <summary>Every cell of the magnet along <paramref name="direction"/> (normalized).</summary>
    public static double[] Uniform(Magnet magnet, Vec3 direction)
    {
        if (!(direction.Norm > 0)) throw new ArgumentException("The direction must be non-zero.", nameof(direction));
        Vec3 u = direction.Normalized();
        var m = new double[3 * magnet.CellCount];
        for (int c = 0; c < magnet.CellCount; c++)
            if (magnet.Contains(c)) InterleavedVectors.Set(m, c, u);
        return m;
    }

    /// <summary>
    /// A vortex about the centre of the grid: in-plane m = circulation·(−y, x)/r (circulation +1: counter-clockwise seen
    /// from +z), and a core of radius <paramref name="coreRadius"/> (m) pointing along polarization·z, blended as
    /// m ∝ (−c y, c x, p r_c) so it is smooth. Relax it before use.
    /// </summary>
    public static double[] Vortex(Magnet magnet, int circulation, int polarization, double coreRadius)
    {
        if (Math.Abs(circulation) != 1 || Math.Abs(polarization) != 1) throw new ArgumentException("Circulation and polarization are ±1.");
        var m = new double[3 * magnet.CellCount];
        Grid2D g = magnet.Grid;
        double cx = 0.5 * g.Nx * g.Dx, cy = 0.5 * g.Ny * g.Dy;
        for (int iy = 0; iy < g.Ny; iy++)
            for (int ix = 0; ix < g.Nx; ix++)
            {
                int c = g.Index(ix, iy);
                if (!magnet.Contains(c)) continue;
                double x = (ix + 0.5) * g.Dx - cx, y = (iy + 0.5) * g.Dy - cy;
                InterleavedVectors.Set(m, c, new Vec3(-circulation * y, circulation * x, polarization * coreRadius).Normalized());
            }
        return m;
    }

    /// <summary>A copy of <paramref name="m"/> on a finer or coarser grid of the same size, by nearest cell.</summary>
    public static double[] Resample(Magnet from, ReadOnlySpan<double> m, Magnet to)
    {
        var result = new double[3 * to.CellCount];
        for (int iy = 0; iy < to.Ny; iy++)
            for (int ix = 0; ix < to.Nx; ix++)
            {
                int c = to.Grid.Index(ix, iy);
                if (!to.Contains(c)) continue;
                int sx = Math.Min(from.Nx - 1, (int)((ix + 0.5) * to.Grid.Dx / from.Grid.Dx));
                int sy = Math.Min(from.Ny - 1, (int)((iy + 0.5) * to.Grid.Dy / from.Grid.Dy));
                int s = from.Grid.Index(sx, sy);
                InterleavedVectors.Set(result, c, InterleavedVectors.Get(m, s));
            }
        return result;
    }
}
