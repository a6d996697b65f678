namespace CircuitSim.Core.Simulations;

/// <summary>The circuit as given cannot be simulated: bad input (missing model, floating node, voltage loop...).
/// The CLI exits with 2.</summary>
public class CircuitException : Exception
{
    public CircuitException(string message, string? component = null) : base(message) => Component = component;
    public string? Component { get; }
}

/// <summary>A simulation started and failed (no convergence, time step too small, singular matrix). The data up to
/// the failure has been streamed already; the CLI exits with 1.</summary>
public class SimulationException : Exception
{
    public SimulationException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Newton–Raphson did not converge. Names the time (transient), the step and the unknowns that did not settle.</summary>
public sealed class ConvergenceException : SimulationException
{
    public ConvergenceException(string message, double? time, double? step, IReadOnlyList<string> unknowns)
        : base(message)
    {
        Time = time;
        Step = step;
        Unknowns = unknowns;
    }

    public double? Time { get; }
    public double? Step { get; }
    public IReadOnlyList<string> Unknowns { get; }
}

/// <summary>The MNA matrix is singular; names the node or branch the LU could not pivot on.</summary>
public sealed class SingularCircuitException : SimulationException
{
    public SingularCircuitException(string message, string unknown, Exception? inner = null) : base(message, inner) => Unknown = unknown;
    public string Unknown { get; }
}
