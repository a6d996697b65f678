using CircuitSim.Core.Analyses;
using CircuitSim.Core.Tests.Support;

namespace CircuitSim.Core.Tests.Instrumentation;

/// <summary>Every counter and timer of <see cref="Simulations.SimulationStatistics"/> is filled by a run.</summary>
public class StatisticsTests
{
    [Fact]
    public void TransientFills_CountsAndTimes()
    {
        // tstep 1 ns against 0.5 ns pulse edges makes the truncation error reject steps
        var sim = new Transient(EveryElement.Build(), 1e-9, 100e-9);
        _ = Run.Record(sim, "v(out)");
        var s = sim.Statistics;

        Assert.True(s.NewtonIterations > s.AcceptedSteps, "at least one iteration per point, more at the operating point");
        Assert.True(s.AcceptedSteps > 10);
        Assert.True(s.RejectedSteps > 0);
        Assert.Equal(s.AcceptedSteps + s.RejectedSteps, s.TimePoints); // the operating point plus every attempt
        Assert.True(s.Factorizations > 0);
        Assert.True(s.Repivots > 0);
        Assert.True(s.LoadTicks > 0 && s.FactorTicks > 0 && s.SolveTicks > 0 && s.TruncationTicks > 0 && s.AcceptTicks > 0);
        Assert.True(s.TotalTicks >= s.LoadTicks + s.FactorTicks + s.SolveTicks, "the parts lie within the total");
        Assert.Contains("accepted", s.ToString());
    }

    [Fact]
    public void Operating_PointCountsItsIterations()
    {
        var sim = new OperatingPoint(EveryElement.Build());
        _ = Run.Record(sim, "v(out)");
        var s = sim.Statistics;

        Assert.True(s.NewtonIterations >= 2, "convergence is never declared on the first iteration");
        Assert.True(s.LoadTicks > 0 && s.FactorTicks > 0 && s.SolveTicks > 0 && s.TotalTicks > 0);
        Assert.Equal(0, s.AcceptedSteps);
    }
}
