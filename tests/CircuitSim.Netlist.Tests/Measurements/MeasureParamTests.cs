using CircuitSim.Netlist.Running;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>
/// <c>.meas … PARAM='expr'</c> after a run, as ngspice 39 evaluates it: names are the results of the measures before it,
/// then the netlist's parameters (and the .step value of the run); values from ngspice 39.3 on the same decks.
/// </summary>
public class MeasureParamTests
{
    private const string Ramp = """
        ramp
        .param q=10
        V1 1 0 PWL(0 0 1 1 2 2)
        R1 1 0 1k
        .tran 1m 2
        .meas tran a2 FIND v(1) AT=1.5
        """;

    private static IReadOnlyList<MeasureOutcome> Measure(string deck)
    {
        var (outcomes, _) = new NetlistRunner(Parsing.Read.Text(deck + "\n.end\n")).RunToMemory();
        return outcomes.SelectMany(o => o.Measures).ToList();
    }

    private static double Value(IReadOnlyList<MeasureOutcome> measures, string name)
    {
        var m = Assert.Single(measures, x => x.Name == name && x.StepLabel is null);
        Assert.True(m.Failure is null, $"{name} failed: {m.Failure}");
        return m.Value!.Value;
    }

    [Theory]
    [InlineData("PARAM='a2*2'", 3)]       // ngspice: p1 = 3.00000e+00
    [InlineData("param = 'a2*2'", 3)]
    [InlineData("param=a2*4", 6)]          // ngspice: 6.00000e+00
    [InlineData("PARAM='max(a2,3)'", 3)]
    [InlineData("param={a2*3}", 4.5)]      // ngspice: 4.50000e+00; the braces wait for a2's result
    [InlineData("param='a2 * 2 + q'", 13)] // a measure and a .param
    public void MeasureParam_ReadsEarlierMeasuresAndParameters(string param, double expected) =>
        Assert.Equal(expected, Value(Measure(Ramp + "\n.meas tran p1 " + param), "p1"), 1e-12);

    [Fact]
    public void MeasureParam_NamingNothingDefined_FailsNamingIt()
    {
        var p1 = Assert.Single(Measure(Ramp + "\n.meas tran p1 param='nosuch*2'"), m => m.Name == "p1");
        Assert.Null(p1.Value);
        Assert.Contains("nosuch", p1.Failure);
    }

    [Fact]
    public void MeasureParam_InAStepRun_UsesThatRunsParameterValue()
    {
        var measures = Measure("""
            stepped
            .param g=2
            V1 1 0 1
            R1 1 0 1k
            .tran 1m 2m
            .step param g list 2 5
            .meas tran x FIND v(1) AT=1m
            .meas tran y param='x*g'
            """);
        var y = measures.Where(m => m.Name == "y").Select(m => m.Value).ToList();
        Assert.Equal(new double?[] { 2, 5 }, y);
    }
}
