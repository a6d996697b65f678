using CircuitSim.Core.Simulations;
using CircuitSim.Magnetics.Film;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics.Film;

namespace CircuitSim.Spintronics.Tests.Film;

/// <summary>
/// The film hands its snapshots and final texture to an observer (<see cref="IFilmObserver"/>) from its commit hook;
/// it writes no files itself. <see cref="FilmFileWriter"/> is the observer that writes them.
/// </summary>
public sealed class FilmObserverTests : IDisposable
{
    private const string Netlist = """
        film observed
        .model small FILM (lx=400n ly=400n t=1n nx=16 ny=16 ms=6e5 aex=1e-11 ku=3.262e5 dmi=2e-3 alpha=0.3 pol=0.5 rhoperp=2e-7 amr=1.5 relax=0.5n)
        V1 a 0 DC 0.05
        V2 b 0 DC -0.05
        YFILM f1 a b small seed=2 snapshots="0 0.3n" {0}
        .tran 0.1n 0.5n
        .end
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"film-observer-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private sealed class Recorder : IFilmObserver
    {
        public List<FilmSnapshot> Snapshots { get; } = new();
        public List<FilmTexture> Textures { get; } = new();
        public void Snapshot(FilmSnapshot snapshot) => Snapshots.Add(snapshot);
        public void FinalTexture(FilmTexture texture) => Textures.Add(texture);
    }

    private static (double[] FinalMz, Recorder Recorder) Run(string instance, IFilmObserver? observer = null)
    {
        var netlist = new NetlistReader(SpintronicFamilies.Registry()).ReadText(Netlist.Replace("{0}", instance), "film.cir");
        var recorder = new Recorder();
        ((MagneticFilm)netlist.Circuit["f1"]).Observer = observer ?? recorder;
        var sim = new NetlistRunner(netlist).CreateSimulation(netlist.Circuit, Assert.Single(netlist.Analyses));
        var mz = sim.CreateProbe("@f1[mz]");
        var values = new List<double>();
        foreach (var _ in sim.Run()) values.Add(mz.Value);
        return (values.ToArray(), recorder);
    }

    /// <summary>Snapshots at 0 (the operating point) and 0.3 ns (a breakpoint, so the committed time is the requested
    /// one to round-off), each with the film's grid, its current density and both electrode voltages; the final
    /// texture once, at the end, whose mean m_z is the probe's last value (the same committed state, 1e-15).</summary>
    [Fact]
    public void Observer_ReceivesEachSnapshotAtItsTimeAndTheFinalTextureOnce()
    {
        var (mz, recorder) = Run("");

        Assert.Equal(new[] { 0, 0.3e-9 }, recorder.Snapshots.Select(s => s.RequestedTime));
        Assert.Equal(0.3e-9, recorder.Snapshots[1].Time, 1e-21);
        Assert.All(recorder.Snapshots, s =>
        {
            Assert.Equal(3 * 16 * 16, s.M.Length);
            Assert.Equal(2 * 16 * 16, s.CurrentDensity.Length);
            Assert.Equal(new[] { 0.05, -0.05 }, s.Voltages.Select(v => Math.Round(v, 12)));
            Assert.Contains(s.CurrentDensity, j => j != 0);
        });
        var texture = Assert.Single(recorder.Textures);
        Assert.Equal("f1", texture.Device);
        Assert.Equal(mz[^1], FilmTextures.Mean(texture.M).Z, 1e-15);
    }

    [Fact]
    public void Observer_SetOnTheDevice_MeansNoFilesAreWritten()
    {
        Directory.CreateDirectory(_dir);

        Run($"snapdir={_dir} save={Path.Combine(_dir, "t.txt")}");

        Assert.Empty(Directory.GetFiles(_dir));
    }

    /// <summary>The default observer writes snapdir= and save= through AtomicFile: the PNG snapshot charts and a texture
    /// file that reads back as the final texture bit for bit, and nothing else (no temporary file).</summary>
    [Fact]
    public void FileWriter_WritesSnapshotsAndTheTextureAndNothingElse()
    {
        var recorder = new Recorder();
        var texture = Path.Combine(_dir, "trained.txt");
        var writer = new FilmFileWriter(t => Path.Combine(_dir, $"f1_{t * 1e9:0.0}ns.png"), texture);

        Run("", new Tee(recorder, writer));

        Assert.Equal(new[] { "f1_0.0ns.png", "f1_0.3ns.png", "trained.txt" }, Directory.GetFiles(_dir).Select(Path.GetFileName).Order());
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, File.ReadAllBytes(Path.Combine(_dir, "f1_0.3ns.png"))[..8]); // the PNG signature
        var final = Assert.Single(recorder.Textures);
        Assert.Equal(final.M, FilmTextureFile.Load(texture, final.Grid));
        Assert.Equal(3, writer.FilesWritten.Count);
    }

    [Fact]
    public void FileWriter_ThatCannotWrite_FailsTheRunNamingTheFile()
    {
        Directory.CreateDirectory(_dir);
        var blocker = Path.Combine(_dir, "not-a-directory");
        File.WriteAllText(blocker, "");
        var writer = new FilmFileWriter(t => Path.Combine(blocker, "snap.png"), null);

        var e = Assert.Throws<SimulationException>(() => Run("", writer));

        Assert.Contains("f1: cannot write a snapshot to " + Path.Combine(blocker, "snap.png"), e.Message);
    }

    private sealed class Tee(IFilmObserver a, IFilmObserver b) : IFilmObserver
    {
        public void Snapshot(FilmSnapshot snapshot)
        {
            a.Snapshot(snapshot);
            b.Snapshot(snapshot);
        }

        public void FinalTexture(FilmTexture texture)
        {
            a.FinalTexture(texture);
            b.FinalTexture(texture);
        }
    }
}
