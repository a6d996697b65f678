namespace CircuitSim.Magnetics.Film;

/// <summary>
/// A symmetric multigrid V-cycle for the free-node system of a <see cref="NodeStencil"/>, used as the preconditioner of
/// <see cref="StencilConjugateGradient"/>: with it the iteration count hardly grows with the grid (Jacobi's grows like
/// the number of nodes across), which keeps the frequent warm-started current solves of a texture cheap.
/// <para>
/// Levels halve the cell counts while both stay even (down to 4 cells or fewer); each coarse operator is the
/// Galerkin product A_c = Pᵀ A P with bilinear interpolation P whose rows vanish on fixed (Dirichlet) nodes, so
/// the contacts are represented on every level however narrow they are, and a coarse operator is again a symmetric
/// nine-point stencil. Smoothing: forward Gauss–Seidel before, backward after (a symmetric cycle, as CG needs).
/// The coarsest level is solved by a dense Cholesky factorization when it has at most
/// <see cref="DirectLimit"/> free nodes, else by symmetric Gauss–Seidel sweeps (a fixed, symmetric operator).
/// <see cref="Update"/> rebuilds the coarse operators after the fine one changes; nothing allocates after construction.
/// </para>
/// </summary>
public sealed class StencilMultigrid
{
    /// <summary>Largest coarsest-level system solved directly.</summary>
    public const int DirectLimit = 600;

    private readonly Level[] _levels;
    private readonly double[] _dense;      // Cholesky factor of the coarsest free system (row-major, lower)
    private readonly int[] _denseNodes;    // padded indices of the coarsest free nodes
    private readonly double[] _denseRhs;
    private int _denseCount;

    private sealed class Level
    {
        public required NodeStencil A;
        public required double[] Free, X, B, R;
    }

    /// <param name="fine">The fine operator (kept by reference; call <see cref="Update"/> after re-assembly).</param>
    /// <param name="free">Fine free-node mask (1 free, 0 fixed or ghost), kept by reference.</param>
    public StencilMultigrid(NodeStencil fine, double[] free)
    {
        var levels = new List<Level> { new() { A = fine, Free = free, X = new double[fine.Length], B = new double[fine.Length], R = new double[fine.Length] } };
        int nx = fine.CellsX, ny = fine.CellsY;
        while (nx % 2 == 0 && ny % 2 == 0 && nx > 4 && ny > 4)
        {
            nx /= 2;
            ny /= 2;
            var a = new NodeStencil(nx, ny);
            levels.Add(new Level { A = a, Free = new double[a.Length], X = new double[a.Length], B = new double[a.Length], R = new double[a.Length] });
        }
        _levels = levels.ToArray();
        int coarseNodes = (nx + 1) * (ny + 1);
        bool direct = coarseNodes <= DirectLimit;
        _denseNodes = new int[direct ? coarseNodes : 0];
        _dense = new double[direct ? coarseNodes * coarseNodes : 0];
        _denseRhs = new double[direct ? coarseNodes : 0];
    }

    /// <summary>Number of levels, the fine one included.</summary>
    public int LevelCount => _levels.Length;

    /// <summary>Gauss–Seidel sweeps before and after the coarse correction on each level.</summary>
    public int Sweeps { get; set; } = 1;

    /// <summary>Symmetric Gauss–Seidel sweep pairs on the coarsest level when it is too large to factorize.</summary>
    public int CoarseSweeps { get; set; } = 20;

    /// <summary>Rebuilds the coarse operators and the coarsest factorization from the present fine operator.</summary>
    public void Update()
    {
        for (int l = 1; l < _levels.Length; l++) Coarsen(_levels[l - 1], _levels[l]);
        if (_dense.Length > 0) FactorCoarsest();
    }

    /// <summary>z = M⁻¹ r: one V-cycle from a zero guess (z and r padded fine vectors, zero off the free nodes).</summary>
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        Level fine = _levels[0];
        r.CopyTo(fine.B);
        Cycle(0);
        fine.X.AsSpan().CopyTo(z);
    }

    private void Cycle(int l)
    {
        Level lev = _levels[l];
        Array.Clear(lev.X);
        if (l == _levels.Length - 1)
        {
            SolveCoarsest(lev);
            return;
        }
        for (int s = 0; s < Sweeps; s++) lev.A.GaussSeidel(lev.X, lev.B, lev.Free, forward: true);
        lev.A.Multiply(lev.X, lev.R);
        for (int i = 0; i < lev.R.Length; i++) lev.R[i] = lev.Free[i] * (lev.B[i] - lev.R[i]);
        Level coarse = _levels[l + 1];
        Restrict(lev, coarse);
        Cycle(l + 1);
        Prolongate(coarse, lev);
        for (int s = 0; s < Sweeps; s++) lev.A.GaussSeidel(lev.X, lev.B, lev.Free, forward: false);
    }

    /// <summary>b_c = Pᵀ r (r is zero off the free fine nodes), masked to the free coarse nodes.</summary>
    private static void Restrict(Level fine, Level coarse)
    {
        RestrictInto(fine, coarse, coarse.B);
        for (int p = 0; p < coarse.B.Length; p++) coarse.B[p] *= coarse.Free[p];
    }

    /// <summary>target = Pᵀ fine.R.</summary>
    private static void RestrictInto(Level fine, Level coarse, Span<double> target)
    {
        target.Clear();
        NodeStencil f = fine.A, c = coarse.A;
        for (int j = 0; j <= f.CellsY; j++)
        {
            for (int i = 0; i <= f.CellsX; i++)
            {
                double r = fine.R[f.Node(i, j)];
                if (r == 0) continue;
                int i0 = i >> 1, j0 = j >> 1;
                bool ox = (i & 1) != 0, oy = (j & 1) != 0;
                double wx = ox ? 0.5 : 1.0, wy = oy ? 0.5 : 1.0;
                target[c.Node(i0, j0)] += wx * wy * r;
                if (ox) target[c.Node(i0 + 1, j0)] += wx * wy * r;
                if (oy) target[c.Node(i0, j0 + 1)] += wx * wy * r;
                if (ox && oy) target[c.Node(i0 + 1, j0 + 1)] += wx * wy * r;
            }
        }
    }

    /// <summary>x_f += P x_c on the free fine nodes (x_c is read on every coarse node).</summary>
    private static void Prolongate(Level coarse, Level fine)
    {
        NodeStencil f = fine.A, c = coarse.A;
        for (int j = 0; j <= f.CellsY; j++)
        {
            for (int i = 0; i <= f.CellsX; i++)
            {
                int p = f.Node(i, j);
                if (fine.Free[p] == 0) continue;
                int i0 = i >> 1, j0 = j >> 1;
                bool ox = (i & 1) != 0, oy = (j & 1) != 0;
                double v;
                if (!ox && !oy) v = coarse.X[c.Node(i0, j0)];
                else if (ox && !oy) v = 0.5 * (coarse.X[c.Node(i0, j0)] + coarse.X[c.Node(i0 + 1, j0)]);
                else if (!ox) v = 0.5 * (coarse.X[c.Node(i0, j0)] + coarse.X[c.Node(i0, j0 + 1)]);
                else v = 0.25 * (coarse.X[c.Node(i0, j0)] + coarse.X[c.Node(i0 + 1, j0)] + coarse.X[c.Node(i0, j0 + 1)] + coarse.X[c.Node(i0 + 1, j0 + 1)]);
                fine.X[p] += v;
            }
        }
    }

    /// <summary>
    /// A_c = Pᵀ D A D P (D the free mask), probed with nine coloured vectors: the coarse nodes of colour
    /// (I mod 3, J mod 3) are three apart, so their nine-point neighbourhoods do not overlap and one product
    /// P → A → Pᵀ per colour yields, at every coarse node, its coupling to the one neighbour of that colour.
    /// </summary>
    private static void Coarsen(Level fine, Level coarse)
    {
        NodeStencil c = coarse.A;
        c.Clear();
        Span<double> result = coarse.R;   // scratch; R is rewritten before it is read in a cycle
        for (int b = 0; b < 3; b++)
        {
            for (int a = 0; a < 3; a++)
            {
                Array.Clear(coarse.X);
                for (int jc = b; jc <= c.CellsY; jc += 3)
                    for (int ic = a; ic <= c.CellsX; ic += 3)
                        coarse.X[c.Node(ic, jc)] = 1.0;
                Array.Clear(fine.X);
                Prolongate(coarse, fine);                 // D P e_colour
                fine.A.Multiply(fine.X, fine.R);
                for (int i = 0; i < fine.R.Length; i++) fine.R[i] *= fine.Free[i];
                RestrictInto(fine, coarse, result);       // Pᵀ D A D P e_colour
                for (int jc = 0; jc <= c.CellsY; jc++)
                {
                    int oy = Offset(b, jc);
                    if (jc + oy < 0 || jc + oy > c.CellsY) continue;
                    for (int ic = 0; ic <= c.CellsX; ic++)
                    {
                        int ox = Offset(a, ic);
                        if (ic + ox < 0 || ic + ox > c.CellsX) continue;
                        int cp = c.Node(ic, jc);
                        c.AddStoredCoupling(cp, ox, oy, result[cp]);
                    }
                }
            }
        }
        Array.Clear(coarse.X);
        Array.Clear(fine.X);
        ReadOnlySpan<double> diag = c.Diagonal;
        for (int jc = 0; jc <= c.CellsY; jc++)
            for (int ic = 0; ic <= c.CellsX; ic++)
            {
                int cp = c.Node(ic, jc);
                coarse.Free[cp] = diag[cp] > 0 ? 1.0 : 0.0;
            }
    }

    /// <summary>The offset −1, 0 or 1 from index <paramref name="i"/> to the neighbour whose index is ≡ <paramref name="colour"/> mod 3.</summary>
    private static int Offset(int colour, int i)
    {
        int d = (colour - i % 3 + 3) % 3;
        return d == 2 ? -1 : d;
    }

    private void FactorCoarsest()
    {
        Level lev = _levels[^1];
        NodeStencil a = lev.A;
        int n = 0;
        for (int j = 0; j <= a.CellsY; j++)
            for (int i = 0; i <= a.CellsX; i++)
            {
                int p = a.Node(i, j);
                if (lev.Free[p] != 0) _denseNodes[n++] = p;
            }
        _denseCount = n;
        Array.Clear(_dense);
        for (int r = 0; r < n; r++)
        {
            int p = _denseNodes[r];
            for (int c = 0; c < n; c++)
            {
                int q = _denseNodes[c];
                int ox = (q % a.Width) - (p % a.Width), oy = (q / a.Width) - (p / a.Width);
                if (Math.Abs(ox) <= 1 && Math.Abs(oy) <= 1) _dense[r * n + c] = a.Coupling(p, ox, oy);
            }
        }
        // in-place Cholesky, lower triangle
        for (int k = 0; k < n; k++)
        {
            double d = _dense[k * n + k];
            for (int s = 0; s < k; s++) d -= _dense[k * n + s] * _dense[k * n + s];
            if (!(d > 0)) throw new InvalidOperationException("film: the coarse current-flow system is not positive definite (is some part of the film cut off from every electrode?).");
            d = Math.Sqrt(d);
            _dense[k * n + k] = d;
            for (int r = k + 1; r < n; r++)
            {
                double v = _dense[r * n + k];
                for (int s = 0; s < k; s++) v -= _dense[r * n + s] * _dense[k * n + s];
                _dense[r * n + k] = v / d;
            }
        }
    }

    private void SolveCoarsest(Level lev)
    {
        if (_dense.Length == 0)
        {
            for (int s = 0; s < CoarseSweeps; s++)
            {
                lev.A.GaussSeidel(lev.X, lev.B, lev.Free, forward: true);
                lev.A.GaussSeidel(lev.X, lev.B, lev.Free, forward: false);
            }
            return;
        }
        int n = _denseCount;
        double[] y = _denseRhs;
        for (int r = 0; r < n; r++)
        {
            double v = lev.B[_denseNodes[r]];
            for (int s = 0; s < r; s++) v -= _dense[r * n + s] * y[s];
            y[r] = v / _dense[r * n + r];
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double v = y[r];
            for (int s = r + 1; s < n; s++) v -= _dense[s * n + r] * y[s];
            y[r] = v / _dense[r * n + r];
        }
        for (int r = 0; r < n; r++) lev.X[_denseNodes[r]] = y[r];
    }
}
