namespace CircuitSim.Magnetics.Micromagnetics.Tests;

public class VortexCoreTests
{
    [Fact]
    public void Locate_FindsAGaussianCoreBetweenCells()
    {
        // m_z = exp(−r²/(2σ²)) about (x0, y0): the parabola through the peak cell and its neighbours is exact to
        // ~5 % of a cell for σ of two cells, so 0.15 nm on 1 nm cells
        var magnet = Magnet.Rectangle(new Grid2D(40, 40, 1e-9, 1e-9, 1e-9), 8e5);
        double x0 = 3.3e-9, y0 = -5.7e-9, sigma = 2e-9;
        var m = new double[3 * magnet.CellCount];
        for (int iy = 0; iy < 40; iy++)
            for (int ix = 0; ix < 40; ix++)
            {
                double x = (ix + 0.5) * 1e-9 - 20e-9 - x0, y = (iy + 0.5) * 1e-9 - 20e-9 - y0;
                double mz = -Math.Exp(-(x * x + y * y) / (2 * sigma * sigma));
                InterleavedVectors.Set(m, ix + 40 * iy, new Vec3(Math.Sqrt(1 - mz * mz), 0, mz));
            }
        var core = VortexCore.Locate(magnet, m);
        Assert.Equal(-1, core.Polarity);
        Assert.Equal(x0, core.X, 0.15e-9);
        Assert.Equal(y0, core.Y, 0.15e-9);
    }
}
