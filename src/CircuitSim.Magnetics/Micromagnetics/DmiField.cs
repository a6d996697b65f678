namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Dzyaloshinskii–Moriya interaction written as a sum over nearest-neighbour links: a link from cell i to its
/// neighbour j = i + d ê (ê = x̂ or ŷ, d the cell size along it) carries the energy (D V/d) a_ê·(m_i × m_j) (J), with
/// the link vector a_ê fixing the kind of DMI (<see cref="BulkDmiField"/>, <see cref="InterfacialDmiField"/>). The field
/// is exactly H_i = −(1/(μ0 Ms_i V)) ∂E/∂m_i: for the neighbour on the +ê side −(D/(μ0 Ms_i d)) m_j × a_ê, for the one on
/// the −ê side +(D/(μ0 Ms_i d)) m_j × a_ê; inside the magnet that is the central-difference form of the continuum field.
/// <para>
/// Free surfaces (grid or mask edges): a missing link is dropped, as for exchange. With the exchange's Neumann ghost
/// this is, to first order in d, the natural DMI boundary condition (a uniform state cants at the edges and has zero
/// DMI energy), see docs/micromagnetics.md.
/// </para>
/// </summary>
public abstract class DmiField : FieldTerm
{
    private readonly double[] _cx, _cy;
    private readonly Vec3 _ax, _ay;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="dmiConstant">D in J/m².</param>
    /// <param name="linkX">a_x̂, the link vector of x links.</param>
    /// <param name="linkY">a_ŷ, the link vector of y links.</param>
    protected DmiField(Magnet magnet, double dmiConstant, Vec3 linkX, Vec3 linkY) : base(magnet)
    {
        DmiConstant = dmiConstant;
        _ax = linkX;
        _ay = linkY;
        int n = magnet.CellCount;
        _cx = new double[n];
        _cy = new double[n];
        for (int i = 0; i < n; i++)
        {
            double ms = magnet.Ms(i);
            if (ms <= 0) continue;
            _cx[i] = dmiConstant / (PhysicalConstants.Mu0 * ms * magnet.Grid.Dx);
            _cy[i] = dmiConstant / (PhysicalConstants.Mu0 * ms * magnet.Grid.Dy);
        }
    }

    /// <summary>D in J/m².</summary>
    public double DmiConstant { get; }

    public override void AddField(double t, ReadOnlySpan<double> m, Span<double> h, int rowStart, int rowEnd)
    {
        Magnet magnet = Magnet;
        int nx = magnet.Nx, ny = magnet.Ny, s = 3 * nx;
        ReadOnlySpan<double> ms = magnet.SaturationMagnetization;
        for (int iy = rowStart; iy < rowEnd; iy++)
        {
            for (int ix = 0; ix < nx; ix++)
            {
                int c = ix + nx * iy;
                if (ms[c] <= 0) continue;
                int k = 3 * c;
                // s_x = m_{−x} − m_{+x} (missing neighbours count as 0); H += c_x s_x × a_x, likewise for y
                double sx = 0, sy = 0, sz = 0, tx = 0, ty = 0, tz = 0;
                if (ix > 0 && ms[c - 1] > 0) { sx += m[k - 3]; sy += m[k - 2]; sz += m[k - 1]; }
                if (ix + 1 < nx && ms[c + 1] > 0) { sx -= m[k + 3]; sy -= m[k + 4]; sz -= m[k + 5]; }
                if (iy > 0 && ms[c - nx] > 0) { tx += m[k - s]; ty += m[k - s + 1]; tz += m[k - s + 2]; }
                if (iy + 1 < ny && ms[c + nx] > 0) { tx -= m[k + s]; ty -= m[k + s + 1]; tz -= m[k + s + 2]; }
                double cx = _cx[c], cy = _cy[c];
                h[k] += cx * (sy * _ax.Z - sz * _ax.Y) + cy * (ty * _ay.Z - tz * _ay.Y);
                h[k + 1] += cx * (sz * _ax.X - sx * _ax.Z) + cy * (tz * _ay.X - tx * _ay.Z);
                h[k + 2] += cx * (sx * _ax.Y - sy * _ax.X) + cy * (tx * _ay.Y - ty * _ay.X);
            }
        }
    }
}
