using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Circuits;

/// <summary>
/// A circuit element: a name, its terminal nodes and its parameters. A component holds no simulation state;
/// each simulation asks it for a <see cref="Behavior"/> that binds to that simulation's matrix and states.
/// </summary>
public abstract class Component : Entity
{
    protected Component(string name, params string[] nodes) : base(name)
    {
        Nodes = nodes;
    }

    /// <summary>Terminal node names, in the element's SPICE order. "0" (or "gnd") is ground.</summary>
    public IReadOnlyList<string> Nodes { get; protected set; }

    /// <summary>Creates the behavior bound to one simulation (first setup phase: allocate branch unknowns here).</summary>
    public abstract Behavior CreateBehavior(BindingContext context);

    /// <summary>Pairs of terminal indices joined by a path that conducts at DC (for the floating-node check).</summary>
    public virtual IEnumerable<(int A, int B)> DcPaths => Array.Empty<(int, int)>();

    /// <summary>Pairs of terminal indices whose voltage difference this element fixes (sources, inductors at DC),
    /// for the voltage-loop check.</summary>
    public virtual IEnumerable<(int A, int B)> VoltageDefinedPaths => Array.Empty<(int, int)>();

    /// <summary>Pairs of terminal indices joined by an inductance: a short at DC (part of voltage loops there),
    /// a conducting path otherwise.</summary>
    public virtual IEnumerable<(int A, int B)> InductivePaths => Array.Empty<(int, int)>();

    /// <summary>Pairs of terminal indices joined through a capacitance only (they hold a node in a UIC transient).</summary>
    public virtual IEnumerable<(int A, int B)> CapacitivePaths => Array.Empty<(int, int)>();

    /// <summary>Names of other components this one refers to (controlling sources, coupled inductors).</summary>
    public virtual IEnumerable<string> References => Array.Empty<string>();
}
