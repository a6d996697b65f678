using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors.Bsim4;
using CircuitSim.Devices.Sources;
using CircuitSim.Testing;

namespace CircuitSim.Core.Tests.Performance;

/// <summary>
/// The BSIM4 load (evaluation, limiting, charge integration, stamp) allocates nothing: after a warm-up, the bytes
/// allocated by this thread do not change over many Newton iterations and transient time points of a BSIM4 ring
/// oscillator whose cards switch on gate tunnelling, GIDL, impact ionisation and external series resistances.
/// </summary>
public class Bsim4AllocationTests
{
    private static Circuit RingOscillator()
    {
        const string leaky = "igcmod=1 igbmod=1 agidl=1e-9 alpha0=1e-6 beta0=20 rdsmod=1 rdw=100 rsw=100";
        var c = new Circuit(Bsim4Cards.Nmos(extra: leaky), Bsim4Cards.Pmos(extra: leaky),
            new VoltageSource("VDD", "vdd", "0", 1.0));
        for (var k = 1; k <= 5; k++)
        {
            var (input, output) = ($"n{k}", $"n{k % 5 + 1}");
            c.Add(new Bsim4Mosfet($"mp{k}", output, input, "vdd", "vdd", "pch") { Width = 270e-9, Length = 45e-9, DrainArea = 2e-14, DrainPerimeter = 5e-7 });
            c.Add(new Bsim4Mosfet($"mn{k}", output, input, "0", "0", "nch") { Width = 90e-9, Length = 45e-9, DrainArea = 1e-14, DrainPerimeter = 3e-7 });
            c.Add(new Capacitor($"c{k}", output, "0", 0.5e-15));
        }
        return c;
    }

    [Fact]
    public void Bsim4NewtonIterations_AllocateNothing()
    {
        var sim = new OperatingPoint(RingOscillator());
        _ = Run.Record(sim, "v(n1)");
        var s = sim.State;

        void Iterate(int times)
        {
            for (var k = 0; k < times; k++)
            {
                s.Mode = AnalysisMode.DcOp;
                s.Init = InitMode.Junction;
                Assert.True(sim.Solver.Iterate(sim.Options.Itl1));
            }
        }

        Iterate(10);
        var iterationsBefore = sim.Statistics.NewtonIterations;
        var allocated = SteadyStateAllocation.FewestBytes(() => Iterate(70));

        Assert.True(sim.Statistics.NewtonIterations - iterationsBefore >= 140 * SteadyStateAllocation.Rounds,
            "each solve runs at least two iterations");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Bsim4TransientTime_PointsAllocateNothing()
    {
        var sim = new Transient(RingOscillator(), 1e-12, 1e-9);
        var probe = sim.CreateProbe("v(n1)");
        using var points = sim.Run().GetEnumerator();
        double sum = 0;
        for (var k = 0; k < 100; k++)
        {
            Assert.True(points.MoveNext());
            sum += probe.Value;
        }

        var accepted = sim.Statistics.AcceptedSteps;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var k = 0; k < 170; k++)
            {
                Assert.True(points.MoveNext());
                sum += probe.Value;
            }
        });

        Assert.Equal(170 * SteadyStateAllocation.Rounds, sim.Statistics.AcceptedSteps - accepted);
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }
}
