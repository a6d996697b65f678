namespace CircuitSim.Magnetics;

/// <summary>
/// A one-dimensional chain of equal cells along an arc-length coordinate s: open (free ends) or periodic (a ring).
/// Cell i sits at s_i = (i + ½)·Spacing; its neighbours are i ± 1, wrapping when periodic.
/// </summary>
public sealed class Chain1D
{
    /// <param name="cellCount">Number of cells N (≥ 1).</param>
    /// <param name="spacing">Cell length Δs along the chain in m (for a ring of radius r: 2πr/N).</param>
    /// <param name="crossSectionArea">Cross-section of a cell perpendicular to the chain in m² (width × thickness); sets the cell volume.</param>
    /// <param name="periodic">True for a ring (cell N−1 neighbours cell 0), false for free ends.</param>
    public Chain1D(int cellCount, double spacing, double crossSectionArea, bool periodic)
    {
        if (cellCount < 1) throw new ArgumentOutOfRangeException(nameof(cellCount), "A chain needs at least one cell.");
        if (!(spacing > 0)) throw new ArgumentOutOfRangeException(nameof(spacing), "Spacing must be positive (m).");
        if (!(crossSectionArea > 0)) throw new ArgumentOutOfRangeException(nameof(crossSectionArea), "Cross-section must be positive (m²).");
        CellCount = cellCount;
        Spacing = spacing;
        CrossSectionArea = crossSectionArea;
        IsPeriodic = periodic;
    }

    /// <summary>A periodic chain around a ring of mean radius <paramref name="radius"/> (m), spacing 2πr/N.</summary>
    public static Chain1D Ring(int cellCount, double radius, double width, double thickness)
        => new(cellCount, 2.0 * Math.PI * radius / cellCount, width * thickness, periodic: true);

    /// <summary>Number of cells N.</summary>
    public int CellCount { get; }

    /// <summary>Cell length Δs in m.</summary>
    public double Spacing { get; }

    /// <summary>Cell cross-section in m².</summary>
    public double CrossSectionArea { get; }

    /// <summary>Cell volume Δs × cross-section in m³.</summary>
    public double CellVolume => Spacing * CrossSectionArea;

    /// <summary>True when the chain closes on itself.</summary>
    public bool IsPeriodic { get; }

    /// <summary>Total length N·Δs in m.</summary>
    public double Length => CellCount * Spacing;

    /// <summary>Index of the cell after <paramref name="i"/> (toward +s), or −1 past a free end.</summary>
    public int Next(int i) => i + 1 < CellCount ? i + 1 : (IsPeriodic ? 0 : -1);

    /// <summary>Index of the cell before <paramref name="i"/> (toward −s), or −1 past a free end.</summary>
    public int Previous(int i) => i > 0 ? i - 1 : (IsPeriodic ? CellCount - 1 : -1);

    /// <summary>
    /// Number of nearest-neighbour links: N for a ring (N ≥ 3; a 2-cell ring has two links between the same pair),
    /// N − 1 for an open chain. Link k joins cell k to Next(k).
    /// </summary>
    public int LinkCount => IsPeriodic ? CellCount : CellCount - 1;
}
