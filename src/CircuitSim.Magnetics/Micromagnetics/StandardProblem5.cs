namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// μMAG standard problem 5: a permalloy square 100 × 100 × 10 nm (Ms = 8e5 A/m, A = 1.3e-11 J/m) in a relaxed vortex
/// (counter-clockwise, core up), driven from t = 0 by a spin-polarized current J = 1e12 A/m² along x with α = 0.1 and
/// ξ = 0.05, P = 1 and u = P μB J/(e Ms (1 + ξ²)) ≈ 72.17 m/s along the electron flow (MuMax3's convention,
/// docs/micromagnetics.md). Our film is one layer through the thickness.
/// </summary>
public static class StandardProblem5
{
    public const double Side = 100e-9, Thickness = 10e-9;

    public const double SaturationMagnetization = 8e5;

    public const double ExchangeStiffness = 1.3e-11;

    public const double Alpha = 0.1;

    public const double NonAdiabaticity = 0.05;

    /// <summary>Current density along x, A/m².</summary>
    public const double CurrentDensity = 1e12;

    /// <summary>γ0 of the problem statement, m A⁻¹ s⁻¹.</summary>
    public const double Gamma0 = 2.211e5;

    /// <summary>The square on n × n cells.</summary>
    public static Magnet Film(int n) =>
        Magnet.Rectangle(new Grid2D(n, n, Side / n, Side / n, Thickness), SaturationMagnetization);

    /// <summary>The LLG system: exchange, demag and the Zhang–Li torque of a uniform current density along x.</summary>
    public static MicromagneticSystem System(Magnet film, double xi = NonAdiabaticity, double currentDensity = CurrentDensity, int threads = 0)
    {
        var sys = new MicromagneticSystem(film, Alpha, Gamma0, threads);
        sys.Add(new ExchangeField(film, ExchangeStiffness));
        sys.Demag = new DemagField(film);
        var zl = new ZhangLiTorque(film, polarization: 1.0, nonAdiabaticity: xi, divideByOnePlusXiSquared: true);
        zl.SetUniform(currentDensity, 0);
        sys.Add(zl);
        return sys;
    }

    /// <summary>The initial vortex (counter-clockwise, core up, core radius 10 nm) relaxed with the current off.</summary>
    public static RelaxResult RelaxVortex(MicromagneticSimulation sim, RelaxOptions? options = null, Action<double, double>? progress = null)
    {
        Textures.Vortex(sim.Magnet, 1, 1, 10e-9).CopyTo(sim.M, 0);
        return sim.Relax(options, progress);
    }
}
