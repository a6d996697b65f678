using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Cli;

/// <summary>The device types the CLI's netlists may use: the standard SPICE set plus the magnetic devices.</summary>
internal static class DeviceCatalog
{
    public static DeviceRegistry Create() => DeviceRegistry.CreateDefault();
}
