using CircuitSim.Magnetics.Micromagnetics;
using CircuitSim.Output;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// A picture of a texture (drawn by <see cref="TextureChart"/>): m_z as a blue–white–red map with arrows of the
/// in-plane component; cells outside the magnet are grey. Kept apart from the physics and the runner.
/// </summary>
public static class TextureImage
{
    /// <summary>The chart of <paramref name="m"/> (x, y, z per cell) on the magnet's grid.</summary>
    public static TextureChart Chart(Magnet magnet, ReadOnlySpan<double> m, string? title = null) =>
        new(new MapGrid(magnet.Nx, magnet.Ny, magnet.Grid.Dx, magnet.Grid.Dy), m, magnet.Contains) { Title = title };
}
