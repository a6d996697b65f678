using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests;

public class ZhangLiTorqueTests
{
    private const double Ms = 8e5; // A/m

    [Fact]
    public void DriftVelocity_IsPgMuBjOver2eMs_PointingAlongElectronFlow()
    {
        double perJ = SpinTransfer.DriftVelocityPerCurrentDensity(0.56, Ms);
        double magnitude = 0.56 * 2 * 9.2740100783e-24 / (2 * 1.602176634e-19 * Ms);
        Assert.Equal(-magnitude, perJ, 1e-12 * magnitude); // same formula, round-off only
        double divided = SpinTransfer.DriftVelocityPerCurrentDensity(0.56, Ms, 0.1, divideByOnePlusXiSquared: true);
        Assert.Equal(perJ / 1.01, divided, 1e-12 * magnitude);
    }

    [Fact]
    public void GridTorque_WithUniformCurrentAlongX_EqualsChainTorque()
    {
        const int nx = 12, ny = 3;
        const double dx = 2e-9;
        var grid = new Grid2D(nx, ny, dx, 3e-9, 1e-9);
        var chain = new Chain1D(nx, dx, 3e-18, periodic: false);
        double[] line = Physics.RandomUnitVectors(nx, 5);
        double[] film = new double[3 * grid.CellCount];
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++)
                InterleavedVectors.Set(film, grid.Index(ix, iy), InterleavedVectors.Get(line, ix));

        const double j = 3e11;
        var chainTorque = new ChainZhangLiTorque(chain, 0.5, 0.2, Ms) { CurrentDensity = j };
        var gridTorque = new GridZhangLiTorque(grid, 0.5, 0.2, Ms);
        for (int c = 0; c < grid.CellCount; c++) gridTorque.CurrentDensity[2 * c] = j;

        double[] fChain = new double[3 * nx], fGrid = new double[film.Length];
        chainTorque.AddTorque(0, line, fChain);
        gridTorque.AddTorque(0, film, fGrid);
        double scale = 0;
        foreach (double x in fChain) scale = Math.Max(scale, Math.Abs(x));
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++)
                Assert.True((InterleavedVectors.Get(fGrid, grid.Index(ix, iy)) - InterleavedVectors.Get(fChain, ix)).Norm <= 1e-14 * scale);
    }

    [Fact]
    public void ChainTorque_IsPerpendicularToM()
    {
        var ring = Chain1D.Ring(10, 55e-9, 10e-9, 10e-9);
        double[] m = Physics.RandomUnitVectors(10, 3);
        var zl = new ChainZhangLiTorque(ring, 0.56, 0.1, 790e3, divideByOnePlusXiSquared: true) { CurrentDensity = 1e12 };
        double[] f = new double[30];
        zl.AddTorque(0, m, f);
        double fMax = 0;
        foreach (double x in f) fMax = Math.Max(fMax, Math.Abs(x));
        for (int i = 0; i < 10; i++) // the explicit LLG transform needs F ⊥ m; round-off only
            Assert.True(Math.Abs(InterleavedVectors.Get(f, i).Dot(InterleavedVectors.Get(m, i))) <= 1e-14 * fMax);
    }
}
