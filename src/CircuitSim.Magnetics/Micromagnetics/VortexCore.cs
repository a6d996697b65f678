namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>Locating a vortex core in a film texture.</summary>
public static class VortexCore
{
    /// <summary>
    /// The core position (m, measured from the centre of the grid): the cell with the largest |m_z| among the cells of
    /// the magnet, refined by fitting a parabola through it and its neighbours along x and along y (sub-cell accuracy
    /// for a core a few cells wide). Also returns the sign of the core's m_z.
    /// </summary>
    public static (double X, double Y, int Polarity) Locate(Magnet magnet, ReadOnlySpan<double> m)
    {
        int best = -1;
        double peak = -1;
        for (int c = 0; c < magnet.CellCount; c++)
        {
            if (!magnet.Contains(c)) continue;
            double a = Math.Abs(m[3 * c + 2]);
            if (a > peak)
            {
                peak = a;
                best = c;
            }
        }
        Grid2D g = magnet.Grid;
        int ix = best % g.Nx, iy = best / g.Nx;
        int sign = m[3 * best + 2] >= 0 ? 1 : -1;
        double fx = Vertex(Mz(magnet, m, ix - 1, iy, sign), Mz(magnet, m, ix, iy, sign), Mz(magnet, m, ix + 1, iy, sign));
        double fy = Vertex(Mz(magnet, m, ix, iy - 1, sign), Mz(magnet, m, ix, iy, sign), Mz(magnet, m, ix, iy + 1, sign));
        double x0 = (ix + 0.5 + fx) * g.Dx - 0.5 * g.Nx * g.Dx;
        double y0 = (iy + 0.5 + fy) * g.Dy - 0.5 * g.Ny * g.Dy;
        return (x0, y0, sign);
    }

    private static double Mz(Magnet magnet, ReadOnlySpan<double> m, int x, int y, int sign) =>
        magnet.Contains(x, y) ? sign * m[3 * magnet.Grid.Index(x, y) + 2] : double.NaN;

    /// <summary>Offset (in cells, within ±½) of the vertex of the parabola through (−1, a), (0, b), (1, c).</summary>
    private static double Vertex(double a, double b, double c)
    {
        if (double.IsNaN(a) || double.IsNaN(c)) return 0;
        double den = a - 2 * b + c;
        if (den >= 0) return 0;
        return Math.Clamp(0.5 * (a - c) / den, -0.5, 0.5);
    }
}
