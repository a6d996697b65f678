namespace CircuitSim.Crossbars;

/// <summary>The two-terminal element at each cross-point.</summary>
public enum CellDeviceKind
{
    /// <summary>A linear resistor (R element).</summary>
    Resistor,
    /// <summary>A reference memristor, <c>YMEMRISTOR</c> (HP drift with Biolek's window by default).</summary>
    Memristor,
    /// <summary>A domain-wall MTJ, <c>YDWMTJ</c> (multilevel: the wall position sets the conductance).</summary>
    DomainWallMtj,
    /// <summary>A macrospin perpendicular MTJ, <c>YMTJ</c> (binary: P or AP).</summary>
    Mtj,
    /// <summary>An anisotropic-magnetoresistance ring, <c>YAMM</c> (binary: two ring textures).</summary>
    Amm,
}

/// <summary>The device names accepted on the command line and in the API.</summary>
public static class CellDeviceNames
{
    private static readonly (string Name, CellDeviceKind Kind)[] Names =
    {
        ("resistor", CellDeviceKind.Resistor), ("r", CellDeviceKind.Resistor),
        ("ymemristor", CellDeviceKind.Memristor), ("memristor", CellDeviceKind.Memristor),
        ("ydwmtj", CellDeviceKind.DomainWallMtj), ("dwmtj", CellDeviceKind.DomainWallMtj),
        ("ymtj", CellDeviceKind.Mtj), ("mtj", CellDeviceKind.Mtj),
        ("yamm", CellDeviceKind.Amm), ("amm", CellDeviceKind.Amm),
    };

    /// <summary>The canonical names, as the help text lists them.</summary>
    public static IReadOnlyList<string> Canonical { get; } = new[] { "resistor", "ymemristor", "ydwmtj", "ymtj", "yamm" };

    /// <exception cref="CrossbarInputException">The name is not a known device type.</exception>
    public static CellDeviceKind Parse(string name)
    {
        foreach (var (n, k) in Names)
            if (string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)) return k;
        throw new CrossbarInputException($"unknown device type '{name}': use one of {string.Join(", ", Canonical)}");
    }
}

/// <summary>How a cross-point is built.</summary>
public enum CellStructure
{
    /// <summary>The device alone between the row and the column wire (passive array).</summary>
    OneR,
    /// <summary>The device in series with a MOS1 NMOS access transistor whose gate is the row's word line.</summary>
    OneTransistorOneR,
}
