namespace CircuitSim.Magnetics;

/// <summary>
/// Zhang–Li spin-transfer torque on a <see cref="Grid2D"/> with an in-plane current density that varies from cell to
/// cell: F = −(u·∇)m + ξ m × (u·∇)m (1/s), (u·∇)m = u_x ∂m/∂x + u_y ∂m/∂y by central differences, a free edge using
/// the cell itself as its missing neighbour (Neumann ghost). u = c·j per cell with
/// c = <see cref="SpinTransfer.DriftVelocityPerCurrentDensity"/> (negative: u follows the electrons).
/// </summary>
public sealed class GridZhangLiTorque : ITorqueTerm
{
    private readonly Grid2D _grid;
    private readonly double _uPerJ;
    private readonly double[] _j;

    /// <param name="grid">Grid geometry.</param>
    /// <param name="polarization">Current spin polarization P (dimensionless).</param>
    /// <param name="nonAdiabaticity">ξ (dimensionless).</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="divideByOnePlusXiSquared">Divide u by 1 + ξ².</param>
    public GridZhangLiTorque(Grid2D grid, double polarization, double nonAdiabaticity, double saturationMagnetization, bool divideByOnePlusXiSquared = false)
    {
        _grid = grid;
        NonAdiabaticity = nonAdiabaticity;
        _uPerJ = SpinTransfer.DriftVelocityPerCurrentDensity(polarization, saturationMagnetization, nonAdiabaticity, divideByOnePlusXiSquared);
        _j = new double[2 * grid.CellCount];
    }

    /// <summary>ξ, dimensionless.</summary>
    public double NonAdiabaticity { get; }

    /// <summary>
    /// Conventional current density per cell in A/m², interleaved (j_x0, j_y0, j_x1, …); write into it directly.
    /// </summary>
    public Span<double> CurrentDensity => _j;

    /// <summary>Drift velocity per unit current density in m/s per A/m².</summary>
    public double DriftVelocityPerCurrentDensity => _uPerJ;

    public void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f)
    {
        int nx = _grid.Nx, ny = _grid.Ny;
        double cx = _uPerJ / (2.0 * _grid.Dx), cy = _uPerJ / (2.0 * _grid.Dy);
        double xi = NonAdiabaticity;
        int s = 3 * nx;
        for (int iy = 0; iy < ny; iy++)
        {
            for (int ix = 0; ix < nx; ix++)
            {
                int cell = ix + nx * iy;
                double jx = _j[2 * cell], jy = _j[2 * cell + 1];
                if (jx == 0 && jy == 0) continue;
                int k = 3 * cell;
                int kxp = ix + 1 < nx ? k + 3 : k, kxm = ix > 0 ? k - 3 : k;
                int kyp = iy + 1 < ny ? k + s : k, kym = iy > 0 ? k - s : k;
                double ax = cx * jx, ay = cy * jy;
                double gx = ax * (m[kxp] - m[kxm]) + ay * (m[kyp] - m[kym]);
                double gy = ax * (m[kxp + 1] - m[kxm + 1]) + ay * (m[kyp + 1] - m[kym + 1]);
                double gz = ax * (m[kxp + 2] - m[kxm + 2]) + ay * (m[kyp + 2] - m[kym + 2]);
                ZhangLiTorque.Add(m, f, k, gx, gy, gz, xi);
            }
        }
    }
}
