namespace CircuitSim.Crossbars;

/// <summary>
/// Maps a weight matrix W (rows × logical columns) linearly onto conductances in [G_min, G_max]. Single-ended:
/// G = G_min + (W/W_max)·(G_max − G_min), which needs W ≥ 0. Differential: each weight is a pair,
/// G⁺ = G_min + (max(W, 0)/W_max)·ΔG on physical column 2j−1 and G⁻ = G_min + (max(−W, 0)/W_max)·ΔG on 2j, so that
/// I⁺ − I⁻ = (ΔG/W_max)·Σᵢ Wᵢⱼ·Vᵢ. W_max = max |W| (a zero matrix maps to G_min everywhere).
/// </summary>
public sealed class WeightMapping
{
    /// <exception cref="CrossbarInputException">The range is not 0 &lt; G_min &lt; G_max.</exception>
    public WeightMapping(double gMin, double gMax, bool differential)
    {
        if (!(gMin > 0 && gMax > gMin && double.IsFinite(gMax)))
            throw new CrossbarInputException($"the conductance range needs 0 < gmin < gmax (got gmin = {gMin:G4} S, gmax = {gMax:G4} S)");
        GMin = gMin;
        GMax = gMax;
        Differential = differential;
    }

    public double GMin { get; }
    public double GMax { get; }
    public bool Differential { get; }

    public ColumnLayout Layout(int logicalColumns) => new(logicalColumns, Differential);

    /// <summary>The conductance matrix (rows × physical columns) and W_max.</summary>
    /// <exception cref="CrossbarInputException">A weight is negative in a single-ended array.</exception>
    public (double[,] Conductances, double WeightScale) Map(double[,] weights)
    {
        int rows = weights.GetLength(0), cols = weights.GetLength(1);
        var scale = 0.0;
        foreach (var w in weights) scale = Math.Max(scale, Math.Abs(w));
        var layout = Layout(cols);
        var g = new double[rows, layout.PhysicalColumns];
        var span = GMax - GMin;
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var w = scale > 0 ? weights[i, j] / scale : 0;
                if (!Differential && w < 0)
                    throw new CrossbarInputException(
                        $"weight ({i + 1}, {j + 1}) = {weights[i, j]:G6} is negative: a single-ended array holds only weights ≥ 0 (use differential columns)");
                g[i, layout.Plus(j + 1) - 1] = GMin + Math.Max(w, 0) * span;
                if (layout.Minus(j + 1) is { } minus) g[i, minus - 1] = GMin + Math.Max(-w, 0) * span;
            }
        return (g, scale);
    }
}
