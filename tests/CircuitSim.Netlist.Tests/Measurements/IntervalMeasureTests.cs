using CircuitSim.Netlist.Measurements;
using static CircuitSim.Netlist.Tests.Measurements.MeasureTestData;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>
/// MIN, MAX, MIN_AT, MAX_AT, PP, AVG, RMS and INTEG. On the sine (0.5 + 2 sin ωt, 200 uniform samples a period) the
/// trapezoidal rule over whole periods is exact for sin and sin² (the sampled sums of sin and cos 2ωt over a period
/// vanish), so only rounding remains: ~1e-12 relative. On the ramp 3x + 1 the trapezoidal rule and the linear cuts at
/// FROM/TO are exact in exact arithmetic, and every number involved is a short binary fraction.
/// </summary>
public class IntervalMeasureTests
{
    private const double Period = 1 / SineFrequency;

    private static WaveformTable Ramp() =>
        Exact([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ("v(r)", [1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31]));

    [Fact]
    public void Avg_OverWholeSinePeriods_IsTheOffset() =>
        Assert.Equal(SineOffset, Sine().Measure("tran a AVG v(sin)").Value(), 1e-12);

    [Fact]
    public void Rms_OverWholeSinePeriods_IsSqrtOfOffsetSquaredPlusHalfAmplitudeSquared() =>
        Assert.Equal(Math.Sqrt(SineOffset * SineOffset + SineAmplitude * SineAmplitude / 2),
            Sine().Measure("tran r RMS v(sin)").Value(), 1e-12);

    [Fact]
    public void Integ_OverWholeSinePeriods_IsOffsetTimesDuration() =>
        Assert.Equal(SineOffset * 3 * Period, Sine().Measure("tran i INTEG v(sin)").Value(), 1e-15);

    [Fact]
    public void Avg_OverOnePeriodInTheMiddle_IsTheOffset() =>
        Assert.Equal(SineOffset, Sine().Measure("tran a AVG v(sin) FROM=1m TO=2m").Value(), 1e-12);

    [Fact]
    public void Integ_OverHalfASinePeriod_IsWithinTheTrapezoidErrorBound()
    {
        // ∫0^T/2 (0.5 + 2 sin ωt) dt = 0.5·T/2 + 2·2/ω; trapezoid error ≤ (b − a)·h²/12·max|f''| = (T/2)·h²/12·Aω² ≈ 8e-8.
        double omega = 2 * Math.PI * SineFrequency, h = Period / SinePointsPerPeriod;
        double exact = SineOffset * Period / 2 + SineAmplitude * 2 / omega;
        double bound = Period / 2 * h * h / 12 * SineAmplitude * omega * omega;

        double integral = Sine().Measure("tran i INTEG v(sin) FROM=0 TO=0.5m").Value();

        Assert.Equal(exact, integral, bound);
        Assert.True(integral < exact, "the trapezoidal rule under-estimates a concave arc");
    }

    [Fact]
    public void Max_OfSine_IsThePeak() =>
        Assert.Equal(SineOffset + SineAmplitude, Sine().Measure("tran m MAX v(sin)").Value(), 1e-15);

    [Fact]
    public void Min_OfSine_IsTheTrough() =>
        Assert.Equal(SineOffset - SineAmplitude, Sine().Measure("tran m MIN v(sin)").Value(), 1e-15);

    [Fact]
    public void Pp_IsMaxMinusMin() =>
        Assert.Equal(2 * SineAmplitude, Sine().Measure("tran p PP v(sin)").Value(), 1e-14);

    [Fact]
    public void MaxAt_IsWhereTheFirstPeakIs() =>
        Assert.Equal(Period / 4, Sine().Measure("tran m MAX_AT v(sin)").Value(), 1e-18);

    [Fact]
    public void MinAt_WithinFromTo_IsWhereTheTroughInThatIntervalIs() =>
        Assert.Equal(1.75 * Period, Sine().Measure("tran m MIN_AT v(sin) FROM=1m TO=2m").Value(), 1e-18);

    [Fact]
    public void Max_ResultCarriesWhereItOccurs() =>
        Assert.Equal(Period / 4, Sine().Measure("tran m MAX v(sin)").At!.Value, 1e-18);

    [Fact]
    public void MinAtAndMaxAt_OnTies_GiveTheFirstOccurrence()
    {
        var table = Exact([0, 1, 2, 3, 4], ("v(a)", [0, 1, 0, 1, 0]));

        Assert.Equal(0.0, table.Measure("tran m MIN_AT v(a)").Value());
        Assert.Equal(1.0, table.Measure("tran m MAX_AT v(a)").Value());
    }

    [Fact]
    public void Avg_FromToBetweenSamples_CutsByInterpolation() =>
        // mean of 3x + 1 over [2.25, 7.5] = 3·(2.25 + 7.5)/2 + 1
        Assert.Equal(15.625, Ramp().Measure("tran a AVG v(r) FROM=2.25 TO=7.5").Value(), 1e-12);

    [Fact]
    public void Integ_FromToBetweenSamples_CutsByInterpolation() =>
        // ∫ (3x + 1) dx over [2.25, 7.5] = 1.5·(7.5² − 2.25²) + 5.25
        Assert.Equal(82.03125, Ramp().Measure("tran i INTEG v(r) FROM=2.25 TO=7.5").Value(), 1e-12);

    [Fact]
    public void MaxAndMin_FromToBetweenSamples_IncludeTheInterpolatedEnds()
    {
        Assert.Equal(23.5, Ramp().Measure("tran m MAX v(r) FROM=2.25 TO=7.5").Value(), 1e-12);
        Assert.Equal(7.75, Ramp().Measure("tran m MIN v(r) FROM=2.25 TO=7.5").Value(), 1e-12);
    }

    [Fact]
    public void IntervalResult_ReportsTheIntervalUsed()
    {
        var result = Ramp().Measure("tran a AVG v(r) FROM=2.25 TO=20");

        Assert.Equal(2.25, result.From!.Value, 1e-12);
        Assert.Equal(10.0, result.To!.Value); // TO beyond the data: cut at the last point
    }

    [Fact]
    public void Rms_IsTheTrapezoidOfTheSquaredSamples()
    {
        // y = x on [1, 3]: trapezoid of y² = (1·(1 + 4)/2 + 1·(4 + 9)/2) / 2 = 4.5 (the exact mean of x² would be 13/3).
        var table = Exact([0, 1, 2, 3, 4], ("v(a)", [0, 1, 2, 3, 4]));

        Assert.Equal(Math.Sqrt(4.5), table.Measure("tran r RMS v(a) FROM=1 TO=3").Value(), 1e-15);
    }

    [Fact]
    public void Td_ActsAsTheStartOfTheInterval() =>
        Assert.Equal(Ramp().Measure("tran a AVG v(r) FROM=2.25").Value(), Ramp().Measure("tran a AVG v(r) TD=2.25").Value());

    [Fact]
    public void IntervalOutsideTheData_Fails() =>
        Assert.Equal("no time points in FROM=20 TO=30; the time range is [0, 10]",
            Ramp().Measure("tran a AVG v(r) FROM=20 TO=30").FailureText());

    [Fact]
    public void FromAfterTo_Fails() =>
        Assert.Equal("the interval is empty: FROM=5 TO=4", Ramp().Measure("tran a MAX v(r) FROM=5 TO=4").FailureText());

    [Fact]
    public void DcFromAfterTo_IsTheSameIntervalReversed()
    {
        var table = new WaveformTable("v-sweep", [2, 1, 0, -1]).Add("v(a)", [4, 2, 0, -2]);

        Assert.Equal(2.0, table.Measure("dc a AVG v(a) FROM=2 TO=0").Value(), 1e-15);
        Assert.Equal(table.Measure("dc a AVG v(a) FROM=0 TO=2").Value(), table.Measure("dc a AVG v(a) FROM=2 TO=0").Value());
    }

    [Fact]
    public void Avg_OverAZeroLengthInterval_Fails() =>
        Assert.Contains("nonzero length", Ramp().Measure("tran a AVG v(r) FROM=5.5 TO=5.5").FailureText());

    [Fact]
    public void Max_OverASinglePoint_IsTheValueThere() =>
        Assert.Equal(17.5, Ramp().Measure("tran a MAX v(r) FROM=5.5 TO=5.5").Value(), 1e-12);
}
