using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>Published results the standard-problem runs are compared with (docs/micromagnetics.md gives the sources).</summary>
public static class PublishedResults
{
    /// <summary>SP4 field 1, OOMMF at 2.5 nm cells: first zero crossing of ⟨mx⟩ (s) and ⟨my⟩, ⟨mz⟩ there.</summary>
    public const double Sp4CrossingTime = 0.1385e-9, Sp4CrossingMy = 0.732, Sp4CrossingMz = -0.132;

    /// <summary>SP4 field 1, mumax3 on 128 × 32 cells: ⟨m⟩ at 1 ns.</summary>
    public static Vec3 Sp4AtOneNanosecond => new(-0.9845, 0.1268, 0.0432);

    /// <summary>SP5, mumax3 on 32 × 32 × 4 cells: ⟨m⟩ at 1 ns.</summary>
    public static Vec3 Sp5AtOneNanosecond => new(-0.2346, -0.0945, 0.0229);
}

/// <summary>What an SP4 run found.</summary>
public sealed record Sp4Result(RunSummary Run, Magnet Film, Vec3 Relaxed, (double Time, Vec3 M)? Crossing, Vec3 Final);

/// <summary>What an SP5 run found.</summary>
public sealed record Sp5Result(RunSummary Run, Magnet Film, Vec3 Relaxed, (double X, double Y) RelaxedCore, Vec3 Final, (double X, double Y) FinalCore);

/// <summary>
/// The μMAG standard problems as problem runs with any field, current, ξ, cell size and end time: the set-ups of
/// <see cref="StandardProblem4"/> and <see cref="StandardProblem5"/>, written through <see cref="ProblemRunner"/>.
/// </summary>
public static class StandardProblemRuns
{
    /// <summary>SP4: relax the S-state with no field, then switch with <paramref name="fieldTesla"/> (μ0H, T) until <paramref name="end"/> (s).</summary>
    public static MagnetProblem Sp4Problem(double cellSize, Vec3 fieldTesla, double end, double sample = 10e-12, double torque = 1.0)
    {
        var film = StandardProblem4.Film(cellSize);
        return new MagnetProblem
        {
            Source = "sp4",
            Grid = film.Grid,
            Ms = StandardProblem4.SaturationMagnetization,
            ExchangeStiffness = StandardProblem4.ExchangeStiffness,
            Alpha = StandardProblem4.Alpha,
            Gamma0 = StandardProblem4.Gamma0,
            Field = fieldTesla,
            Initial = new InitialState { Kind = "uniform", Direction = new Vec3(1, 0.1, 0) },
            Stages =
            [
                new Stage { Kind = "relax", TorqueTolerance = torque, Field = Vec3.Zero },
                new Stage { Kind = "run", Duration = end, SampleInterval = sample },
            ],
            Outputs = new OutputSettings { ImageTimes = [0.0] },
        };
    }

    public static Sp4Result RunSp4(MagnetProblem problem, string folder, int threads = 0, Action<ProgressInfo>? progress = null, CancellationToken cancellation = default)
    {
        double[]? previous = null;
        double previousTime = 0;
        Vec3? relaxed = null;
        (double, Vec3)? crossing = null;
        Magnet? film = null;
        var runner = new ProblemRunner(problem, folder)
        {
            Threads = threads,
            Progress = progress,
            Cancellation = cancellation,
            OnSample = sim =>
            {
                film = sim.Magnet;
                Vec3 now = sim.AverageMagnetization();
                relaxed ??= now;
                if (crossing is null && previous is not null && MicromagneticSimulation.Average(sim.Magnet, previous).X > 0 && now.X <= 0)
                    crossing = StandardProblem4.FirstCrossing(sim, previous, previousTime, sim.Time, 0.1e-12);
                previous = (double[])sim.M.Clone();
                previousTime = sim.Time;
            },
        };
        var summary = runner.Run();
        return new Sp4Result(summary, film!, relaxed ?? summary.FinalMagnetization, crossing, summary.FinalMagnetization);
    }

    /// <summary>SP5: relax the vortex with the current off, then drive it with J along x (A/m²) and non-adiabaticity ξ until <paramref name="end"/> (s).</summary>
    public static MagnetProblem Sp5Problem(int cells, double xi, double currentDensity, double end, double sample = 10e-12, double torque = 1.0)
    {
        var film = StandardProblem5.Film(cells);
        return new MagnetProblem
        {
            Source = "sp5",
            Grid = film.Grid,
            Ms = StandardProblem5.SaturationMagnetization,
            ExchangeStiffness = StandardProblem5.ExchangeStiffness,
            Alpha = StandardProblem5.Alpha,
            Gamma0 = StandardProblem5.Gamma0,
            Current = new CurrentSettings { Jx = currentDensity, Polarization = 1, NonAdiabaticity = xi, MumaxConvention = true },
            Initial = new InitialState { Kind = "vortex", Circulation = 1, Polarity = 1, CoreRadius = 10e-9 },
            Stages =
            [
                new Stage { Kind = "relax", TorqueTolerance = torque, Current = false },
                new Stage { Kind = "run", Duration = end, SampleInterval = sample },
            ],
            Outputs = new OutputSettings { ImageTimes = [0.0] },
        };
    }

    public static Sp5Result RunSp5(MagnetProblem problem, string folder, int threads = 0, Action<ProgressInfo>? progress = null, CancellationToken cancellation = default)
    {
        Vec3? relaxed = null;
        (double, double)? relaxedCore = null;
        var runner = new ProblemRunner(problem, folder)
        {
            Threads = threads,
            Progress = progress,
            Cancellation = cancellation,
            OnSample = sim =>
            {
                if (relaxed is not null) return;
                relaxed = sim.AverageMagnetization();
                var c = VortexCore.Locate(sim.Magnet, sim.M);
                relaxedCore = (c.X, c.Y);
            },
            Columns =
            [
                ("core_x_m", (magnet, m) => VortexCore.Locate(magnet, m).X),
                ("core_y_m", (magnet, m) => VortexCore.Locate(magnet, m).Y),
            ],
        };
        var summary = runner.Run();
        var film = ProblemSetup.Magnet(problem);
        var finalCore = FinalCore(summary, film);
        return new Sp5Result(summary, film, relaxed ?? summary.FinalMagnetization, relaxedCore ?? finalCore, summary.FinalMagnetization, finalCore);
    }

    private static (double, double) FinalCore(RunSummary summary, Magnet film)
    {
        string? ovf = summary.Files.LastOrDefault(f => f.EndsWith("m_final.ovf", StringComparison.Ordinal));
        if (ovf is null) return (double.NaN, double.NaN);
        var c = VortexCore.Locate(film, OvfWriter.ReadValues(File.ReadAllText(ovf)));
        return (c.X, c.Y);
    }
}
