using CircuitSim.Netlist.Measurements;
using static CircuitSim.Netlist.Tests.Measurements.MeasureTestData;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>How output variables are found in the table (differences, aliases, AC forms) and how symbols are resolved.</summary>
public class VectorAndParameterTests
{
    [Fact]
    public void DifferentialVoltage_IsTheDifferenceOfTheNodeVectors()
    {
        Assert.Equal(1.0, Steps().Measure("tran d MAX v(in,out)").Value()); // v(in) is up before v(out) follows
        Assert.Equal(0.5, Steps().Measure("tran d FIND v(in, out) AT=6u").Value());
    }

    [Fact]
    public void NodeZero_IsGround()
    {
        Assert.Equal(0.5, Steps().Measure("tran d FIND v(out,0) AT=6u").Value());
        Assert.Equal(0.0, Steps().Measure("tran d MAX v(0)").Value());
    }

    [Fact]
    public void UpperCaseNamesInTheStatement_FindLowerCaseVectors() =>
        Assert.Equal(0.5, Steps().Measure("TRAN D FIND V(OUT) AT=6U").Value());

    [Fact]
    public void BareNodeName_MeansItsVoltage() =>
        Assert.Equal(0.5, Steps().Measure("tran d FIND out AT=6u").Value());

    [Fact]
    public void BranchCurrent_FallsBackToTheHashBranchName()
    {
        var table = Exact([0, 1], ("vin#branch", [-1e-3, -2e-3]));

        Assert.Equal(-1.5e-3, table.Measure("tran i FIND i(vin) AT=0.5").Value(), 1e-18);
    }

    [Fact]
    public void DeviceParameterVector_IsLookedUpByName()
    {
        var table = Exact([0, 1], ("@m1[id]", [1e-3, 3e-3]));

        Assert.Equal(3e-3, table.Measure("tran i MAX @m1[id]").Value());
    }

    [Fact]
    public void MissingVector_FailureListsTheMostSimilarNamesFirst()
    {
        var failure = Steps().Measure("tran d MAX v(ou)").FailureText();

        Assert.Equal("no vector 'v(ou)' in the TRAN results; available: v(out), v(in), i(vin)", failure);
    }

    [Fact]
    public void MissingVector_AmongManyNames_SaysHowManyThereAre()
    {
        var table = new WaveformTable("time", [0, 1]);
        for (int k = 0; k < 10; k++) table.Add($"v(n{k})", [0, 0]);

        var failure = table.Measure("tran d MAX v(n)").FailureText();

        Assert.StartsWith("no vector 'v(n)' in the TRAN results; available: v(n0), v(n1), v(n2), v(n3), v(n4), v(n5), …", failure);
        Assert.EndsWith("(10 in all)", failure);
    }

    [Fact]
    public void MissingVector_InATableThatCannotListNames_StillFailsClearly()
    {
        var failure = new OpaqueTable().Measure("tran d MAX v(x)").FailureText();

        Assert.Equal("no vector 'v(x)' in the TRAN results", failure);
    }

    [Fact]
    public void MissingFindSignal_FailsEvenWhenTheConditionIsFine() =>
        Assert.StartsWith("no vector 'v(nope)'", Steps().Measure("tran d FIND v(nope) WHEN v(in)=0.5").FailureText());

    [Fact]
    public void EmptyTable_Fails() =>
        Assert.Equal("the TRAN results have no points", new WaveformTable("time", []).Measure("tran d MAX v(a)").FailureText());

    // ---- AC ---------------------------------------------------------------------------------------------------

    /// <summary>H(f) = 1/(1 + j f/fc) with fc = 1 kHz at 100 Hz … 10 kHz, recorded as vr(out) and vi(out) only.</summary>
    private static WaveformTable LowPass(bool withB = false)
    {
        double[] f = [100, 300, 1000, 3000, 10000];
        var re = f.Select(x => 1 / (1 + x * x / 1e6)).ToArray();
        var im = f.Select(x => -(x / 1e3) / (1 + x * x / 1e6)).ToArray();
        var table = new WaveformTable("frequency", f).Add("vr(out)", re).Add("vi(out)", im);
        if (withB) table.Add("vr(b)", f.Select(_ => 0.25).ToArray()).Add("vi(b)", f.Select(_ => 0.0).ToArray());
        return table;
    }

    [Fact]
    public void Ac_MagnitudeDbAndPhase_AreDerivedFromRealAndImaginaryParts()
    {
        var table = LowPass();

        Assert.Equal(Math.Sqrt(0.5), table.Measure("ac m FIND vm(out) AT=1k").Value(), 1e-15);
        Assert.Equal(Math.Sqrt(0.5), table.Measure("ac m FIND v(out) AT=1k").Value(), 1e-15); // v() in AC is the magnitude
        Assert.Equal(20 * Math.Log10(Math.Sqrt(0.5)), table.Measure("ac m FIND vdb(out) AT=1k").Value(), 1e-13);
        Assert.Equal(-Math.PI / 4, table.Measure("ac m FIND vp(out) AT=1k").Value(), 1e-15); // radians, like ngspice 39
    }

    [Fact]
    public void Ac_DifferentialMagnitude_IsTheMagnitudeOfTheComplexDifference()
    {
        // at 1 kHz: out = 0.5 − 0.5j, b = 0.25 → |0.25 − 0.5j|
        Assert.Equal(Math.Sqrt(0.25 * 0.25 + 0.25), LowPass(withB: true).Measure("ac m FIND vm(out,b) AT=1k").Value(), 1e-15);
    }

    [Fact]
    public void Ac_RecordedFormIsUsedAsIs()
    {
        var table = LowPass().Add("vdb(out)", [1, 2, 3, 4, 5]);

        Assert.Equal(3.0, table.Measure("ac m FIND vdb(out) AT=1k").Value());
    }

    [Fact]
    public void Ac_WhenOnDerivedDb_FindsTheCorner()
    {
        // -3.0103 dB is exactly at the 1 kHz sample.
        Assert.Equal(1000.0, LowPass().Measure("ac f WHEN vdb(out)=-3.0102999566398116").Value(), 1e-9);
    }

    [Fact]
    public void Ac_DerivedFormWithoutRealAndImaginaryParts_FailsSayingWhy() =>
        Assert.Contains("vr(zz)/vi(zz) are not recorded", LowPass().Measure("ac m MAX vdb(zz)").FailureText());

    // ---- parameters -------------------------------------------------------------------------------------------

    private static double Params(string name) => name switch
    {
        "vth" => 0.375,
        "t1" => 1.5e-6,
        "tdelay/2" => 42,
        _ => throw new KeyNotFoundException($"unknown parameter '{name}'"),
    };

    [Fact]
    public void ParameterName_AsAValue_IsResolvedByTheCallback() =>
        Assert.Equal(TriangleTime(9.5), Triangle().Measure("tran t WHEN v(tri)=vth RISE=2", Params).Value(), 1e-18);

    [Fact]
    public void BracedExpression_IsPassedToTheCallback() =>
        Assert.Equal(0.375, Triangle().Measure("tran t FIND v(tri) AT={t1}", Params).Value(), 1e-12);

    [Fact]
    public void WhenRightHandSide_ThatIsNoVector_IsTriedAsAParameter() =>
        Assert.Equal(TriangleTime(1.5), Triangle().Measure("tran t WHEN v(tri)=vth", Params).Value(), 1e-18);

    [Fact]
    public void WhenRightHandSide_ThatLooksLikeAVector_IsNotTriedAsAParameter() =>
        Assert.StartsWith("no vector 'v(nope)'", Triangle().Measure("tran t WHEN v(tri)=v(nope)", Params).FailureText());

    [Fact]
    public void Symbol_WithoutACallback_Fails() =>
        Assert.Equal("VAL=vth: cannot evaluate 'vth' (no parameter values were given)",
            Triangle().Measure("tran t TRIG v(tri) VAL=vth TARG AT=1u").FailureText());

    [Fact]
    public void Symbol_TheCallbackRejects_FailsWithItsMessage() =>
        Assert.Equal("TD=nope: cannot evaluate 'nope': unknown parameter 'nope'",
            Triangle().Measure("tran t WHEN v(tri)=0.5 TD=nope", Params).FailureText());

    [Fact]
    public void Param_EvaluatesTheExpressionWithTheCallback() =>
        Assert.Equal(42.0, Triangle().Measure("tran p PARAM='tdelay/2'", Params).Value());

    [Fact]
    public void Param_ThatIsANumber_NeedsNoCallback() =>
        Assert.Equal(2.5e-3, Triangle().Measure("tran p PARAM=2.5m").Value());

    private sealed class OpaqueTable : IWaveformTable
    {
        private readonly double[] _scale = [0, 1];
        public string ScaleName => "time";
        public ReadOnlySpan<double> Scale => _scale;

        public bool TryGetVector(string name, out double[] values)
        {
            values = [];
            return false;
        }
    }
}
