using CircuitSim.Core.Analyses;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;

namespace CircuitSim.Core.Tests.Performance;

/// <summary>
/// The hot path allocates nothing: after a warm-up, the bytes allocated by this thread do not change over many
/// Newton iterations and many transient time points of a circuit that holds every element type.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void NewtonIterations_AllocateNothing()
    {
        var sim = new OperatingPoint(EveryElement.Build());
        _ = Run.Record(sim, "v(out)");
        var s = sim.State;

        void Iterate(int times)
        {
            for (var k = 0; k < times; k++)
            {
                s.Mode = AnalysisMode.DcOp;
                s.Init = InitMode.Float;
                Assert.True(sim.Solver.Iterate(sim.Options.Itl1));
            }
        }

        Iterate(10); // warm-up: JIT and tiered compilation
        var before = GC.GetAllocatedBytesForCurrentThread();
        var iterationsBefore = sim.Statistics.NewtonIterations;
        Iterate(500);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sim.Statistics.NewtonIterations - iterationsBefore >= 1000, "each Iterate runs at least two iterations");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void JunctionInitialisationAndRefactorization_AllocateNothing()
    {
        var sim = new OperatingPoint(EveryElement.Build());
        _ = Run.Record(sim, "v(out)");
        var s = sim.State;

        void Solve()
        {
            s.Mode = AnalysisMode.DcOp;
            s.Init = InitMode.Junction; // the first-iteration path: fresh pivot search, Junction → Fix → Float
            Assert.True(sim.Solver.Iterate(sim.Options.Itl1));
        }

        for (var k = 0; k < 5; k++) Solve();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 100; k++) Solve();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TransientTime_PointsAllocateNothing()
    {
        // tstep 1 ns against 0.5 ns pulse edges: the truncation error rejects steps after every edge
        var sim = new Transient(EveryElement.Build(), 1e-9, 2e-6);
        var probe = sim.CreateProbe("v(out)");
        using var points = sim.Run().GetEnumerator();
        double sum = 0;
        for (var k = 0; k < 200; k++)
        {
            Assert.True(points.MoveNext());
            sum += probe.Value;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var accepted = sim.Statistics.AcceptedSteps;
        var rejectedBefore = sim.Statistics.RejectedSteps;
        for (var k = 0; k < 1000; k++)
        {
            Assert.True(points.MoveNext());
            sum += probe.Value;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1000, sim.Statistics.AcceptedSteps - accepted);
        Assert.True(sim.Statistics.RejectedSteps > rejectedBefore, "the window must include rejected steps (rollback path)");
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void BatchedMosfet_LoadsWithBypassAllocateNothing()
    {
        // 80 MOSFETs of two models in two batches; the edge reaches stage 8 in 2 ns, the idle stages bypass
        var sim = new Transient(CmosCircuits.InverterChain(40), 10e-12, 4e-9, options: new SimulationOptions { Bypass = true });
        var probe = sim.CreateProbe("v(n8)");
        using var points = sim.Run().GetEnumerator();
        for (var k = 0; k < 50; k++) Assert.True(points.MoveNext());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var bypassed = sim.Statistics.DeviceBypasses;
        double sum = 0;
        for (var k = 0; k < 200; k++)
        {
            Assert.True(points.MoveNext());
            sum += probe.Value;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sim.Statistics.DeviceBypasses > bypassed, "the window must include bypassed loads");
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }
}
