namespace CircuitSim.Magnetics;

/// <summary>
/// Exchange on a <see cref="Grid2D"/>: H = (2A/(μ0 Ms)) ∇²m (A/m) with the five-point Laplacian.
/// Energy E = A V Σ_links |m_j − m_i|²/d² (J), d = dx or dy for the link's direction.
/// Free edges: missing links are absent, the discrete Neumann condition ∂m/∂n = 0 (exchange alone);
/// with DMI the natural condition is the one documented on <see cref="GridBulkDmiField"/>.
/// A uniform state gives exactly zero field.
/// </summary>
public sealed class GridExchangeField : IFieldTerm
{
    private readonly Grid2D _grid;
    private readonly double _a;
    private readonly double _ms;

    /// <param name="grid">Grid geometry.</param>
    /// <param name="exchangeStiffness">A in J/m.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    public GridExchangeField(Grid2D grid, double exchangeStiffness, double saturationMagnetization)
    {
        _grid = grid;
        _a = exchangeStiffness;
        _ms = saturationMagnetization;
    }

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        double cx = 2.0 * _a / (PhysicalConstants.Mu0 * _ms * _grid.Dx * _grid.Dx);
        double cy = 2.0 * _a / (PhysicalConstants.Mu0 * _ms * _grid.Dy * _grid.Dy);
        int nx = _grid.Nx, ny = _grid.Ny;
        for (int iy = 0; iy < ny; iy++)
        {
            for (int ix = 0; ix < nx; ix++)
            {
                int k = 3 * (ix + nx * iy);
                if (ix + 1 < nx) AddLink(m, h, k, k + 3, cx);
                if (ix > 0) AddLink(m, h, k, k - 3, cx);
                if (iy + 1 < ny) AddLink(m, h, k, k + 3 * nx, cy);
                if (iy > 0) AddLink(m, h, k, k - 3 * nx, cy);
            }
        }
    }

    private static void AddLink(ReadOnlySpan<double> m, Span<double> h, int k, int j, double c)
    {
        h[k] += c * (m[j] - m[k]);
        h[k + 1] += c * (m[j + 1] - m[k + 1]);
        h[k + 2] += c * (m[j + 2] - m[k + 2]);
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        int nx = _grid.Nx, ny = _grid.Ny;
        double sx = 0, sy = 0;
        for (int iy = 0; iy < ny; iy++)
        {
            for (int ix = 0; ix < nx; ix++)
            {
                int k = 3 * (ix + nx * iy);
                if (ix + 1 < nx) sx += DistanceSquared(m, k, k + 3);
                if (iy + 1 < ny) sy += DistanceSquared(m, k, k + 3 * nx);
            }
        }
        return _a * _grid.CellVolume * (sx / (_grid.Dx * _grid.Dx) + sy / (_grid.Dy * _grid.Dy));
    }

    private static double DistanceSquared(ReadOnlySpan<double> m, int k, int j)
    {
        double dx = m[j] - m[k], dy = m[j + 1] - m[k + 1], dz = m[j + 2] - m[k + 2];
        return dx * dx + dy * dy + dz * dz;
    }
}
