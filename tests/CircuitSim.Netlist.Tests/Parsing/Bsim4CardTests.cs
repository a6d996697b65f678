using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Semiconductors.Bsim4;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Reading BSIM4 cards (level 14/54): level dispatch, binned model sets and the errors a designer meets (a misspelt
/// parameter, a device outside every bin, an option CircuitSim does not implement, an unsupported version), each
/// naming file, line, column and what to do.
/// </summary>
public class Bsim4CardTests
{
    private const string Card = "level=54 version=4.8 toxe=1.25n vth0=0.44 u0=0.042";

    [Theory]
    [InlineData(54)]
    [InlineData(14)]
    public void Level54Or14Card_MakesABsim4Mosfet(int level)
    {
        var m = Read.Component<Bsim4Mosfet>($"""
            t
            .model nch nmos level={level} vth0=0.44
            M1 d g 0 0 nch W=90n L=45n
            """, "M1");

        Assert.Equal(90e-9, m.Width, 1e-22); // 90·1e-9 as SPICE suffixes multiply, not the literal 90e-9
        Assert.Equal(45e-9, m.Length, 1e-22);
    }

    [Fact]
    public void Level1Card_StaysTheShichmanHodgesModel()
    {
        Read.Component<Mosfet1>("""
            t
            .model nm nmos level=1 vto=0.7
            M1 d g 0 0 nm
            """, "M1");
    }

    [Fact]
    public void UnimplementedLevel_IsAnErrorAtTheLevelValue()
    {
        var error = Read.Error("""
            t
            .model nm nmos level=3 vto=0.7
            """);

        Assert.Equal("""
            test.cir:2:22: error: MOSFET level 3 is not implemented (expected level=1 (Shichman–Hodges) or level=54 / level=14 (BSIM4 4.8))
                .model nm nmos level=3 vto=0.7
                                     ^
            """, error.Shown());
    }

    [Fact]
    public void MisspeltParameter_IsAnErrorThatSuggestsTheBsim4Name()
    {
        var error = Read.Error($"""
            t
            .model nch nmos {Card} toxee=1.2n
            """);

        Assert.Contains("test.cir:2:", error.Shown());
        Assert.Contains("toxee", error.Message);
        Assert.Contains("did you mean 'toxe'?", error.Message);
    }

    [Theory]
    [InlineData("rgatemod=1")]
    [InlineData("rbodymod=1")]
    [InlineData("trnqsmod=1")]
    [InlineData("acnqsmod=1")]
    public void UnsupportedOption_IsAnErrorNamingTheFlagAndTheFix(string option)
    {
        var error = Read.Error($"""
            t
            .model nch nmos {Card} {option}
            """);

        var flag = option[..option.IndexOf('=')];
        Assert.Contains("test.cir:2:", error.Shown());
        Assert.Contains($"{option} ", error.Message);
        Assert.Contains("is not supported", error.Message);
        Assert.Contains($"set {flag}=0", error.Message);
    }

    [Theory]
    [InlineData("tnoimod=1", "tnoimod=0")]
    [InlineData("fnoimod=0", "fnoimod=1")]
    public void NoiseModelOtherThanTheDefault_IsAnErrorNamingTheFlag(string option, string fix)
    {
        var error = Read.Error($"""
            t
            .model nch nmos {Card} {option}
            """);

        Assert.Contains("test.cir:2:", error.Shown());
        Assert.Contains(option, error.Message);
        Assert.Contains("no noise analysis", error.Message);
        Assert.Contains($"set {fix}", error.Message);
    }

    [Fact]
    public void BinunitOtherThanOne_IsAcceptedAsMetres()
    {
        var m = Read.Component<Bsim4Mosfet>($"""
            t
            .model nch nmos {Card} binunit=2
            M1 d g 0 0 nch W=90n L=45n
            """, "M1");

        Assert.Equal("nch", m.ModelName);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("4.6.5")]
    [InlineData("4.7")]
    [InlineData("4.8.2")]
    public void Versions45To48_AreReadAsBsim48(string version)
    {
        var m = Read.Component<Bsim4Mosfet>($"""
            t
            .model nch nmos level=54 version={version}
            M1 d g 0 0 nch W=90n L=45n
            """, "M1");

        Assert.Equal("nch", m.ModelName);
    }

    [Theory]
    [InlineData("4.2")]
    [InlineData("4.4")]
    [InlineData("3.3")]
    public void OtherVersions_AreRefused(string version)
    {
        var error = Read.Error($"""
            t
            .model nch nmos level=54 version={version}
            """);

        Assert.Contains($"BSIM4 version '{version}' is not supported", error.Message);
    }

    [Fact]
    public void ParametersOutsideOurEquations_GiveOneWarningListingThem()
    {
        var netlist = Read.Text($"""
            t
            .model nch nmos {Card} kf=1e-25 af=1.2 ntnoi=1 rshg=10
            .op
            """);

        var warning = Assert.Single(netlist.Warnings);
        Assert.Contains("kf", warning.Message);
        Assert.Contains("af", warning.Message);
        Assert.Contains("ntnoi", warning.Message);
        Assert.Contains("rshg", warning.Message);
    }

    private const string Bins = """
        .model nch.1 nmos level=54 lmin=40n lmax=100n wmin=80n wmax=1u vth0=0.40
        .model nch.2 nmos level=54 lmin=100n lmax=1u wmin=80n wmax=1u vth0=0.45
        .model nch.3 nmos level=54 lmin=40n lmax=1u wmin=1u wmax=10u vth0=0.50
        """;

    [Theory]
    [InlineData("L=45n W=90n", "nch.1")]
    [InlineData("L=200n W=90n", "nch.2")]
    [InlineData("L=200n W=2u", "nch.3")]
    [InlineData("L=100n W=90n", "nch.1")] // on the shared LMAX/LMIN edge: the first card written wins, as in ngspice
    [InlineData("L=45n W=1u", "nch.1")]
    [InlineData("L=45n W=4u NF=4", "nch.3")] // W is the total width, not W/NF
    [InlineData("L=45n W=4u NF=4 wnflag=1", "nch.1")] // unless the instance sets WNFLAG
    public void BinnedSet_SelectsTheBinContainingLAndW(string geometry, string bin)
    {
        var m = Read.Component<Bsim4Mosfet>($"""
            t
            {Bins}
            M1 d g 0 0 nch {geometry}
            """, "M1");

        Assert.Equal(bin, m.ModelName);
    }

    [Fact]
    public void DeviceOutsideEveryBin_IsAnErrorNamingItsGeometryAndTheBins()
    {
        var error = Read.Error($"""
            t
            {Bins}
            M7 d g 0 0 nch L=2u W=90n
            """);

        Assert.Equal("""
            test.cir:5:12: error: no bin of model 'nch' contains M7's L = 2E-06 m, W = 9E-08 m (expected a bin with LMIN ≤ L ≤ LMAX and WMIN ≤ W ≤ WMAX; the bins are nch.1 (L 4E-08..1E-07 m, W 8E-08..1E-06 m), nch.2 (L 1E-07..1E-06 m, W 8E-08..1E-06 m), nch.3 (L 4E-08..1E-06 m, W 1E-06..1E-05 m))
                M7 d g 0 0 nch L=2u W=90n
                           ^
            """, error.Shown());
    }

    [Fact]
    public void BinnedSetWithoutLAndW_IsAnError()
    {
        var error = Read.Error($"""
            t
            {Bins}
            M1 d g 0 0 nch
            """);

        Assert.Contains("does not give L and W", error.Message);
    }
}
