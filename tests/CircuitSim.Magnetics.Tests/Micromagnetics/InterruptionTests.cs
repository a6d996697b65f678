namespace CircuitSim.Magnetics.Micromagnetics.Tests;

/// <summary>Issue 13: a micromagnetic run interrupted by its cancellation token (SIGINT/SIGTERM in <c>circuitsim
/// magnet</c>) stops between two whole steps and says where, so the table and final state can be written there.</summary>
public class InterruptionTests
{
    private static MicromagneticSystem Sp4(out Magnet film)
    {
        film = StandardProblem4.Film(16, 4);
        return StandardProblem4.System(film, StandardProblem4.Field1, threads: 1);
    }

    [Fact]
    public void Rk4Advance_WhenCancelled_StopsAtTheSixtyFourthStepWithItsTimeAndAWholeState()
    {
        using var sys = Sp4(out var film);
        using var stop = new CancellationTokenSource();
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, new Vec3(1, 0.1, 0)))
        {
            Integrator = MicromagneticIntegrator.RungeKutta4, FixedStep = 1e-14, Cancellation = stop.Token,
        };
        sim.Advance(1e-12);
        stop.Cancel();

        var e = Assert.Throws<IntegrationCancelledException>(() => sim.Advance(2e-12));

        // the check comes before step 63 (0-based) of the call: 63 whole steps of 10 fs after 1 ps (to rounding of t0 + s·h)
        Assert.Equal(1e-12 + 63e-14, e.TimeReached, 1e-24);
        Assert.Equal(e.TimeReached, sim.Time);
        for (int c = 0; c < film.CellCount; c++)
        {
            double norm = Math.Sqrt(sim.M[3 * c] * sim.M[3 * c] + sim.M[3 * c + 1] * sim.M[3 * c + 1] + sim.M[3 * c + 2] * sim.M[3 * c + 2]);
            Assert.Equal(1.0, norm, 1e-12); // a projected, whole step: |m| = 1 to rounding
        }
    }

    [Fact]
    public void DormandPrinceAdvance_WhenCancelled_StopsInsideTheIntervalAtAnAcceptedStep()
    {
        using var sys = Sp4(out var film);
        using var stop = new CancellationTokenSource();
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, new Vec3(1, 0.1, 0))) { Cancellation = stop.Token };
        stop.Cancel();

        var e = Assert.Throws<IntegrationCancelledException>(() => sim.Advance(1e-9));

        Assert.InRange(e.TimeReached, double.Epsilon, 1e-9 * (1 - 1e-9));
        Assert.Equal(e.TimeReached, sim.Time);
    }

    [Fact]
    public void Relax_WhenCancelled_ThrowsAndLeavesTheTimeAlone()
    {
        using var sys = Sp4(out var film);
        using var stop = new CancellationTokenSource();
        var sim = new MicromagneticSimulation(sys, Textures.Uniform(film, new Vec3(1, 0.1, 0))) { Cancellation = stop.Token };
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => sim.Relax(new RelaxOptions { TorqueTolerance = 1e-9 }));
        Assert.Equal(0, sim.Time);
    }
}
