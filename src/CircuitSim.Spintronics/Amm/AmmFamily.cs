using CircuitSim.Core.Circuits;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics.Amm.Analysis;

namespace CircuitSim.Spintronics.Amm;

/// <summary>
/// The anisotropic-magnetoresistance ring: the <c>AMM</c> model type, the <c>YAMM</c> element, a binary crossbar
/// cell, and with charts asked for, the ring's loop analysis of every transient (<see cref="AmmLoopObserver"/>).
/// </summary>
public sealed class AmmFamily : ICrossbarCellFamily, IRunAnalysisFamily
{
    public string Name => "YAMM";

    public void Register(DeviceRegistry registry) => registry
        .RegisterModel("amm", n => new AmmModel(n))
        .RegisterDevice(new YDeviceRegistration("amm", 2, 2, (name, nodes, model) => new AmmRing(name, nodes[0], nodes[1], model)));

    public IEnumerable<CellDeviceType> CrossbarCells(DeviceRegistry devices) => new[] { CellType(devices) };

    /// <summary>The <c>yamm</c> cross-point (built-in card: <see cref="AmmCell.PermalloyRing"/>).</summary>
    public static CellDeviceType CellType(DeviceRegistry devices) =>
        new("yamm", new[] { "amm" }, card => card is null ? AmmCell.PermalloyRing(devices) : new AmmCell(card));

    public IRunAnalysis? CreateRunAnalysis(Circuit circuit, RunOutput output)
    {
        var rings = new List<string>();
        foreach (var c in circuit.Components)
            if (c is AmmRing r) rings.Add(r.Name);
        return output.Charts && rings.Count > 0 ? new AmmLoopObserver(output, rings) : null;
    }
}
