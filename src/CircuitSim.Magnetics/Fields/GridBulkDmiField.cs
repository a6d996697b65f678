namespace CircuitSim.Magnetics;

/// <summary>
/// Bulk (Bloch-type) Dzyaloshinskii–Moriya interaction on a <see cref="Grid2D"/>, energy density D m·(∇×m)
/// (D in J/m²), field H = −(2D/(μ0 Ms)) ∇×m (A/m) with central differences; with no z variation
/// ∇×m = x̂ × ∂m/∂x + ŷ × ∂m/∂y.
/// <para>
/// Discretization: the energy is a sum over nearest-neighbour links, E = −(D V/dx) Σ_x-links x̂·(m_i × m_j)
/// − (D V/dy) Σ_y-links ŷ·(m_i × m_j) (J), and the field is exactly −(1/(μ0 Ms V)) ∂E/∂m_i, which in the interior is
/// the central-difference curl above. A Bloch spiral m = (0, sin kx, cos kx) has energy density D sin(k dx)/dx → D k.
/// </para>
/// <para>
/// Free edges: a missing link is dropped (as for exchange). Together with <see cref="GridExchangeField"/> this is
/// equivalent to a ghost cell m_g outside the edge obeying (m_g − m_i)/d = (D/(2A)) n × m_g, i.e. the natural DMI
/// boundary condition ∂m/∂n = (D/(2A)) n × m (n the outward normal) to first order in the cell size d. It is why a
/// uniform state feels a DMI field at the edges (edge canting) but none inside, and has zero DMI energy.
/// </para>
/// </summary>
public sealed class GridBulkDmiField : IFieldTerm
{
    private readonly Grid2D _grid;
    private readonly double _d;
    private readonly double _ms;

    /// <param name="grid">Grid geometry.</param>
    /// <param name="dmiConstant">Bulk DMI constant D in J/m².</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    public GridBulkDmiField(Grid2D grid, double dmiConstant, double saturationMagnetization)
    {
        _grid = grid;
        _d = dmiConstant;
        _ms = saturationMagnetization;
    }

    /// <summary>DMI constant D in J/m².</summary>
    public double DmiConstant => _d;

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        double cx = _d / (PhysicalConstants.Mu0 * _ms * _grid.Dx);
        double cy = _d / (PhysicalConstants.Mu0 * _ms * _grid.Dy);
        int nx = _grid.Nx, ny = _grid.Ny;
        for (int iy = 0; iy < ny; iy++)
        {
            for (int ix = 0; ix < nx; ix++)
            {
                int k = 3 * (ix + nx * iy);
                // x̂ × (m_{−x} − m_{+x}) = (0, −Δz, Δy)
                double ax = 0, ay = 0, az = 0;
                if (ix > 0) { ay -= m[k - 3 + 2]; az += m[k - 3 + 1]; }
                if (ix + 1 < nx) { ay += m[k + 3 + 2]; az -= m[k + 3 + 1]; }
                // ŷ × (m_{−y} − m_{+y}) = (Δz, 0, −Δx)
                double bx = 0, bz = 0;
                int s = 3 * nx;
                if (iy > 0) { bx += m[k - s + 2]; bz -= m[k - s]; }
                if (iy + 1 < ny) { bx -= m[k + s + 2]; bz += m[k + s]; }
                h[k] += cx * ax + cy * bx;
                h[k + 1] += cx * ay;
                h[k + 2] += cx * az + cy * bz;
            }
        }
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
                if (ix + 1 < nx)
                {
                    int j = k + 3; // x̂·(m_i × m_j)
                    sx += m[k + 1] * m[j + 2] - m[k + 2] * m[j + 1];
                }
                if (iy + 1 < ny)
                {
                    int j = k + 3 * nx; // ŷ·(m_i × m_j)
                    sy += m[k + 2] * m[j] - m[k] * m[j + 2];
                }
            }
        }
        return -_d * _grid.CellVolume * (sx / _grid.Dx + sy / _grid.Dy);
    }
}
