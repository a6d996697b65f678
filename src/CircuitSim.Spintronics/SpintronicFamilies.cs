using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics.Amm;
using CircuitSim.Spintronics.DomainWall;
using CircuitSim.Spintronics.Film;
using CircuitSim.Spintronics.Memristors;
using CircuitSim.Spintronics.Mtj;

namespace CircuitSim.Spintronics;

/// <summary>
/// Every device family of this project, in the order help texts list them: adding a family is its folder plus one
/// line here (docs/design.md §6). An explicit list, not a scan, so native AOT keeps them all.
/// </summary>
public static class SpintronicFamilies
{
    public static IReadOnlyList<IDeviceFamily> All { get; } = new IDeviceFamily[]
    {
        new MemristorFamily(),
        new DomainWallMtjFamily(),
        new MtjFamily(),
        new AmmFamily(),
        new FilmFamily(),
    };

    /// <summary>The standard SPICE set plus every family here: what the CLI's netlists read.</summary>
    public static DeviceRegistry Registry() => DeviceRegistry.With(All);
}
