using CircuitSim.Netlist.Measurements;
using static CircuitSim.Netlist.Tests.Measurements.MeasureTestData;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>FIND … AT, FIND … WHEN and TRIG/TARG. The step waveforms are piecewise linear with corners on samples, so
/// answers are exact up to double rounding (tolerances of 1e-18 s, i.e. a few ulps of microsecond times).</summary>
public class FindAndTrigTargTests
{
    private const double Ulps = 1e-18;

    [Fact]
    public void FindAt_BetweenSamples_InterpolatesLinearly() =>
        Assert.Equal(0.375, Triangle().Measure("tran v FIND v(tri) AT=1.5u").Value(), 1e-12);

    [Fact]
    public void FindAt_OnASample_IsThatSample() =>
        Assert.Equal(1.0, Triangle().Measure("tran v FIND v(tri) AT=4u").Value());

    [Fact]
    public void FindAt_OutsideTheScale_Fails() =>
        Assert.Equal("AT=1 is outside the time range [0, 2.4E-05]", Triangle().Measure("tran v FIND v(tri) AT=1").FailureText());

    [Fact]
    public void FindAt_OnADescendingDcSweep_Interpolates()
    {
        var table = new WaveformTable("v-sweep", [2, 1, 0, -1]).Add("v(a)", [4, 1, 0, 1]);

        Assert.Equal(0.5, table.Measure("dc v FIND v(a) AT=0.5").Value());
    }

    [Fact]
    public void FindWhen_GivesTheOtherSignalAtTheCrossing()
    {
        var table = Triangle();
        table.Add("v(idx)", Enumerable.Range(0, 25).Select(i => (double)i).ToArray());

        Assert.Equal(9.5, table.Measure("tran v FIND v(idx) WHEN v(tri)=0.375 RISE=2").Value(), 1e-12);
    }

    [Fact]
    public void FindWhen_ResultCarriesTheCrossingPoint()
    {
        var result = Steps().Measure("tran v FIND v(in) WHEN v(out)=0.5 FALL=1");

        Assert.Equal(1.0, result.Value()); // v(out) falls through 0.5 at 8.5 µs, where v(in) is 1
        Assert.Equal(8.5e-6, result.At!.Value, Ulps);
    }

    [Fact]
    public void FindOfASignalWhenItMeetsAnother_IsTheCommonValue()
    {
        var table = Exact([0, 1, 2, 3, 4], ("v(a)", [0, 1, 2, 3, 4]), ("v(b)", [2.5, 2, 1.5, 1, 0.5]));

        Assert.Equal(5.0 / 3, table.Measure("tran v FIND v(a) WHEN v(a)=v(b)").Value(), 1e-15);
    }

    [Fact]
    public void TrigTarg_IsTheDelayBetweenTheTwoCrossings()
    {
        // v(in) crosses 0.6 at 1.6 µs, v(out) at 6.2 µs (both between samples).
        var result = Steps().Measure("tran d TRIG v(in) VAL=0.6 RISE=1 TARG v(out) VAL=0.6 RISE=1");

        Assert.Equal(4.6e-6, result.Value(), Ulps);
        Assert.Equal(1.6e-6, result.Trig!.Value, Ulps);
        Assert.Equal(6.2e-6, result.Targ!.Value, Ulps);
    }

    [Fact]
    public void TrigTarg_AtTheFiftyPercentPoints() =>
        Assert.Equal(4.5e-6, Steps().Measure("tran d TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.5 RISE=1").Value(), Ulps);

    [Fact]
    public void TargFall_MeasuresToTheFallingEdge() =>
        Assert.Equal(7e-6, Steps().Measure("tran d TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.5 FALL=1").Value(), Ulps);

    [Fact]
    public void TargTd_AppliesToTheTargetOnly() =>
        Assert.Equal(7e-6, Steps().Measure("tran d TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.5 TD=7u CROSS=1").Value(), Ulps);

    [Fact]
    public void TrigAt_UsesTheGivenTime() =>
        Assert.Equal(5e-6, Steps().Measure("tran d TRIG AT=1u TARG v(out) VAL=0.5 RISE=1").Value(), Ulps);

    [Fact]
    public void TargAt_UsesTheGivenTime() =>
        Assert.Equal(8.5e-6, Steps().Measure("tran d TRIG v(in) VAL=0.5 RISE=1 TARG AT=10u").Value(), Ulps);

    [Fact]
    public void TargBeforeTrig_GivesANegativeDelay() =>
        Assert.Equal(-4.5e-6, Steps().Measure("tran d TRIG v(out) VAL=0.5 RISE=1 TARG v(in) VAL=0.5 RISE=1").Value(), Ulps);

    [Fact]
    public void TargThatNeverHappens_FailureNamesTheClause() =>
        Assert.Equal("TARG: v(out) never crosses 2",
            Steps().Measure("tran d TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=2").FailureText());

    [Fact]
    public void Current_CanBeMeasured() =>
        Assert.Equal(-1e-3, Steps().Measure("tran i FIND i(vin) AT=5u").Value(), 1e-18);
}
