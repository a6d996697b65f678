using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests;

/// <summary>The two LLG integrators every macrospin check runs on.</summary>
public enum LlgIntegrator
{
    DormandPrince,
    Heun,
}

/// <summary>
/// Drives an <see cref="LlgSystem"/> with either integrator through the same Advance-style calls a circuit device
/// would make, keeping the integrator's state between calls.
/// </summary>
internal sealed class LlgRunner
{
    private readonly LlgSystem _system;
    private readonly DormandPrince54? _dp;
    private readonly StochasticHeun? _heun;
    private AdaptiveStepState _dpState;
    private StochasticHeunState _heunState;

    public LlgRunner(LlgSystem system, LlgIntegrator kind, double heunSubStep, DormandPrinceOptions? options = null, ulong seed = 1)
    {
        _system = system;
        if (kind == LlgIntegrator.DormandPrince)
            _dp = new DormandPrince54(system.Dimension, options, system);
        else
            _heun = new StochasticHeun(system.Dimension, system.NoiseDimension, heunSubStep, system);
        _heunState = new StochasticHeunState(seed);
    }

    public void Advance(double t0, double t1, Span<double> m)
    {
        AdvanceResult r = _dp is not null
            ? _dp.Advance(_system, t0, t1, m, ref _dpState)
            : _heun!.Advance(_system, t0, t1, m, ref _heunState);
        Assert.True(r.Succeeded, $"integration failed: {r}");
    }
}

internal static class Physics
{
    public const double Gamma0 = PhysicalConstants.Gamma0;
    public const double Mu0 = PhysicalConstants.Mu0;

    /// <summary>A unit vector at polar angle θ from +z and azimuth φ from +x.</summary>
    public static Vec3 Direction(double theta, double phi)
        => new(Math.Sin(theta) * Math.Cos(phi), Math.Sin(theta) * Math.Sin(phi), Math.Cos(theta));

    /// <summary>erfi(x) = (2/√π) Σ x^(2n+1)/(n! (2n+1)), summed until the terms vanish (fine for x ≤ 5).</summary>
    public static double Erfi(double x)
    {
        double term = x, sum = 0;
        for (int n = 0; n < 400; n++)
        {
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-18 * Math.Abs(sum)) break;
            term *= x * x / (n + 1);
        }
        return 2.0 / Math.Sqrt(Math.PI) * sum;
    }

    /// <summary>Boltzmann average ⟨m_z²⟩ for a uniaxial macrospin with barrier Δ = K V/(kB T).</summary>
    public static double MeanMzSquared(double delta)
        => Math.Exp(delta) / (Math.Sqrt(Math.PI * delta) * Erfi(Math.Sqrt(delta))) - 1.0 / (2.0 * delta);

    /// <summary>Random unit vectors, interleaved, from our own generator (reproducible).</summary>
    public static double[] RandomUnitVectors(int cells, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var m = new double[3 * cells];
        for (int i = 0; i < 3 * cells; i++) m[i] = rng.NextGaussian();
        InterleavedVectors.NormalizeAll(m);
        return m;
    }
}
