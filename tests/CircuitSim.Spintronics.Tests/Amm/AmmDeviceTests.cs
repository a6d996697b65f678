using static CircuitSim.Spintronics.Tests.Amm.AmmTestCircuits;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>The AMM ring as a circuit element: static AMR, the eq. (5) probes, bounds, reproducibility.</summary>
public class AmmDeviceTests
{
    private const double ROn = 2 * Math.PI * 55e-9 * 123e-9 / 1e-16; // 425.058 Ω
    private const double ROff = 1.03 * ROn;

    [Fact]
    public void Vortex_ConductsWithTheOffResistance()
    {
        // .op with 10 µA: V = R_off·I, the vortex being m ∥ T everywhere
        const string text = FastModel + """
            I1 0 a DC 10u
            YAMM y1 a 0 pyfast state=vortex relax=0
            .op
            .end
            """;
        var plot = Run("static vortex\n" + text, "v(a)", "@y1[r]");
        Assert.Equal(ROff, plot["@y1[r]"][0], 1e-9 * ROff);
        Assert.Equal(ROff * 10e-6, plot["v(a)"][0], 1e-9 * ROff * 10e-6);
    }

    [Fact]
    public void OutOfPlaneState_ConductsWithTheOnResistance()
    {
        const string text = FastModel + """
            I1 0 a DC 10u
            YAMM y1 a 0 pyfast state=oop relax=0
            .op
            .end
            """;
        var plot = Run("static oop\n" + text, "v(a)", "@y1[r]");
        Assert.Equal(ROn, plot["@y1[r]"][0], 1e-9 * ROn);
        Assert.Equal(ROn * 10e-6, plot["v(a)"][0], 1e-9 * ROn * 10e-6);
    }

    [Fact]
    public void OutOfPlaneState_KeepsItsResistance_UnderADrive()
    {
        // held by 1 T along z and driven at 1e12 A/m²: m·T = 0 in every cell, so dR/dt = 0 exactly
        var plot = Run(Driven("state=oop relax=0", 100e-6, 1e9, 1), "@y1[drdt]", "@y1[r]");
        Assert.All(plot["@y1[drdt]"], v => Assert.Equal(0.0, v));
        Assert.All(plot["@y1[r]"], v => Assert.Equal(ROn, v, 1e-12 * ROn));
    }

    [Theory]
    [InlineData("state=vortex")]
    [InlineData("state=vortex-")]
    [InlineData("state=superflow2 relax=0")]
    [InlineData("state=superflow nwall=3 relax=0")]
    public void StatesWithoutTexture_HaveNoMemristance(string state)
    {
        // β from the split ṁ = F0 + jF1 in the state the analysis starts from (the relaxed vortex is m = ±T exactly;
        // superflow is not an equilibrium, so it is taken as written). The scale is the β a fully tangential F1 would
        // give, 2Δρ|u/(r j)| ≈ 5.5e-12 Ω·m³/(A·s) on this ring; round-off leaves less than 1e-13 of it. (Once driven,
        // the texture tilts and β grows at second order in the tilt.)
        var plot = Run(Driven(state, 10e-6, 1e9, 0.02), "@y1[beta]");
        double beta = plot["@y1[beta]"][0];
        Assert.True(Math.Abs(beta) < 5e-25, $"β = {beta:E3}");
    }

    [Theory]
    [InlineData("state=2dw")]
    [InlineData("state=4dw")]
    [InlineData("state=inplane")]
    public void Resistance_StaysBetweenOnAndOff(string state)
    {
        var plot = Run(Driven(state + " relax=0", 100e-6, 2e9, 2), "@y1[r]");
        Assert.All(plot["@y1[r]"], r => Assert.InRange(r, ROn, ROff * (1 + 1e-12)));
    }

    [Fact]
    public void DrdtProbe_IsTheRateOfTheResistanceProbe()
    {
        // dR/dt from β j − η at each accepted point against the central difference of R between points: the vortex
        // driven at 1e12 A/m² tilts and untilts twice a period; 400 points per period keep the difference's O(h²)
        // error, (4πf h)²/6, below 1e-3 of the peak
        var plot = Run(Driven("state=vortex", 100e-6, 1e9, 1, stepsPerPeriod: 400), "@y1[r]", "@y1[drdt]");
        var t = plot.Scale;
        var r = plot["@y1[r]"];
        var d = plot["@y1[drdt]"];
        double peak = d.Max(Math.Abs);
        for (int k = 5; k < t.Length - 5; k++)
        {
            double central = (r[k + 1] - r[k - 1]) / (t[k + 1] - t[k - 1]);
            Assert.Equal(d[k], central, 1e-2 * peak);
        }
    }

    [Fact]
    public void ThermalRun_IsReproducibleForItsSeed()
    {
        string Netlist(int seed) => Driven($"state=vortex relax=0 temp=300 seed={seed}", 10e-6, 1e9, 0.1);
        var a = Run(Netlist(7), "@y1[r]")["@y1[r]"];
        var b = Run(Netlist(7), "@y1[r]")["@y1[r]"];
        var c = Run(Netlist(8), "@y1[r]")["@y1[r]"];
        Assert.Equal(a, b); // bit for bit
        Assert.NotEqual(a, c);
        Assert.True(a.Skip(1).Any(r => r < ROff - 1e-6), "the thermal field should move m away from the vortex");
    }
}
