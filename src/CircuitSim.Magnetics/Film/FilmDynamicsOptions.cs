namespace CircuitSim.Magnetics.Film;

/// <summary>Numerical settings of <see cref="FilmDynamics"/>.</summary>
public sealed record FilmDynamicsOptions
{
    /// <summary>Relative tolerance of the Dormand–Prince LLG integration (dimensionless).</summary>
    public double RelativeTolerance { get; init; } = 1e-5;

    /// <summary>Absolute tolerance of the LLG integration (units of m, dimensionless).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-5;

    /// <summary>
    /// The current flow is solved again when the texture has moved by more than this since the last solve, measured as
    /// the root-mean-square over the cells of |Δm| (dimensionless); between solves the current density is that of the
    /// last solve scaled by the present voltages. (A maximum over cells would be ruled by the few cells at the
    /// contact corners, where j is singular, and would re-solve at every check.)
    /// </summary>
    public double RefreshThreshold { get; init; } = 0.02;

    /// <summary>How often the texture is compared with the one of the last current solve, s.</summary>
    public double CheckInterval { get; init; } = 20e-12;

    /// <summary>Relative tolerance of each conduction PCG solve (dimensionless).</summary>
    public double ConductionTolerance { get; init; } = 1e-7;

    /// <summary>Temperature of the Brown thermal field, K (0: deterministic dynamics).</summary>
    public double Temperature { get; init; }

    /// <summary>Fixed sub-step of the stochastic Heun integration used when T &gt; 0, s.</summary>
    public double ThermalStep { get; init; } = 0.5e-12;

    /// <summary>
    /// Largest root-mean-square current density over the film, A/m², beyond which a drive is refused as not physical:
    /// 10¹⁵ A/m² is an order of magnitude above what any conductor carries even for nanoseconds (carbon nanotubes,
    /// ~10¹³–10¹⁴), so only a wrong source (1 kV across a 400 nm film) reaches it. Without the check such a drive makes
    /// the LLG steps femtoseconds long and the run practically never ends.
    /// </summary>
    public double MaxCurrentDensity { get; init; } = 1e15;

    /// <summary>Smallest LLG step, s: below it the integration fails with a message instead of crawling (physical
    /// dynamics need steps of 10⁻¹⁵ s and more; 10⁻¹⁸ s leaves three orders of margin).</summary>
    public double MinStep { get; init; } = 1e-18;
}
