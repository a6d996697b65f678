using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Mtj;

/// <summary>The macrospin MTJ family: the <c>MTJ</c> model type, the <c>YMTJ</c> element and a binary crossbar cell.</summary>
public sealed class MtjFamily : ICrossbarCellFamily
{
    public string Name => "YMTJ";

    public void Register(DeviceRegistry registry) => registry
        .RegisterModel("mtj", n => new MtjModel(n))
        .RegisterDevice(new YDeviceRegistration("mtj", 2, 2, (name, nodes, model) => new MacrospinMtj(name, nodes[0], nodes[1], model)));

    public IEnumerable<CellDeviceType> CrossbarCells(DeviceRegistry devices) => new[] { CellType(devices) };

    /// <summary>The <c>ymtj</c> cross-point (built-in card: <see cref="MtjCell.Pmtj40"/>).</summary>
    public static CellDeviceType CellType(DeviceRegistry devices) =>
        new("ymtj", new[] { "mtj" }, card => card is null ? MtjCell.Pmtj40(devices) : new MtjCell(card));
}
