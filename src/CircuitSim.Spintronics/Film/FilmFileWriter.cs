using CircuitSim.Output;

namespace CircuitSim.Spintronics.Film;

/// <summary>
/// Writes what a film reports (<see cref="IFilmObserver"/>) to files: each snapshot as a chart
/// (<see cref="FilmSnapshotChart"/>; PNG, or SVG when the path ends in <c>.svg</c>) and the final texture as a texture file (<see cref="FilmTextureFile"/>), both
/// through <c>AtomicFile</c> (unique temporary names, renamed into place). A file that cannot be written fails the
/// run with a message naming it.
/// </summary>
public sealed class FilmFileWriter : IFilmObserver
{
    private readonly Func<double, string> _snapshotPath;
    private readonly string? _texturePath;

    /// <param name="snapshotPath">The file of the snapshot asked for at a time (s).</param>
    /// <param name="texturePath">The texture file written at the end of a transient, or null for none.</param>
    public FilmFileWriter(Func<double, string> snapshotPath, string? texturePath)
    {
        _snapshotPath = snapshotPath;
        _texturePath = texturePath;
    }

    /// <summary>The files written so far, in order.</summary>
    public List<string> FilesWritten { get; } = new();

    public void Snapshot(FilmSnapshot s)
    {
        var path = _snapshotPath(s.RequestedTime);
        Write(s.Device, path, "a snapshot", () =>
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } dir) Directory.CreateDirectory(dir); // snapdir= may not exist yet
            s.Chart().SaveAs(path);
        });
    }

    public void FinalTexture(FilmTexture t)
    {
        if (_texturePath is not { } path) return;
        Write(t.Device, path, "the texture (save=)", () => FilmTextureFile.Save(path, t.Grid, t.M));
    }

    private void Write(string device, string path, string what, Action write)
    {
        try
        {
            write();
            FilesWritten.Add(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Core.Simulations.SimulationException($"{device}: cannot write {what} to {path}: {e.Message}");
        }
    }
}
