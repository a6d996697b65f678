namespace CircuitSim.Core.Simulations;

/// <summary>
/// Coefficients of the integration formulas, dq/dt(t_{n+1}) ≈ Σ_i Ag[i]·q_{n+1−i}, and their error constants.
/// Trapezoidal order 2 is written, as in SPICE, as i_{n+1} = Ag[0]·(q_{n+1} − q_n) − Ag[1]·i_n.
/// </summary>
public static class IntegrationCoefficients
{
    private static readonly double[] GearErrorConstants = { .5, .2222222222, .1363636364, .096, .07299270073, .05830903790 };
    private static readonly double[] TrapErrorConstants = { .5, .08333333333 };

    /// <summary>Truncation-error constant of the formula (the factor of h^{k+1}·q^{(k+1)}).</summary>
    public static double ErrorConstant(IntegrationMethodKind method, int order) =>
        method == IntegrationMethodKind.Gear ? GearErrorConstants[order - 1] : TrapErrorConstants[order - 1];

    /// <summary>Fills <paramref name="ag"/> for the step <paramref name="deltaOld"/>[0] with the given history.</summary>
    public static void Compute(IntegrationMethodKind method, int order, ReadOnlySpan<double> deltaOld, Span<double> ag)
    {
        ag.Clear();
        var h = deltaOld[0];
        if (method == IntegrationMethodKind.Trapezoidal)
        {
            if (order == 1) { ag[0] = 1 / h; ag[1] = -1 / h; }
            else { ag[0] = 2 / h; ag[1] = 1; }
            return;
        }
        // Variable-step BDF: Ag[i] is the derivative at t_{n+1} of the Lagrange basis polynomial of point i,
        // with the points at τ_0 = 0, τ_i = −(h_0 + … + h_{i−1}).
        Span<double> tau = stackalloc double[8];
        tau[0] = 0;
        for (var i = 1; i <= order; i++) tau[i] = tau[i - 1] - deltaOld[i - 1];
        for (var i = 0; i <= order; i++)
        {
            if (i == 0)
            {
                double s = 0;
                for (var j = 1; j <= order; j++) s += 1 / (tau[0] - tau[j]);
                ag[0] = s;
            }
            else
            {
                var p = 1 / (tau[i] - tau[0]);
                for (var j = 1; j <= order; j++)
                    if (j != i) p *= (tau[0] - tau[j]) / (tau[i] - tau[j]);
                ag[i] = p;
            }
        }
    }
}
