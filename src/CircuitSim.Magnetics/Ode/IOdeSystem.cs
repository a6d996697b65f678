namespace CircuitSim.Magnetics;

/// <summary>
/// A first-order ODE system dy/dt = f(t, y) of fixed dimension. Implementations must not allocate in
/// <see cref="Derivative"/> and must be deterministic (the same inputs give the same bits).
/// </summary>
public interface IOdeSystem
{
    /// <summary>Number of state variables.</summary>
    int Dimension { get; }

    /// <summary>Writes dy/dt at (t, y) into <paramref name="dydt"/> (overwrites; units of y per second when t is in s).</summary>
    void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt);
}

/// <summary>
/// An ODE system driven by white noise, integrated in the Stratonovich sense by <see cref="StochasticHeun"/>.
/// The integrator draws <see cref="NoiseDimension"/> standard normal deviates per sub-step and hands them over with
/// <see cref="SetNoise"/>; the system scales them for a sub-step of length dt and holds the result fixed in
/// <see cref="IOdeSystem.Derivative"/> until the next call (so the Heun predictor and corrector see the same sample).
/// </summary>
public interface IStochasticOdeSystem : IOdeSystem
{
    /// <summary>Number of independent standard normal deviates needed per sub-step (0 when noiseless).</summary>
    int NoiseDimension { get; }

    /// <summary>Sets the noise for the next sub-step of length <paramref name="dt"/> (s) from standard normals.</summary>
    void SetNoise(ReadOnlySpan<double> standardNormals, double dt);
}

/// <summary>
/// A projection applied to the state after every accepted step, e.g. renormalizing each magnetization
/// 3-vector to |m| = 1. Must not allocate.
/// </summary>
public interface IStateProjection
{
    void Project(Span<double> y);
}
