namespace CircuitSim.Magnetics;

/// <summary>One stage of a relaxation: the damping to use (dimensionless) and how long to run, s.</summary>
public readonly record struct RelaxationPhase(double Damping, double Duration);

/// <summary>What a relaxation did: simulated time (s), right-hand-side evaluations, and the largest |ṁ| (1/s) at the end.</summary>
public readonly record struct RelaxationResult(double SimulatedTime, long Evaluations, double FinalMaxRate);

/// <summary>
/// The AMM paper's tiered relaxation: the texture is evolved without current at decreasing damping (α = 1, then 0.1,
/// then the material's α in the paper, for 20, 30 and 50 ns) so the state a drive starts from has no spurious dynamics.
/// Deterministic (Dormand–Prince 5(4), thermal field off). A phase may end early once the largest |ṁ| over the cells
/// falls below a tolerance.
/// </summary>
public static class RingRelaxation
{
    /// <summary>The paper's protocol for a material damping α (s): (1, 20 ns), (0.1, 30 ns), (α, 50 ns).</summary>
    public static RelaxationPhase[] PaperProtocol(double materialDamping) =>
        new[] { new RelaxationPhase(1.0, 20e-9), new RelaxationPhase(0.1, 30e-9), new RelaxationPhase(materialDamping, 50e-9) };

    /// <summary>
    /// Relaxes <paramref name="m"/> in place through <paramref name="phases"/>. The dynamics' drive, current and damping
    /// are restored afterwards.
    /// </summary>
    /// <param name="dynamics">The ring.</param>
    /// <param name="m">Texture, interleaved unit vectors.</param>
    /// <param name="phases">Stages, in order.</param>
    /// <param name="options">Integrator settings (defaults if null).</param>
    /// <param name="rateTolerance">End a phase once max |ṁ| &lt; this (1/s); 0 runs every phase to its end.</param>
    /// <param name="checkInterval">How often the rate is checked, s.</param>
    /// <exception cref="InvalidOperationException">The integration failed.</exception>
    public static RelaxationResult Run(RingDynamics dynamics, Span<double> m, IReadOnlyList<RelaxationPhase> phases,
        DormandPrinceOptions? options = null, double rateTolerance = 0, double checkInterval = 1e-9, CancellationToken cancellation = default)
    {
        var drive = dynamics.Drive;
        double current = dynamics.CurrentDensity, alpha = dynamics.Alpha;
        dynamics.Drive = null;
        dynamics.CurrentDensity = 0;
        dynamics.Thermal?.Clear();
        var integrator = new DormandPrince54(dynamics.Dimension, options, dynamics) { Cancellation = cancellation };
        var rate = new double[dynamics.Dimension];
        double simulated = 0;
        long evaluations = 0;
        double finalRate = double.NaN;
        try
        {
            foreach (var phase in phases)
            {
                dynamics.Alpha = phase.Damping;
                var step = new AdaptiveStepState();
                double t = 0;
                while (t < phase.Duration)
                {
                    double t1 = Math.Min(phase.Duration, t + checkInterval);
                    var r = integrator.Advance(dynamics, t, t1, m, ref step);
                    evaluations += r.Evaluations;
                    if (!r.Succeeded)
                        throw new InvalidOperationException($"relaxation failed at α = {phase.Damping}, t = {r.TimeReached:G4} s ({r.Status})");
                    simulated += t1 - t;
                    t = t1;
                    if (rateTolerance > 0 && MaxRate(dynamics, m, rate) < rateTolerance) break;
                }
            }
            finalRate = MaxRate(dynamics, m, rate);
        }
        finally
        {
            dynamics.Drive = drive;
            dynamics.CurrentDensity = current;
            dynamics.Alpha = alpha;
        }
        return new RelaxationResult(simulated, evaluations, finalRate);
    }

    /// <summary>max over cells of |ṁ| (1/s) without current.</summary>
    public static double MaxRate(RingDynamics dynamics, ReadOnlySpan<double> m, Span<double> work)
    {
        dynamics.Derivative(0, m, work);
        double worst = 0;
        for (int k = 0; k < work.Length; k += 3)
            worst = Math.Max(worst, Math.Sqrt(work[k] * work[k] + work[k + 1] * work[k + 1] + work[k + 2] * work[k + 2]));
        return worst;
    }
}
