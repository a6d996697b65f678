using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests;

public class FieldTermTests
{
    private const double Ms = 8e5;   // A/m
    private const double A = 1.3e-11; // J/m
    private const double D = 3e-3;    // J/m²

    private static readonly Grid2D Grid = new(5, 4, 2e-9, 3e-9, 1e-9);
    private static readonly Chain1D OpenChain = new(7, 2e-9, 4e-18, periodic: false);
    private static readonly Chain1D Ring = Chain1D.Ring(9, 55e-9, 10e-9, 10e-9);

    /// <summary>Each case: the term, its cell count and cell volume (m³).</summary>
    private static (IFieldTerm term, int cells, double volume) Build(string name)
    {
        const double v = 2e-25;
        switch (name)
        {
            case "Zeeman": return (new ZeemanField(3, Ms, v, new Vec3(1e4, -2e4, 3e4)), 3, v);
            case "Uniaxial": return (new UniaxialAnisotropyField(3, Ms, v, new Vec3(1, 2, 2), 5e5), 3, v);
            case "ShapeRing": return (new LocalShapeAnisotropyField(LocalFrames.Ring(9), 0, 0.5, 0.5, Ms, Ring.CellVolume), 9, Ring.CellVolume);
            case "ExchangeOpenChain": return (new ChainExchangeField(OpenChain, A, Ms), 7, OpenChain.CellVolume);
            case "ExchangeRing": return (new ChainExchangeField(Ring, A, Ms), 9, Ring.CellVolume);
            case "ExchangeGrid": return (new GridExchangeField(Grid, A, Ms), Grid.CellCount, Grid.CellVolume);
            case "BulkDmiGrid": return (new GridBulkDmiField(Grid, D, Ms), Grid.CellCount, Grid.CellVolume);
            case "FieldLike":
                var drive = new SpinTransferDrive(new Vec3(0.3, 0, 1), 0.6, Ms, 1.5e-9) { CurrentDensity = 2e11 };
                return (new FieldLikeTorqueField(drive, 0.25, 3, v), 3, v);
            default: throw new ArgumentException(name);
        }
    }

    public static TheoryData<string> Terms => new()
    {
        "Zeeman", "Uniaxial", "ShapeRing", "ExchangeOpenChain", "ExchangeRing", "ExchangeGrid", "BulkDmiGrid", "FieldLike",
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void Field_IsMinusEnergyGradientOverMu0MsV(string name)
    {
        var (term, cells, volume) = Build(name);
        double[] m = Physics.RandomUnitVectors(cells, 11);
        double[] h = new double[3 * cells];
        term.AddField(0, m, h);

        double hMax = 0;
        foreach (double x in h) hMax = Math.Max(hMax, Math.Abs(x));
        // Every energy here is at most quadratic in m, so the central difference is exact up to round-off,
        // ≈ 1e-16·|E|/ε; with ε = 1e-3 that is far below 1e-8 of the largest field component.
        const double eps = 1e-3;
        for (int k = 0; k < m.Length; k++)
        {
            double keep = m[k];
            m[k] = keep + eps;
            double ePlus = term.Energy(m);
            m[k] = keep - eps;
            double eMinus = term.Energy(m);
            m[k] = keep;
            double hFromEnergy = -(ePlus - eMinus) / (2 * eps) / (PhysicalConstants.Mu0 * Ms * volume);
            Assert.True(Math.Abs(hFromEnergy - h[k]) <= 1e-8 * hMax, $"{name} component {k}: H = {h[k]}, −∂E/∂m/(μ0MsV) = {hFromEnergy}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChainExchange_UniformState_GivesZeroFieldAndEnergy(bool periodic)
    {
        var chain = new Chain1D(6, 2e-9, 1e-18, periodic);
        var term = new ChainExchangeField(chain, A, Ms);
        double[] m = new double[18];
        InterleavedVectors.Fill(m, new Vec3(0.6, 0, 0.8));
        double[] h = new double[18];
        term.AddField(0, m, h);
        Assert.All(h, x => Assert.Equal(0.0, x)); // identical neighbours: exact zero
        Assert.Equal(0.0, term.Energy(m));
    }

    [Fact]
    public void GridExchange_UniformState_GivesZeroFieldAndEnergy()
    {
        var term = new GridExchangeField(Grid, A, Ms);
        double[] m = new double[3 * Grid.CellCount];
        InterleavedVectors.Fill(m, Physics.Direction(1.0, 2.0));
        double[] h = new double[m.Length];
        term.AddField(0, m, h);
        Assert.All(h, x => Assert.Equal(0.0, x)); // m_j − m_i = 0 exactly on every link, edges included
        Assert.Equal(0.0, term.Energy(m));
    }

    [Fact]
    public void GridBulkDmi_UniformState_HasNoInteriorFieldNoEnergyAndTheNaturalEdgeField()
    {
        var grid = new Grid2D(6, 5, 2e-9, 3e-9, 1e-9);
        var term = new GridBulkDmiField(grid, D, Ms);
        Vec3 mu = Physics.Direction(0.7, 0.4);
        double[] m = new double[3 * grid.CellCount];
        InterleavedVectors.Fill(m, mu);
        double[] h = new double[m.Length];
        term.AddField(0, m, h);
        double scale = D / (PhysicalConstants.Mu0 * Ms * grid.Dx); // A/m
        // Round-off only: the uniform state's curl vanishes identically.
        const double tol = 1e-12;

        for (int iy = 1; iy < grid.Ny - 1; iy++)
            for (int ix = 1; ix < grid.Nx - 1; ix++)
                Assert.True(InterleavedVectors.Get(h, grid.Index(ix, iy)).Norm <= tol * scale);
        Assert.True(Math.Abs(term.Energy(m)) <= tol * D * grid.CellVolume / grid.Dx * grid.CellCount);

        // Right edge (outward normal +x): only the −x link remains, H = (D/(μ0 Ms dx)) x̂ × m — the field that
        // cants the edge as the natural condition ∂m/∂n = (D/2A) n × m requires.
        Vec3 hEdge = InterleavedVectors.Get(h, grid.Index(grid.Nx - 1, 2));
        Vec3 expected = scale * Vec3.UnitX.Cross(mu);
        Assert.True((hEdge - expected).Norm <= tol * scale, $"{hEdge} vs {expected}");
    }

    /// <summary>
    /// A Bloch spiral m = (0, sin kx, cos kx) has continuum DMI energy density D m·∇×m = D k; on the lattice each x
    /// link carries (D V/dx) sin(k dx). This pins the sign convention of the whole term.
    /// </summary>
    [Fact]
    public void GridBulkDmi_BlochSpiralEnergy_IsDSinKdxOverDxPerVolume()
    {
        double k = 2 * Math.PI / (20 * Grid.Dx);
        double[] m = Spiral(k);
        var term = new GridBulkDmiField(Grid, D, Ms);
        int links = (Grid.Nx - 1) * Grid.Ny;
        double expected = links * D * Grid.CellVolume * Math.Sin(k * Grid.Dx) / Grid.Dx;
        Assert.Equal(expected, term.Energy(m), 1e-12 * Math.Abs(expected)); // exact discrete identity, round-off only
        Assert.True(expected > 0); // positive D penalizes this (right-handed) chirality
    }

    [Fact]
    public void GridExchange_SpiralEnergy_Is2A1MinusCosKdxOverDx2PerVolume()
    {
        double k = 2 * Math.PI / (20 * Grid.Dx);
        double[] m = Spiral(k);
        var term = new GridExchangeField(Grid, A, Ms);
        int links = (Grid.Nx - 1) * Grid.Ny;
        double expected = links * A * Grid.CellVolume * 2 * (1 - Math.Cos(k * Grid.Dx)) / (Grid.Dx * Grid.Dx); // → A k² per volume
        Assert.Equal(expected, term.Energy(m), 1e-12 * expected);
    }

    private static double[] Spiral(double k)
    {
        double[] m = new double[3 * Grid.CellCount];
        for (int iy = 0; iy < Grid.Ny; iy++)
            for (int ix = 0; ix < Grid.Nx; ix++)
            {
                double x = (ix + 0.5) * Grid.Dx;
                InterleavedVectors.Set(m, Grid.Index(ix, iy), new Vec3(0, Math.Sin(k * x), Math.Cos(k * x)));
            }
        return m;
    }

    [Fact]
    public void RingShapeAnisotropy_ActsInEachCellsOwnFrame()
    {
        const int n = 8;
        const double nR = 0.5, nZ = 0.5; // w = t
        var frames = LocalFrames.Ring(n);
        var term = new LocalShapeAnisotropyField(frames, 0, nR, nZ, Ms, 1e-24);
        double[] vortex = new double[3 * n], radial = new double[3 * n], h = new double[3 * n];
        for (int i = 0; i < n; i++)
        {
            InterleavedVectors.Set(vortex, i, InterleavedVectors.Get(frames.E1, i)); // m = T
            InterleavedVectors.Set(radial, i, InterleavedVectors.Get(frames.E2, i)); // m = R
        }
        term.AddField(0, vortex, h);
        Assert.All(h, x => Assert.True(Math.Abs(x) < 1e-10 * Ms)); // N_T = 0: the vortex feels nothing (round-off of sin/cos)

        Array.Clear(h);
        term.AddField(0, radial, h);
        for (int i = 0; i < n; i++)
        {
            Vec3 expected = -Ms * nR * InterleavedVectors.Get(frames.E2, i);
            Assert.True((InterleavedVectors.Get(h, i) - expected).Norm < 1e-10 * Ms);
        }
    }

    [Fact]
    public void UniaxialAnisotropy_FromConstant_HasFieldTwoKuOverMu0Ms()
    {
        var term = UniaxialAnisotropyField.FromAnisotropyConstant(1, Ms, 1e-24, Vec3.UnitZ, 4e5);
        Assert.Equal(2 * 4e5 / (PhysicalConstants.Mu0 * Ms), term.AnisotropyField, 1e-9);
        Assert.Equal(4e5, term.AnisotropyConstant, 1e-9);
    }
}
