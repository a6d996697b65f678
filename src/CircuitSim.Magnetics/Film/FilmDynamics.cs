using System.Diagnostics;

namespace CircuitSim.Magnetics.Film;

/// <summary>Work counters of a <see cref="FilmDynamics"/> (cumulative; reset with <see cref="Reset"/>).</summary>
public sealed class FilmDynamicsStatistics
{
    /// <summary>Time spent integrating the LLG equation, Stopwatch ticks.</summary>
    public long LlgTicks;

    /// <summary>Time spent in conduction solves (assembly, PCG, G and current densities), Stopwatch ticks.</summary>
    public long ConductionTicks;

    /// <summary>Conduction refreshes (each K − 1 PCG solves).</summary>
    public long Refreshes;

    /// <summary>PCG iterations, all solves together.</summary>
    public long ConjugateGradientIterations;

    /// <summary>LLG right-hand-side evaluations.</summary>
    public long RightHandSideEvaluations;

    /// <summary>Accepted LLG steps (sub-steps for the stochastic integrator).</summary>
    public long LlgSteps;

    public double LlgSeconds => LlgTicks / (double)Stopwatch.Frequency;

    public double ConductionSeconds => ConductionTicks / (double)Stopwatch.Frequency;

    public void Reset()
    {
        LlgTicks = ConductionTicks = Refreshes = ConjugateGradientIterations = RightHandSideEvaluations = LlgSteps = 0;
    }
}

/// <summary>
/// The self-consistent film: the texture evolves by the LLG equation with the Zhang–Li torque of the present current
/// density, and the current density follows the texture through the AMR conductivity. The two are advanced in turn:
/// the LLG integration runs in chunks of <see cref="FilmDynamicsOptions.CheckInterval"/> with the current density of
/// the last conduction solve (times the present, linearly interpolated electrode voltages), and the conduction is
/// solved again — warm-started — once the texture has turned, as an RMS over the cells, by more than
/// <see cref="FilmDynamicsOptions.RefreshThreshold"/> since that solve. The lag this leaves in j is first order in the threshold; the threshold is the knob that trades it
/// for speed (the device and the Hopfield runs report convergence in it).
/// <para>
/// T = 0 uses adaptive Dormand–Prince 5(4) (renormalizing |m| = 1 after each chunk); T &gt; 0 the stochastic Heun
/// scheme with a fixed sub-step and the Brown field. Instances hold work arrays: one per device, not thread-safe.
/// </para>
/// </summary>
public sealed class FilmDynamics
{
    private readonly FilmCurrentDensity _drive;
    private readonly DormandPrince54 _deterministic;
    private readonly StochasticHeun? _stochastic;

    /// <param name="grid">Film geometry.</param>
    /// <param name="material">Magnetic parameters.</param>
    /// <param name="conductivity">AMR resistivities.</param>
    /// <param name="electrodes">K ≥ 2 electrodes in terminal order.</param>
    /// <param name="options">Numerical settings (defaults if null).</param>
    public FilmDynamics(Grid2D grid, FilmMaterial material, AmrConductivity conductivity, IReadOnlyList<FilmElectrode> electrodes, FilmDynamicsOptions? options = null)
    {
        Options = options ?? new FilmDynamicsOptions();
        Grid = grid;
        Conduction = new FilmConduction(grid, conductivity, electrodes) { Tolerance = Options.ConductionTolerance };
        _drive = new FilmCurrentDensity(grid.CellCount, electrodes.Count);
        Rhs = new FilmRightHandSide(grid, material, _drive);
        if (Options.Temperature > 0)
        {
            Rhs.Thermal = new ThermalField(grid.CellCount, material.SaturationMagnetization, grid.CellVolume, Options.Temperature);
            _stochastic = new StochasticHeun(Rhs.Dimension, Rhs.NoiseDimension, Options.ThermalStep, Rhs);
        }
        _deterministic = new DormandPrince54(Rhs.Dimension, new DormandPrinceOptions
        {
            RelativeTolerance = Options.RelativeTolerance,
            AbsoluteTolerance = Options.AbsoluteTolerance,
            MinStep = Options.MinStep,
        });
        _currentDensity = new double[2 * grid.CellCount];
    }

    private readonly double[] _currentDensity;

    public FilmDynamicsOptions Options { get; }

    /// <summary>Stops a long integration (a run being interrupted) with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation
    {
        get => _deterministic.Cancellation;
        set
        {
            _deterministic.Cancellation = value;
            if (_stochastic is not null) _stochastic.Cancellation = value;
        }
    }

    public Grid2D Grid { get; }

    public FilmConduction Conduction { get; }

    public FilmRightHandSide Rhs { get; }

    public FilmMaterial Material => Rhs.Material;

    public int ElectrodeCount => Conduction.ElectrodeCount;

    public FilmDynamicsStatistics Statistics { get; } = new();

    /// <summary>A state holding <paramref name="m"/> (copied, normalized), with its conduction solved from a cold start.</summary>
    public FilmState CreateState(ReadOnlySpan<double> m, ulong seed = 1)
    {
        if (m.Length != 3 * Grid.CellCount) throw new ArgumentException($"film: a texture for this grid has {Grid.CellCount} cells, got {m.Length / 3}.", nameof(m));
        var s = new FilmState(Grid.CellCount, ElectrodeCount, Conduction.PotentialLength, seed);
        m.CopyTo(s.M);
        InterleavedVectors.NormalizeAll(s.M);
        Conduction.NewPotentials().CopyTo(s.Potentials, 0);
        Refresh(s);
        return s;
    }

    /// <summary>Solves the current flow for the present texture of <paramref name="s"/> (warm start) and updates G and J_k.</summary>
    public void Refresh(FilmState s)
    {
        long t0 = Stopwatch.GetTimestamp();
        Conduction.Assemble(s.M);
        Statistics.ConjugateGradientIterations += Conduction.Solve(s.Potentials);
        Conduction.ConductanceMatrix(s.Potentials, s.Conductance);
        _drive.Basis.Clear();
        Conduction.CurrentDensityBasis(s.Potentials, _drive);
        _drive.Basis.CopyTo(s.CurrentBasis);
        Array.Copy(s.M, s.ReferenceM, s.M.Length);
        Statistics.Refreshes++;
        Statistics.ConductionTicks += Stopwatch.GetTimestamp() - t0;
    }

    /// <summary>
    /// Advances <paramref name="s"/> from <paramref name="t0"/> to <paramref name="t1"/> (s) with electrode voltages
    /// moving linearly from <paramref name="v0"/> to <paramref name="v1"/> (V). Allocates nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The LLG integration or a conduction solve failed.</exception>
    public void Advance(FilmState s, double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        if (!(t1 > t0)) return;
        _drive.SetLinearDrive(t0, t1, v0, v1);
        s.CurrentBasis.CopyTo(_drive.Basis);
        // the drive is linear in time, so its largest current density over the step is at one of the ends
        CheckCurrentDensity(t0);
        CheckCurrentDensity(t1);
        double interval = Options.CheckInterval;
        double t = t0;
        while (t < t1)
        {
            double tc = t + interval;
            if (tc > t1 - 0.01 * interval) tc = t1;
            Integrate(s, t, tc);
            if (RmsTurn(s.M, s.ReferenceM) > Options.RefreshThreshold) Refresh(s); // also loads the new J_k into the drive
            t = tc;
        }
    }

    /// <summary>Advances with constant electrode voltages <paramref name="v"/> (V).</summary>
    public void Advance(FilmState s, double t0, double t1, ReadOnlySpan<double> v) => Advance(s, t0, t1, v, v);

    /// <summary>
    /// Relaxes the texture of <paramref name="s"/> with no current and no thermal field for <paramref name="duration"/> (s)
    /// at damping <paramref name="alpha"/> (the material's is restored afterwards), then solves the conduction.
    /// </summary>
    public void Relax(FilmState s, double duration, double alpha)
    {
        double saved = Rhs.Alpha;
        Rhs.Alpha = alpha;
        try
        {
            var adaptive = s.Adaptive;
            s.Adaptive = default;
            _drive.Clear();
            Rhs.Thermal?.Clear();
            double t = 0;
            while (t < duration)
            {
                double tc = Math.Min(duration, t + 100 * Options.CheckInterval);
                Integrate(s, t, tc, deterministic: true);
                t = tc;
            }
            s.Adaptive = adaptive;
            s.Adaptive.SuggestedStep = 0;
        }
        finally
        {
            Rhs.Alpha = saved;
        }
        Refresh(s);
    }

    /// <summary>Electrode currents I = G V (A, into the film) of state <paramref name="s"/> at voltages <paramref name="v"/> (V).</summary>
    public void Currents(FilmState s, ReadOnlySpan<double> v, Span<double> currents)
    {
        int k = ElectrodeCount;
        for (int i = 0; i < k; i++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++) sum += s.Conductance[i * k + j] * v[j];
            currents[i] = sum;
        }
    }

    /// <summary>Writes the current density (A/m², (j_x, j_y) per cell) of state <paramref name="s"/> at voltages <paramref name="v"/> (V).</summary>
    public void CurrentDensity(FilmState s, ReadOnlySpan<double> v, Span<double> j)
    {
        s.CurrentBasis.CopyTo(_drive.Basis);
        _drive.SetVoltages(v);
        _drive.Evaluate(0, j);
    }

    /// <summary>Refuses a drive whose rms current density exceeds <see cref="FilmDynamicsOptions.MaxCurrentDensity"/>.</summary>
    /// <exception cref="InvalidOperationException">Naming the time and the current density.</exception>
    private void CheckCurrentDensity(double t)
    {
        _drive.Evaluate(t, _currentDensity);
        double sum = 0;
        foreach (var j in _currentDensity) sum += j * j;
        double rms = Math.Sqrt(sum / Grid.CellCount);
        if (!(rms <= Options.MaxCurrentDensity))
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"film: the rms current density {rms:G3} A/m² at t = {t:G6} s is beyond what any material carries (limit {Options.MaxCurrentDensity:G3} A/m²); check the drive's amplitude"));
    }

    private void Integrate(FilmState s, double t0, double t1, bool deterministic = false)
    {
        long start = Stopwatch.GetTimestamp();
        AdvanceResult r = _stochastic is null || deterministic
            ? _deterministic.Advance(Rhs, t0, t1, s.M, ref s.Adaptive)
            : _stochastic.Advance(Rhs, t0, t1, s.M, ref s.Heun);
        InterleavedVectors.NormalizeAll(s.M);
        Statistics.LlgTicks += Stopwatch.GetTimestamp() - start;
        Statistics.RightHandSideEvaluations += r.Evaluations;
        Statistics.LlgSteps += r.AcceptedSteps;
        if (r.Status == IntegrationStatus.StepSizeTooSmall)
            throw new InvalidOperationException(
                $"film: the LLG step fell below {Options.MinStep:G3} s at t = {r.TimeReached:G6} s: the magnetization moves faster than any physical drive makes it (check the drive)");
        if (!r.Succeeded)
            throw new InvalidOperationException($"film: the LLG integration failed at t = {r.TimeReached:G6} s ({r.Status}).");
    }

    /// <summary>Root-mean-square over the cells of |m_i − m_ref,i| (dimensionless).</summary>
    public static double RmsTurn(ReadOnlySpan<double> m, ReadOnlySpan<double> reference)
    {
        double sum = 0;
        for (int k = 0; k < m.Length; k++)
        {
            double d = m[k] - reference[k];
            sum += d * d;
        }
        return Math.Sqrt(3 * sum / m.Length);
    }

    /// <summary>Largest |m_i − m_ref,i| over the cells (dimensionless).</summary>
    public static double MaxTurn(ReadOnlySpan<double> m, ReadOnlySpan<double> reference)
    {
        double worst = 0;
        for (int k = 0; k + 2 < m.Length; k += 3)
        {
            double dx = m[k] - reference[k], dy = m[k + 1] - reference[k + 1], dz = m[k + 2] - reference[k + 2];
            double d = dx * dx + dy * dy + dz * dz;
            if (d > worst) worst = d;
        }
        return Math.Sqrt(worst);
    }
}
