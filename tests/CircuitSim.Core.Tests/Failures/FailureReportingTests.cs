using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Failures;

/// <summary>Simulations that start and then fail say when and where.</summary>
public class FailureReportingTests
{
    /// <summary>
    /// From t = 1 µs node a has no solution: the source pushes 1 mA out of a when v(a) ≥ 0.5 V (then v(a) = −1 V) and
    /// pulls 1 mA in when v(a) &lt; 0.5 V (then v(a) = +1 V), so Newton alternates between ±1 V at every step size.
    /// </summary>
    private static Circuit NoSolutionAfterOneMicrosecond() => new(
        new Resistor("R1", "a", "0", 1e3),
        new BehavioralSource("B1", "a", "0", BehavioralKind.Current, "time > 1e-6 ? (v(a) < 0.5 ? -1e-3 : 1e-3) : 0"));

    [Fact]
    public void TransientNonConvergence_NamesTheTimeAndTheUnknowns()
    {
        var sim = new Transient(NoSolutionAfterOneMicrosecond(), 10e-9, 2e-6);
        var last = 0.0;
        var e = Assert.Throws<ConvergenceException>(() =>
        {
            foreach (var p in sim.Run()) last = p.Scale;
        });

        Assert.NotNull(e.Time);
        // the step is cut down to the minimum step (1e-11 of the 10 ns maximum) just before 1 µs
        Assert.Equal(1e-6, e.Time!.Value, 1e-12);
        Assert.Equal(last, e.Time.Value);            // the points before the failure were streamed
        Assert.Contains("a", e.Unknowns);
        Assert.Contains($"at time {e.Time.Value:G6} s", e.Message);
        Assert.Contains("not converged: a", e.Message);
    }

    /// <summary>A 1 kΩ resistor cancelled by a VCCS of −1 mS leaves node a with zero conductance: the topology is fine,
    /// the matrix is not.</summary>
    [Fact]
    public void SingularMatrix_NamesTheNode()
    {
        var c = new Circuit(
            new CurrentSource("I1", "0", "a", 1e-3),
            new Resistor("R1", "a", "0", 1e3),
            new VoltageControlledCurrentSource("G1", "a", "0", "a", "0", -1e-3));
        var e = Assert.Throws<SingularCircuitException>(() => Run.Record(new OperatingPoint(c)));

        Assert.Equal("a", e.Unknown);
        Assert.Contains("node 'a'", e.Message);
    }

    /// <summary>An ideal parallel LC driven by a current source: at ω = 1/√(LC) the node's admittance jωC + 1/(jωL)
    /// vanishes (L = C = 1 and ω = 1 rad/s make the cancellation exact up to the rounding of 2π·(1/2π)).</summary>
    [Fact]
    public void SingularAcMatrix_NamesTheFrequencyAndTheNode()
    {
        var c = new Circuit(
            new CurrentSource("I1", "0", "tank", 0) { AcMagnitude = 1 },
            new Inductor("L1", "tank", "0", 1),
            new Capacitor("C1", "tank", "0", 1));
        var sim = new Ac(c, AcSweepKind.Linear, 1, 1 / (2 * Math.PI), 1 / (2 * Math.PI));
        var e = Assert.Throws<SingularCircuitException>(() => Run.Record(sim, "vm(tank)"));

        Assert.Contains("AC analysis at 0.159155 Hz", e.Message);
        Assert.True(e.Unknown is "tank" or "l1#branch", e.Unknown);
    }

    [Fact]
    public void Operating_PointFailureNamesTheUnknownsThatDidNotSettle()
    {
        var c = new Circuit(
            new Resistor("R1", "a", "0", 1e3),
            new BehavioralSource("B1", "a", "0", BehavioralKind.Current, "v(a) < 0.5 ? -1e-3 : 1e-3"));
        var e = Assert.Throws<ConvergenceException>(() => Run.Record(new OperatingPoint(c)));

        Assert.Contains("a", e.Unknowns);
        Assert.Null(e.Time);
        Assert.Contains("operating point", e.Message);
    }

    [Fact]
    public void Operating_PointFailureMentionsOnlyTheMethodsThatWereTried()
    {
        var c = new Circuit(
            new Resistor("R1", "a", "0", 1e3),
            new BehavioralSource("B1", "a", "0", BehavioralKind.Current, "v(a) < 0.5 ? -1e-3 : 1e-3"));
        var options = new SimulationOptions { GminSteps = 0, SourceSteps = 0 };
        var e = Assert.Throws<ConvergenceException>(() => Run.Record(new OperatingPoint(c, options)));

        Assert.DoesNotContain("gmin stepping", e.Message);
        Assert.DoesNotContain("source stepping", e.Message);
    }
}
