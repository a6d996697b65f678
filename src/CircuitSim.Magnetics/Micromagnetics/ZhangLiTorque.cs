namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Zhang–Li spin-transfer torque of a current flowing in the plane of the film, in Gilbert form
/// F = −(u·∇)m + ξ m × (u·∇)m (1/s), applied as F = m × (m × g) + ξ m × g with g = (u·∇)m, which equals it for |m| = 1 and
/// drops the part of the discrete g along m (it could only change |m|). u_i = b_i j_i (m/s) with the per-cell current
/// density j (A/m², in-plane) and b_i = −P μB/(e Ms_i) (u along the electron flow), optionally divided by 1 + ξ² as
/// MuMax3 does (docs/micromagnetics.md).
/// <para>
/// Derivatives are central differences (m_{+} − m_{−})/(2d); a neighbour outside the grid or the mask is replaced by the
/// cell itself — the same ghost cell as the exchange's Neumann condition — so at an edge the difference is
/// (m_{+} − m_i)/(2d), and a cell with no neighbour along that axis gets no derivative.
/// </para>
/// </summary>
public sealed class ZhangLiTorque : TorqueTerm
{
    private readonly double[] _j;
    private readonly double[] _b;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="polarization">Spin polarization P (dimensionless).</param>
    /// <param name="nonAdiabaticity">ξ (dimensionless).</param>
    /// <param name="divideByOnePlusXiSquared">MuMax3's convention u = P μB j/(e Ms (1 + ξ²)).</param>
    public ZhangLiTorque(Magnet magnet, double polarization, double nonAdiabaticity, bool divideByOnePlusXiSquared = false) : base(magnet)
    {
        Polarization = polarization;
        NonAdiabaticity = nonAdiabaticity;
        DividesByOnePlusXiSquared = divideByOnePlusXiSquared;
        _j = new double[2 * magnet.CellCount];
        _b = new double[magnet.CellCount];
        for (int c = 0; c < _b.Length; c++)
            if (magnet.Ms(c) > 0)
                _b[c] = SpinTransfer.DriftVelocityPerCurrentDensity(polarization, magnet.Ms(c), nonAdiabaticity, divideByOnePlusXiSquared);
    }

    public double Polarization { get; }

    /// <summary>ξ, the non-adiabaticity (β in much of the literature).</summary>
    public double NonAdiabaticity { get; }

    public bool DividesByOnePlusXiSquared { get; }

    /// <summary>Current density per cell (A/m², (jx, jy) interleaved), writable in place.</summary>
    public Span<double> CurrentDensity => _j;

    /// <summary>Multiplies the current density at time t (s); null means 1. Must not allocate.</summary>
    public Func<double, double>? TimeScale { get; set; }

    /// <summary>u/j for cell c, m/s per A/m² (negative: u points along the electron flow).</summary>
    public double DriftPerCurrentDensity(int cell) => _b[cell];

    /// <summary>Sets the same current density (A/m²) in every cell of the magnet.</summary>
    public void SetUniform(double jx, double jy)
    {
        for (int c = 0; c < _b.Length; c++)
        {
            bool inside = Magnet.Ms(c) > 0;
            _j[2 * c] = inside ? jx : 0;
            _j[2 * c + 1] = inside ? jy : 0;
        }
    }

    public override string Name => "Zhang-Li";

    public override void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f, int rowStart, int rowEnd)
    {
        Magnet magnet = Magnet;
        int nx = magnet.Nx, ny = magnet.Ny, s = 3 * nx;
        ReadOnlySpan<double> ms = magnet.SaturationMagnetization;
        double scale = TimeScale is null ? 1.0 : TimeScale(t);
        if (scale == 0) return;
        double xi = NonAdiabaticity;
        double hx = 0.5 / magnet.Grid.Dx, hy = 0.5 / magnet.Grid.Dy;
        for (int iy = rowStart; iy < rowEnd; iy++)
        {
            for (int ix = 0; ix < nx; ix++)
            {
                int c = ix + nx * iy;
                if (ms[c] <= 0) continue;
                double ux = scale * _b[c] * _j[2 * c], uy = scale * _b[c] * _j[2 * c + 1];
                if (ux == 0 && uy == 0) continue;
                int k = 3 * c;
                int kxp = ix + 1 < nx && ms[c + 1] > 0 ? k + 3 : k;
                int kxm = ix > 0 && ms[c - 1] > 0 ? k - 3 : k;
                int kyp = iy + 1 < ny && ms[c + nx] > 0 ? k + s : k;
                int kym = iy > 0 && ms[c - nx] > 0 ? k - s : k;
                double ax = ux * hx, ay = uy * hy;
                double gx = ax * (m[kxp] - m[kxm]) + ay * (m[kyp] - m[kym]);
                double gy = ax * (m[kxp + 1] - m[kxm + 1]) + ay * (m[kyp + 1] - m[kym + 1]);
                double gz = ax * (m[kxp + 2] - m[kxm + 2]) + ay * (m[kyp + 2] - m[kym + 2]);
                double mx = m[k], my = m[k + 1], mz = m[k + 2];
                // p = m × g; F = m × p + ξ p
                double px = my * gz - mz * gy, py = mz * gx - mx * gz, pz = mx * gy - my * gx;
                f[k] += my * pz - mz * py + xi * px;
                f[k + 1] += mz * px - mx * pz + xi * py;
                f[k + 2] += mx * py - my * px + xi * pz;
            }
        }
    }
}
