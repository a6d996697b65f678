using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Memristors;

/// <summary>The reference memristors: the <c>MEMRISTOR</c> model type, the <c>YMEMRISTOR</c> element and a multilevel
/// crossbar cell.</summary>
public sealed class MemristorFamily : ICrossbarCellFamily
{
    public string Name => "YMEMRISTOR";

    public void Register(DeviceRegistry registry) => registry
        .RegisterModel("memristor", n => new MemristorModel(n))
        .RegisterDevice(new YDeviceRegistration("memristor", 2, 2, (name, nodes, model) => new Memristor(name, nodes[0], nodes[1], model)));

    public IEnumerable<CellDeviceType> CrossbarCells(DeviceRegistry devices) => new[] { CellType(devices) };

    /// <summary>The <c>ymemristor</c> cross-point (built-in card: <see cref="MemristorCell.Biolek"/>).</summary>
    public static CellDeviceType CellType(DeviceRegistry devices) =>
        new("ymemristor", new[] { "memristor" }, card => card is null ? MemristorCell.Biolek(devices) : new MemristorCell(card));
}
