namespace CircuitSim.Magnetics.Film;

/// <summary>How a conjugate-gradient solve ended.</summary>
/// <param name="Iterations">CG iterations taken.</param>
/// <param name="RelativeResidual">‖r‖₂ / reference at the end (dimensionless).</param>
/// <param name="Converged">Whether the residual met the tolerance.</param>
public readonly record struct ConjugateGradientResult(int Iterations, double RelativeResidual, bool Converged);

/// <summary>
/// Preconditioned conjugate gradients for A x = 0 on the free nodes of a <see cref="NodeStencil"/>, with x held at its
/// given values on the fixed (Dirichlet) nodes: the system A_ff x_f = −A_fd x_d, symmetric positive definite when
/// every connected part of the film touches a fixed node. The x passed in is the starting guess (warm start: the last
/// solution), so a slowly changing texture costs a few iterations per solve. The preconditioner is a
/// <see cref="StencilMultigrid"/> V-cycle when one is set (call its Update after re-assembly), else Jacobi.
/// Allocates nothing after construction.
/// </summary>
public sealed class StencilConjugateGradient
{
    private readonly NodeStencil _a;
    private readonly double[] _r, _z, _p, _q, _inverseDiagonal;

    public StencilConjugateGradient(NodeStencil operatorA)
    {
        _a = operatorA;
        int n = operatorA.Length;
        _r = new double[n];
        _z = new double[n];
        _p = new double[n];
        _q = new double[n];
        _inverseDiagonal = new double[n];
    }

    /// <summary>Relative tolerance on ‖r‖₂ / reference (dimensionless).</summary>
    public double Tolerance { get; set; } = 1e-10;

    /// <summary>Iteration cap per solve.</summary>
    public int MaxIterations { get; set; } = 20_000;

    /// <summary>Multigrid preconditioner, or null for Jacobi.</summary>
    public StencilMultigrid? Multigrid { get; set; }

    /// <summary>
    /// Solves in place. <paramref name="free"/> is 1 on free nodes and 0 on fixed and ghost nodes;
    /// <paramref name="reference"/> is the residual norm the tolerance is relative to (e.g. ‖A_fd x_d‖, in A).
    /// </summary>
    public ConjugateGradientResult Solve(Span<double> x, ReadOnlySpan<double> free, double reference)
    {
        int n = _a.Length;
        double[] r = _r, z = _z, p = _p, q = _q;
        if (Multigrid is null)
        {
            ReadOnlySpan<double> diag = _a.Diagonal;
            for (int i = 0; i < n; i++) _inverseDiagonal[i] = free[i] != 0 && diag[i] > 0 ? 1.0 / diag[i] : 0.0;
        }

        _a.Multiply(x, q);
        double rr = 0;
        for (int i = 0; i < n; i++)
        {
            double ri = -free[i] * q[i];
            r[i] = ri;
            rr += ri * ri;
        }
        double target = Tolerance * (reference > 0 ? reference : 1.0);
        double norm = Math.Sqrt(rr);
        int it = 0;
        if (norm > target)
        {
            double rz = Precondition(r, z);
            Array.Copy(z, p, n);
            while (norm > target && it < MaxIterations)
            {
                _a.Multiply(p, q);
                double pq = 0;
                for (int i = 0; i < n; i++) pq += p[i] * free[i] * q[i];
                if (!(pq > 0)) break; // nothing left to reduce along p
                double step = rz / pq;
                rr = 0;
                for (int i = 0; i < n; i++)
                {
                    x[i] += step * p[i];
                    double ri = r[i] - step * free[i] * q[i];
                    r[i] = ri;
                    rr += ri * ri;
                }
                norm = Math.Sqrt(rr);
                it++;
                if (norm <= target) break;
                double rzNew = Precondition(r, z);
                double beta = rzNew / rz;
                rz = rzNew;
                for (int i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
            }
        }
        double relative = reference > 0 ? norm / reference : norm;
        return new ConjugateGradientResult(it, relative, norm <= target);
    }

    /// <summary>z = M⁻¹ r; returns rᵀz.</summary>
    private double Precondition(double[] r, double[] z)
    {
        if (Multigrid is not null) Multigrid.Apply(r, z);
        else for (int i = 0; i < r.Length; i++) z[i] = _inverseDiagonal[i] * r[i];
        double rz = 0;
        for (int i = 0; i < r.Length; i++) rz += r[i] * z[i];
        return rz;
    }
}
