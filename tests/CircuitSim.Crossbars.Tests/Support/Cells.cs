using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics;

namespace CircuitSim.Crossbars.Tests.Support;

/// <summary>The cross-point devices of the project's device families, as the CLI composes them.</summary>
internal static class Cells
{
    public static CellCatalog Catalog { get; } = new(SpintronicFamilies.All);

    /// <summary>Reads the families' model cards and the netlists generated with them.</summary>
    public static DeviceRegistry Devices => Catalog.Devices;

    public static CellDeviceType Resistor => CellDeviceType.Resistor;
    public static CellDeviceType Memristor { get; } = Catalog.Parse("ymemristor");
    public static CellDeviceType DomainWallMtj { get; } = Catalog.Parse("ydwmtj");
    public static CellDeviceType Mtj { get; } = Catalog.Parse("ymtj");
    public static CellDeviceType Amm { get; } = Catalog.Parse("yamm");

    /// <summary>The type named <paramref name="name"/> (for theory data, which cannot hold the types themselves).</summary>
    public static CellDeviceType Get(string name) => Catalog.Parse(name);
}
