using System.Globalization;
using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;

namespace CircuitSim.Spintronics.Film;

/// <summary>
/// What a film shows while a run goes on; the device itself writes no files. It reports a snapshot at each time asked
/// for (<c>snapshots=</c>) and its texture at the end of a transient (<c>save=</c>); <see cref="FilmFileWriter"/> writes
/// them, a tool or a test may keep them in memory. Called from the device's commit (<c>OnCommitted</c>), so an
/// observer should be quick; the arrays are the observer's to keep.
/// </summary>
public interface IFilmObserver
{
    void Snapshot(FilmSnapshot snapshot);

    void FinalTexture(FilmTexture texture);
}

/// <summary>A film's state at a snapshot time.</summary>
/// <param name="Device">The film's name.</param>
/// <param name="RequestedTime">The snapshot time asked for, s (the file name's).</param>
/// <param name="Time">The committed time the state belongs to, s (a breakpoint puts it at the requested time in a
/// transient; 0 at an operating point).</param>
/// <param name="Grid">The film's cells.</param>
/// <param name="Electrodes">The electrodes in their numbering order.</param>
/// <param name="M">Unit magnetization, x, y, z per cell.</param>
/// <param name="CurrentDensity">Current density, A/m², x, y per cell.</param>
/// <param name="Voltages">Electrode voltages, V.</param>
public sealed partial record FilmSnapshot(string Device, double RequestedTime, double Time, Grid2D Grid, IReadOnlyList<FilmElectrode> Electrodes,
    double[] M, double[] CurrentDensity, double[] Voltages)
{
    /// <summary>The title a drawing of it carries.</summary>
    public string Title => string.Create(CultureInfo.InvariantCulture, $"{Device} at t = {Time * 1e9:G6} ns");
}

/// <summary>A film's texture at the end of a transient.</summary>
/// <param name="Device">The film's name.</param>
/// <param name="Grid">The film's cells.</param>
/// <param name="M">Unit magnetization, x, y, z per cell.</param>
public sealed record FilmTexture(string Device, Grid2D Grid, double[] M);
