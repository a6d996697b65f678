using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;
using CircuitSim.Spintronics.Film;

namespace CircuitSim.Spintronics.Tests.Film;

/// <summary>The film's texture file (<c>save=</c>, <c>texture=</c>), kept out of the physics project.</summary>
public sealed class FilmTextureFileTests : IDisposable
{
    private static readonly Grid2D Grid = new(8, 6, 5e-9, 5e-9, 1e-9);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"film-texture-{Guid.NewGuid():N}");

    public FilmTextureFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TextureFile_RoundTripsBitForBit()
    {
        var m = FilmTextures.Random(Grid, 12);
        var path = Path.Combine(_dir, "t.txt");

        FilmTextureFile.Save(path, Grid, m);

        Assert.Equal(m, FilmTextureFile.Load(path, Grid));
    }

    [Fact]
    public void TextureFile_ForAnotherGrid_IsRejectedNamingBothGrids()
    {
        var path = Path.Combine(_dir, "t.txt");
        FilmTextureFile.Save(path, Grid, FilmTextures.Random(Grid, 1));
        var other = new Grid2D(6, 8, 5e-9, 5e-9, 1e-9);

        var e = Assert.Throws<FormatException>(() => FilmTextureFile.Load(path, other));

        Assert.Contains("8×6", e.Message);
        Assert.Contains("6×8", e.Message);
    }

    [Fact]
    public void MissingTextureFile_NamesThePath()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FilmTextureFile.Load("/no/such/texture.txt", Grid));
        Assert.Contains("/no/such/texture.txt", e.Message);
    }

    /// <summary>Sixteen saves of different textures to one path at once (two runs saving the same file): each goes
    /// through its own temporary name, so the file ends whole, equal to one of them, and no temporary file is left.
    /// A fixed <c>path + ".tmp"</c> had the writers share one temporary file.</summary>
    [Fact]
    public void ConcurrentSaves_ToOnePath_LeaveOneWholeTextureAndNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "shared.txt");
        var textures = Enumerable.Range(1, 16).Select(seed => FilmTextures.Random(Grid, (ulong)seed)).ToArray();

        Parallel.ForEach(textures, new ParallelOptions { MaxDegreeOfParallelism = 16 }, m => FilmTextureFile.Save(path, Grid, m));

        var saved = FilmTextureFile.Load(path, Grid);
        Assert.Contains(textures, m => m.SequenceEqual(saved));
        Assert.Equal(new[] { "shared.txt" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }
}
