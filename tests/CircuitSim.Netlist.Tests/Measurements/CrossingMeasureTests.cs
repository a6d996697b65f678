using CircuitSim.Netlist.Measurements;
using static CircuitSim.Netlist.Tests.Measurements.MeasureTestData;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>
/// WHEN and the crossing rules shared with FIND … WHEN and TRIG/TARG. The triangle wave is piecewise linear with
/// vertices on samples, so interpolated crossings are exact; the only error is double rounding of t = i·dt and of
/// the interpolation, a few ulps, hence the relative tolerance of 1e-12.
/// </summary>
public class CrossingMeasureTests
{
    private const double Rel = 1e-12;

    private static void AssertTime(double expectedSteps, double actual) =>
        Assert.Equal(TriangleTime(expectedSteps), actual, TriangleTime(expectedSteps) * Rel);

    // Level 0.375 on the triangle: rising at 1.5, 9.5, 17.5 steps; falling at 6.5, 14.5, 22.5 steps.

    [Fact]
    public void Rise1_IsTheFirstRisingCrossing() =>
        AssertTime(1.5, Triangle().Measure("tran t WHEN v(tri)=0.375 RISE=1").Value());

    [Fact]
    public void Rise2_IsTheSecondRisingCrossing() =>
        AssertTime(9.5, Triangle().Measure("tran t WHEN v(tri)=0.375 RISE=2").Value());

    [Fact]
    public void Fall2_IsTheSecondFallingCrossing() =>
        AssertTime(14.5, Triangle().Measure("tran t WHEN v(tri)=0.375 FALL=2").Value());

    [Fact]
    public void Cross3_CountsCrossingsInBothDirections() =>
        AssertTime(9.5, Triangle().Measure("tran t WHEN v(tri)=0.375 CROSS=3").Value());

    [Fact]
    public void NoSelector_TakesTheFirstCrossingInEitherDirection()
    {
        var table = Exact([0, 1, 2, 3, 4], ("v(a)", [1, 0, 1, 0, 1])); // starts above 0.5, so the first crossing falls

        Assert.Equal(0.5, table.Measure("tran t WHEN v(a)=0.5").Value());
    }

    [Fact]
    public void RiseLast_IsTheLastRisingCrossing() =>
        AssertTime(17.5, Triangle().Measure("tran t WHEN v(tri)=0.375 RISE=LAST").Value());

    [Fact]
    public void FallLast_IsTheLastFallingCrossing() =>
        AssertTime(22.5, Triangle().Measure("tran t WHEN v(tri)=0.375 FALL=LAST").Value());

    [Fact]
    public void CrossLast_IsTheLastCrossingEitherWay() =>
        AssertTime(17.5, Triangle().Measure("tran t WHEN v(tri)=0.375 TO=20u CROSS=LAST").Value());

    [Fact]
    public void BareLast_IsTheLastCrossingEitherWay() =>
        AssertTime(22.5, Triangle().Measure("tran t WHEN v(tri)=0.375 LAST").Value());

    [Fact]
    public void RisingCrossingExactlyOnASample_IsCountedOnceAtThatSample()
    {
        var ramp = Exact([0, 1, 2, 3, 4], ("v(r)", [0, 0.25, 0.5, 0.75, 1]));

        Assert.Equal(2.0, ramp.Measure("tran t WHEN v(r)=0.5 CROSS=1").Value()); // exactly the sample time
        Assert.Contains("only 1 time", ramp.Measure("tran t WHEN v(r)=0.5 CROSS=2").FailureText());
    }

    [Fact]
    public void FallingCrossingExactlyOnASample_IsCountedOnceAtThatSample()
    {
        var ramp = Exact([0, 1, 2, 3, 4], ("v(r)", [1, 0.75, 0.5, 0.25, 0]));

        Assert.Equal(2.0, ramp.Measure("tran t WHEN v(r)=0.5 FALL=1").Value());
        Assert.Contains("only 1 time", ramp.Measure("tran t WHEN v(r)=0.5 CROSS=2").FailureText());
    }

    [Fact]
    public void PulseThatReachesExactlyTheLevel_RisesWhereItArrivesAndFallsWhereItLeaves()
    {
        // "Above" means value >= level, so a flat top exactly at the level counts as above.
        var pulse = Exact([0, 1, 2, 3, 4], ("v(p)", [0, 1, 1, 1, 0]));

        Assert.Equal(1.0, pulse.Measure("tran t WHEN v(p)=1 RISE=1").Value());
        Assert.Equal(3.0, pulse.Measure("tran t WHEN v(p)=1 FALL=1").Value());
    }

    [Fact]
    public void Td_IgnoresCrossingsBeforeIt() =>
        AssertTime(9.5, Triangle().Measure("tran t WHEN v(tri)=0.375 TD=2u RISE=1").Value());

    [Fact]
    public void Td_BetweenSamples_StillCountsACrossingBeforeTheNextSample() =>
        // TD = 1.2 steps; the crossing at 1.5 steps lies between TD and the next sample (2 steps).
        AssertTime(1.5, Triangle().Measure("tran t WHEN v(tri)=0.375 TD=1.2u RISE=1").Value());

    [Fact]
    public void Td_JustAfterACrossing_SkipsIt() =>
        AssertTime(9.5, Triangle().Measure("tran t WHEN v(tri)=0.375 TD=1.6u RISE=1").Value());

    [Fact]
    public void Td_AtAPointAboveTheLevel_MakesTheNextFallTheFirstCrossing() =>
        AssertTime(6.5, Triangle().Measure("tran t WHEN v(tri)=0.375 TD=3u").Value());

    [Fact]
    public void FromAndTo_LimitTheCrossingsConsidered() =>
        AssertTime(14.5, Triangle().Measure("tran t WHEN v(tri)=0.375 FROM=2u TO=15u FALL=LAST").Value());

    [Fact]
    public void TooFewCrossings_FailureSaysHowManyThereAre()
    {
        var failure = Triangle().Measure("tran t WHEN v(tri)=0.375 RISE=4").FailureText();

        Assert.Equal("v(tri) rises through 0.375 only 3 times, but RISE=4 was asked for", failure);
    }

    [Fact]
    public void NoCrossing_FailureSaysSo()
    {
        var failure = Triangle().Measure("tran t WHEN v(tri)=2").FailureText();

        Assert.Equal("v(tri) never crosses 2", failure);
    }

    [Fact]
    public void NoCrossingAfterTd_FailureMentionsTheWindow()
    {
        var failure = Triangle().Measure("tran t WHEN v(tri)=0.375 TD=23u FALL=1").FailureText();

        Assert.Equal("v(tri) never falls through 0.375 in TD=2.3E-05", failure);
    }

    [Fact]
    public void TwoSignals_CrossWhereTheyAreEqual()
    {
        // v(a) = t, v(b) = 2.5 - t/2: equal at t = 5/3, between samples.
        var table = Exact([0, 1, 2, 3, 4], ("v(a)", [0, 1, 2, 3, 4]), ("v(b)", [2.5, 2, 1.5, 1, 0.5]));

        Assert.Equal(5.0 / 3, table.Measure("tran t WHEN v(a)=v(b)").Value(), 1e-15);
        Assert.Equal(5.0 / 3, table.Measure("tran t WHEN v(a)=v(b) RISE=1").Value(), 1e-15);
        Assert.Contains("never falls through v(b)", table.Measure("tran t WHEN v(a)=v(b) FALL=1").FailureText());
    }

    [Fact]
    public void SampledSine_CrossesWithinTheLinearInterpolationErrorBound()
    {
        // 0.5 + 2 sin(ωt) = 1.5 first at ωt = π/6. Linear interpolation misplaces y by at most h²/8·max|y''| = h²/8·Aω²,
        // which moves the crossing by that over the slope Aω·cos(π/6): |Δt| ≤ h²ω / (8 cos(π/6)) ≈ 2.3e-8 s here.
        double omega = 2 * Math.PI * SineFrequency, h = 1 / (SineFrequency * SinePointsPerPeriod);
        double bound = h * h * omega / (8 * Math.Cos(Math.PI / 6));

        double t = Sine().Measure("tran t WHEN v(sin)=1.5 RISE=1").Value();

        Assert.Equal(Math.PI / 6 / omega, t, bound);
    }

    [Fact]
    public void DcSweepStartingOver_TheJumpBackIsNotACrossing()
    {
        // Two inner sweeps of 0..2; without skipping the jump 2 -> 0 there would be a falling crossing of 1.5 in between.
        var table = new WaveformTable("v-sweep", [0, 1, 2, 0, 1, 2]).Add("v(a)", [0, 1, 2, 0, 1, 2]);

        Assert.Equal(1.5, table.Measure("dc t WHEN v(a)=1.5 CROSS=2").Value());
        Assert.Contains("only 2 times", table.Measure("dc t WHEN v(a)=1.5 CROSS=3").FailureText());
    }

    [Fact]
    public void DescendingDcSweep_CrossingIsInterpolatedOnTheSweptValue()
    {
        var table = new WaveformTable("v-sweep", [2, 1, 0, -1]).Add("v(a)", [4, 2, 0, -2]);

        Assert.Equal(0.25, table.Measure("dc t WHEN v(a)=0.5").Value(), 1e-15);
        Assert.Equal(0.25, table.Measure("dc t WHEN v(a)=0.5 FALL=1").Value(), 1e-15);
    }
}
