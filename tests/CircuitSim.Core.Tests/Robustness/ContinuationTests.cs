using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Robustness;

/// <summary>
/// Gmin stepping and source stepping rescue an operating point plain Newton cannot find. The circuit is a
/// saturating transconductor, i = 1 mA·atan(v(a) − 5·v(en)²), loaded by 1 MΩ: from v(a) = 0 Newton's tangent lands
/// far beyond the root, where the slope is tiny, and it cycles outwards (the classic arctan failure). The source
/// enters squared, so the first linearization (at v(en) = 0) cannot land on the root by luck.
/// </summary>
public class ContinuationTests
{
    private static Circuit Transconductor() => new(
        new VoltageSource("Ven", "en", "0", 1),
        new Resistor("RL", "a", "0", 1e6),
        new BehavioralSource("B1", "a", "0", BehavioralKind.Current, "1e-3*atan(v(a)-5*v(en)*v(en))"));

    /// <summary>The root of v/1 MΩ + 1 mA·atan(v − 5) = 0 by scalar Newton from 5 (where it converges).</summary>
    private static double ExactRoot()
    {
        var v = 5.0;
        for (var k = 0; k < 50; k++)
        {
            var f = v / 1e6 + 1e-3 * Math.Atan(v - 5);
            var df = 1 / 1e6 + 1e-3 / (1 + (v - 5) * (v - 5));
            v -= f / df;
        }
        return v;
    }

    private static double SolveA(SimulationOptions options)
    {
        var trace = Run.Record(new OperatingPoint(Transconductor(), options), "v(a)");
        return trace[0][0];
    }

    [Theory]
    [InlineData(false)] // gmin stepping
    [InlineData(true)]  // source stepping
    public void Stepping_StopsAtOnceWhenTheRunIsCancelled(bool sourceStepping)
    {
        // an interrupted run must not wait for a stepping that can last minutes (fuzz seed 31 case 7486: a 2 GV bulk
        // source made each point of a .dc sweep source-step for longer than the 10 s an interrupt may take)
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var options = sourceStepping
            ? new SimulationOptions { GminSteps = 0, Cancellation = cancel.Token }
            : new SimulationOptions { SourceSteps = 0, Cancellation = cancel.Token };
        Assert.Throws<OperationCanceledException>(() => SolveA(options));
    }

    [Fact]
    public void PlainNewton_FailsOnTheTransconductor()
    {
        var e = Assert.Throws<ConvergenceException>(() => SolveA(new SimulationOptions { GminSteps = 0, SourceSteps = 0 }));
        Assert.Contains("a", e.Unknowns);
    }

    [Fact]
    public void GminSteppingRescuesTheOperating_Point()
    {
        var v = SolveA(new SimulationOptions { SourceSteps = 0 });
        // the solution Newton accepts lies within RELTOL·|v| + VNTOL of the root
        Assert.Equal(ExactRoot(), v, 1e-3 * 5 + 1e-6);
    }

    [Fact]
    public void SourceSteppingRescuesTheOperating_Point()
    {
        var v = SolveA(new SimulationOptions { GminSteps = 0 });
        Assert.Equal(ExactRoot(), v, 1e-3 * 5 + 1e-6);
    }

    [Fact]
    public void RescuedSolution_AgreesWithATighterSolve()
    {
        var loose = SolveA(new SimulationOptions { SourceSteps = 0 });
        var tight = SolveA(new SimulationOptions { SourceSteps = 0, RelTol = 1e-9, VnTol = 1e-12, AbsTol = 1e-18 });
        Assert.Equal(tight, loose, 1e-3 * 5 + 1e-6);
        Assert.Equal(ExactRoot(), tight, 1e-8); // RELTOL 1e-9 of 5 V
    }
}
