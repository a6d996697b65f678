using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests.Ring;

/// <summary>Static AMR of the paper's ring: R = (2πr/(wt))[ρ0 + Δρ⟨(m·T)²⟩].</summary>
public class RingAmrTests
{
    private static readonly RingMaterial Py = RingMaterial.Permalloy;
    private static RingAmr Amr(RingGeometry ring) => new(ring, Py.Resistivity, Py.AmrResistivity);

    [Fact]
    public void OnResistance_IsTheOhmicRingResistance()
    {
        var amr = Amr(new RingGeometry(64, 55e-9, 10e-9, 10e-9));
        // 2π · 55 nm · 123 Ω·nm / (10 nm)² = 425.058 Ω
        Assert.Equal(2 * Math.PI * 55e-9 * 123e-9 / 1e-16, amr.OnResistance, 1e-12 * amr.OnResistance);
        Assert.Equal(1.03 * amr.OnResistance, amr.OffResistance, 1e-12 * amr.OnResistance);
    }

    [Fact]
    public void Vortex_HasTheOffResistance()
    {
        var ring = new RingGeometry(64, 55e-9, 10e-9, 10e-9);
        var amr = Amr(ring);
        Assert.Equal(amr.OffResistance, amr.Resistance(RingTextures.Vortex(ring)), 1e-12 * amr.OffResistance);
        Assert.Equal(amr.OffResistance, amr.Resistance(RingTextures.Vortex(ring, -1)), 1e-12 * amr.OffResistance);
    }

    [Fact]
    public void OutOfPlane_HasTheOnResistance()
    {
        var ring = new RingGeometry(64, 55e-9, 10e-9, 10e-9);
        var amr = Amr(ring);
        Assert.Equal(amr.OnResistance, amr.Resistance(RingTextures.Uniform(ring, Vec3.UnitZ)), 1e-12 * amr.OnResistance);
    }

    [Fact]
    public void UniformInPlane_AveragesCosSquaredToOneHalf()
    {
        // ⟨sin² θ⟩ over equally spaced cells is exactly 1/2
        var ring = new RingGeometry(64, 55e-9, 10e-9, 10e-9);
        var amr = Amr(ring);
        Assert.Equal(amr.OnResistance * (1 + 0.5 * Py.AmrRatio), amr.Resistance(RingTextures.Uniform(ring, Vec3.UnitX)), 1e-12 * amr.OnResistance);
    }

    [Theory]
    [InlineData(2, 5e-9)]
    [InlineData(4, 4e-9)]
    public void TanhWalls_GiveTheAnalyticResistance(int walls, double width)
    {
        // m·T = ∓tanh(s/Δ) across each wall, so ⟨(m·T)²⟩ = 1 − n·2Δ/(2πr) for walls far apart; with 512 cells
        // (Δs = 0.67 nm) the periodic sum of the smooth profile is exact to round-off, and the tails cut off half way
        // between walls (43 nm or more from each centre, ≥ 10 Δ) miss less than 1e-9 of each wall's integral
        var ring = new RingGeometry(512, 55e-9, 10e-9, 10e-9);
        var amr = Amr(ring);
        var m = RingTextures.DomainWalls(ring, walls, width);
        double expected = amr.OnResistance * (1 + Py.AmrRatio * (1 - walls * 2 * width / ring.Circumference));
        Assert.Equal(expected, amr.Resistance(m), 1e-9 * expected);
    }

    [Fact]
    public void Resistance_StaysBetweenOnAndOff_ForAnyTexture()
    {
        var ring = new RingGeometry(32, 55e-9, 10e-9, 10e-9);
        var amr = Amr(ring);
        for (ulong seed = 1; seed <= 50; seed++)
        {
            double r = amr.Resistance(Physics.RandomUnitVectors(32, seed));
            Assert.InRange(r, amr.OnResistance, amr.OffResistance);
        }
    }
}
