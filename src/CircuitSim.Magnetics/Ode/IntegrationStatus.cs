namespace CircuitSim.Magnetics;

/// <summary>How an <c>Advance</c> call ended.</summary>
public enum IntegrationStatus
{
    /// <summary>The state was advanced exactly to the end time.</summary>
    Completed,

    /// <summary>The step controller needed a step below the minimum step size (stiffness, a singularity, or NaN).</summary>
    StepSizeTooSmall,

    /// <summary>The per-call step budget ran out before the end time.</summary>
    TooManySteps,
}

/// <summary>
/// Outcome of one <c>Advance</c> call. On failure the state holds the last accepted point, at <see cref="TimeReached"/>.
/// </summary>
public readonly record struct AdvanceResult(
    IntegrationStatus Status,
    double TimeReached,
    int AcceptedSteps,
    int RejectedSteps,
    int Evaluations)
{
    public bool Succeeded => Status == IntegrationStatus.Completed;
}
