using CircuitSim.Magnetics.Tests;
using CircuitSim.Testing;

namespace CircuitSim.Magnetics.Micromagnetics.Tests;

public class LlgTests
{
    /// <summary>Every term at once on a notched, non-uniform magnet: the system the threading and allocation checks run.</summary>
    internal static MicromagneticSystem Everything(int threads, double temperature = 0)
    {
        var grid = new Grid2D(24, 13, 3e-9, 3e-9, 2e-9);
        var ms = new double[grid.CellCount];
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
                ms[grid.Index(ix, iy)] = (ix - 12) * (ix - 12) + (iy - 6) * (iy - 6) < 9 ? 0 : 6e5 + 1e4 * (ix % 3);
        var magnet = new Magnet(grid, ms);
        var sys = new MicromagneticSystem(magnet, 0.05, threads: threads);
        sys.Add(new ExchangeField(magnet, 1.3e-11));
        sys.Add(new UniaxialAnisotropyField(magnet, 2e5, Vec3.UnitZ));
        sys.Add(new BulkDmiField(magnet, 1e-3));
        sys.Add(new InterfacialDmiField(magnet, 0.5e-3));
        sys.Add(new ZeemanField(magnet, new Vec3(1e4, 0, 2e4)) { TimeDependence = t => new Vec3(1e4 * Math.Cos(1e10 * t), 0, 2e4) });
        sys.Demag = new DemagField(magnet);
        var zl = new ZhangLiTorque(magnet, 0.5, 0.1);
        zl.SetUniform(5e11, 2e11);
        sys.Add(zl);
        var st = new SlonczewskiTorque(magnet, Vec3.UnitX, 0.4, 0.2);
        st.SetUniform(1e10);
        sys.Add(st);
        sys.Thermal = new ThermalField(magnet, temperature);
        return sys;
    }

    [Fact]
    public void Derivative_IsBitIdenticalOnOneAndSeveralThreads()
    {
        using var one = Everything(1);
        using var three = Everything(3);
        Assert.Equal(3, three.ThreadCount);
        var m = Physics.RandomUnitVectors(one.Magnet.CellCount, 5);
        one.Project(m);
        var a = new double[m.Length];
        var b = new double[m.Length];
        one.Derivative(1e-11, m, a);
        three.Derivative(1e-11, m, b);
        Assert.Equal(a, b); // exact equality, bit for bit
    }

    [Fact]
    public void ThermalRun_RepeatsBitForBitWithTheSameSeedOnAnyThreadCount()
    {
        double[] Run(int threads, ulong seed)
        {
            using var sys = Everything(threads, temperature: 300);
            var sim = new MicromagneticSimulation(sys, Textures.Uniform(sys.Magnet, Vec3.UnitZ), seed)
            {
                Integrator = MicromagneticIntegrator.Heun,
                FixedStep = 2e-14,
            };
            sim.Run(1e-12, 1e-12);
            return sim.M;
        }
        var first = Run(1, 42);
        Assert.Equal(first, Run(2, 42));
        Assert.NotEqual(first, Run(1, 43));
    }

    [Fact]
    public void Derivative_AllocatesNothingOnAnyThread()
    {
        using var sys = Everything(2, temperature: 300);
        var m = Physics.RandomUnitVectors(sys.Magnet.CellCount, 3);
        sys.Project(m);
        var d = new double[m.Length];
        var normals = new double[sys.NoiseDimension];
        for (int i = 0; i < 5; i++) sys.Derivative(i * 1e-12, m, d); // warm up (JIT, lazily created kernel events)
        long fewestOnWorkers = long.MaxValue; // the band workers' bytes, taken round by round as the caller's are
        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            long workers = sys.WorkerAllocatedBytes;
            for (int i = 0; i < 70; i++)
            {
                normals[i % normals.Length] = 0.1 * i;
                sys.SetNoise(normals, 1e-13);
                sys.Derivative(i * 1e-12, m, d);
            }
            fewestOnWorkers = Math.Min(fewestOnWorkers, sys.WorkerAllocatedBytes - workers);
        }));
        Assert.Equal(0, fewestOnWorkers);
    }

    [Theory]
    [InlineData(MicromagneticIntegrator.DormandPrince54)]
    [InlineData(MicromagneticIntegrator.RungeKutta4)]
    [InlineData(MicromagneticIntegrator.Heun)]
    public void Run_KeepsUnitLengthToOneInABillion(MicromagneticIntegrator integrator)
    {
        using var sys = Everything(2, temperature: integrator == MicromagneticIntegrator.Heun ? 300 : 0);
        var sim = new MicromagneticSimulation(sys, Physics.RandomUnitVectors(sys.Magnet.CellCount, 9)) { Integrator = integrator, FixedStep = 2e-14 };
        double worst = 0;
        sim.Run(20e-12, 2e-12, (_, m) =>
        {
            for (int c = 0; c < sys.Magnet.CellCount; c++)
            {
                double n = InterleavedVectors.Get(m, c).Norm;
                worst = Math.Max(worst, sys.Magnet.Contains(c) ? Math.Abs(n - 1) : n);
            }
        });
        Assert.True(worst < 1e-9, $"largest | |m| − 1 | = {worst}");
    }

    private static (MicromagneticSimulation Sim, MicromagneticSystem Sys) Macrospin(double alpha, Vec3 m0, double h)
    {
        var magnet = Magnet.Rectangle(new Grid2D(1, 1, 5e-9, 5e-9, 5e-9), 8e5);
        var sys = new MicromagneticSystem(magnet, alpha, threads: 1);
        sys.Add(new ZeemanField(magnet, new Vec3(0, 0, h)));
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(magnet, m0));
        return (sim, sys);
    }

    [Theory]
    [InlineData(MicromagneticIntegrator.DormandPrince54)]
    [InlineData(MicromagneticIntegrator.RungeKutta4)]
    public void Macrospin_PrecessesAtGamma0HOverOnePlusAlphaSquared(MicromagneticIntegrator integrator)
    {
        // the angle about the field grows as ω t, ω = γ0 H/(1 + α²): checked to 1e-4 relative after ten turns
        double alpha = 0.01, h = 1e5;
        var (sim, sys) = Macrospin(alpha, new Vec3(1, 0, 0.2), h);
        using var _ = sys;
        sim.Integrator = integrator;
        sim.FixedStep = 5e-14;
        sim.Tolerances = new DormandPrinceOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 };
        double omega = PhysicalConstants.Gamma0 * h / (1 + alpha * alpha);
        double total = 0, last = 0;
        sim.Run(10 * 2 * Math.PI / omega, 1e-12, (_, m) =>
        {
            double phi = Math.Atan2(m[1], m[0]);
            double d = phi - last;
            if (d < -Math.PI) d += 2 * Math.PI;
            total += d;
            last = phi;
        });
        Assert.Equal(1.0, total / (omega * sim.Time), 4);
    }

    [Fact]
    public void Macrospin_DampsAlongTheTanhTrajectory()
    {
        // m_z(t) = tanh(α γ0 H t/(1 + α²) + atanh m_z(0)) for a constant field along z
        double alpha = 0.1, h = 2e5, mz0 = -0.6;
        var (sim, sys) = Macrospin(alpha, new Vec3(0.8, 0, mz0), h);
        using var _ = sys;
        sim.Tolerances = new DormandPrinceOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 };
        double rate = alpha * PhysicalConstants.Gamma0 * h / (1 + alpha * alpha), worst = 0;
        sim.Run(0.5e-9, 10e-12, (t, m) => worst = Math.Max(worst, Math.Abs(m[2] - Math.Tanh(rate * t + Math.Atanh(mz0)))));
        Assert.True(worst < 1e-6, $"largest error {worst}");
    }

    [Fact]
    public void RungeKutta4_ErrorFallsSixteenfoldWhenTheStepHalves()
    {
        double Error(double step)
        {
            var (sim, sys) = Macrospin(0.1, new Vec3(1, 0, 0), 2e5);
            using var _ = sys;
            sim.Integrator = MicromagneticIntegrator.RungeKutta4;
            sim.FixedStep = step;
            sim.Run(50e-12, 50e-12);
            double rate = 0.1 * PhysicalConstants.Gamma0 * 2e5 / 1.01;
            return Math.Abs(sim.M[2] - Math.Tanh(rate * 50e-12));
        }
        double ratio = Error(2e-12) / Error(1e-12);
        Assert.InRange(ratio, 14, 18); // 2⁴ = 16 for a fourth-order method
    }

    [Fact]
    public void Dynamics_NeverRaiseTheEnergyWithDampingAndNoCurrent()
    {
        var film = StandardProblem4.Film(32, 8);
        using var sys = StandardProblem4.System(film, StandardProblem4.Field1, threads: 2);
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, new Vec3(1, 0.3, 0.1)));
        double previous = double.PositiveInfinity;
        int samples = 0;
        sim.Run(0.2e-9, 5e-12, (t, m) =>
        {
            double e = sys.Energy(t, m);
            Assert.True(e <= previous + 1e-9 * Math.Abs(previous), $"energy rose at t = {t}");
            previous = e;
            samples++;
        });
        Assert.Equal(41, samples);
    }

    [Fact]
    public void Relax_StopsOnceTheLargestTorqueIsBelowTheTolerance()
    {
        var film = StandardProblem4.Film(32, 8);
        using var sys = StandardProblem4.System(film, Vec3.Zero, threads: 2);
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, new Vec3(1, 0.5, 0.2)));
        double before = sys.MaxTorque(0, sim.M);
        var r = sim.Relax(new RelaxOptions { TorqueTolerance = 50 });
        Assert.True(r.Converged);
        Assert.True(r.MaxTorque < 50);
        Assert.Equal(r.MaxTorque, sys.MaxTorque(0, sim.M));
        Assert.True(before > 1e4);
        Assert.Equal(StandardProblem4.Alpha, sys.Alpha); // damping and precession restored
        Assert.True(sys.Precession);
    }

    [Fact]
    public void Thermal_UncoupledMacrospinsReachTheLangevinMagnetization()
    {
        // 256 independent cells in a field along z at 300 K: ⟨m_z⟩ = coth x − 1/x, x = μ0 Ms V H/(kB T) = 3.
        // Statistical error of the mean ≈ 0.003 (256 cells × ~50 correlation times each); tolerance 0.012 ≈ 4σ.
        double ms = 8e5, v = 125e-27, temperature = 300, x = 3;
        double h = x * PhysicalConstants.Boltzmann * temperature / (PhysicalConstants.Mu0 * ms * v);
        var magnet = Magnet.Rectangle(new Grid2D(16, 16, 5e-9, 5e-9, 5e-9), ms);
        using var sys = new MicromagneticSystem(magnet, 1.0, threads: 1);
        sys.Add(new ZeemanField(magnet, new Vec3(0, 0, h)));
        sys.Thermal = new ThermalField(magnet, temperature);
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(magnet, Vec3.UnitZ), seed: 2024)
        {
            Integrator = MicromagneticIntegrator.Heun,
            FixedStep = 1e-13,
        };
        sim.Run(1e-9, 1e-9);
        double sum = 0;
        int n = 0;
        sim.Run(5e-9, 10e-12, (_, m) =>
        {
            sum += MicromagneticSimulation.Average(magnet, m).Z;
            n++;
        });
        double expected = 1 / Math.Tanh(x) - 1 / x;
        Assert.Equal(expected, sum / n, 0.012);
    }
}
