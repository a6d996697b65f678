using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Devices;

/// <summary>A device family whose device can sit at a crossbar's cross-points (docs/design.md §6).</summary>
public interface ICrossbarCellFamily : IDeviceFamily
{
    /// <summary>The family's cross-point types. <paramref name="devices"/> reads their built-in model cards (it holds
    /// every composed family's model types, this one's included).</summary>
    IEnumerable<CellDeviceType> CrossbarCells(DeviceRegistry devices);
}
