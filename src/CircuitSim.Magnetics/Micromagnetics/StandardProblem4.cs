namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// μMAG standard problem 4: a permalloy film 500 × 125 × 3 nm (Ms = 8e5 A/m, A = 1.3e-11 J/m, α = 0.02,
/// γ0 = 2.211e5 m A⁻¹ s⁻¹) relaxed into the S-state from m ≈ (1, 0.1, 0) with no field, then switched by
/// field 1, μ0H = (−24.6, 4.3, 0) mT, or field 2, μ0H = (−35.5, −6.3, 0) mT (docs/micromagnetics.md).
/// </summary>
public static class StandardProblem4
{
    public const double Length = 500e-9, Width = 125e-9, Thickness = 3e-9;

    /// <summary>Ms in A/m.</summary>
    public const double SaturationMagnetization = 8e5;

    /// <summary>A in J/m.</summary>
    public const double ExchangeStiffness = 1.3e-11;

    public const double Alpha = 0.02;

    /// <summary>γ0 of the problem statement, m A⁻¹ s⁻¹.</summary>
    public const double Gamma0 = 2.211e5;

    /// <summary>Field 1, μ0H in T.</summary>
    public static Vec3 Field1 => new(-24.6e-3, 4.3e-3, 0);

    /// <summary>Field 2, μ0H in T.</summary>
    public static Vec3 Field2 => new(-35.5e-3, -6.3e-3, 0);

    /// <summary>The film on cells of side ≈ <paramref name="cellSize"/> (m): nx = round(500 nm/cell), ny = round(125 nm/cell).</summary>
    public static Magnet Film(double cellSize)
    {
        int nx = Math.Max(1, (int)Math.Round(Length / cellSize)), ny = Math.Max(1, (int)Math.Round(Width / cellSize));
        return Film(nx, ny);
    }

    public static Magnet Film(int nx, int ny) =>
        Magnet.Rectangle(new Grid2D(nx, ny, Length / nx, Width / ny, Thickness), SaturationMagnetization);

    /// <summary>The LLG system of the problem with an applied field μ0H (T): exchange, demag, Zeeman.</summary>
    public static MicromagneticSystem System(Magnet film, Vec3 fieldTesla, int threads = 0)
    {
        var sys = new MicromagneticSystem(film, Alpha, Gamma0, threads);
        sys.Add(new ExchangeField(film, ExchangeStiffness));
        sys.Demag = new DemagField(film);
        sys.Add(ZeemanField.FromTesla(film, fieldTesla));
        return sys;
    }

    /// <summary>The S-state: m = (1, 0.1, 0) relaxed with the field off (the field is restored afterwards).</summary>
    public static RelaxResult RelaxSState(MicromagneticSimulation sim, RelaxOptions? options = null, Action<double, double>? progress = null)
    {
        var zeeman = sim.System.Find<ZeemanField>();
        Vec3 field = zeeman?.Uniform ?? Vec3.Zero;
        if (zeeman is not null) zeeman.Uniform = Vec3.Zero;
        Textures.Uniform(sim.Magnet, new Vec3(1, 0.1, 0)).CopyTo(sim.M, 0);
        try
        {
            return sim.Relax(options, progress);
        }
        finally
        {
            if (zeeman is not null) zeeman.Uniform = field;
        }
    }

    /// <summary>
    /// The first time ⟨m_x⟩ crosses zero in [t0, t1], and ⟨m⟩ there: a second simulation of the same system restarts
    /// from <paramref name="before"/> (the state at t0) with samples every <paramref name="fineInterval"/> s and the
    /// crossing is interpolated linearly between them. The caller's simulation is not touched.
    /// </summary>
    public static (double Time, Vec3 M) FirstCrossing(MicromagneticSimulation sim, ReadOnlySpan<double> before, double t0, double t1, double fineInterval)
    {
        var probe = new MicromagneticSimulation(sim.System, before)
        {
            Time = t0,
            Integrator = sim.Integrator,
            FixedStep = sim.FixedStep,
            Tolerances = sim.Tolerances,
        };
        double tPrev = t0;
        Vec3 prev = probe.AverageMagnetization();
        (double, Vec3)? found = null;
        probe.Run(t1 - t0, fineInterval, (t, m) =>
        {
            Vec3 now = MicromagneticSimulation.Average(sim.Magnet, m);
            if (found is null && t > t0 && prev.X > 0 && now.X <= 0)
            {
                double f = prev.X / (prev.X - now.X);
                found = (tPrev + f * (t - tPrev), prev + f * (now - prev));
            }
            tPrev = t;
            prev = now;
        });
        return found ?? throw new InvalidOperationException("⟨mx⟩ did not cross zero in the interval.");
    }
}
