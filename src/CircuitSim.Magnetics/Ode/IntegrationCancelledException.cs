namespace CircuitSim.Magnetics;

/// <summary>
/// An integration stopped by its cancellation token between two steps: the state holds the last accepted point, at
/// <see cref="TimeReached"/>, so an interrupted run can record where it stopped.
/// </summary>
public sealed class IntegrationCancelledException : OperationCanceledException
{
    public IntegrationCancelledException(double timeReached, CancellationToken token)
        : base($"integration cancelled at t = {timeReached:G6}", token)
    {
        TimeReached = timeReached;
    }

    /// <summary>Time of the state left in place (units of the integration's t).</summary>
    public double TimeReached { get; }
}
