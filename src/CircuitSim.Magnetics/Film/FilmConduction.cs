namespace CircuitSim.Magnetics.Film;

/// <summary>
/// Current flow in a film with K edge electrodes (docs/physics.md §8.2): ∇·(Σ(m)∇φ) = 0 with the AMR tensor of each cell,
/// φ = V_i on electrode i, no flux through the rest of the edge. Discretized with bilinear elements on the cell
/// corners (<see cref="NodeStencil"/>, conservative), solved by warm-started PCG with a multigrid
/// preconditioner (<see cref="StencilConjugateGradient"/>, <see cref="StencilMultigrid"/>).
/// <para>
/// The unknowns are the K − 1 basis potentials φ_k (electrode k at 1 V, all others at 0 V, k &lt; K); the last one
/// follows as φ_K = 1 − Σ φ_k. From them: the conductance matrix G_ij = φ_iᵀ A φ_j (S, the Dirichlet energy form, so G
/// is symmetric and its rows and columns sum to zero to round-off: I_i = Σ_j G_ij V_j is the current into the film at
/// electrode i), and the basis current densities J_k = −Σ(m)∇φ_k at the cell centres (A/m² per V) for the Zhang–Li
/// torque. Potentials are kept by the caller (one block of <see cref="NodeStencil.Length"/> per basis) so a device's
/// committed and trial states each warm-start their own solves. Nothing allocates after construction.
/// </para>
/// </summary>
public sealed class FilmConduction
{
    private readonly Grid2D _grid;
    private readonly NodeStencil _stencil;
    private readonly StencilConjugateGradient _cg;
    private readonly StencilMultigrid _multigrid;
    private bool _hierarchyStale = true;
    private readonly int[][] _electrodeNodes;
    private readonly double[] _free;
    private readonly double[] _work, _product;
    private readonly double[] _tensor;   // σxx, σxy, σyy per cell at the last assembly

    /// <param name="grid">Film geometry (cells of dx × dy × t).</param>
    /// <param name="conductivity">AMR resistivities.</param>
    /// <param name="electrodes">K ≥ 2 electrodes, in terminal order.</param>
    /// <exception cref="ArgumentException">An electrode covers no node of the grid, or two electrodes share a node.</exception>
    public FilmConduction(Grid2D grid, AmrConductivity conductivity, IReadOnlyList<FilmElectrode> electrodes)
    {
        if (electrodes.Count < 2) throw new ArgumentException("film: at least two electrodes are needed.", nameof(electrodes));
        _grid = grid;
        Conductivity = conductivity;
        Electrodes = electrodes;
        _stencil = new NodeStencil(grid.Nx, grid.Ny);
        _free = new double[_stencil.Length];
        _multigrid = new StencilMultigrid(_stencil, _free);
        _cg = new StencilConjugateGradient(_stencil) { Multigrid = _multigrid };
        _work = new double[_stencil.Length];
        _product = new double[_stencil.Length];
        _tensor = new double[3 * grid.CellCount];
        _electrodeNodes = new int[electrodes.Count][];
        var owner = new Dictionary<int, int>();
        for (int e = 0; e < electrodes.Count; e++)
        {
            var nodes = ContactNodes(electrodes[e]);
            if (nodes.Count == 0)
                throw new ArgumentException($"film: electrode {e + 1} ({electrodes[e]}) covers no grid node; widen it or refine the grid (node spacing {grid.Dx:G3} m × {grid.Dy:G3} m).");
            foreach (int p in nodes)
            {
                if (owner.TryGetValue(p, out int other))
                    throw new ArgumentException($"film: electrodes {other + 1} ({electrodes[other]}) and {e + 1} ({electrodes[e]}) overlap.");
                owner[p] = e;
            }
            _electrodeNodes[e] = nodes.ToArray();
        }
        for (int j = 0; j <= grid.Ny; j++)
            for (int i = 0; i <= grid.Nx; i++)
                _free[_stencil.Node(i, j)] = 1.0;
        foreach (var nodes in _electrodeNodes)
            foreach (int p in nodes) _free[p] = 0.0;
    }

    public Grid2D Grid => _grid;

    public AmrConductivity Conductivity { get; }

    public IReadOnlyList<FilmElectrode> Electrodes { get; }

    /// <summary>K.</summary>
    public int ElectrodeCount => _electrodeNodes.Length;

    /// <summary>The nodal operator (for tests and diagnostics).</summary>
    public NodeStencil Stencil => _stencil;

    /// <summary>Length of the potential array <see cref="Solve"/> works on: (K − 1) padded node vectors.</summary>
    public int PotentialLength => (ElectrodeCount - 1) * _stencil.Length;

    /// <summary>Relative tolerance of each PCG solve (dimensionless).</summary>
    public double Tolerance
    {
        get => _cg.Tolerance;
        set => _cg.Tolerance = value;
    }

    /// <summary>A solve that needs more PCG iterations than this rebuilds the multigrid hierarchy before the next solve.</summary>
    public int RebuildIterations { get; set; } = 6;

    /// <summary>Padded node indices of electrode <paramref name="e"/>.</summary>
    public ReadOnlySpan<int> ElectrodeNodes(int e) => _electrodeNodes[e];

    /// <summary>A potential array with the electrode values set and zero elsewhere (a cold start).</summary>
    public double[] NewPotentials()
    {
        var phi = new double[PotentialLength];
        SetElectrodeValues(phi);
        return phi;
    }

    /// <summary>Assembles the conductance operator for texture <paramref name="m"/> (interleaved unit vectors per cell).</summary>
    public void Assemble(ReadOnlySpan<double> m)
    {
        _stencil.Clear();
        Grid2D g = _grid;
        for (int cy = 0; cy < g.Ny; cy++)
        {
            for (int cx = 0; cx < g.Nx; cx++)
            {
                int c = g.Index(cx, cy);
                var (sxx, sxy, syy) = Conductivity.Tensor(m[3 * c], m[3 * c + 1]);
                _tensor[3 * c] = sxx;
                _tensor[3 * c + 1] = sxy;
                _tensor[3 * c + 2] = syy;
                _stencil.AddCell(cx, cy, g.Dx, g.Dy, g.Thickness, sxx, sxy, syy);
            }
        }
    }

    /// <summary>
    /// Solves for the K − 1 basis potentials in place (warm start from what <paramref name="potentials"/> holds),
    /// for the operator of the last <see cref="Assemble"/>. Returns the total number of CG iterations.
    /// </summary>
    /// <exception cref="InvalidOperationException">A solve did not reach the tolerance.</exception>
    public int Solve(Span<double> potentials)
    {
        SetElectrodeValues(potentials);
        if (_hierarchyStale) _multigrid.Update();
        _hierarchyStale = false;
        int total = 0, n = _stencil.Length;
        for (int k = 0; k < ElectrodeCount - 1; k++)
        {
            Span<double> phi = potentials.Slice(k * n, n);
            double reference = DrivingNorm(k);
            var r = _cg.Solve(phi, _free, reference);
            total += r.Iterations;
            // The coarse levels need not follow every small change of the texture (any SPD hierarchy is a valid
            // preconditioner; the fine level and the CG use the present operator): rebuild them when they stop paying.
            if (r.Iterations > RebuildIterations) _hierarchyStale = true;
            if (!r.Converged)
                throw new InvalidOperationException($"film: the current-flow solve did not converge (basis {k + 1}, relative residual {r.RelativeResidual:E2} after {r.Iterations} iterations).");
        }
        return total;
    }

    /// <summary>‖A_fd x_d‖₂ for basis k: the residual of a zero guess, the scale the tolerance refers to (A).</summary>
    private double DrivingNorm(int k)
    {
        Array.Clear(_work);
        foreach (int p in _electrodeNodes[k]) _work[p] = 1.0;
        _stencil.Multiply(_work, _product);
        double s = 0;
        for (int i = 0; i < _product.Length; i++) s += _free[i] * _product[i] * _product[i];
        return Math.Sqrt(s);
    }

    /// <summary>
    /// The K×K conductance matrix (S, row-major) from solved basis potentials: G_ij = ½(φ_iᵀAφ_j + φ_jᵀAφ_i) for
    /// i, j &lt; K, then the last row and column from Σ_j G_ij = 0 (φ_K = 1 − Σ φ_k and A·1 = 0). Symmetric exactly,
    /// zero row sums to round-off.
    /// </summary>
    public void ConductanceMatrix(ReadOnlySpan<double> potentials, Span<double> g)
    {
        int kk = ElectrodeCount, b = kk - 1, n = _stencil.Length;
        g.Slice(0, kk * kk).Clear();
        for (int j = 0; j < b; j++)
        {
            _stencil.Multiply(potentials.Slice(j * n, n), _product);
            for (int i = 0; i < b; i++)
            {
                ReadOnlySpan<double> phi = potentials.Slice(i * n, n);
                double s = 0;
                for (int p = 0; p < n; p++) s += phi[p] * _product[p];
                g[i * kk + j] += 0.5 * s;
                g[j * kk + i] += 0.5 * s;
            }
        }
        for (int i = 0; i < b; i++)
        {
            double row = 0;
            for (int j = 0; j < b; j++) row += g[i * kk + j];
            g[i * kk + b] = -row;
            g[b * kk + i] = -row;
        }
        double last = 0;
        for (int i = 0; i < b; i++) last -= g[i * kk + b];
        g[b * kk + b] = last;
    }

    /// <summary>
    /// Electrode currents (A, into the film) at electrode voltages <paramref name="voltages"/> (V) from the net current
    /// leaving each contact node through the film (Σ over the contact of (Aφ)_n): an estimate independent of the
    /// energy form in <see cref="ConductanceMatrix"/>, equal to G·V to solver tolerance.
    /// </summary>
    public void ElectrodeCurrentsFromFlux(ReadOnlySpan<double> potentials, ReadOnlySpan<double> voltages, Span<double> currents)
    {
        int kk = ElectrodeCount, n = _stencil.Length;
        Array.Clear(_work);
        for (int k = 0; k < kk - 1; k++)
        {
            double c = voltages[k] - voltages[kk - 1];
            ReadOnlySpan<double> phi = potentials.Slice(k * n, n);
            for (int p = 0; p < n; p++) _work[p] += c * phi[p];
        }
        _stencil.Multiply(_work, _product);
        for (int e = 0; e < kk; e++)
        {
            double s = 0;
            foreach (int p in _electrodeNodes[e]) s += _product[p];
            currents[e] = s;
        }
    }

    /// <summary>
    /// Writes the basis current densities J_k = −Σ(m)∇φ_k at the cell centres (A/m² per V) into
    /// <paramref name="current"/>, with the tensors of the last <see cref="Assemble"/>. The gradient of the bilinear
    /// potential at a cell centre is the mean of its two edge differences in each direction.
    /// </summary>
    public void CurrentDensityBasis(ReadOnlySpan<double> potentials, FilmCurrentDensity current)
    {
        Grid2D g = _grid;
        int n = _stencil.Length, w = _stencil.Width;
        double hx = 0.5 / g.Dx, hy = 0.5 / g.Dy;
        for (int k = 0; k < ElectrodeCount - 1; k++)
        {
            ReadOnlySpan<double> phi = potentials.Slice(k * n, n);
            Span<double> j = current.BasisField(k);
            for (int cy = 0; cy < g.Ny; cy++)
            {
                for (int cx = 0; cx < g.Nx; cx++)
                {
                    int c = g.Index(cx, cy);
                    int n00 = _stencil.Node(cx, cy);
                    double p00 = phi[n00], p10 = phi[n00 + 1], p01 = phi[n00 + w], p11 = phi[n00 + w + 1];
                    double ex = -hx * (p10 - p00 + p11 - p01);
                    double ey = -hy * (p01 - p00 + p11 - p10);
                    j[2 * c] = _tensor[3 * c] * ex + _tensor[3 * c + 1] * ey;
                    j[2 * c + 1] = _tensor[3 * c + 1] * ex + _tensor[3 * c + 2] * ey;
                }
            }
        }
    }

    /// <summary>The potential (V) at node (i, j) for electrode voltages <paramref name="voltages"/> (V).</summary>
    public double Potential(ReadOnlySpan<double> potentials, ReadOnlySpan<double> voltages, int i, int j)
    {
        int kk = ElectrodeCount, n = _stencil.Length, p = _stencil.Node(i, j);
        double v = voltages[kk - 1];
        for (int k = 0; k < kk - 1; k++) v += (voltages[k] - voltages[kk - 1]) * potentials[k * n + p];
        return v;
    }

    private void SetElectrodeValues(Span<double> potentials)
    {
        int n = _stencil.Length;
        for (int k = 0; k < ElectrodeCount - 1; k++)
        {
            Span<double> phi = potentials.Slice(k * n, n);
            for (int e = 0; e < ElectrodeCount; e++)
            {
                double v = e == k ? 1.0 : 0.0;
                foreach (int p in _electrodeNodes[e]) phi[p] = v;
            }
        }
    }

    /// <summary>Nodes of the grid edge inside the contact of <paramref name="e"/> (padded indices).</summary>
    private List<int> ContactNodes(FilmElectrode e)
    {
        Grid2D g = _grid;
        double lx = g.Nx * g.Dx, ly = g.Ny * g.Dy;
        double length = e.SideLength(lx, ly);
        int count = e.Side is FilmSide.Left or FilmSide.Right ? g.Ny : g.Nx;
        double step = length / count;
        double lo = (e.Center - e.Width / 2) * length, hi = (e.Center + e.Width / 2) * length;
        double slack = 1e-9 * step;
        var nodes = new List<int>();
        for (int s = 0; s <= count; s++)
        {
            double pos = s * step;
            if (pos < lo - slack || pos > hi + slack) continue;
            nodes.Add(e.Side switch
            {
                FilmSide.Left => _stencil.Node(0, s),
                FilmSide.Right => _stencil.Node(g.Nx, s),
                FilmSide.Bottom => _stencil.Node(s, 0),
                _ => _stencil.Node(s, g.Ny),
            });
        }
        return nodes;
    }
}
