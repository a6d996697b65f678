using CircuitSim.Devices.Passive;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>agauss/gauss/aunif/unif/limit in netlists: per-instance draws, per-run globals, seeds and run indices.</summary>
public class StatisticalParameterTests
{
    private static double R(Netlist n, string name) => ((Resistor)n.Circuit[name]).Resistance;

    private static double R(Core.Circuits.Circuit c, string name) => ((Resistor)c[name]).Resistance;

    [Fact]
    public void Agauss_InAnElementValue_DrawsOncePerInstance()
    {
        var n = Read.Text("t\nR1 a 0 {agauss(1k, 100, 1)}\nR2 a 0 {agauss(1k, 100, 1)}\n.op");
        Assert.NotEqual(R(n, "r1"), R(n, "r2"));
        Assert.InRange(R(n, "r1"), 500, 1500); // 5 σ
    }

    [Fact]
    public void Agauss_InAGlobalParam_DrawsOncePerRun()
    {
        var n = Read.Text("t\n.param rg = agauss(1k, 100, 1)\nR1 a 0 {rg}\nR2 a 0 {rg}\n.op");
        Assert.Equal(R(n, "r1"), R(n, "r2"));
        Assert.NotEqual(1000, R(n, "r1"));
    }

    [Fact]
    public void Agauss_InASubcircuitParam_DrawsOncePerSubcircuitInstance()
    {
        var n = Read.Text("t\n.subckt cell a\n.param rv = agauss(1k, 100, 1)\nR1 a 0 {rv}\nR2 a 0 {rv}\n.ends\nX1 p cell\nX2 q cell\n.op");
        Assert.Equal(R(n, "x1.r1"), R(n, "x1.r2"));
        Assert.NotEqual(R(n, "x1.r1"), R(n, "x2.r1"));
    }

    [Fact]
    public void Draws_DoNotDependOnTheOrderOfTheElements()
    {
        var a = Read.Text("t\nR1 a 0 {agauss(1k, 100, 1)}\nR2 a 0 {agauss(1k, 100, 1)}\n.op");
        var b = Read.Text("t\nR2 a 0 {agauss(1k, 100, 1)}\nR3 a 0 {gauss(1k, 0.1, 1)}\nR1 a 0 {agauss(1k, 100, 1)}\n.op");
        Assert.Equal(BitConverter.DoubleToInt64Bits(R(a, "r1")), BitConverter.DoubleToInt64Bits(R(b, "r1")));
        Assert.Equal(BitConverter.DoubleToInt64Bits(R(a, "r2")), BitConverter.DoubleToInt64Bits(R(b, "r2")));
    }

    [Fact]
    public void Draws_AreKeyedByParameterName_SoTwoParametersOfOneElementDiffer()
    {
        var n = Read.Text("t\nR1 a 0 r={agauss(1k, 100, 1)} tc1={agauss(0, 1, 1)}\n.op");
        var r = (Resistor)n.Circuit["r1"];
        Assert.NotEqual((r.Resistance - 1000) / 100, r.Tc1);
        Assert.NotEqual(0, r.Tc1);
    }

    [Fact]
    public void Seed_FromOptions_ChangesTheDrawsAndIsKept()
    {
        const string body = "R1 a 0 {agauss(1k, 100, 1)}\n.op";
        var plain = Read.Text("t\n" + body);
        var seeded = Read.Text("t\n.options seed=7\n" + body);
        Assert.Equal(VariationSitesDefaultSeed, plain.Seed);
        Assert.Equal(7UL, seeded.Seed);
        Assert.NotEqual(R(plain, "r1"), R(seeded, "r1"));
        Assert.Equal(R(seeded, "r1"), R(plain.Build(null, 7), "r1"));
        Assert.Empty(seeded.Warnings);
    }

    private const ulong VariationSitesDefaultSeed = Core.Expressions.VariationSites.DefaultSeed;

    [Fact]
    public void Seed_ThatIsNotAWholeNumberIsAnError()
    {
        var e = Read.Error("t\n.options seed=1.5\nR1 a 0 1k\n.op");
        Assert.Contains("seed must be a whole number", e.Message);
    }

    [Fact]
    public void Run_Parameter_SelectsTheRunsStreams()
    {
        var n = Read.Text("t\nR1 a 0 {agauss(1k, 100, 1)}\n.op");
        var run3 = R(n.Build(new Dictionary<string, double> { ["run"] = 3 }), "r1");
        Assert.Equal(run3, R(n.Build(new Dictionary<string, double> { ["run"] = 3 }), "r1"));
        Assert.NotEqual(run3, R(n.Build(new Dictionary<string, double> { ["run"] = 4 }), "r1"));
        Assert.Equal(R(n, "r1"), R(n.Build(new Dictionary<string, double> { ["run"] = 0 }), "r1"));
    }

    [Fact]
    public void StepParamRun_NeedsNoParamDefinition()
    {
        var n = Read.Text("t\nR1 a 0 {agauss(1k, 100, 1)}\n.step param run 1 4 1\n.op");
        Assert.Equal(new double[] { 1, 2, 3, 4 }, n.Step!.Values);
    }

    [Fact]
    public void StepParamRun_RejectsFractionalRuns()
    {
        var e = Read.Error("t\nR1 a 0 1k\n.step param run 0 1 0.5\n.op");
        Assert.Contains("not a whole number", e.Message);
    }

    [Fact]
    public void Temp_WithSeveralValues_KeepsThemAllAndWarns()
    {
        var n = Read.Text("t\nR1 a 0 1k\n.temp 0 27 85\n.op");
        Assert.Equal(new double[] { 0, 27, 85 }, n.Temperatures);
        Assert.Equal(0, n.Options.Temperature);
        Assert.Contains(n.Warnings, w => w.Message.Contains("3 temperatures"));
    }

    [Fact]
    public void Agauss_WithAZeroSigma_IsReportedAtTheValue()
    {
        var e = Read.Error("t\nR1 a 0 {agauss(1k, 100, 0)}\n.op");
        Assert.Contains("sigma must be a positive number", e.Message);
        Assert.Equal(2, e.Location.Line);
    }

    [Fact]
    public void Run_IsAParameterWhoseValueIsTheRunIndex()
    {
        var n = Read.Text("t\nR1 a 0 {run == 3 ? 5k : 1k}\n.step param run 1 4 1\n.op");
        Assert.Equal(1000, R(n, "r1"));
        Assert.Equal(5000, R(n.Build(new Dictionary<string, double> { ["run"] = 3 }), "r1"));
    }
}
