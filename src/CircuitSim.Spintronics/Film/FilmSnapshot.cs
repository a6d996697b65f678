using CircuitSim.Magnetics.Film;
using CircuitSim.Magnetics;
using CircuitSim.Output;

namespace CircuitSim.Spintronics.Film;

/// <summary>The snapshot chart of a film (<see cref="FilmSnapshotChart"/>) from its grid, electrodes and state.</summary>
public sealed partial record FilmSnapshot
{
    /// <summary>This snapshot's chart, titled with the device and time.</summary>
    public FilmSnapshotChart Chart() => Chart(Grid, Electrodes, M, CurrentDensity, Voltages, Title);

    /// <param name="grid">The film's cells.</param>
    /// <param name="electrodes">The electrodes in their numbering order.</param>
    /// <param name="m">Unit magnetization, x, y, z per cell.</param>
    /// <param name="j">Current density in A/m², x, y per cell.</param>
    /// <param name="voltages">Electrode voltages in V (an electrode past the end is drawn without one).</param>
    /// <param name="title">The chart's title.</param>
    public static FilmSnapshotChart Chart(Grid2D grid, IReadOnlyList<FilmElectrode> electrodes, ReadOnlySpan<double> m,
        ReadOnlySpan<double> j, ReadOnlySpan<double> voltages, string? title = null)
    {
        var contacts = new EdgeContact[electrodes.Count];
        for (int e = 0; e < electrodes.Count; e++)
        {
            var el = electrodes[e];
            var side = el.Side switch
            {
                FilmSide.Left => EdgeSide.Left,
                FilmSide.Bottom => EdgeSide.Bottom,
                FilmSide.Right => EdgeSide.Right,
                _ => EdgeSide.Top,
            };
            contacts[e] = new EdgeContact(side, el.Center, el.Width, e < voltages.Length ? voltages[e] : double.NaN);
        }
        return new FilmSnapshotChart(new MapGrid(grid.Nx, grid.Ny, grid.Dx, grid.Dy), m, j, contacts) { Title = title };
    }
}
