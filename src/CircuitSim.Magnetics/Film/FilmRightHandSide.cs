namespace CircuitSim.Magnetics.Film;

/// <summary>
/// The explicit LLG right-hand side ṁ = (F + α m × F)/(1 + α²) of a film on a <see cref="Grid2D"/>, with
/// F = −γ0 m × H_eff + F_ZL (1/s): exchange, perpendicular anisotropy, bulk DMI, thin-film demag, Zeeman and the
/// Brown thermal field in H_eff, and the Zhang–Li torque F_ZL = −(u·∇)m + ξ m × (u·∇)m with u = (u/j)·j(r, t) from a
/// <see cref="FilmCurrentDensity"/>.
/// <para>
/// The discretization is exactly that of the library's separate terms (<see cref="GridExchangeField"/>,
/// <see cref="GridBulkDmiField"/> with its natural DMI edge condition, <see cref="UniaxialAnisotropyField"/>,
/// <see cref="ThinFilmDemagField"/>, <see cref="ZeemanField"/>, <see cref="GridZhangLiTorque"/>); this class fuses
/// them into one pass over the cells, which is what makes a 64×64 film cheap enough to train in a circuit.
/// <see cref="ReferenceSystem"/> builds the same physics from the separate terms (the tests hold the two equal) and
/// <see cref="Energy"/> uses them. Evaluating allocates nothing; instances are not thread-safe.
/// </para>
/// </summary>
public sealed class FilmRightHandSide : IStochasticOdeSystem, IStateProjection
{
    private readonly Grid2D _grid;
    private readonly FilmMaterial _material;
    private readonly FilmCurrentDensity _current;
    private readonly double[] _j;
    private readonly double[] _alphaPerCell;
    private readonly IFieldTerm[] _energyTerms;
    private ThermalField? _thermal;
    private double _alpha;

    /// <param name="grid">Film geometry.</param>
    /// <param name="material">Magnetic parameters.</param>
    /// <param name="current">Current density source (its electrode count fixes the basis size).</param>
    public FilmRightHandSide(Grid2D grid, FilmMaterial material, FilmCurrentDensity current)
    {
        if (current.CellCount != grid.CellCount) throw new ArgumentException("The current density field must have one entry per cell.", nameof(current));
        material.Validate();
        _grid = grid;
        _material = material;
        _current = current;
        _j = new double[2 * grid.CellCount];
        _alphaPerCell = new double[grid.CellCount];
        Alpha = material.Damping;
        int n = grid.CellCount;
        double v = grid.CellVolume, ms = material.SaturationMagnetization;
        var terms = new List<IFieldTerm>
        {
            new GridExchangeField(grid, material.ExchangeStiffness, ms),
            new GridBulkDmiField(grid, material.DmiConstant, ms),
            UniaxialAnisotropyField.FromAnisotropyConstant(n, ms, v, Vec3.UnitZ, material.AnisotropyConstant),
            new ZeemanField(n, ms, v, material.AppliedField),
        };
        if (material.ThinFilmDemag) terms.Add(new ThinFilmDemagField(n, ms, v));
        _energyTerms = terms.ToArray();
    }

    public Grid2D Grid => _grid;

    public FilmMaterial Material => _material;

    /// <summary>The current density that drives the Zhang–Li torque.</summary>
    public FilmCurrentDensity Current => _current;

    public int Dimension => 3 * _grid.CellCount;

    /// <summary>Damping α used by the dynamics (the material's by default; a relaxation may raise it).</summary>
    public double Alpha
    {
        get => _alpha;
        set
        {
            if (!(value > 0)) throw new ArgumentOutOfRangeException(nameof(value), "α must be positive.");
            _alpha = value;
            Array.Fill(_alphaPerCell, value);
        }
    }

    /// <summary>Brown thermal field, or null for T = 0.</summary>
    public ThermalField? Thermal
    {
        get => _thermal;
        set
        {
            if (value is not null && value.CellCount != _grid.CellCount) throw new ArgumentException("Thermal field cell count must match.", nameof(value));
            _thermal = value;
        }
    }

    public int NoiseDimension => _thermal is null ? 0 : Dimension;

    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt) =>
        _thermal?.Sample(standardNormals, dt, _material.Gamma0, _alphaPerCell);

    /// <summary>Renormalizes every cell to |m| = 1.</summary>
    public void Project(Span<double> y) => InterleavedVectors.NormalizeAll(y);

    /// <summary>Energy of exchange, DMI, anisotropy, demag and Zeeman in J.</summary>
    public double Energy(ReadOnlySpan<double> m)
    {
        double e = 0;
        foreach (var term in _energyTerms) e += term.Energy(m);
        return e;
    }

    /// <summary>
    /// The same dynamics assembled from the library's separate terms, with the current density <paramref name="j"/>
    /// (A/m², interleaved per cell) held fixed: the reference the fused evaluation is checked against.
    /// </summary>
    public LlgSystem ReferenceSystem(ReadOnlySpan<double> j)
    {
        var sys = new LlgSystem(_grid.CellCount, _alpha, _material.Gamma0);
        foreach (var term in _energyTerms) sys.Add(term);
        var zl = new GridZhangLiTorque(_grid, _material.Polarization, _material.NonAdiabaticity, _material.SaturationMagnetization);
        j.CopyTo(zl.CurrentDensity);
        sys.Add(zl);
        return sys;
    }

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Grid2D g = _grid;
        FilmMaterial mat = _material;
        int nx = g.Nx, ny = g.Ny, s = 3 * nx;
        double ms = mat.SaturationMagnetization, mu0Ms = PhysicalConstants.Mu0 * ms;
        double cex = 2.0 * mat.ExchangeStiffness / (mu0Ms * g.Dx * g.Dx);
        double cey = 2.0 * mat.ExchangeStiffness / (mu0Ms * g.Dy * g.Dy);
        double cdx = mat.DmiConstant / (mu0Ms * g.Dx);
        double cdy = mat.DmiConstant / (mu0Ms * g.Dy);
        double hzPerMz = 2.0 * mat.AnisotropyConstant / mu0Ms - (mat.ThinFilmDemag ? ms : 0.0);
        Vec3 hExt = mat.AppliedField;
        double gamma0 = mat.Gamma0, alpha = _alpha, inv = 1.0 / (1.0 + alpha * alpha), xi = mat.NonAdiabaticity;
        double uPerJ = mat.DriftVelocityPerCurrentDensity;
        double zx = uPerJ / (2.0 * g.Dx), zy = uPerJ / (2.0 * g.Dy);

        bool driven = _current.CoefficientsAt(t).Length > 0;
        if (driven) _current.Evaluate(t, _j);
        ReadOnlySpan<double> j = _j;
        ReadOnlySpan<double> thermal = _thermal is null ? ReadOnlySpan<double>.Empty : _thermal.Field;
        bool hot = thermal.Length > 0;
        ReadOnlySpan<double> m = y;

        for (int iy = 0; iy < ny; iy++)
        {
            bool down = iy > 0, up = iy + 1 < ny;
            for (int ix = 0; ix < nx; ix++)
            {
                int cell = ix + nx * iy, k = 3 * cell;
                double mx = m[k], my = m[k + 1], mz = m[k + 2];
                double hx = hExt.X, hy = hExt.Y, hz = hExt.Z + hzPerMz * mz;
                if (ix > 0)
                {
                    int q = k - 3;
                    hx += cex * (m[q] - mx); hy += cex * (m[q + 1] - my); hz += cex * (m[q + 2] - mz);
                    hy -= cdx * m[q + 2]; hz += cdx * m[q + 1];
                }
                if (ix + 1 < nx)
                {
                    int q = k + 3;
                    hx += cex * (m[q] - mx); hy += cex * (m[q + 1] - my); hz += cex * (m[q + 2] - mz);
                    hy += cdx * m[q + 2]; hz -= cdx * m[q + 1];
                }
                if (down)
                {
                    int q = k - s;
                    hx += cey * (m[q] - mx); hy += cey * (m[q + 1] - my); hz += cey * (m[q + 2] - mz);
                    hx += cdy * m[q + 2]; hz -= cdy * m[q];
                }
                if (up)
                {
                    int q = k + s;
                    hx += cey * (m[q] - mx); hy += cey * (m[q + 1] - my); hz += cey * (m[q + 2] - mz);
                    hx -= cdy * m[q + 2]; hz += cdy * m[q];
                }
                if (hot)
                {
                    hx += thermal[k]; hy += thermal[k + 1]; hz += thermal[k + 2];
                }

                // Gilbert-form torque F = −γ0 m × H
                double fx = -gamma0 * (my * hz - mz * hy);
                double fy = -gamma0 * (mz * hx - mx * hz);
                double fz = -gamma0 * (mx * hy - my * hx);

                if (driven)
                {
                    double ax = zx * j[2 * cell], ay = zy * j[2 * cell + 1];
                    if (ax != 0 || ay != 0)
                    {
                        // (u·∇)m by central differences; a free edge uses the cell itself as its missing neighbour
                        int kxp = ix + 1 < nx ? k + 3 : k, kxm = ix > 0 ? k - 3 : k;
                        int kyp = up ? k + s : k, kym = down ? k - s : k;
                        double gx = ax * (m[kxp] - m[kxm]) + ay * (m[kyp] - m[kym]);
                        double gy = ax * (m[kxp + 1] - m[kxm + 1]) + ay * (m[kyp + 1] - m[kym + 1]);
                        double gz = ax * (m[kxp + 2] - m[kxm + 2]) + ay * (m[kyp + 2] - m[kym + 2]);
                        // the discrete g has a part along m that would only change |m|: drop it from the adiabatic term
                        double mm = mx * mx + my * my + mz * mz;
                        double c = mm > 0 ? (mx * gx + my * gy + mz * gz) / mm : 0.0;
                        fx += -(gx - c * mx) + xi * (my * gz - mz * gy);
                        fy += -(gy - c * my) + xi * (mz * gx - mx * gz);
                        fz += -(gz - c * mz) + xi * (mx * gy - my * gx);
                    }
                }

                dydt[k] = inv * (fx + alpha * (my * fz - mz * fy));
                dydt[k + 1] = inv * (fy + alpha * (mz * fx - mx * fz));
                dydt[k + 2] = inv * (fz + alpha * (mx * fy - my * fx));
            }
        }
    }
}
