using CircuitSim.Netlist.Measurements;

namespace CircuitSim.Netlist.Tests.Measurements;

public class MeasureParserTests
{
    [Fact]
    public void TrigTarg_ReadsBothClauses()
    {
        var m = MeasureParser.Parse("tran tdelay TRIG v(in) VAL=1.65 RISE=1 TARG v(out) VAL=1.65 FALL=2 TD=3n");

        Assert.Equal("tdelay", m.Name);
        Assert.Equal(MeasureAnalysis.Tran, m.Analysis);
        Assert.Equal(MeasureKind.TrigTarg, m.Kind);
        var trig = m.Trig!.Crossing!;
        Assert.Equal("v(in)", trig.Signal);
        Assert.Equal(1.65, trig.Level!.Value);
        Assert.Equal(new CrossingSelector(CrossingEdge.Rise, 1), trig.Selector);
        var targ = m.Targ!.Crossing!;
        Assert.Equal("v(out)", targ.Signal);
        Assert.Equal(new CrossingSelector(CrossingEdge.Fall, 2), targ.Selector);
        Assert.Equal(3e-9, targ.Td!.Value);
        Assert.Equal(new[] { "v(in)", "v(out)" }, m.OutputVariables);
    }

    [Fact]
    public void Targ_MayComeFirst()
    {
        var m = MeasureParser.Parse("tran d TARG v(out) VAL=1 TRIG AT=2u");

        Assert.Equal("v(out)", m.Targ!.Crossing!.Signal);
        Assert.Equal(2e-6, m.Trig!.At!.Value);
    }

    [Fact]
    public void KeywordsAnd_NamesAreCaseInsensitive()
    {
        var m = MeasureParser.Parse("TrAn VMax mAx V(OUT) fRoM=1M To=2m");

        Assert.Equal(MeasureKind.Max, m.Kind);
        Assert.Equal("VMax", m.Name); // the result name keeps its spelling
        Assert.Equal("v(out)", m.Signal);
        Assert.Equal(1e-3, m.From!.Value);
        Assert.Equal(2e-3, m.To!.Value);
    }

    [Theory]
    [InlineData("0.3m", 0.3e-3)]
    [InlineData("1MEG", 1e6)]
    [InlineData("1meg", 1e6)]
    [InlineData("10n", 10e-9)]
    [InlineData("10ns", 10e-9)]
    [InlineData("1.65v", 1.65)]
    [InlineData("2.5k", 2500)]
    [InlineData("4p", 4e-12)]
    [InlineData("3f", 3e-15)]
    [InlineData("1u", 1e-6)]
    [InlineData("2g", 2e9)]
    [InlineData("1t", 1e12)]
    [InlineData("1e-3", 1e-3)]
    [InlineData("-2.5e2m", -0.25)]
    [InlineData(".5", 0.5)]
    [InlineData("1mil", 25.4e-6)]
    public void NumbersTakeSpiceSuffixes_ExactlyAsTheEquivalentLiteral(string text, double expected)
    {
        var m = MeasureParser.Parse($"tran x FIND v(out) AT={text}");

        Assert.Equal(expected, m.At!.Value); // exact: the suffix is folded into the exponent before rounding
    }

    [Fact]
    public void BlanksAround_EqualsAndInsideBracketsAreAllowed()
    {
        var m = MeasureParser.Parse("dc t WHEN v( a , b ) = 0.5 TD = 1u CROSS = 2");

        Assert.Equal(MeasureKind.When, m.Kind);
        Assert.Equal("v(a,b)", m.When!.Signal);
        Assert.Equal(0.5, m.When.Level!.Value);
        Assert.Equal(1e-6, m.When.Td!.Value);
        Assert.Equal(new CrossingSelector(CrossingEdge.Cross, 2), m.When.Selector);
    }

    [Fact]
    public void WhenWithAVectorOnTheRight_IsACrossingOfTwoSignals()
    {
        var m = MeasureParser.Parse("tran t WHEN v(a)=V(B) FALL=1");

        Assert.Null(m.When!.Level);
        Assert.Equal("v(b)", m.When.LevelSignal);
        Assert.Equal(new[] { "v(a)", "v(b)" }, m.OutputVariables);
    }

    [Fact]
    public void WhenWithoutSelector_TakesTheFirstCrossingEitherWay()
    {
        var m = MeasureParser.Parse("tran t WHEN v(a)=1");

        Assert.Equal(CrossingSelector.Default, m.When!.Selector);
        Assert.Equal(new CrossingSelector(CrossingEdge.Cross, 1), CrossingSelector.Default);
    }

    [Fact]
    public void FindAt_And_FindWhen()
    {
        var at = MeasureParser.Parse("tran y FIND i(vin) AT=5u");
        var when = MeasureParser.Parse("tran y FIND @m1[id] WHEN v(g)=0.7 RISE=LAST");

        Assert.Equal(MeasureKind.FindAt, at.Kind);
        Assert.Equal("i(vin)", at.Signal);
        Assert.Equal(5e-6, at.At!.Value);
        Assert.Equal(MeasureKind.FindWhen, when.Kind);
        Assert.Equal("@m1[id]", when.Signal);
        Assert.Equal("v(g)", when.When!.Signal);
        Assert.True(when.When.Selector.IsLast);
        Assert.Equal(CrossingEdge.Rise, when.When.Selector.Edge);
    }

    [Fact]
    public void BareLast_MeansTheLastCrossingEitherWay()
    {
        var m = MeasureParser.Parse("tran t WHEN v(a)=1 LAST");

        Assert.Equal(new CrossingSelector(CrossingEdge.Cross, null), m.When!.Selector);
    }

    [Theory]
    [InlineData("MIN", MeasureKind.Min)]
    [InlineData("MAX", MeasureKind.Max)]
    [InlineData("MIN_AT", MeasureKind.MinAt)]
    [InlineData("MAX_AT", MeasureKind.MaxAt)]
    [InlineData("PP", MeasureKind.PeakToPeak)]
    [InlineData("AVG", MeasureKind.Avg)]
    [InlineData("RMS", MeasureKind.Rms)]
    [InlineData("INTEG", MeasureKind.Integ)]
    [InlineData("INTEGRAL", MeasureKind.Integ)]
    public void IntervalFunctions_ReadSignalFromAndTo(string function, MeasureKind kind)
    {
        var m = MeasureParser.Parse($"ac r {function} vdb(out) FROM=1k TO=1meg");

        Assert.Equal(MeasureAnalysis.Ac, m.Analysis);
        Assert.Equal(kind, m.Kind);
        Assert.Equal("vdb(out)", m.Signal);
        Assert.Equal(1e3, m.From!.Value);
        Assert.Equal(1e6, m.To!.Value);
    }

    [Fact]
    public void NamesAndBracedExpressions_AreKeptAsSymbolsForTheParameterCallback()
    {
        var m = MeasureParser.Parse("tran t TRIG v(in) VAL=vth RISE=1 TARG v(out) VAL={vdd/2} TD='tdel*2'");

        Assert.Equal(new MeasureNumber(null, "vth"), m.Trig!.Crossing!.Level);
        Assert.Equal(new MeasureNumber(null, "vdd/2"), m.Targ!.Crossing!.Level);
        Assert.Equal(new MeasureNumber(null, "tdel*2"), m.Targ.Crossing.Td);
    }

    [Fact]
    public void Param_KeepsTheExpressionWithoutQuotes()
    {
        var m = MeasureParser.Parse("tran ratio PARAM='tdelay / 2'");

        Assert.Equal(MeasureKind.Param, m.Kind);
        Assert.Equal("tdelay / 2", m.Expression);
    }

    [Theory]
    // text, column of the error, a fragment of what was expected there
    [InlineData("", 0, "TRAN, DC or AC")]
    [InlineData("noise x MAX v(out)", 0, "TRAN, DC or AC")]
    [InlineData("tran x FOO v(out)", 7, "TRIG")]
    [InlineData("tran MAX v(out)", 5, "measurement name")]
    [InlineData("tran x DERIV v(out) AT=1m", 7, "FIND")]
    [InlineData("tran x TRIG v(in) RISE=1 TARG v(out) VAL=1", 24, "VAL=")]
    [InlineData("tran x TRIG v(in) VAL=1", 23, "TARG")]
    [InlineData("tran x TRIG v(in) VAL=1 RISE=0 TARG v(out) VAL=1", 29, "positive integer or LAST")]
    [InlineData("tran x TRIG v(in) VAL=1 RISE=1.5 TARG v(out) VAL=1", 29, "positive integer or LAST")]
    [InlineData("tran x MAX v(out FROM=1", 12, "')'")]
    [InlineData("tran x MAX v(out)) FROM=1", 17, "blank")]
    [InlineData("tran x MAX @m1[id FROM=1", 14, "']'")]
    [InlineData("tran x MAX v(out) FROM=1x?", 23, "a number")]
    [InlineData("tran x MAX v(out) FROM=", 23, "a number")]
    [InlineData("tran x FIND v(out) AT=1e400", 22, "a number")]
    [InlineData("tran x MAX v(out) BOGUS=1", 18, "FROM=")]
    [InlineData("tran x MAX v(out) FROM 1m", 23, "'='")]
    [InlineData("tran x MAX v(out) FROM=1m FROM=2m", 26, "TO=")]
    [InlineData("tran x MAX FROM=1m", 11, "output variable")]
    [InlineData("tran x MAX", 10, "output variable")]
    [InlineData("tran x WHEN v(out) 0.5", 19, "'='")]
    [InlineData("tran x WHEN v(out)= TD=1", 20, "a number or an output variable")]
    [InlineData("tran x WHEN v(out)=0.5 RISE=1 FALL=2", 30, "one crossing selector")]
    [InlineData("tran x WHEN v(out)=0.5 VAL=1", 23, "TD=")]
    [InlineData("tran x FIND v(out)", 18, "AT= or WHEN")]
    [InlineData("tran x FIND v(out) AT=1m TO=2m", 25, "end of statement")]
    [InlineData("tran x PARAM", 12, "'='")]
    [InlineData("tran x PARAM='a", 13, "closing '")]
    [InlineData("tran x MAX v(out) FROM={1m", 23, "'}'")]
    public void SyntaxError_ReportsColumnAndWhatWasExpected(string text, int column, string expectedFragment)
    {
        var e = Assert.Throws<MeasureSyntaxException>(() => MeasureParser.Parse(text));

        Assert.Equal(column, e.Column);
        Assert.Contains(expectedFragment, e.Expected);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void SyntaxError_MessageNamesTheProblem()
    {
        var e = Assert.Throws<MeasureSyntaxException>(() => MeasureParser.Parse("tran tdelay TRIG v(in) RISE=1 TARG v(out) VAL=1"));

        Assert.Equal("TRIG v(in) needs VAL=", e.Message);
        Assert.Equal("VAL=", e.Expected);
    }
}
