using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>The domain-wall MTJ family: the <c>DWMTJ</c> model type, the <c>YDWMTJ</c> element and a multilevel
/// crossbar cell.</summary>
public sealed class DomainWallMtjFamily : ICrossbarCellFamily
{
    public string Name => "YDWMTJ";

    public void Register(DeviceRegistry registry) => registry
        .RegisterModel("dwmtj", n => new DomainWallMtjModel(n))
        .RegisterDevice(new YDeviceRegistration("dwmtj", 2, 2, (name, nodes, model) => new DomainWallMtj(name, nodes[0], nodes[1], model)));

    public IEnumerable<CellDeviceType> CrossbarCells(DeviceRegistry devices) => new[] { CellType(devices) };

    /// <summary>The <c>ydwmtj</c> cross-point (built-in card: <see cref="DomainWallMtjCell.Lequeux"/>).</summary>
    public static CellDeviceType CellType(DeviceRegistry devices) =>
        new("ydwmtj", new[] { "dwmtj" }, card => card is null ? DomainWallMtjCell.Lequeux(devices) : new DomainWallMtjCell(card));
}
