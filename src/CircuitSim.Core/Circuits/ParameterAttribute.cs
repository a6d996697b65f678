namespace CircuitSim.Core.Circuits;

/// <summary>
/// Marks a property as a user-settable parameter under one or more SPICE names (case-insensitive),
/// so that netlists and the C# API set parameters through one registry instead of a grammar per device.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ParameterAttribute : Attribute
{
    public ParameterAttribute(params string[] names) => Names = names;

    /// <summary>The SPICE names of the parameter; the first is the canonical one.</summary>
    public string[] Names { get; }

    /// <summary>One line for error messages and documentation, with the unit.</summary>
    public string? Description { get; init; }
}
