using CircuitSim.Magnetics;
using Xunit.Abstractions;

namespace CircuitSim.Magnetics.Tests;

public class SpinTorqueTests(ITestOutputHelper output)
{
    private const double Ms = 1e6;             // A/m
    private const double Thickness = 1.5e-9;   // m, free layer
    private const double Area = 50e-9 * 50e-9; // m²
    private const double Eta = 0.6;

    [Fact]
    public void SlonczewskiField_MatchesHbarEtaJOver2eMu0MsTf()
    {
        double j = 1e11;
        double expected = 1.054571817e-34 * Eta * j / (2 * 1.602176634e-19 * 1.25663706e-6 * Ms * Thickness);
        // Same formula with the constants typed in by hand: equal to a few ulp.
        Assert.Equal(expected, SpinTransfer.SlonczewskiField(j, Eta, Ms, Thickness), 1e-12 * expected);
    }

    [Theory]
    [InlineData(+1.0)]
    [InlineData(-1.0)]
    public void Slonczewski_PositiveCurrentDrivesMagnetizationTowardPolarizer(double sign)
    {
        var drive = new SpinTransferDrive(Vec3.UnitZ, Eta, Ms, Thickness) { CurrentDensity = sign * 1e11 };
        var sys = new LlgSystem(1, 0.01).Add(new SlonczewskiTorque(drive, 1));
        double[] m = { 1, 0, 0 };
        double[] mdot = new double[3];
        sys.Derivative(0, m, mdot);
        // At m ⊥ p the torque is γ0 H_ST p/(1+α²) plus a small α-rotated part; its z part carries the sign of J.
        Assert.Equal(sign, Math.Sign(mdot[2]));
        double expected = Physics.Gamma0 * drive.SpinTorqueField / (1 + 0.01 * 0.01);
        Assert.Equal(expected, mdot[2], 1e-12 * Math.Abs(expected)); // exact algebra, round-off only
    }

    [Fact]
    public void FieldLikeTorque_AddsZetaTimesSpinTorqueFieldAlongPolarizer()
    {
        var drive = new SpinTransferDrive(new Vec3(0, 0, -2), Eta, Ms, Thickness) { CurrentDensity = 3e10 };
        var term = new FieldLikeTorqueField(drive, 0.3, 2, Area * Thickness);
        double[] m = Physics.RandomUnitVectors(2, 7);
        double[] h = new double[6];
        term.AddField(0, m, h);
        double expected = -0.3 * drive.SpinTorqueField; // p normalized to −z
        Assert.Equal(0, h[0]);
        Assert.Equal(expected, h[2], 1e-12 * Math.Abs(expected));
        Assert.Equal(expected, h[5], 1e-12 * Math.Abs(expected));
    }

    /// <summary>
    /// Perpendicular macrospin at T = 0, m starting 0.05 rad from −z, p = +z. Linear stability of the antiparallel
    /// state changes sign at H_ST = α H_k, i.e. at J_c0 = 2 e α μ0 Ms t_F H_k/(ħ η) (the I_c0 formula per area).
    /// 5 % either side the tilt grows/decays at γ0·0.05·α H_k/(1+α²) ≈ 1.1e8 s⁻¹, so 100 ns is decisive.
    /// </summary>
    [Theory]
    [InlineData(1.05, true)]
    [InlineData(0.95, false)]
    public void Macrospin_SwitchesOnlyAboveCriticalCurrent(double ratio, bool switches)
    {
        const double alpha = 0.05, hk = 2e5;
        double jc0 = 2 * PhysicalConstants.ElementaryCharge * alpha * PhysicalConstants.Mu0 * Ms * Thickness * hk
                     / (PhysicalConstants.ReducedPlanck * Eta);
        var drive = new SpinTransferDrive(Vec3.UnitZ, Eta, Ms, Thickness) { CurrentDensity = ratio * jc0 };
        var sys = new LlgSystem(1, alpha)
            .Add(new UniaxialAnisotropyField(1, Ms, Area * Thickness, Vec3.UnitZ, hk))
            .Add(new SlonczewskiTorque(drive, 1));
        Assert.Equal(ratio * alpha * hk, drive.SpinTorqueField, 1e-9 * hk); // H_ST = ratio·α H_k by construction

        var dp = new DormandPrince54(3, new DormandPrinceOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 }, sys);
        var state = new AdaptiveStepState();
        double[] m = new double[3];
        InterleavedVectors.Set(m, 0, Physics.Direction(Math.PI - 0.05, 0));
        for (int c = 1; c <= 100; c++) // 1 ns "circuit steps"
            Assert.True(dp.Advance(sys, (c - 1) * 1e-9, c * 1e-9, m, ref state).Succeeded);
        output.WriteLine($"J/J_c0 = {ratio}: m_z after 100 ns = {m[2]:F6}");
        if (switches) Assert.True(m[2] > 0.999, $"m_z = {m[2]}");
        else Assert.True(m[2] < -0.999, $"m_z = {m[2]}");
    }
}
