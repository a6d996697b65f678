namespace CircuitSim.Crossbars.Devices;

/// <summary>Makes the cross-point device of a kind, with its built-in card or a given one.</summary>
public static class CellDevices
{
    /// <summary>The device of <paramref name="kind"/>; <paramref name="card"/> replaces the built-in model card.</summary>
    /// <exception cref="CrossbarInputException">The card is not of the device's model type, or a resistor is given one.</exception>
    public static CellDevice Create(CellDeviceKind kind, ModelCard? card = null) => kind switch
    {
        CellDeviceKind.Resistor => card is null ? new ResistorCell() : throw new CrossbarInputException("a resistor array takes no model card"),
        CellDeviceKind.Memristor => card is null ? MemristorCell.Biolek() : new MemristorCell(card),
        CellDeviceKind.DomainWallMtj => card is null ? DomainWallMtjCell.Lequeux() : new DomainWallMtjCell(card),
        CellDeviceKind.Mtj => card is null ? MtjCell.Pmtj40() : new MtjCell(card),
        CellDeviceKind.Amm => card is null ? AmmCell.PermalloyRing() : new AmmCell(card),
        _ => throw new CrossbarInputException($"unknown device kind {kind}"),
    };
}
