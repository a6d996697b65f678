using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Devices;

/// <summary>
/// The cross-point devices a build knows: the resistor plus the cells of the composed device families, and the
/// device registry that reads their model cards and the netlists written with them.
/// </summary>
public sealed class CellCatalog
{
    /// <param name="families">The device families, in the order the help text lists them.</param>
    public CellCatalog(IEnumerable<IDeviceFamily> families)
    {
        var list = families.ToList();
        Devices = DeviceRegistry.With(list);
        Types = new[] { CellDeviceType.Resistor }.Concat(list.OfType<ICrossbarCellFamily>().SelectMany(f => f.CrossbarCells(Devices))).ToList();
    }

    /// <summary>The device and model types of every composed family (for <see cref="ModelCard"/>).</summary>
    public DeviceRegistry Devices { get; }

    public IReadOnlyList<CellDeviceType> Types { get; }

    /// <summary>The canonical names, as the help text lists them.</summary>
    public IReadOnlyList<string> Canonical => Types.Select(t => t.Name).ToList();

    /// <exception cref="CrossbarInputException">The name is not a known device type.</exception>
    public CellDeviceType Parse(string name) =>
        Types.FirstOrDefault(t => t.Answers(name))
        ?? throw new CrossbarInputException($"unknown device type '{name}': use one of {string.Join(", ", Canonical)}");
}
