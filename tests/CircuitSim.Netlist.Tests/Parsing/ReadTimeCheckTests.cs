namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Mistakes that used to surface only when a run failed, without a position: names in .save/.meas/.plot that are not in
/// the circuit, and MOSFET model levels that are not implemented. The reader reports each at its file, line and column,
/// all of them in one pass.
/// </summary>
public class ReadTimeCheckTests
{
    private const string Divider = """
        divider
        V1 in 0 PWL(0 0 1 1)
        R1 in out 1k
        R2 out 0 1k
        """;

    [Fact]
    public void Misspelt_NamesInSaveAndMeasAreEachAnErrorAtTheirColumn()
    {
        var errors = Read.Failure(Divider + """

            .save v(ou) i(v2) v(in)
            .tran 1m 1
            .meas tran a FIND v(otu) AT=0.5
            .meas tran c FIND @r3[i] AT=0.5
            .end
            """).Errors.ToList();

        Assert.Equal(4, errors.Count);
        Assert.Equal(("test.cir", 5, 9), (errors[0].Location.File, errors[0].Location.Line, errors[0].Location.Column));
        Assert.Contains("no node named 'ou'", errors[0].Message);
        Assert.Contains("nodes: out, in", errors[0].Message); // the closest first
        Assert.Equal((5, 15), (errors[1].Location.Line, errors[1].Location.Column));
        Assert.Contains("no element named 'v2'", errors[1].Message);
        Assert.Equal((7, 21), (errors[2].Location.Line, errors[2].Location.Column));
        Assert.Contains("no node named 'otu'", errors[2].Message);
        Assert.Equal((8, 19), (errors[3].Location.Line, errors[3].Location.Column));
        Assert.Contains("no device named 'r3'", errors[3].Message);
    }

    [Theory]
    [InlineData(".save v(out) v(in,out) i(v1) @r1[i] out v(0)")]
    [InlineData(".print tran v(out) i(v1)")]
    [InlineData(".plot tran v(out) vs v(in)")]
    [InlineData(".meas tran d TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.2 RISE=1")]
    [InlineData(".meas tran e FIND out AT=0.5")] // a bare node name in .meas: ngspice reads its voltage
    public void Names_that_are_in_the_circuit_read(string line)
    {
        var netlist = Read.Text(Divider + "\n" + line + "\n.tran 1m 1\n.end\n");
        Assert.Single(netlist.Analyses);
    }

    [Fact]
    public void NamesInsideASubcircuitInstance_AreFoundByTheirFullName()
    {
        var netlist = Read.Text("""
            sub
            .subckt half a b
            R1 a mid 1k
            R2 mid b 1k
            .ends
            V1 in 0 1
            X1 in 0 half
            .save v(x1.mid) @x1.r1[i]
            .op
            .end
            """);
        Assert.Contains("v(x1.mid)", netlist.Saves);
    }

    [Fact]
    public void MosfetModelOfAnUnimplementedLevel_IsAnErrorAtItsLevelOnce()
    {
        var error = Read.Error("""
            level 3
            .model NM NMOS (LEVEL=3 VTO=0.7 KP=120u)
            .model LIB NMOS level=2
            VD d 0 1
            VG g 0 1
            M1 d g 0 0 NM
            M2 d g 0 0 NM
            .op
            .end
            """);

        Assert.Equal((2, 23), (error.Location.Line, error.Location.Column)); // the 3 of LEVEL=3
        Assert.Contains("model 'NM' is LEVEL=3, which is not implemented (MOSFET levels: 1, and 14 or 54 for BSIM4 4.8); used by M1 and 1 more", error.Message);
    }
}
