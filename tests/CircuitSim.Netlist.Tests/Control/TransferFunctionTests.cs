using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>
/// .tf: the small-signal DC gain from a source to an output and the input and output resistances at the operating
/// point, named and valued as ngspice 39 names and values them (recorded; live cross-check when ngspice is installed).
/// </summary>
public class TransferFunctionTests
{
    private const string Divider = """
        divider tf
        V1 in 0 DC 1
        R1 in out 1k
        R2 out 0 3k
        R3 out b 500
        .tf v(out) V1
        .end
        """;

    private const string MosAmplifier = """
        mos amp tf
        VDD vdd 0 5
        VIN in 0 DC 1.2
        RD vdd out 10k
        M1 out in 0 0 nm W=10u L=1u
        .model nm NMOS level=1 vto=0.7 kp=50u lambda=0.02
        .tf v(out) VIN
        .end
        """;

    /// <summary>A current source drives controlled sources (E, G, F, H); the output is a node pair.</summary>
    private const string ControlledSources = """
        controlled sources tf
        Iin 0 in DC 1m
        Rin in 0 5k
        E1 a 0 in 0 10
        R1 a b 1k
        R2 b 0 2k
        G1 0 b in 0 1m
        VS b c 0
        R3 c 0 3k
        F1 0 d VS 2
        R4 d 0 1k
        H1 h 0 VS 500
        R5 h d 1k
        .tf v(h,d) Iin
        .end
        """;

    private const string CurrentOutput = """
        current output tf
        V1 in 0 DC 2
        R1 in a 1k
        R2 a 0 2k
        VS a b 0
        R3 b 0 500
        .tf i(VS) V1
        .end
        """;

    public static TheoryData<string, string[], double[]> Cases() => new()
    {
        // analytic: gain R2/(R1+R2), input R1+R2, output R1‖R2 (R3 leads nowhere)
        { Divider, ["transfer_function", "v1#input_impedance", "output_impedance_at_v(out)"], [0.75, 4000, 750] },
        // ngspice -b mos_amp.cir: -2.68252, 1e20 (a gate draws no DC current), 9876.543
        { MosAmplifier, ["transfer_function", "vin#input_impedance", "output_impedance_at_v(out)"], [-2.68252, 1e20, 9876.543] },
        // ngspice -b controlled.cir: -7500, 5000, 500
        { ControlledSources, ["transfer_function", "iin#input_impedance", "output_impedance_at_v(h,d)"], [-7500, 5000, 500] },
        // ngspice -b current_output.cir: 5.714286e-04, 1400, and ngspice's 1/max(1e-20, i) for a current output, 1e20
        { CurrentOutput, ["transfer_function", "v1#input_impedance", "vs#output_impedance"], [5.714286e-04, 1400, 1e20] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tf_GivesNgspicesVectors(string deck, string[] names, double[] values)
    {
        using var run = new ScriptRun(deck);

        var outcome = Assert.Single(run.Outcomes);
        Assert.Null(outcome.Failure);
        Assert.Equal("Transfer Function", outcome.Info.PlotName);
        Assert.Equal(names, outcome.Values.Select(v => v.Name));
        // ngspice prints 7 significant digits (6 for a negative number): 1e-5 relative covers the rounding
        for (var k = 0; k < 3; k++)
            Assert.True(Math.Abs(outcome.Values[k].Value - values[k]) <= 1e-5 * Math.Abs(values[k]),
                $"{names[k]}: {outcome.Values[k].Value:R}, ngspice {values[k]}");
    }

    [NgspiceFact]
    public void Tf_MatchesWhatNgspicePrintsNow()
    {
        foreach (var deck in new[] { Divider, MosAmplifier, ControlledSources, CurrentOutput })
        {
            using var run = new ScriptRun(deck);
            var printed = run.RunNgspice();
            foreach (var (name, value) in run.Outcomes[0].Values)
                Assert.Equal(Ngspice.PrintedReal(printed, name), value, Math.Abs(value) * 1e-5);
        }
    }

    [Fact]
    public void Tf_OfANodeThatIsNotThere_FailsTheAnalysisWithTheNodesName()
    {
        using var run = new ScriptRun(Divider.Replace(".tf v(out) V1", ".tf v(nowhere) V1"));

        var failure = Assert.Single(run.Outcomes).Failure!;
        Assert.Equal("probe 'v(nowhere)': no node named 'nowhere'", failure.Message);
    }
}
