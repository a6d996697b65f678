using CircuitSim.Core.Analyses;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Tests.Support;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;

namespace CircuitSim.Core.Tests.Analytic;

/// <summary>Values of the source time functions (ngspice 39 semantics) and their corners as transient breakpoints.</summary>
public class WaveformTests
{
    // waveform values are a handful of floating-point operations on O(1) numbers
    private const double Exact = 1e-12;
    private const double NoStep = 0, NoStop = 0;

    [Theory]
    [InlineData(0.0, 0.0)]      // before the delay: V1
    [InlineData(1.0e-6, 0.0)]   // at the delay
    [InlineData(1.05e-6, 0.5)]  // half way up the rise
    [InlineData(1.1e-6, 1.0)]   // top
    [InlineData(1.6e-6, 1.0)]   // end of the width
    [InlineData(1.7e-6, 0.5)]   // half way down the fall
    [InlineData(1.8e-6, 0.0)]   // back at V1
    [InlineData(3.05e-6, 0.5)]  // the second period repeats the first
    public void Pulse_is_trapezoidal_and_periodic(double t, double expected)
    {
        var pulse = new Pulse(0, 1, delay: 1e-6, rise: 0.1e-6, fall: 0.2e-6, width: 0.5e-6, period: 2e-6);
        Assert.Equal(expected, pulse.Value(t, NoStep, NoStop), Exact);
    }

    [Fact]
    public void Pulse_CountEndsTheTrain()
    {
        var pulse = new Pulse(0, 1, delay: 0, rise: 0.1e-6, fall: 0.1e-6, width: 0.5e-6, period: 1e-6, count: 1);
        Assert.Equal(1, pulse.Value(0.3e-6, NoStep, NoStop), Exact);
        Assert.Equal(0, pulse.Value(1.3e-6, NoStep, NoStop), Exact);
    }

    [Fact]
    public void PulseDefaults_RiseAndFallToTstepAndWidthAndPeriodToTstop()
    {
        var pulse = new Pulse(0, 2);
        const double tstep = 1e-9, tstop = 1e-6;
        Assert.Equal(1, pulse.Value(0.5e-9, tstep, tstop), Exact);    // rise over tstep
        Assert.Equal(2, pulse.Value(0.5e-6, tstep, tstop), Exact);    // width tstop
    }

    [Fact]
    public void Sine_IsOffsetBeforeItsDelayThenADampedSine()
    {
        var sine = new Sine(0.5, 2, frequency: 1e6, delay: 1e-6, damping: 1e5, phaseDegrees: 30);
        Assert.Equal(0.5 + 2 * Math.Sin(Math.PI / 6), sine.Value(0.5e-6, NoStep, NoStop), Exact);
        var t = 1.3e-6;
        var expected = 0.5 + 2 * Math.Sin(2 * Math.PI * 1e6 * 0.3e-6 + Math.PI / 6) * Math.Exp(-0.3e-6 * 1e5);
        Assert.Equal(expected, sine.Value(t, NoStep, NoStop), Exact);
    }

    [Fact]
    public void Exponential_RisesFromTd1AndFallsFromTd2()
    {
        var exp = new Exponential(0, 1, riseDelay: 1e-6, riseTau: 0.2e-6, fallDelay: 2e-6, fallTau: 0.5e-6);
        Assert.Equal(0, exp.Value(0.9e-6, NoStep, NoStop), Exact);
        Assert.Equal(1 - Math.Exp(-2.5), exp.Value(1.5e-6, NoStep, NoStop), Exact);
        var t = 2.4e-6;
        var expected = (1 - Math.Exp(-(t - 1e-6) / 0.2e-6)) - (1 - Math.Exp(-(t - 2e-6) / 0.5e-6));
        Assert.Equal(expected, exp.Value(t, NoStep, NoStop), Exact);
    }

    [Fact]
    public void Sffm_IsASineFrequencyModulatedByASine()
    {
        var fm = new FrequencyModulated(0.1, 1.5, carrier: 10e6, modulationIndex: 3, signal: 1e6);
        var t = 0.37e-6;
        var expected = 0.1 + 1.5 * Math.Sin(2 * Math.PI * 10e6 * t + 3 * Math.Sin(2 * Math.PI * 1e6 * t));
        Assert.Equal(expected, fm.Value(t, NoStep, NoStop), Exact);
    }

    [Theory]
    [InlineData(-1e-6, 0.0)]    // before the first corner: its value
    [InlineData(0.5e-6, 0.5)]   // interpolated
    [InlineData(1.5e-6, 1.0)]   // flat segment
    [InlineData(2.5e-6, 0.0)]   // interpolated downwards
    [InlineData(3.0e-6, -1.0)]  // last corner
    [InlineData(9.0e-6, -1.0)]  // held after the last corner
    public void Pwl_interpolates_between_corners_and_holds_after_the_last(double t, double expected)
    {
        var pwl = new PiecewiseLinear(new[] { 0, 1e-6, 2e-6, 3e-6 }, new[] { 0, 1, 1, -1.0 });
        Assert.Equal(expected, pwl.Value(t, NoStep, NoStop), Exact);
    }

    [Fact]
    public void Pwl_RepeatsFromRAndShiftsByTd()
    {
        var pwl = new PiecewiseLinear(new[] { 0, 1e-6, 2e-6, 3e-6 }, new[] { 0, 1, 1, -1.0 }, repeatFrom: 1e-6, delay: 0.5e-6);
        // period 2 µs from r = 1 µs; every time shifted by td = 0.5 µs
        Assert.Equal(0.5, pwl.Value(1.0e-6, NoStep, NoStop), Exact);
        Assert.Equal(1, pwl.Value(4.0e-6, NoStep, NoStop), Exact);   // 3.5 µs local → 1.5 µs
        Assert.Equal(0, pwl.Value(5.0e-6, NoStep, NoStop), Exact);   // 4.5 µs local → 2.5 µs
    }

    [Theory]
    [InlineData(double.NaN, 0, 1e-6)]                      // a corner time of {0/0} (fuzz seed 21, case 1336)
    [InlineData(double.PositiveInfinity, 0, 1e-6)]
    [InlineData(2e-6, double.NaN, 1e-6)]                   // td
    [InlineData(2e-6, 0, double.NaN)]                      // r
    public void Pwl_WithANonFiniteCornerTimeDelayOrRepeat_IsRefused(double lastTime, double delay, double repeatFrom)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new PiecewiseLinear(new[] { 0, 1e-6, lastTime }, new[] { 1, 1, 0.0 }, repeatFrom, delay));
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void Pwl_AtANaNTime_IsItsFirstValueInsteadOfThrowing()
    {
        var pwl = new PiecewiseLinear(new[] { 0, 1e-6 }, new[] { 2, 3.0 });
        Assert.Equal(2, pwl.Value(double.NaN, NoStep, NoStop), Exact);
    }

    private static double[] TimePoints(Waveform w, double step, double stop)
    {
        var circuit = new Circuit(
            new VoltageSource("V1", "in", "0", w),
            new Resistor("R1", "in", "out", 1e3),
            new Capacitor("C1", "out", "0", 1e-12));
        return Run.Record(new Transient(circuit, step, stop), "v(in)").Scale;
    }

    /// <summary>The corners of a pulse train in (0, stop), computed as the waveform defines them (td + k·per + …),
    /// so the comparison with the time points can be exact.</summary>
    private static IEnumerable<double> Corners(double td, double tr, double pw, double tf, double per, double stop)
    {
        for (var k = 0; ; k++)
        {
            var t0 = td + k * per;
            if (t0 >= stop) yield break;
            foreach (var c in new[] { t0, t0 + tr, t0 + tr + pw, t0 + tr + pw + tf })
                if (c > 0 && c < stop) yield return c;
        }
    }

    [Fact]
    public void Transient_LandsExactlyOnEveryPulseCorner()
    {
        var pulse = new Pulse(0, 1, delay: 1e-6, rise: 0.1e-6, fall: 0.2e-6, width: 0.5e-6, period: 2e-6);
        var times = TimePoints(pulse, 50e-9, 5.5e-6);

        foreach (var corner in Corners(1e-6, 0.1e-6, 0.5e-6, 0.2e-6, 2e-6, 5.5e-6)) Assert.Contains(corner, times);
        Assert.Equal(5.5e-6, times[^1]);
    }

    [Fact]
    public void TransientLandsExactlyOnTheCornersOfRandomPulse_Trains()
    {
        var rng = new Random(20261121);
        var checkedCorners = 0;
        for (var run = 0; run < 40; run++)
        {
            double td = rng.NextDouble() * 2e-6, tr = rng.Next(1, 10) * 0.013e-6, tf = rng.Next(1, 10) * 0.017e-6,
                pw = rng.Next(1, 10) * 0.11e-6, per = tr + tf + pw + rng.Next(1, 10) * 0.07e-6, stop = rng.Next(3, 50) * 0.137e-6;
            var times = TimePoints(new Pulse(0, 1, td, tr, tf, pw, per), stop / rng.Next(20, 200), stop);

            foreach (var corner in Corners(td, tr, pw, tf, per, stop))
            {
                Assert.True(times.Contains(corner), $"run {run}: no time point at the corner {corner:R}");
                checkedCorners++;
            }
        }
        // a run may end before its pulse starts; the forty together must have checked corners (the seed gives 700+)
        Assert.True(checkedCorners > 100, $"only {checkedCorners} corners checked");
    }

    /// <summary>A corner within the minimum breakpoint separation of tstop replaces it (the earlier one is kept, as
    /// ngspice's CKTsetBreak does), so the run ends on the corner: here 1e-6 + 2·2e-6, one ulp below 5e-6.</summary>
    [Fact]
    public void ACornerOneUlpBeforeTstop_BecomesTheLastTimePoint()
    {
        var pulse = new Pulse(0, 1, delay: 1e-6, rise: 0.1e-6, fall: 0.2e-6, width: 0.5e-6, period: 2e-6);
        var times = TimePoints(pulse, 50e-9, 5e-6);

        Assert.Equal(1e-6 + 2 * 2e-6, times[^1]);
        Assert.True(Math.Abs(times[^1] - 5e-6) < 1e-20);
    }

    [Fact]
    public void Transient_LandsExactlyOnEveryPwlCorner()
    {
        var corners = new[] { 0, 0.3e-6, 0.7e-6, 1.25e-6, 2e-6 };
        var pwl = new PiecewiseLinear(corners, new[] { 0, 1, -1, 0.5, 0.5 });
        var times = TimePoints(pwl, 50e-9, 3e-6);

        foreach (var corner in corners) Assert.Contains(times, t => t == corner);
    }

    /// <summary>Issue 13, defect 1: the clock of 10⁷ periods (1 ns in 10 ms) used to overflow the stack while its first
    /// window of 625 000 periods was added (a stackalloc per period). Corners now come at most a thousand periods per
    /// request; the first 3000 time points still land on every corner of the first periods.</summary>
    [Fact]
    public void Pulse_TrainOfTenMillionPeriodsStartsAndLandsOnItsCorners()
    {
        var pulse = new Pulse(0, 1, delay: 0, rise: 10e-12, fall: 10e-12, width: 0.49e-9, period: 1e-9);
        var circuit = new Circuit(
            new VoltageSource("V1", "in", "0", pulse),
            new Resistor("R1", "in", "out", 1e3),
            new Capacitor("C1", "out", "0", 1e-12));
        var sim = new Transient(circuit, 1e-6, 10e-3);

        var times = sim.Run().Take(3000).Select(p => p.Scale).ToList();

        Assert.Equal(3000, times.Count);
        var corners = Corners(0, 10e-12, 0.49e-9, 10e-12, 1e-9, times[^1]).Where(c => c < times[^1]).ToList();
        Assert.True(corners.Count > 100, $"{corners.Count} corners");
        foreach (var corner in corners) Assert.True(times.Contains(corner), $"no time point at the corner {corner:R}");
    }

    [Fact]
    public void Pulse_AddsABoundedNumberOfPeriodsPerRequestAndSaysHowFarItGot()
    {
        var pulse = new Pulse(0, 1, delay: 0, rise: 10e-12, fall: 10e-12, width: 0.49e-9, period: 1e-9);
        var table = new CircuitSim.Core.Behaviors.BreakpointTable { MinimumSeparation = 1e-16, Horizon = 10e-3 };

        pulse.AddBreakpoints(table, 0, 10e-3, 1e-6, 10e-3);

        Assert.InRange(table.Count, 3000, 4000);          // 1000 periods of four corners (t = 0 itself is not after 0)
        Assert.True(table.Horizon < 1000e-9 + 1e-18 && table.Horizon > 999e-9, $"horizon {table.Horizon:R}");
    }

    [Theory]
    [InlineData(1e-300)]   // a period no transient can resolve
    [InlineData(-1e300)]   // a delay that makes period numbers exceed a double's integers
    public void PulseWithUnresolvablePeriods_AddsNoCornersInsteadOfLooping(double value)
    {
        var pulse = value > 0 ? new Pulse(0, 1, period: value) : new Pulse(0, 1, delay: value, period: 1e-9);
        var table = new CircuitSim.Core.Behaviors.BreakpointTable { MinimumSeparation = 1e-20, Horizon = 1e-3 };

        pulse.AddBreakpoints(table, 0, 1e-3, 1e-6, 1e-3);

        Assert.Equal(0, table.Count);
    }
}
