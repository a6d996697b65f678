using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors.Bsim4;
using CircuitSim.Devices.Sources;
using CircuitSim.Testing;

namespace CircuitSim.Core.Tests.Parallel;

/// <summary>
/// Parallel device evaluation (<c>.options threads=N</c>) changes nothing but the time: the members of a model's batch
/// evaluate on several threads, each into its own state and stamp slot, and the slots are added to the system on one
/// thread in instance order, so a transient on four threads gives the same bits as on one, at every time point.
/// </summary>
public class ParallelDeviceEvaluationTests
{
    internal static Circuit Bsim4Chain(int stages)
    {
        var c = new Circuit(Bsim4Cards.Nmos(), Bsim4Cards.Pmos(),
            new VoltageSource("VDD", "vdd", "0", 1.0),
            new VoltageSource("VIN", "in", "0", new Pulse(0, 1.0, 20e-12, 20e-12, 20e-12, 200e-12, 500e-12), 0));
        for (var k = 1; k <= stages; k++)
        {
            var (input, output) = (k == 1 ? "in" : $"n{k - 1}", $"n{k}");
            c.Add(new Bsim4Mosfet($"mp{k}", output, input, "vdd", "vdd", "pch") { Width = 270e-9, Length = 45e-9 });
            c.Add(new Bsim4Mosfet($"mn{k}", output, input, "0", "0", "nch") { Width = 90e-9, Length = 45e-9 });
            c.Add(new Capacitor($"c{k}", output, "0", 0.5e-15));
        }
        return c;
    }

    /// <summary>Every node voltage and the supply current at every time point, with the number of parallel loads and
    /// of Newton iterations.</summary>
    private static (Run.Trace Trace, long ParallelLoads, int Iterations) Simulate(Circuit circuit, double step, double stop, int threads, int stages)
    {
        var sim = new Transient(circuit, step, stop);
        sim.Options.Threads = threads;
        var probes = Enumerable.Range(1, stages).Select(k => $"v(n{k})").Append("i(vdd)").ToArray();
        var trace = Run.Record(sim, probes);
        return (trace, sim.Statistics.ParallelBatchLoads, sim.Statistics.NewtonIterations);
    }

    private static void AssertBitIdentical(Run.Trace one, Run.Trace many)
    {
        Assert.Equal(one.Scale, many.Scale);
        for (var p = 0; p < one.Values.Length; p++)
            for (var k = 0; k < one.Count; k++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(one[p][k]), BitConverter.DoubleToInt64Bits(many[p][k]));
    }

    [Fact]
    public void Mos1Transient_OnFourThreads_IsBitIdenticalToOneThread()
    {
        const int stages = 20;
        var (one, serialLoads, oneIterations) = Simulate(CmosCircuits.InverterChain(stages), 20e-12, 6e-9, 1, stages);
        var (many, parallelLoads, manyIterations) = Simulate(CmosCircuits.InverterChain(stages), 20e-12, 6e-9, 4, stages);

        Assert.Equal(0, serialLoads);
        Assert.True(parallelLoads > 100, $"the batches were loaded on several threads ({parallelLoads} times)");
        AssertBitIdentical(one, many);
        Assert.Equal(oneIterations, manyIterations);
    }

    [Fact]
    public void Bsim4Transient_OnFourThreads_IsBitIdenticalToOneThread()
    {
        const int stages = 8;
        var (one, serialLoads, oneIterations) = Simulate(Bsim4Chain(stages), 2e-12, 600e-12, 1, stages);
        var (many, parallelLoads, manyIterations) = Simulate(Bsim4Chain(stages), 2e-12, 600e-12, 4, stages);

        Assert.Equal(0, serialLoads);
        Assert.True(parallelLoads > 100, $"the batches were loaded on several threads ({parallelLoads} times)");
        AssertBitIdentical(one, many);
        Assert.Equal(oneIterations, manyIterations);
    }

    [Fact]
    public void DefaultThreads_KeepSmallBatchesOnOneThread()
    {
        const int stages = 3;
        var (_, parallelLoads, _) = Simulate(Bsim4Chain(stages), 2e-12, 100e-12, 0, stages);

        Assert.Equal(0, parallelLoads);
    }


    [Fact]
    public void ParallelTransientTimePoints_AllocateNothingOnTheLoadingThread()
    {
        var sim = new Transient(Bsim4Chain(8), 2e-12, 2e-9);
        sim.Options.Threads = 4;
        var probe = sim.CreateProbe("v(n8)");
        using var points = sim.Run().GetEnumerator();
        double sum = 0;
        for (var k = 0; k < 100; k++)
        {
            Assert.True(points.MoveNext());
            sum += probe.Value;
            // warm-up of both ways of joining: while the workers spin, and after they blocked in an idle spell
            if (k == 50) Thread.Sleep(20);
        }

        // the workers' own threads: DeviceEvaluationPoolTests.Run_AllocatesNothingOnAnyThread
        var parallelBefore = sim.Statistics.ParallelBatchLoads;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var k = 0; k < 70; k++)
            {
                Assert.True(points.MoveNext());
                sum += probe.Value;
            }
        });

        Assert.True(sim.Statistics.ParallelBatchLoads - parallelBefore > 200, "the loads ran on several threads");
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }
}
