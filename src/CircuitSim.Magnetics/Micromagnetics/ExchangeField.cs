namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Heisenberg exchange, energy density A |∇m|² (A in J/m), on the six-point (in-plane four-point) Laplacian:
/// H_i = (2A/(μ0 Ms_i)) Σ_j (m_j − m_i)/d_ij² over the neighbours j inside the magnet (A/m). A neighbour outside the
/// grid or the mask is left out, which is the Neumann condition ∂m/∂n = 0 at every free surface (a ghost cell equal
/// to m_i). E = A V Σ_links |m_i − m_j|²/d² (J).
/// </summary>
public sealed class ExchangeField : FieldTerm
{
    private readonly double[] _cx, _cy;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="exchangeStiffness">A in J/m.</param>
    public ExchangeField(Magnet magnet, double exchangeStiffness) : base(magnet)
    {
        if (!(exchangeStiffness >= 0)) throw new ArgumentOutOfRangeException(nameof(exchangeStiffness), "A must be ≥ 0 (J/m).");
        ExchangeStiffness = exchangeStiffness;
        int n = magnet.CellCount;
        _cx = new double[n];
        _cy = new double[n];
        Grid2D g = magnet.Grid;
        for (int i = 0; i < n; i++)
        {
            double ms = magnet.Ms(i);
            if (ms <= 0) continue;
            _cx[i] = 2.0 * exchangeStiffness / (PhysicalConstants.Mu0 * ms * g.Dx * g.Dx);
            _cy[i] = 2.0 * exchangeStiffness / (PhysicalConstants.Mu0 * ms * g.Dy * g.Dy);
        }
    }

    /// <summary>A in J/m.</summary>
    public double ExchangeStiffness { get; }

    public override string Name => "exchange";

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
                double mx = m[k], my = m[k + 1], mz = m[k + 2];
                double cx = _cx[c], cy = _cy[c];
                double hx = 0, hy = 0, hz = 0;
                if (ix > 0 && ms[c - 1] > 0) { int q = k - 3; hx += cx * (m[q] - mx); hy += cx * (m[q + 1] - my); hz += cx * (m[q + 2] - mz); }
                if (ix + 1 < nx && ms[c + 1] > 0) { int q = k + 3; hx += cx * (m[q] - mx); hy += cx * (m[q + 1] - my); hz += cx * (m[q + 2] - mz); }
                if (iy > 0 && ms[c - nx] > 0) { int q = k - s; hx += cy * (m[q] - mx); hy += cy * (m[q + 1] - my); hz += cy * (m[q + 2] - mz); }
                if (iy + 1 < ny && ms[c + nx] > 0) { int q = k + s; hx += cy * (m[q] - mx); hy += cy * (m[q + 1] - my); hz += cy * (m[q + 2] - mz); }
                h[k] += hx;
                h[k + 1] += hy;
                h[k + 2] += hz;
            }
        }
    }
}
