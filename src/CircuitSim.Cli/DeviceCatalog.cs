using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics;

namespace CircuitSim.Cli;

/// <summary>
/// The device families the CLI's netlists and crossbars may use, composed in one list (the standard SPICE set is
/// built into <see cref="DeviceRegistry"/>). A family's registrar brings its <c>.model</c> types and <c>Y</c> elements,
/// its crossbar cell and its run analyses (docs/design.md §6).
/// </summary>
internal static class DeviceCatalog
{
    public static IReadOnlyList<IDeviceFamily> Families { get; } = new List<IDeviceFamily>(SpintronicFamilies.All);

    public static DeviceRegistry Create(IReadOnlyList<IDeviceFamily>? families = null) => DeviceRegistry.With(families ?? Families);
}
