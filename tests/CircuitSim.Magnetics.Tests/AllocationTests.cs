using CircuitSim.Magnetics;
using CircuitSim.Testing;

namespace CircuitSim.Magnetics.Tests;

/// <summary>Right-hand sides and integrator steps must not allocate: a circuit calls them on every Newton iteration.</summary>
public class AllocationTests
{
    private const double Ms = 8e5;

    private static LlgSystem RingSystem(out ChainZhangLiTorque zl, out ZeemanField zeeman, out SpinTransferDrive drive)
    {
        const int n = 32;
        var ring = Chain1D.Ring(n, 55e-9, 10e-9, 10e-9);
        zl = new ChainZhangLiTorque(ring, 0.56, 0.1, Ms, true) { CurrentDensity = 1e11 };
        zeeman = new ZeemanField(n, Ms, ring.CellVolume, new Vec3(1e3, 0, 0));
        drive = new SpinTransferDrive(Vec3.UnitZ, 0.6, Ms, 10e-9) { CurrentDensity = 1e10 };
        var sys = new LlgSystem(n, 0.01)
            .Add(new ChainExchangeField(ring, 1e-11, Ms))
            .Add(new LocalShapeAnisotropyField(LocalFrames.Ring(n), 0, 0.5, 0.5, Ms, ring.CellVolume))
            .Add(zeeman)
            .Add(new FieldLikeTorqueField(drive, 0.3, n, ring.CellVolume))
            .Add(new SlonczewskiTorque(drive, n))
            .Add(zl);
        sys.Thermal = new ThermalField(n, Ms, ring.CellVolume, 300);
        return sys;
    }

    private static LlgSystem FilmSystem()
    {
        var grid = new Grid2D(8, 6, 2e-9, 2e-9, 1e-9);
        var zl = new GridZhangLiTorque(grid, 0.5, 0.1, Ms);
        for (int c = 0; c < grid.CellCount; c++) zl.CurrentDensity[2 * c] = 1e11;
        var sys = new LlgSystem(grid.CellCount, 0.3)
            .Add(new GridExchangeField(grid, 1e-11, Ms))
            .Add(new UniaxialAnisotropyField(grid.CellCount, Ms, grid.CellVolume, Vec3.UnitZ, 1e5))
            .Add(new GridBulkDmiField(grid, 1e-3, Ms))
            .Add(zl);
        sys.Thermal = new ThermalField(grid.CellCount, Ms, grid.CellVolume, 300);
        return sys;
    }

    [Fact]
    public void Derivative_AllocatesNothing()
    {
        var ring = RingSystem(out var zl, out var zeeman, out var drive);
        var film = FilmSystem();
        double[] m1 = Physics.RandomUnitVectors(ring.CellCount, 1), d1 = new double[m1.Length];
        double[] m2 = Physics.RandomUnitVectors(film.CellCount, 2), d2 = new double[m2.Length];
        ring.Derivative(0, m1, d1);
        film.Derivative(0, m2, d2);

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 300; i++)
            {
                zl.CurrentDensity = 1e9 * i;           // a device changes its drive every call
                zeeman.Field = new Vec3(i, 0, 0);
                drive.CurrentDensity = -1e9 * i;
                ring.Derivative(i * 1e-12, m1, d1);
                film.Derivative(i * 1e-12, m2, d2);
            }
        }));
    }

    [Fact]
    public void AdvanceCalls_AllocateNothing()
    {
        var ring = RingSystem(out _, out _, out _);
        ring.Thermal!.Temperature = 0; // DP sees a constant (zero) thermal sample
        var film = FilmSystem();
        double[] m1 = Physics.RandomUnitVectors(ring.CellCount, 1);
        double[] m2 = Physics.RandomUnitVectors(film.CellCount, 2);
        var dp = new DormandPrince54(ring.Dimension, new DormandPrinceOptions(), ring);
        var heun = new StochasticHeun(film.Dimension, film.NoiseDimension, 1e-13, film);
        var dpState = new AdaptiveStepState();
        var heunState = new StochasticHeunState(3);
        dp.Advance(ring, 0, 1e-12, m1, ref dpState);
        heun.Advance(film, 0, 1e-12, m2, ref heunState);

        int failures = 0, i = 1;
        long allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (int end = i + 17; i < end; i++)
            {
                if (!dp.Advance(ring, i * 1e-12, (i + 1) * 1e-12, m1, ref dpState).Succeeded) failures++;
                if (!heun.Advance(film, i * 1e-12, (i + 1) * 1e-12, m2, ref heunState).Succeeded) failures++;
            }
        });
        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
    }
}
