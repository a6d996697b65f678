using CircuitSim.Magnetics.Tests;

namespace CircuitSim.Magnetics.Micromagnetics.Tests;

public class FieldTermTests
{
    private const double Mu0 = PhysicalConstants.Mu0;

    /// <summary>A 9 × 6 grid with a notch cut out and Ms varying from cell to cell: edges of both kinds, no uniformity to hide behind.</summary>
    private static Magnet NotchedMagnet()
    {
        var grid = new Grid2D(9, 6, 3e-9, 4e-9, 2e-9);
        var ms = new double[grid.CellCount];
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
                ms[grid.Index(ix, iy)] = ix >= 3 && ix <= 5 && iy >= 4 ? 0 : 7e5 + 2e4 * ((ix + 2 * iy) % 4);
        return new Magnet(grid, ms);
    }

    public static TheoryData<string> Terms => new() { "exchange", "anisotropy", "bulk DMI", "interfacial DMI", "Zeeman", "demag" };

    private static FieldTerm Make(string name, Magnet magnet) => name switch
    {
        "exchange" => new ExchangeField(magnet, 1.3e-11),
        "anisotropy" => new UniaxialAnisotropyField(magnet, 4e5, new Vec3(0.3, -0.2, 1)),
        "bulk DMI" => new BulkDmiField(magnet, 2e-3),
        "interfacial DMI" => new InterfacialDmiField(magnet, -1.5e-3),
        "Zeeman" => new ZeemanField(magnet, new Vec3(1e4, -2e4, 3e4)),
        _ => new DemagField(magnet),
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void Field_IsMinusTheEnergyGradientPerMoment(string name)
    {
        // H_i = −(1/(μ0 Ms_i V)) ∂E/∂m_i: checked by central differences of the energy, step 1e-6, on every component
        var magnet = NotchedMagnet();
        using var sys = new MicromagneticSystem(magnet, 0.1, threads: 1);
        var term = Make(name, magnet);
        var m = Physics.RandomUnitVectors(magnet.CellCount, 11);
        sys.Project(m);
        var h = new double[m.Length];
        if (term is DemagField d) d.ComputeField(m, h);
        else term.AddField(0, m, h, 0, magnet.Ny);
        double v = magnet.Grid.CellVolume, step = 1e-6, worst = 0, scale = 0;
        foreach (double x in h) scale = Math.Max(scale, Math.Abs(x));
        for (int c = 0; c < magnet.CellCount; c += 5)
        {
            if (!magnet.Contains(c)) continue;
            for (int a = 0; a < 3; a++)
            {
                int k = 3 * c + a;
                double keep = m[k];
                m[k] = keep + step;
                double ep = sys.Energy(term, 0, m);
                m[k] = keep - step;
                double em = sys.Energy(term, 0, m);
                m[k] = keep;
                double numeric = -(ep - em) / (2 * step) / (Mu0 * magnet.Ms(c) * v);
                worst = Math.Max(worst, Math.Abs(numeric - h[k]));
            }
        }
        Assert.True(worst < 1e-6 * scale, $"{name}: largest mismatch {worst} A/m of {scale} A/m");
    }

    [Fact]
    public void Exchange_UniformStateHasNoFieldEvenAtMaskEdges()
    {
        var magnet = NotchedMagnet();
        var m = Textures.Uniform(magnet, new Vec3(1, 2, 3));
        var h = new double[m.Length];
        new ExchangeField(magnet, 1.3e-11).AddField(0, m, h, 0, magnet.Ny);
        Assert.All(h, x => Assert.Equal(0.0, x, 6));
    }

    [Fact]
    public void Exchange_SpiralFieldIsTheDiscreteLaplacian()
    {
        // m = (cos kx, sin kx, 0): inside, H = (2A/(μ0 Ms)) · 2(cos k dx − 1)/dx² · m exactly
        var grid = new Grid2D(20, 1, 2e-9, 2e-9, 1e-9);
        var magnet = Magnet.Rectangle(grid, 8e5);
        double k = 2 * Math.PI / 15e-9, a = 1.3e-11;
        var m = new double[3 * grid.CellCount];
        for (int i = 0; i < grid.Nx; i++) InterleavedVectors.Set(m, i, new Vec3(Math.Cos(k * i * 2e-9), Math.Sin(k * i * 2e-9), 0));
        var h = new double[m.Length];
        new ExchangeField(magnet, a).AddField(0, m, h, 0, 1);
        double factor = 2 * a / (Mu0 * 8e5) * 2 * (Math.Cos(k * 2e-9) - 1) / (4e-18);
        for (int i = 1; i < grid.Nx - 1; i++)
        {
            Assert.Equal(factor * m[3 * i], h[3 * i], 6);
            Assert.Equal(factor * m[3 * i + 1], h[3 * i + 1], 6);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dmi_SpiralEnergyDensityIsDTimesSinKdxOverDx(bool bulk)
    {
        // a Bloch spiral (bulk) or Néel spiral (interfacial) along x: energy density D sin(k dx)/dx on every link
        double d = 3e-3, dx = 1e-9, k = 2 * Math.PI / 20e-9;
        var grid = new Grid2D(40, 3, dx, 1e-9, 1e-9);
        var magnet = Magnet.Rectangle(grid, 1e6);
        var m = new double[3 * grid.CellCount];
        for (int iy = 0; iy < 3; iy++)
            for (int ix = 0; ix < 40; ix++)
            {
                double th = k * ix * dx;
                InterleavedVectors.Set(m, grid.Index(ix, iy), bulk ? new Vec3(0, Math.Sin(th), Math.Cos(th)) : new Vec3(Math.Sin(th), 0, Math.Cos(th)));
            }
        using var sys = new MicromagneticSystem(magnet, 0.1, threads: 1);
        FieldTerm term = bulk ? new BulkDmiField(magnet, d) : new InterfacialDmiField(magnet, d);
        double e = sys.Energy(term, 0, m);
        double links = 39 * 3;
        Assert.Equal(d * Math.Sin(k * dx) / dx, e / (links * grid.CellVolume), 3);
    }

    [Fact]
    public void Anisotropy_FieldIsTwoKuOverMu0MsAlongTheAxisProjection()
    {
        var magnet = Magnet.Rectangle(new Grid2D(2, 1, 1e-9, 1e-9, 1e-9), 5e5);
        var m = new double[] { 0.6, 0, 0.8, 0, 1, 0 };
        var h = new double[6];
        new UniaxialAnisotropyField(magnet, 3e5, Vec3.UnitZ).AddField(0, m, h, 0, 1);
        Assert.Equal(2 * 3e5 / (Mu0 * 5e5) * 0.8, h[2], 6);
        Assert.Equal(0.0, h[0]);
        Assert.Equal(0.0, h[5]);
    }

    [Fact]
    public void Zeeman_FollowsItsTimeDependenceAndSkipsCellsOutside()
    {
        var grid = new Grid2D(2, 1, 1e-9, 1e-9, 1e-9);
        var magnet = new Magnet(grid, new[] { 8e5, 0 });
        var z = new ZeemanField(magnet, Vec3.Zero) { TimeDependence = t => new Vec3(0, 0, 1e3 * Math.Sin(2 * Math.PI * 1e9 * t)) };
        var h = new double[6];
        z.AddField(0.25e-9, new double[6], h, 0, 1);
        Assert.Equal(1e3, h[2], 9);
        Assert.Equal(0.0, h[5]);
    }
}
