namespace CircuitSim.Spintronics.Common;

/// <summary>
/// Tunnel magnetoresistance with bias dependence, TMR(V) = TMR0 / (1 + (V/V_h)²), and the conductance of a junction
/// whose parallel fraction is f: G = f·G_P + (1 − f)·G_AP(V), G_AP = G_P / (1 + TMR(V)).
/// </summary>
public readonly struct TunnelMagnetoresistance
{
    /// <param name="parallelConductance">G_P, S.</param>
    /// <param name="tmr0">Zero-bias TMR ratio (0.95 for 95 %).</param>
    /// <param name="halfBias">V_h, the bias at which the TMR halves, V (∞: no bias dependence).</param>
    public TunnelMagnetoresistance(double parallelConductance, double tmr0, double halfBias)
    {
        ParallelConductance = parallelConductance;
        Tmr0 = tmr0;
        HalfBias = halfBias;
    }

    public double ParallelConductance { get; }
    public double Tmr0 { get; }
    public double HalfBias { get; }

    public double Tmr(double v)
    {
        var r = v / HalfBias;
        return Tmr0 / (1 + r * r);
    }

    /// <summary>G_AP at bias <paramref name="v"/>, S.</summary>
    public double AntiparallelConductance(double v) => ParallelConductance / (1 + Tmr(v));

    /// <summary>
    /// The junction current I = G(f, V)·V, A, and its derivative ∂I/∂V, S, for a parallel fraction
    /// <paramref name="f"/> ∈ [0, 1].
    /// </summary>
    public (double Current, double Conductance, double DifferentialConductance) Evaluate(double f, double v)
    {
        var r = v / HalfBias;
        var d = 1 + r * r;
        var tmr = Tmr0 / d;
        var gap = ParallelConductance / (1 + tmr);
        var g = f * ParallelConductance + (1 - f) * gap;
        // dG_AP/dV = −G_P/(1+TMR)² · dTMR/dV, dTMR/dV = −2·TMR0·V/(V_h²·d²)
        var dTmr = double.IsInfinity(HalfBias) ? 0 : -2 * Tmr0 * v / (HalfBias * HalfBias * d * d);
        var dGap = -ParallelConductance / ((1 + tmr) * (1 + tmr)) * dTmr;
        var dg = (1 - f) * dGap;
        return (g * v, g, g + v * dg);
    }
}
