namespace CircuitSim.Magnetics.Micromagnetics.Gpu.Tests;

/// <summary>
/// The ILGPU right-hand side, run on ILGPU's CPU accelerator (no GPU needed), against the managed one: the same
/// arithmetic per element, so they agree to rounding; 1e-12 of the largest |ṁ| is the bar.
/// </summary>
public class GpuAgreementTests
{
    private static double[] RandomUnitVectors(Magnet magnet, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var m = new double[3 * magnet.CellCount];
        for (int i = 0; i < m.Length; i++) m[i] = rng.NextGaussian();
        InterleavedVectors.NormalizeAll(m);
        return m;
    }

    /// <summary>Every term on a notched magnet with varying Ms and non-power-of-two sides.</summary>
    private static MicromagneticSystem Everything(bool demag, double temperature)
    {
        var grid = new Grid2D(21, 11, 3e-9, 3.5e-9, 2e-9);
        var ms = new double[grid.CellCount];
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
                ms[grid.Index(ix, iy)] = (ix - 10) * (ix - 10) + (iy - 5) * (iy - 5) < 6 ? 0 : 6e5 + 1e4 * (ix % 3);
        var magnet = new Magnet(grid, ms);
        var sys = new MicromagneticSystem(magnet, 0.05, threads: 1);
        sys.Add(new ExchangeField(magnet, 1.3e-11));
        sys.Add(new UniaxialAnisotropyField(magnet, 2e5, new Vec3(0.2, 0.1, 1)));
        sys.Add(new BulkDmiField(magnet, 1e-3));
        sys.Add(new InterfacialDmiField(magnet, -0.7e-3));
        var perCell = new double[3 * grid.CellCount];
        for (int k = 0; k < perCell.Length; k++) perCell[k] = 100.0 * (k % 7);
        sys.Add(new ZeemanField(magnet, new Vec3(1e4, 0, 2e4), perCell) { TimeDependence = t => new Vec3(1e4 * Math.Cos(1e10 * t), 5e3, 2e4) });
        if (demag) sys.Demag = new DemagField(magnet);
        var zl = new ZhangLiTorque(magnet, 0.5, 0.1, divideByOnePlusXiSquared: true);
        zl.SetUniform(5e11, -2e11);
        zl.TimeScale = t => Math.Sin(3e9 * t + 0.3);
        sys.Add(zl);
        var st = new SlonczewskiTorque(magnet, new Vec3(1, 1, 0), 0.4, 0.2);
        st.SetUniform(1e10);
        sys.Add(st);
        if (temperature > 0) sys.Thermal = new ThermalField(magnet, temperature);
        return sys;
    }

    private static double RelativeDifference(double[] a, double[] b)
    {
        double worst = 0, scale = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
            scale = Math.Max(scale, Math.Abs(a[i]));
        }
        Assert.True(scale > 0, "the right-hand side is not trivially zero");
        return worst / scale;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Derivative_MatchesTheManagedPathToOnePartInATrillion(bool demag)
    {
        using var managed = Everything(demag, 0);
        using var gpu = new GpuMicromagneticSystem(managed);
        var m = RandomUnitVectors(managed.Magnet, 4);
        managed.Project(m);
        var expected = new double[m.Length];
        var actual = new double[m.Length];
        foreach (double t in new[] { 0.0, 1.3e-10 })
        {
            managed.Derivative(t, m, expected);
            gpu.Derivative(t, m, actual);
            Assert.True(RelativeDifference(expected, actual) < 1e-12, $"relative difference {RelativeDifference(expected, actual):E2} at t = {t}");
        }
    }

    [Fact]
    public void ThermalSampleAndDampingChanges_ReachTheDevice()
    {
        using var managed = Everything(true, 300);
        using var gpu = new GpuMicromagneticSystem(managed);
        var m = RandomUnitVectors(managed.Magnet, 8);
        managed.Project(m);
        var normals = new double[gpu.NoiseDimension];
        var rng = new Xoshiro256StarStar(3);
        for (int i = 0; i < normals.Length; i++) normals[i] = rng.NextGaussian();
        gpu.SetNoise(normals, 1e-13);
        managed.Alpha = 0.3;
        managed.Precession = false;
        var expected = new double[m.Length];
        var actual = new double[m.Length];
        managed.Derivative(2e-11, m, expected);
        gpu.Derivative(2e-11, m, actual);
        Assert.True(RelativeDifference(expected, actual) < 1e-12);
    }

    [Fact]
    public void StandardProblem4Step_RunsTheSameOnBothPaths()
    {
        // one SP4 film, the same RK4 steps through either right-hand side: the states stay together to rounding
        var film = StandardProblem4.Film(32, 8);
        using var managed = StandardProblem4.System(film, StandardProblem4.Field1, threads: 1);
        using var gpu = new GpuMicromagneticSystem(managed);
        var a = Textures.Uniform(film, new Vec3(1, 0.1, 0));
        var b = (double[])a.Clone();
        var rkManaged = new RungeKutta4(managed.Dimension, 1e-13, managed);
        var rkGpu = new RungeKutta4(gpu.Dimension, 1e-13, gpu);
        Assert.True(rkManaged.Advance(managed, 0, 0.5e-12, a).Succeeded);
        Assert.True(rkGpu.Advance(gpu, 0, 0.5e-12, b).Succeeded);
        double worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        Assert.True(worst < 1e-12, $"largest difference {worst:E2}");
        Assert.NotEqual(0.1 / Math.Sqrt(1.01), a[1], 6); // it moved
    }
}
