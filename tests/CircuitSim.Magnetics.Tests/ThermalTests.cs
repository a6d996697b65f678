using CircuitSim.Magnetics;
using Xunit.Abstractions;

namespace CircuitSim.Magnetics.Tests;

public class ThermalTests(ITestOutputHelper output)
{
    private const double Ms = 1e6;   // A/m
    private const double Hk = 1e5;   // A/m
    private const double T = 300;    // K

    /// <summary>Volume that gives the barrier Δ = K_u V/(kB T) with K_u = μ0 Ms H_k/2.</summary>
    private static double VolumeFor(double delta) => delta * PhysicalConstants.Boltzmann * T / (0.5 * PhysicalConstants.Mu0 * Ms * Hk);

    /// <summary>
    /// N = 1000 independent macrospins (one LlgSystem with uncoupled cells, each with its own thermal field) with
    /// uniaxial anisotropy, α = 1, Heun sub-step γ0 H_k dt = 0.01. After a burn-in of 10/(γ0 H_k) (five relaxation
    /// times (1+α²)/(α γ0 H_k)), m_z² is averaged over every sub-step of a further 80/(γ0 H_k) (8000 sub-steps). The
    /// cells are independent, so the standard error is the spread of the per-cell time averages over √N, with no
    /// correlation-time guesswork: SE ≈ 1.7e-3 at Δ = 5 and 7e-4 at Δ = 10. A wrongly scaled thermal field (a lost
    /// factor 2, α or 1 + α² = 2 here) halves or doubles the effective Δ and moves ⟨m_z²⟩ by ≳ 0.1, i.e. ≫ 50 SE.
    /// Heun bias, measured once with 4000 cells over 200 time units (SE 5.4e-4) at Δ = 5: γ0 H_k dt = 0.02, 0.01,
    /// 0.005 gave 0.76468, 0.76433, 0.76389 against 0.76427 — no bias resolved at the 1-SE level.
    /// </summary>
    [Theory]
    [InlineData(5.0, 0.76427)]
    [InlineData(10.0, 0.89273)]
    public void ThermalEquilibrium_MeanMzSquaredMatchesBoltzmann(double delta, double tabulated)
    {
        double theory = Physics.MeanMzSquared(delta);
        Assert.Equal(tabulated, theory, 5e-6); // our erfi formula reproduces the brief's 5-digit values

        const int cells = 1000;
        const double alpha = 1.0;
        double v = VolumeFor(delta);
        var sys = new LlgSystem(cells, alpha)
            .Add(new UniaxialAnisotropyField(cells, Ms, v, Vec3.UnitZ, Hk));
        sys.Thermal = new ThermalField(cells, Ms, v, T);
        double unit = 1 / (Physics.Gamma0 * Hk);
        double dt = 0.01 * unit;
        var heun = new StochasticHeun(sys.Dimension, sys.NoiseDimension, dt, sys);
        var state = new StochasticHeunState(12345);

        double[] m = new double[3 * cells];
        for (int i = 0; i < cells; i++) InterleavedVectors.Set(m, i, i % 2 == 0 ? Vec3.UnitZ : -Vec3.UnitZ);
        heun.Advance(sys, 0, 10 * unit, m, ref state);

        const int steps = 8000; // 80 time units
        double[] perCell = new double[cells];
        double t = 10 * unit;
        for (int s = 0; s < steps; s++)
        {
            heun.Advance(sys, t, t + dt, m, ref state);
            t += dt;
            for (int i = 0; i < cells; i++) perCell[i] += m[3 * i + 2] * m[3 * i + 2];
        }
        double mean = 0;
        for (int i = 0; i < cells; i++) mean += perCell[i] /= steps;
        mean /= cells;
        double var = 0;
        for (int i = 0; i < cells; i++) var += (perCell[i] - mean) * (perCell[i] - mean);
        double se = Math.Sqrt(var / (cells - 1) / cells);

        output.WriteLine($"Δ = {delta}: ⟨m_z²⟩ = {mean:F5} ± {se:F5} (SE, {cells} cells × {steps} sub-steps), theory {theory:F5}, deviation {(mean - theory) / se:F2} SE");
        // 4 SE: a false alarm 1 run in 16000; the Heun bias at this sub-step is measured ≪ 1 SE.
        Assert.True(Math.Abs(mean - theory) < 4 * se, $"⟨m_z²⟩ = {mean:F5} ± {se:F5}, theory {theory:F5}");
        Assert.True(se < 2.5e-3, "the estimate must be sharp enough to catch a mis-scaled field");
    }

    [Fact]
    public void ThermalField_SampleVarianceIs2AlphaKTOverGamma0Mu0MsVdt()
    {
        const int cells = 20000;
        double v = VolumeFor(5), dt = 1e-13;
        var th = new ThermalField(cells, Ms, v, T);
        var rng = new Xoshiro256StarStar(99);
        var xi = new double[3 * cells];
        for (int i = 0; i < xi.Length; i++) xi[i] = rng.NextGaussian();
        var alpha = new double[cells];
        Array.Fill(alpha, 0.3);
        th.Sample(xi, dt, Physics.Gamma0, alpha);
        double sumSq = 0;
        foreach (double h in th.Field) sumSq += h * h;
        double variance = sumSq / th.Field.Length;
        double expected = 2 * 0.3 * PhysicalConstants.Boltzmann * T / (Physics.Gamma0 * Physics.Mu0 * Ms * v * dt);
        // 60000 samples: the relative SE of a Gaussian variance is √(2/60000) ≈ 0.58 %; allow 4 SE.
        Assert.Equal(1.0, variance / expected, 0.023);
    }

    [Fact]
    public void SameSeed_GivesBitIdenticalTrajectory_DifferentSeedDoesNot()
    {
        double[] a = Run(2024), b = Run(2024), c = Run(2025);
        Assert.Equal(a, b); // exact, element by element
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void RestoredHeunState_RepeatsTheSameNoisePath()
    {
        var (sys, heun) = NoisyChain();
        var state = new StochasticHeunState(77);
        double[] m = Start(sys.CellCount);
        heun.Advance(sys, 0, 1e-10, m, ref state);

        // Save the committed state, take a trial step, roll back, take it again: the bits must agree.
        var savedState = state;
        double[] savedM = (double[])m.Clone();
        heun.Advance(sys, 1e-10, 2e-10, m, ref state);
        double[] first = (double[])m.Clone();
        state = savedState;
        savedM.CopyTo(m, 0);
        heun.Advance(sys, 1e-10, 2e-10, m, ref state);
        Assert.Equal(first, m);
    }

    private static double[] Run(ulong seed)
    {
        var (sys, heun) = NoisyChain();
        var state = new StochasticHeunState(seed);
        double[] m = Start(sys.CellCount);
        for (int c = 0; c < 20; c++) heun.Advance(sys, c * 1e-11, (c + 1) * 1e-11, m, ref state);
        return m;
    }

    private static (LlgSystem, StochasticHeun) NoisyChain()
    {
        const int n = 16;
        var chain = new Chain1D(n, 2e-9, 4e-18, periodic: true);
        var sys = new LlgSystem(n, 0.02)
            .Add(new ChainExchangeField(chain, 1e-11, Ms))
            .Add(new UniaxialAnisotropyField(n, Ms, chain.CellVolume, Vec3.UnitZ, Hk));
        sys.Thermal = new ThermalField(n, Ms, chain.CellVolume, T);
        return (sys, new StochasticHeun(sys.Dimension, sys.NoiseDimension, 1e-13, sys));
    }

    private static double[] Start(int n)
    {
        double[] m = new double[3 * n];
        InterleavedVectors.Fill(m, Physics.Direction(0.2, 0.1));
        return m;
    }
}
