using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Devices;

/// <summary>
/// What the generator knows about one kind of cross-point device: the conductance range it can hold at low bias, the
/// conductance it really takes when asked for one (clamping, or the nearest of a binary device's two states), and the
/// netlist line that puts it in that state.
/// </summary>
public abstract class CellDevice
{
    private static readonly DeviceRegistry SpiceOnly = new();

    /// <summary>The element type as a netlist names it (resistor, YMEMRISTOR, YDWMTJ, YMTJ, YAMM).</summary>
    public abstract string TypeName { get; }

    /// <summary>Prefix of the instance names: the device of row i, column j is <c>{prefix}{i}_{j}</c>.</summary>
    public abstract string NamePrefix { get; }

    /// <summary>The model the instances use (null for a plain resistor).</summary>
    public abstract ModelCard? Card { get; }

    /// <summary>Low-bias conductance range used to map weights when none is given, S.</summary>
    public abstract (double Min, double Max) DefaultRange { get; }

    /// <summary>Whether the device holds a continuum of conductances (false: two states).</summary>
    public virtual bool IsMultilevel => true;

    /// <summary>Whether each instance can be given its own conductance (needed for device-to-device variability).</summary>
    public virtual bool SupportsVariability => true;

    /// <summary>Whether a mapping range outside <see cref="DefaultRange"/> is refused (false: any range is realizable).</summary>
    public virtual bool HasBoundedRange => true;

    /// <summary>Width of a 1T1R access transistor when none is given, m (a device that needs more current asks for a
    /// wider one).</summary>
    public virtual double DefaultAccessWidth => 1e-6;

    /// <summary>The device types that read a netlist of these cells: those the model card was read with.</summary>
    public DeviceRegistry Devices => Card?.Devices ?? SpiceOnly;

    /// <summary>The low-bias conductance the device takes when programmed to <paramref name="g"/>, S.</summary>
    public abstract double Realize(double g);

    /// <summary>The element line of an instance programmed to conductance <paramref name="g"/> (already realizable).
    /// <paramref name="index"/> numbers the instance (0-based, row-major) for per-instance seeds.</summary>
    public abstract string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed);

    /// <summary>The vector of an instance's present conductance, or null when it has none.</summary>
    public virtual string? ConductanceVector(string name) => $"@{name}[g]";

    /// <summary>A one-line description for the netlist header.</summary>
    public abstract string Describe();
}
