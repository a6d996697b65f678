using CircuitSim.Magnetics.Tests;

namespace CircuitSim.Magnetics.Micromagnetics.Tests;

public class DemagTests
{
    [Fact]
    public void AharoniFactors_SumToOneAndGiveOneThirdForACube()
    {
        // the reference itself: the trace rule and the cube are exact, so only rounding is allowed
        Assert.Equal(1.0 / 3, AharoniPrism.Dz(2, 2, 2), 14);
        double sum = AharoniPrism.Dx(500, 125, 3) + AharoniPrism.Dy(500, 125, 3) + AharoniPrism.Dz(500, 125, 3);
        Assert.Equal(1.0, sum, 12);
    }

    [Theory]
    [InlineData(3.90625e-9, 3.90625e-9, 3e-9)]
    [InlineData(500e-9, 125e-9, 3e-9)]
    [InlineData(3.125e-9, 3.125e-9, 10e-9)]
    public void KernelSelfTerm_IsTheCellsAharoniTensor(double dx, double dy, double t)
    {
        // Newell's closed form and Aharoni's are independent derivations of the same integral: agree to rounding
        var kernel = DemagKernel.For(new Grid2D(3, 2, dx, dy, t));
        DemagTensor self = kernel.Tensor(0, 0);
        Assert.Equal(AharoniPrism.Dx(dx, dy, t), self.Xx, 11);
        Assert.Equal(AharoniPrism.Dy(dx, dy, t), self.Yy, 11);
        Assert.Equal(AharoniPrism.Dz(dx, dy, t), self.Zz, 11);
        Assert.Equal(0.0, self.Xy);
    }

    [Fact]
    public void UniformFilm_AverageFieldIsMinusMsTimesThePrismsAharoniFactors()
    {
        // The mean over the cells of Σ_j N_ij is the whole prism's demagnetizing tensor exactly; what is left is the
        // far-field quadrature (≤ 1e-8 of each far tensor) and FFT rounding: 1e-11 measured (docs/micromagnetics.md).
        var film = StandardProblem4.Film(64, 16);
        var demag = new DemagField(film);
        var h = new double[3 * film.CellCount];
        foreach (var (dir, expected) in new[]
                 {
                     (Vec3.UnitX, AharoniPrism.Dx(500, 125, 3)),
                     (Vec3.UnitY, AharoniPrism.Dy(500, 125, 3)),
                     (Vec3.UnitZ, AharoniPrism.Dz(500, 125, 3)),
                 })
        {
            demag.ComputeField(Textures.Uniform(film, dir), h);
            Vec3 mean = MicromagneticSimulation.Average(film, h) / -StandardProblem4.SaturationMagnetization;
            Assert.True(Math.Abs((mean - expected * dir).Norm) < 1e-10, $"mean field {mean}, Aharoni {expected}");
        }
    }

    [Fact]
    public void FftConvolution_EqualsTheDirectSumOnAMaskedGridWithVaryingMs()
    {
        // non-power-of-two sizes, a disk mask and per-cell Ms: the FFT must reproduce H_i = −Σ_j N(i−j) Ms_j m_j to rounding
        var grid = new Grid2D(13, 7, 4e-9, 5e-9, 2e-9);
        var disk = Magnet.Disk(grid, 1.0);
        var ms = new double[grid.CellCount];
        for (int c = 0; c < ms.Length; c++) ms[c] = disk.Contains(c) ? 6e5 + 1e4 * (c % 5) : 0;
        ms[3] = 7e5; // a cell outside the disk but inside the grid
        var magnet = new Magnet(grid, ms);
        var m = Physics.RandomUnitVectors(grid.CellCount, 7);
        var demag = new DemagField(magnet);
        var h = new double[m.Length];
        demag.ComputeField(m, h);
        double worst = 0;
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
            {
                int i = grid.Index(ix, iy);
                if (!magnet.Contains(i)) { Assert.Equal(0.0, h[3 * i]); continue; }
                Vec3 sum = Vec3.Zero;
                for (int jy = 0; jy < grid.Ny; jy++)
                    for (int jx = 0; jx < grid.Nx; jx++)
                    {
                        int j = grid.Index(jx, jy);
                        if (!magnet.Contains(j)) continue;
                        sum -= magnet.Ms(j) * demag.Kernel.Tensor(ix - jx, iy - jy).Apply(InterleavedVectors.Get(m, j));
                    }
                worst = Math.Max(worst, (sum - InterleavedVectors.Get(h, i)).Norm);
            }
        Assert.True(worst < 1e-13 * 7e5, $"largest difference {worst} A/m"); // 2.6e-16 Ms measured: rounding only
    }

    [Fact]
    public void Kernel_IsBuiltOncePerGeometry()
    {
        var a = DemagKernel.For(new Grid2D(9, 5, 2e-9, 2e-9, 1e-9));
        var b = DemagKernel.For(new Grid2D(9, 5, 2e-9, 2e-9, 1e-9));
        var c = DemagKernel.For(new Grid2D(9, 5, 2e-9, 2e-9, 2e-9));
        Assert.Same(a, b);
        Assert.NotSame(a, c);
    }

    [Fact]
    public void Kernel_PadsEachSideToAPowerOfTwoOfAtLeastTwiceTheCellsLessOne()
    {
        var k = DemagKernel.For(new Grid2D(100, 25, 5e-9, 5e-9, 3e-9));
        Assert.Equal((256, 64), (k.Px, k.Py));
        var single = DemagKernel.For(new Grid2D(1, 1, 5e-9, 5e-9, 3e-9));
        Assert.Equal((1, 1), (single.Px, single.Py));
    }

    [Fact]
    public void NearAndFarFieldFormulas_AgreeWhereTheKernelSwitches()
    {
        // at the switch the exact Newell sum and the dipole quadrature must agree to ~1e-8 of the tensor's size
        double dx = 3.90625e-9, dy = 3.90625e-9, t = 3e-9;
        double r = DemagKernel.NearFieldDistance * dx;
        double x = 0.8 * r, y = 0.6 * r;
        DemagTensor exact = NewellTensor.Between(new Vec3(x, y, 0), dx, dy, t);
        DemagTensor quadrature = DemagKernel.CellAveragedDipole(x, y, dx, dy, t);
        double scale = Math.Abs(exact.Xx) + Math.Abs(exact.Yy) + Math.Abs(exact.Zz);
        Assert.True(Math.Abs(exact.Xx - quadrature.Xx) < 5e-8 * scale);
        Assert.True(Math.Abs(exact.Yy - quadrature.Yy) < 5e-8 * scale);
        Assert.True(Math.Abs(exact.Zz - quadrature.Zz) < 5e-8 * scale);
        Assert.True(Math.Abs(exact.Xy - quadrature.Xy) < 5e-8 * scale);
    }
}
