using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Spintronics.Film;
using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;
using CircuitSim.Testing;

namespace CircuitSim.Spintronics.Tests.Film;

/// <summary>
/// YFILM in circuits: it stamps its conductance matrix (I = G V, Jacobian G), its probes read G, G' = G − G0 and the
/// electrode currents, the texture it trains can be saved and reloaded, and bad input is reported by name.
/// Small grids (16×16, 25 nm cells) keep these runs short; the physics itself is tested in CircuitSim.Magnetics.Tests.
/// </summary>
public class MagneticFilmDeviceTests(ITestOutputHelper output)
{
    private const string Card = ".model small FILM (lx=400n ly=400n t=1n nx=16 ny=16 ms=6e5 aex=1e-11 ku=3.262e5 dmi=2e-3 alpha=0.3 pol=0.5 rhoperp=2e-7 amr=1.5 relax=0.5n)\n";

    private static string FourTerminal(string instance, string analysis = ".tran 0.1n 0.5n") =>
        "film test\n" + Card +
        "V1 a 0 DC 0.05\nV2 b 0 DC -0.05\nV3 c 0 DC 0.05\nV4 d 0 DC -0.05\n" +
        $"YFILM f1 a b c d small {instance}\n{analysis}\n.end\n";

    [Fact]
    public void SaturatedTwoTerminalFilm_InSeriesWithAResistor_IsTheResistorSigmaTWOverL()
    {
        // state=up: m ∥ z everywhere, Σ = σ⊥ I, and full-width end contacts: R_film = ρ⊥ L/(W t) = 200 Ω for a square
        const string text = "film divider\n" + Card + "V1 in 0 DC 1\nR1 in a 300\nYFILM f1 a 0 small state=up\n.op\n.end\n";
        var w = NetlistSimulation.Run(text, "v(a)", "@f1[g]", "@f1[gp12]");
        Assert.Equal(1.0 * 200 / 500, w["v(a)"][0], 9);
        Assert.Equal(1 / 200.0, w["@f1[g]"][0], 12);
        Assert.Equal(0.0, w["@f1[gp12]"][0], 15); // the saturated film is G0 itself
    }

    [Fact]
    public void DrivenFourTerminalFilm_SourcesCarryExactlyGTimesV()
    {
        var vectors = new[] { "i(v1)", "i(v2)", "i(v3)", "i(v4)", "@f1[i1]", "@f1[i2]", "@f1[i3]", "@f1[i4]" }
            .Concat(Enumerable.Range(1, 4).SelectMany(i => Enumerable.Range(1, 4).Select(j => $"@f1[g{i}{j}]"))).ToArray();
        var w = NetlistSimulation.Run(FourTerminal("seed=3"), vectors);
        double[] v = { 0.05, -0.05, 0.05, -0.05 };
        int last = w.Scale.Length - 1;
        double scale = 0, worst = 0, kirchhoff = 0;
        for (int i = 1; i <= 4; i++)
        {
            double gv = 0;
            for (int j = 1; j <= 4; j++) gv += w[$"@f1[g{i}{j}]"][last] * v[j - 1];
            double source = -w[$"i(v{i})"][last]; // a source's current flows from + through it: into the film is −i(v)
            scale = Math.Max(scale, Math.Abs(gv));
            worst = Math.Max(worst, Math.Abs(source - gv));
            Assert.Equal(gv, w[$"@f1[i{i}]"][last], 1e-15);
            kirchhoff += source;
        }
        output.WriteLine($"max |I_source − G V| = {worst:E2} A of {scale:E3} A; Σ I = {kirchhoff:E2} A");
        Assert.True(worst <= 1e-9 * scale);       // Newton's tolerance; the device is linear at fixed m
        Assert.True(Math.Abs(kirchhoff) <= 1e-9 * scale);
    }

    [Fact]
    public void ConductanceProbes_AreSymmetricWithZeroRowSums_AndGPrimeIsGMinusSaturatedG()
    {
        var names = Enumerable.Range(1, 4).SelectMany(i => Enumerable.Range(1, 4).SelectMany(j => new[] { $"@f1[g{i}{j}]", $"@f1[gp{i}{j}]" })).ToArray();
        var w = NetlistSimulation.Run(FourTerminal("seed=5", ".op"), names);
        var up = NetlistSimulation.Run(FourTerminal("state=up", ".op"), names);
        for (int i = 1; i <= 4; i++)
        {
            double row = 0;
            for (int j = 1; j <= 4; j++)
            {
                double g = w[$"@f1[g{i}{j}]"][0];
                row += g;
                Assert.Equal(g, w[$"@f1[g{j}{i}]"][0]); // exactly: the energy form is mirrored
                Assert.Equal(g - up[$"@f1[g{i}{j}]"][0], w[$"@f1[gp{i}{j}]"][0], 15);
            }
            Assert.True(Math.Abs(row) <= 1e-15);
        }
    }

    [Fact]
    public void SavedTexture_ReloadsIntoTheSameConductances()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"film-{Guid.NewGuid():N}");
        string file = Path.Combine(dir, "trained.txt");
        try
        {
            var trained = NetlistSimulation.Run(FourTerminal($"seed=2 save={file}"), "@f1[g12]", "@f1[g13]");
            Assert.True(File.Exists(file));
            var reloaded = NetlistSimulation.Run(FourTerminal($"texture={file}", ".op"), "@f1[g12]", "@f1[g13]");
            Assert.Equal(trained["@f1[g12]"][^1], reloaded["@f1[g12]"][0], 12);
            Assert.Equal(trained["@f1[g13]"][^1], reloaded["@f1[g13]"][0], 12);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Snapshots_AreWrittenAtTheRequestedTimes()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"film-{Guid.NewGuid():N}");
        try
        {
            NetlistSimulation.Run(FourTerminal($"seed=2 snapshots=\"0 0.3n\" snapdir={dir}"), "@f1[mz]");
            var files = Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(f => f).ToArray();
            Assert.Equal(new[] { "f1_t0.png", "f1_t3E-10.png" }, files);
            byte[] png = File.ReadAllBytes(Path.Combine(dir, "f1_t3E-10.png"));
            Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void SameSeed_GivesTheSameWaveformBitForBit()
    {
        var a = NetlistSimulation.Run(FourTerminal("seed=4"), "@f1[g12]", "@f1[mz]");
        var b = NetlistSimulation.Run(FourTerminal("seed=4"), "@f1[g12]", "@f1[mz]");
        Assert.Equal(a["@f1[g12]"], b["@f1[g12]"]);
        Assert.Equal(a["@f1[mz]"], b["@f1[mz]"]);
    }

    private static string ErrorOf(string text)
    {
        var e = Record.Exception(() => NetlistSimulation.Run(text, "@f1[mz]"));
        Assert.NotNull(e);
        return e!.Message;
    }

    [Fact]
    public void ElectrodeOffTheFilm_IsReportedWithTheDeviceName()
    {
        string message = ErrorOf(FourTerminal("electrodes=\"left:0.9:0.4 bottom right top\"", ".op"));
        Assert.Contains("f1", message);
        Assert.Contains("reaches off the film", message);
    }

    [Fact]
    public void LayoutWithTheWrongNumberOfElectrodes_IsReported()
    {
        string message = ErrorOf(FourTerminal("electrodes=ends", ".op"));
        Assert.Contains("has 2 electrodes but the device has 4 terminals", message);
    }

    [Fact]
    public void UnknownInitialState_ListsTheKnownOnes()
    {
        string message = ErrorOf(FourTerminal("state=spiral", ".op"));
        Assert.Contains("state", message);
        Assert.Contains("maze", message);
    }

    [Fact]
    public void MissingTextureFile_IsReportedWithItsPath()
    {
        string message = ErrorOf(FourTerminal("texture=/no/such/film.txt", ".op"));
        Assert.Contains("/no/such/film.txt", message);
    }

    [Fact]
    public void LoadAndAccept_AllocateNothing()
    {
        const string text = "film stepper\n" + Card + "V1 a 0 DC 0.05\nYFILM f1 a 0 small seed=2\n.tran 0.1n 1n\n.end\n";
        var stepper = new DeviceStepper(text, "f1", "a");
        stepper.Step(20e-12, 0.05); // first calls: JIT, lazily sized buffers
        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (int n = 0; n < 5; n++)
            {
                stepper.Trial(stepper.Time + 20e-12, 0.05);
                stepper.Trial(stepper.Time + 20e-12, 0.0501); // a moved voltage: the texture is advanced again
                stepper.Accept();
            }
        }));
    }

    [Fact]
    public void RegisteredAsYFilm_WithTwoToSixtyFourTerminals()
    {
        Assert.True(CircuitSim.Spintronics.SpintronicFamilies.Registry().TryGetDevice("film", out var reg));
        Assert.Equal(2, reg.MinNodes);
        Assert.Equal(64, reg.MaxNodes);
    }
}
