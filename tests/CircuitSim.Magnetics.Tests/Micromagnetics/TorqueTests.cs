using CircuitSim.Magnetics.Tests;

namespace CircuitSim.Magnetics.Micromagnetics.Tests;

public class TorqueTests
{
    [Fact]
    public void ZhangLi_UniformStateFeelsNoTorque()
    {
        var magnet = Magnet.Disk(new Grid2D(8, 8, 2e-9, 2e-9, 1e-9), 8e5);
        var zl = new ZhangLiTorque(magnet, 0.5, 0.1);
        zl.SetUniform(1e12, -3e11);
        var f = new double[3 * magnet.CellCount];
        zl.AddTorque(0, Textures.Uniform(magnet, new Vec3(1, 1, 1)), f, 0, 8);
        Assert.All(f, x => Assert.Equal(0.0, x, 9));
    }

    [Fact]
    public void ZhangLi_AdvectsASpiralAlongTheElectronFlow()
    {
        // m = (cos kx, sin kx, 0), u = b j x̂: inside, F = −u ∂m/∂x + ξ m × u ∂m/∂x with the central difference
        // ∂m/∂x → sin(k dx)/dx · (−sin kx, cos kx, 0); b < 0 so u points against j (along the electrons)
        double dx = 2e-9, k = 2 * Math.PI / 30e-9, xi = 0.2, j = 1e12;
        var magnet = Magnet.Rectangle(new Grid2D(16, 1, dx, dx, 1e-9), 8e5);
        var zl = new ZhangLiTorque(magnet, 0.6, xi);
        zl.SetUniform(j, 0);
        var m = new double[3 * 16];
        for (int i = 0; i < 16; i++) InterleavedVectors.Set(m, i, new Vec3(Math.Cos(k * i * dx), Math.Sin(k * i * dx), 0));
        var f = new double[m.Length];
        zl.AddTorque(0, m, f, 0, 1);
        double u = zl.DriftPerCurrentDensity(0) * j;
        Assert.True(u < 0);
        Assert.Equal(-0.6 * PhysicalConstants.BohrMagneton * j / (PhysicalConstants.ElementaryCharge * 8e5), u, 9);
        double g = Math.Sin(k * dx) / dx;
        for (int i = 1; i < 15; i++)
        {
            double th = k * i * dx;
            Assert.Equal(-u * g * -Math.Sin(th), f[3 * i], 3);
            Assert.Equal(-u * g * Math.Cos(th), f[3 * i + 1], 3);
            Assert.Equal(xi * u * g, f[3 * i + 2], 3); // m × ∂m/∂x = +ẑ (sin²+cos²)
        }
    }

    [Fact]
    public void ZhangLi_MumaxConventionDividesByOnePlusXiSquared()
    {
        var magnet = Magnet.Rectangle(new Grid2D(1, 1, 1e-9, 1e-9, 1e-9), 8e5);
        var plain = new ZhangLiTorque(magnet, 1, 0.05);
        var mumax = new ZhangLiTorque(magnet, 1, 0.05, divideByOnePlusXiSquared: true);
        // standard problem 5: |u| = μB J/(e Ms (1 + ξ²)) = 72.17 m/s at 1e12 A/m²
        Assert.Equal(-72.17, mumax.DriftPerCurrentDensity(0) * 1e12, 2);
        Assert.Equal(plain.DriftPerCurrentDensity(0) / 1.0025, mumax.DriftPerCurrentDensity(0), 12);
    }

    [Fact]
    public void Slonczewski_PositiveCurrentTurnsMTowardTheFixedLayer()
    {
        var magnet = Magnet.Rectangle(new Grid2D(1, 1, 50e-9, 50e-9, 2e-9), 1e6);
        var st = new SlonczewskiTorque(magnet, Vec3.UnitZ, 0.6, fieldLikeRatio: 0.3);
        st.SetUniform(1e11);
        var m = new double[] { 1, 0, 0 };
        var f = new double[3];
        st.AddTorque(0, m, f, 0, 1);
        double a = PhysicalConstants.Gamma0 * SpinTransfer.SlonczewskiField(1e11, 0.6, 1e6, 2e-9);
        // m × p = (0, −1, 0); m × (m × p) = (0, 0, −1): F = −a(−ẑ) − 0.3 a (−ŷ)
        Assert.Equal(a, f[2], 6);
        Assert.Equal(0.3 * a, f[1], 6);
        Assert.Equal(0.0, f[0]);
    }
}
