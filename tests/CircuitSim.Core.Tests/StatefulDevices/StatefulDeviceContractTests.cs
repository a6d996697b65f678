using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.StatefulDevices;

/// <summary>The engine's contract with devices that carry internal state, checked on a device whose ODE is solvable.</summary>
public class StatefulDeviceContractTests
{
    private const double G0 = 1e-3, A = 0.5, Tau = 1e-6;

    /// <summary>The state at every accepted point of a transient that must reach <paramref name="stop"/>: a run that
    /// yields nothing (or stops early) fails here instead of letting a check over its points pass on none.</summary>
    private static (double[] T, double[] X) Run(Circuit c, RelaxingConductance d, double step, double stop, double? maxStep = null)
    {
        var sim = new Transient(c, step, stop, maxStep: maxStep);
        var x = sim.CreateProbe($"@{d.Name}[x]");
        var t = new List<double>();
        var xs = new List<double>();
        foreach (var p in sim.Run())
        {
            t.Add(p.Scale);
            xs.Add(x.Value);
        }
        AssertReachedTheEnd(t, step, stop);
        return (t.ToArray(), xs.ToArray());
    }

    /// <summary>At least one point per print step, the last at tstop.</summary>
    private static void AssertReachedTheEnd(IReadOnlyList<double> t, double step, double stop)
    {
        Assert.True(t.Count >= stop / step, $"{t.Count} points for a {stop:G3} s run printed every {step:G3} s");
        Assert.Equal(stop, t[^1], 1e-12 * stop);
    }

    /// <summary>x(t) under v = V0·sin ωt from x(0) = 0.</summary>
    private static double SineSolution(double t, double v0, double w) =>
        A * v0 / (1 + w * w * Tau * Tau) * (Math.Sin(w * t) - w * Tau * Math.Cos(w * t) + w * Tau * Math.Exp(-t / Tau));

    [Fact]
    public void Constant_DriveReproducesTheExactRelaxation()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau);
        var c = new Circuit(new VoltageSource("V1", "a", "0", 2.0), d);

        var (t, x) = Run(c, d, 50e-9, 5e-6);

        // the drive is constant, so the linearly interpolated voltage is exact: only round-off remains
        for (var k = 0; k < t.Length; k++) Assert.Equal(A * 2.0 * (1 - Math.Exp(-t[k] / Tau)), x[k], 1e-12);
    }

    [Fact]
    public void DeviceCurrent_FollowsTheState()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau);
        var c = new Circuit(new VoltageSource("V1", "a", "0", 2.0), d);
        var sim = new Transient(c, 50e-9, 5e-6);
        var i = sim.CreateProbe("i(v1)");
        var x = sim.CreateProbe("@y1[x]");
        var points = sim.Run().Select(p => (p.Scale, I: i.Value, X: x.Value)).ToList();

        AssertReachedTheEnd(points.Select(p => p.Scale).ToList(), 50e-9, 5e-6);
        foreach (var p in points)
            Assert.Equal(-G0 * (1 + p.X) * 2.0, p.I, 1e-12); // the source delivers the device current (ngspice sign)
        Assert.True(points[^1].X > 0.9, "the state did move"); // A·2·(1 − e⁻⁵) = 0.993
    }

    [Fact]
    public void SinusoidalDriveError_IsSecondOrderInTheStep()
    {
        const double v0 = 1, f = 2e5;
        var w = 2 * Math.PI * f;
        double MaxError(double maxStep)
        {
            var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau);
            var c = new Circuit(new VoltageSource("V1", "a", "0", new Sine(0, v0, f)), d);
            var (t, x) = Run(c, d, maxStep, 10e-6, maxStep);
            return t.Select((tk, k) => Math.Abs(x[k] - SineSolution(tk, v0, w))).Max();
        }

        var coarse = MaxError(100e-9);
        var fine = MaxError(50e-9);

        // linear interpolation of the drive within a step: error O(h²), so halving h divides it by ~4 (≥ 3 allowed
        // for the pre-asymptotic regime); and it is small against the state amplitude A·V0 = 0.5
        Assert.True(coarse / fine > 3, $"error ratio {coarse / fine:F2} for halved step (coarse {coarse:E2}, fine {fine:E2})");
        Assert.True(fine < 1e-3 * A * v0, $"fine-step error {fine:E2}");
    }

    [Fact]
    public void DeviceProposedMaximum_StepBoundsEveryStep()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau) { MaxStep = 37e-9 };
        var c = new Circuit(new VoltageSource("V1", "a", "0", 1.0), d);

        var (t, _) = Run(c, d, 1e-6, 5e-6);

        var largest = t.Zip(t.Skip(1), (a, b) => b - a).Max();
        Assert.True(largest <= 37e-9 * (1 + 1e-12), $"largest step {largest:E3} s exceeds the device's 37 ns");
    }

    /// <summary>The device under a constant 2 V beside a resistor that refuses to converge at its first points in
    /// 1–3 µs, so the transient rejects steps there: the time points and the device's x at each.</summary>
    private static (RelaxingConductance Device, List<(double T, double X)> Points) RunWithRejections()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau);
        var c = new Circuit(
            new VoltageSource("V1", "a", "0", 2.0), d,
            new FlakyResistor("R9", "a", "0", 1e3, 1e-6, 3e-6));
        var sim = new Transient(c, 50e-9, 5e-6);
        var x = sim.CreateProbe("@y1[x]");
        var points = new List<(double, double)>();
        foreach (var p in sim.Run()) points.Add((p.Scale, x.Value));
        AssertReachedTheEnd(points.Select(p => p.Item1).ToList(), 50e-9, 5e-6);
        Assert.True(sim.Statistics.RejectedSteps > 5, $"only {sim.Statistics.RejectedSteps} rejected steps: the test did not exercise rollback");
        return (d, points);
    }

    [Fact]
    public void Rejected_StepsLeaveNoTraceInTheCommittedState()
    {
        // a constant drive makes every advance exact: if a rejected trial leaked into the committed state, the
        // retried step would start from a wrong x and the exact solution would be missed by far more than round-off
        var (_, points) = RunWithRejections();

        foreach (var (tk, xk) in points) Assert.Equal(A * 2.0 * (1 - Math.Exp(-tk / Tau)), xk, 1e-12);
    }

    /// <summary>The commit hook (where a device counts events or hands snapshots to an observer, instead of
    /// re-implementing Accept) sees the operating point once, as not transient, then every accepted time point once,
    /// in order, with the state committed there; rejected attempts never reach it.</summary>
    [Fact]
    public void OnCommitted_SeesTheOperatingPointThenEachAcceptedPointOnce()
    {
        var (d, points) = RunWithRejections();

        Assert.Equal((0.0, 0.0, false), d.Commits[0]);
        var transient = d.Commits.Skip(1).ToList();
        Assert.All(transient, commit => Assert.True(commit.IsTransient));
        Assert.Equal(points.Skip(1).Select(p => p.T), transient.Select(commit => commit.Time));
        // the state handed over is the committed one: the exact relaxation under the constant drive, to round-off
        foreach (var (t, x, _) in transient) Assert.Equal(A * 2.0 * (1 - Math.Exp(-t / Tau)), x, 1e-12);
    }

    [Fact]
    public void State_IsFrozenInAnOperatingPoint()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau) { InitialState = 0.25 };
        var c = new Circuit(new VoltageSource("V1", "a", "0", 2.0), d);
        var op = new OperatingPoint(c);
        var i = op.CreateProbe("i(v1)");
        var current = Assert.Single(op.Run().Select(_ => i.Value).ToList());
        Assert.Equal(-G0 * 1.25 * 2.0, current, 1e-15);
    }

    [Fact]
    public void Device_IsLinearizedAtItsCommittedStateInAC()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau) { InitialState = 1 };
        var c = new Circuit(new VoltageSource("V1", "in", "0", 0) { AcMagnitude = 1 }, new Resistor("R1", "in", "a", 500), d);
        var ac = new Ac(c, AcSweepKind.Decade, 1, 1e3, 1e3);
        var v = ac.CreateProbe("v(a)");
        var value = Assert.Single(ac.Run().Select(_ => v.ComplexValue).ToList()); // one decade, one point: 1 kHz
        Assert.Equal(1 / (1 + 500 * G0 * 2), value.Real, 1e-12); // divider with the device at G0·(1 + x)
    }

    [Fact]
    public void Trial_IsReusedWhileTheTerminalVoltagesDoNotMove()
    {
        var d = new RelaxingConductance("Y1", "a", "0", G0, A, Tau);
        var c = new Circuit(new VoltageSource("V1", "a", "0", 2.0), d);
        var sim = new Transient(c, 50e-9, 5e-6);
        AssertReachedTheEnd(sim.Run().Select(p => p.Scale).ToList(), 50e-9, 5e-6);
        Assert.True(d.Advances > 0, "the device was never advanced");

        // the voltage never moves, so each attempted point needs one advance, not one per Newton iteration
        Assert.True(d.Advances <= sim.Statistics.TimePoints, $"{d.Advances} advances for {sim.Statistics.TimePoints} time points");
        Assert.True(sim.Statistics.NewtonIterations > sim.Statistics.TimePoints);
    }
}
