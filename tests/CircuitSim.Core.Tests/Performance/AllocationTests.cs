using CircuitSim.Core.Analyses;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using CircuitSim.Testing;

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
        var iterationsBefore = sim.Statistics.NewtonIterations;
        var allocated = SteadyStateAllocation.FewestBytes(() => Iterate(200));

        Assert.True(sim.Statistics.NewtonIterations - iterationsBefore >= 400 * SteadyStateAllocation.Rounds,
            "each Iterate runs at least two iterations");
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

        Assert.Equal(0, SteadyStateAllocation.FewestBytes(() =>
        {
            for (var k = 0; k < 100; k++) Solve();
        }));
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

        var accepted = sim.Statistics.AcceptedSteps;
        var rejectedBefore = sim.Statistics.RejectedSteps;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var k = 0; k < 400; k++)
            {
                Assert.True(points.MoveNext());
                sum += probe.Value;
            }
        });

        Assert.Equal(400 * SteadyStateAllocation.Rounds, sim.Statistics.AcceptedSteps - accepted);
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

        var bypassed = sim.Statistics.DeviceBypasses;
        double sum = 0;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var k = 0; k < 70; k++)
            {
                Assert.True(points.MoveNext());
                sum += probe.Value;
            }
        });

        Assert.True(sim.Statistics.DeviceBypasses > bypassed, "the window must include bypassed loads");
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void BatchedBehavioralSources_TransientPointsAllocateNothing()
    {
        // 40 I= sources of one program (one batch, part of its second chunk filled), each on an RC cell driven by a sine
        var elements = new List<Component> { new VoltageSource("V1", "in", "0", new Sine(0, 1, 1e6)) };
        for (var k = 0; k < 40; k++)
        {
            elements.Add(new Resistor($"R{k}", "in", $"p{k}", 1e3));
            elements.Add(new Capacitor($"C{k}", $"p{k}", "0", 1e-12));
            elements.Add(new BehavioralSource($"B{k}", $"p{k}", "0", BehavioralKind.Current, $"1e-3*v(p{k})*v(p{k})*v(p{k}) + 1e-4*tanh(3*v(p{k}))"));
        }
        var sim = new Transient(new Circuit(elements.ToArray()), 1e-8, 1e-5);
        var probe = sim.CreateProbe("i(b7)");
        using var points = sim.Run().GetEnumerator();
        for (var k = 0; k < 50; k++) Assert.True(points.MoveNext());

        double sum = 0;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var k = 0; k < 100; k++)
            {
                Assert.True(points.MoveNext());
                sum += Math.Abs(probe.Value);
            }
        });

        Assert.True(sum > 0, "the sources should conduct");
        Assert.Equal(0, allocated);
    }
}
