namespace CircuitSim.Magnetics;

/// <summary>
/// Error-control settings for <see cref="DormandPrince54"/>. A step is accepted when the RMS over components of
/// e_i / (AbsoluteTolerance + RelativeTolerance·max(|y_i|, |y_i,new|)) is ≤ 1 (Hairer's norm).
/// </summary>
public sealed record DormandPrinceOptions
{
    /// <summary>Relative tolerance (dimensionless).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Absolute tolerance, in the units of y.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-9;

    /// <summary>Safety factor on the optimal step size (dimensionless, &lt; 1).</summary>
    public double Safety { get; init; } = 0.9;

    /// <summary>Smallest factor by which one step may shrink the next (dimensionless).</summary>
    public double MinFactor { get; init; } = 0.2;

    /// <summary>Largest factor by which one step may grow the next (dimensionless).</summary>
    public double MaxFactor { get; init; } = 5.0;

    /// <summary>Largest step, in the units of t (s for magnetic systems).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// Smallest step the controller may ask for, in the units of t. Below it <c>Advance</c> stops and reports
    /// <see cref="IntegrationStatus.StepSizeTooSmall"/>. A floor of a few ulps of t always applies.
    /// </summary>
    public double MinStep { get; init; } = 0.0;

    /// <summary>Step attempts (accepted + rejected) allowed per <c>Advance</c> call before giving up.</summary>
    public int MaxStepsPerAdvance { get; init; } = 1_000_000;
}

/// <summary>
/// The step-size memory of an adaptive integrator between <c>Advance</c> calls. A value type: copy it to save,
/// assign it back to restore (a circuit device keeps one with its committed state and restores it on rollback).
/// </summary>
public struct AdaptiveStepState
{
    /// <summary>Step size (units of t) the controller proposes for the next step; 0 means "guess one".</summary>
    public double SuggestedStep;
}
