using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems.Tests;

public class ProblemReaderTests
{
    private const string Sp4Like = """
        mesh:
          cells: [32, 8]
          size: [500 nm, 125 nm]
          thickness: 3 nm
        material:
          Ms: 8e5
          A: 1.3e-11
          alpha: 0.02
          gamma0: 2.211e5
        field:
          B: [-24.6, 4.3, 0]
        initial:
          uniform: [1, 0.1, 0]
        stages:
          - relax: {torque: 5, field: [0, 0, 0]}
          - run: {time: 20 ps, sample: 5 ps, integrator: rk4, step: 0.1 ps}
        outputs:
          table: m.csv
          images: [10 ps]
          ovf: 20 ps
        """;

    [Fact]
    public void Read_TakesUnitsAndDefaults()
    {
        var p = ProblemReader.Read(Sp4Like, "sp4.yaml");
        Assert.Equal((32, 8), (p.Grid.Nx, p.Grid.Ny));
        Assert.Equal(500e-9 / 32, p.Grid.Dx, 1e-22);
        Assert.Equal(3e-9, p.Grid.Thickness, 1e-24);
        Assert.Equal(-24.6e-3, p.Field.X, 12);
        Assert.Equal(2, p.Stages.Count);
        Assert.Equal(Vec3.Zero, p.Stages[0].Field);
        Assert.Equal(5, p.Stages[0].TorqueTolerance);
        Assert.Equal(20e-12, p.Stages[1].Duration, 1e-27);
        Assert.Equal(MicromagneticIntegrator.RungeKutta4, p.Stages[1].Integrator);
        Assert.Equal([10e-12], p.Outputs.ImageTimes);
        Assert.True(p.Demag);
    }

    [Theory]
    [InlineData("mesh:\n  cells: [32, 8]\n  cell: [1 nm, 1 nm]\n  thickness: 1 nm\nmaterial:\n  Ms: 8e5\n  A: 1e-11\n  alpah: 0.1\nstages:\n  - relax:\n", 8, 3, "unknown key 'alpah' in material")]
    [InlineData("mesh:\n  cells: [32, 8]\n  cell: [1 nm, 1 nm]\n  thickness: 1 nm\nmaterial:\n  Ms: lots\n  A: 1e-11\nstages:\n  - relax:\n", 6, 7, "material.Ms: expected a number in A/m")]
    [InlineData("mesh:\n  cells: [32, 8]\n  thickness: 1 nm\nmaterial:\n  Ms: 8e5\n  A: 1e-11\nstages:\n  - relax:\n", 2, 3, "mesh needs 'cell: [dx, dy]' or 'size: [Lx, Ly]'")]
    [InlineData("mesh:\n  cells: [32, 8]\n  cell: [1 nm, 1 nm]\n  thickness: 1 nm\nmaterial:\n  Ms: 8e5\n  A: 1e-11\nstages:\n  - run: {time: -1 ns}\n", 9, 17, "run.time must be positive")]
    [InlineData("mesh: [1, 2\n", 2, 1, "not valid YAML")]
    public void Read_NamesFileLineColumnAndWhatWasExpected(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<ProblemException>(() => ProblemReader.Read(text, "bad.yaml"));
        Assert.StartsWith($"bad.yaml:{line}:{column}: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Quantity_ReadsPrefixesAndBareNumbers()
    {
        Assert.Equal(5e-9, Quantity.Parse("5", "m", 1e-9, "x"), 1e-24);
        Assert.Equal(2.5e-9, Quantity.Parse("2.5nm", "m", 1, "x"), 1e-24);
        Assert.Equal(1e-12, Quantity.Parse("1 ps", "s", 1, "x"), 1e-27);
        Assert.Equal(-24.6e-3, Quantity.Parse("-24.6 mT", "T", 1, "x"), 15);
        Assert.Equal(1e12, Quantity.Parse("1e12 A/m2", "A/m2", 1, "x"));
        Assert.Throws<ProblemException>(() => Quantity.Parse("3 furlongs", "m", 1, "x"));
    }

    [Fact]
    public void PgmMask_ReadsTextAndBinaryImagesWithYUp()
    {
        using var dir = new TempFolder();
        // 3 × 2 image: top row is the grid's last row
        var text = dir.Write("m.pgm", "P2\n# a mask\n3 2\n255\n255 0 0\n0 0 255\n");
        Assert.Equal(new[] { false, false, true, true, false, false }, PgmMask.Read(text, 3, 2, 0.5));
        var binary = dir.File_("b.pgm");
        File.WriteAllBytes(binary, [.. "P5 3 2 255\n"u8.ToArray(), 255, 0, 0, 0, 0, 255]);
        Assert.Equal(PgmMask.Read(text, 3, 2, 0.5), PgmMask.Read(binary, 3, 2, 0.5));
        var e = Assert.Throws<ProblemException>(() => PgmMask.Read(text, 4, 2, 0.5));
        Assert.Contains("3×2 pixels but the mesh has 4×2 cells", e.Message);
    }

    [Fact]
    public void Ovf_WritesAHeaderOommfReadsAndValuesThatRoundTrip()
    {
        var magnet = Magnet.Disk(new Grid2D(5, 4, 2e-9, 3e-9, 1e-9), 8e5);
        var m = Textures.Vortex(magnet, 1, -1, 2e-9);
        string text = OvfWriter.Text(magnet, m, 1e-9, "vortex");
        Assert.StartsWith("# OOMMF OVF 2.0\n", text);
        Assert.Contains("# xnodes: 5\n# ynodes: 4\n# znodes: 1\n", text);
        Assert.Contains("# valuedim: 3\n", text);
        Assert.Equal(m, OvfWriter.ReadValues(text));
    }

    [Fact]
    public void TextureImage_MapsTheGridsCellsWithTheMagnetsAspect()
    {
        var magnet = Magnet.Rectangle(new Grid2D(16, 4, 2e-9, 2e-9, 1e-9), 8e5);
        using var plot = TextureImage.Chart(magnet, Textures.Uniform(magnet, new Vec3(1, 0, 1))).Build();
        var map = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.Equal((4, 16), (map.Intensities.GetLength(0), map.Intensities.GetLength(1)));
        var r = map.GetAxisLimits();
        Assert.Equal(4.0, r.HorizontalSpan / r.VerticalSpan, 9); // 32 nm × 8 nm
    }

    [Fact]
    public void Runner_WritesTableImagesAndOvfAtTheChosenTimes()
    {
        using var dir = new TempFolder();
        var problem = ProblemReader.Read(Sp4Like, "sp4.yaml");
        var summary = new ProblemRunner(problem, dir.Path) { Threads = 1 }.Run();
        var rows = File.ReadAllLines(dir.File_("m.csv"));
        Assert.Equal("t_s,mx,my,mz", rows[0]);
        Assert.Equal(1 + 5, rows.Length); // t = 0, 5, 10, 15, 20 ps
        Assert.True(File.Exists(dir.File_("m_0.01ns.png")));
        Assert.True(File.Exists(dir.File_("m_0.02ns.ovf")));
        Assert.True(File.Exists(dir.File_("m_final.ovf")));
        Assert.Equal(20e-12, summary.Time, 1e-27);
        Assert.Single(summary.Relaxations);
        Assert.True(summary.Relaxations[0].MaxTorque < 5);
    }

    [Fact]
    public void AzimuthalCurrent_RunsAroundTheRing()
    {
        var magnet = Magnet.Annulus(new Grid2D(20, 20, 5e-9, 5e-9, 5e-9), 8e5, 25e-9);
        var j = new double[2 * magnet.CellCount];
        ProblemSetup.FillCurrent(magnet, new CurrentSettings { Jx = 1e11, Pattern = CurrentPattern.Azimuthal }, j);
        int cell = magnet.Grid.Index(19, 10); // on the +x side: current along +y
        Assert.True(magnet.Contains(cell));
        Assert.Equal(1e11, Math.Sqrt(j[2 * cell] * j[2 * cell] + j[2 * cell + 1] * j[2 * cell + 1]), 3);
        Assert.True(j[2 * cell + 1] > 0.99e11);
        Assert.Equal(0.0, j[2 * magnet.Grid.Index(10, 10)]); // the hole carries none
    }
}
