using CircuitSim.Magnetics;

namespace CircuitSim.Magnetics.Tests.Ring;

/// <summary>The ring's LLG with the Zhang–Li torque of its own current, and the paper's eq. (5) split.</summary>
public class RingDynamicsTests
{
    private static readonly RingMaterial Py = RingMaterial.Permalloy;
    private static readonly DormandPrinceOptions Tight = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };

    private static RingGeometry Ring(int n) => new(n, 55e-9, 10e-9, 10e-9);

    [Theory]
    [InlineData(RingMagnetostatics.Local)]
    [InlineData(RingMagnetostatics.Full)]
    public void Split_AddsUpToTheDerivative(RingMagnetostatics demag)
    {
        var ring = Ring(32);
        var dyn = new RingDynamics(ring, Py, demag) { CurrentDensity = 3e11 };
        double[] m = Physics.RandomUnitVectors(32, 7);
        double[] mdot = new double[m.Length], f0 = new double[m.Length], f1 = new double[m.Length];
        dyn.Derivative(0, m, mdot);
        dyn.Split(0, m, f0, f1);
        double scale = mdot.Max(Math.Abs);
        for (int i = 0; i < m.Length; i++) Assert.Equal(mdot[i], f0[i] + 3e11 * f1[i], 1e-13 * scale); // linear algebra, round-off
    }

    [Fact]
    public void RateCoefficients_GiveTheResistivityChangeAlongATrajectory()
    {
        // dρ̃/dt = β j − η against a one-sided second-order difference of ρ̃(m(t)) along the integrated path. The 2DW
        // profile is given smooth out-of-plane and radial tilts, so it is not an equilibrium (η ≠ 0) and β ≠ 0 (a purely
        // in-plane symmetric wall has β = 0); j = 1e14 A/m² makes β j comparable to η. With h = 2 fs the O(h²) error of the
        // difference, (hω)² with ω ≈ 1e12 rad/s, is ~4e-6 relative.
        var ring = Ring(64);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local) { CurrentDensity = 1e14 };
        double[] m = RingTextures.DomainWalls(ring, 2, 7e-9);
        for (int k = 0; k < 64; k++)
        {
            double theta = ring.Angle(k);
            var tilted = InterleavedVectors.Get(m, k) + 0.3 * Math.Sin(2 * theta + 0.7) * Vec3.UnitZ + 0.2 * Math.Cos(3 * theta) * ring.Radial(k);
            InterleavedVectors.Set(m, k, tilted.Normalized());
        }
        var (beta, eta) = dyn.RateCoefficients(0, m);
        double predicted = beta * 1e14 - eta;
        const double h = 2e-15;
        var dp = new DormandPrince54(dyn.Dimension, Tight, dyn);
        var state = new AdaptiveStepState();
        double rho0 = dyn.Amr.EffectiveResistivity(m);
        dp.Advance(dyn, 0, h, m, ref state);
        double rho1 = dyn.Amr.EffectiveResistivity(m);
        dp.Advance(dyn, h, 2 * h, m, ref state);
        double rho2 = dyn.Amr.EffectiveResistivity(m);
        double measured = (-3 * rho0 + 4 * rho1 - rho2) / (2 * h);
        Assert.True(Math.Abs(beta * 1e14) > 0.1 * Math.Abs(eta), "the check should exercise the current term");
        Assert.Equal(predicted, measured, 1e-4 * Math.Abs(predicted));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Vortex_HasNoMemristance(int circulation)
    {
        // β = Δρ⟨2 (m·T)(F1·T)⟩ with F1 ⊥ T for m = ±T: zero up to round-off of the frame vectors
        var ring = Ring(64);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local);
        var m = RingTextures.Vortex(ring, circulation);
        AssertBetaVanishes(dyn, m);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Superflow_HasNoMemristance(int winding)
    {
        // m = (cos nθ, sin nθ, 0): β ∝ Σ_k sin(2(n−1)θ_k) = 0 over the equally spaced cells
        var ring = Ring(64);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local);
        AssertBetaVanishes(dyn, RingTextures.Superflow(ring, winding));
    }

    private static void AssertBetaVanishes(RingDynamics dyn, double[] m)
    {
        double[] f0 = new double[m.Length], f1 = new double[m.Length];
        dyn.Split(0, m, f0, f1);
        // the size β would have if every cell's F1 lay along T: Δρ · 2 · max|F1|
        double scale = 2 * Py.AmrResistivity * f1.Max(Math.Abs);
        var (beta, _) = dyn.RateCoefficients(0, m);
        Assert.True(Math.Abs(beta) <= 1e-13 * scale, $"β = {beta:E3}, scale {scale:E3}");
    }

    [Fact]
    public void OutOfPlaneState_HasNoResistanceChange_EvenUnderCurrent()
    {
        // m = z: m·T = 0 in every cell, so dρ̃/dt = 2Δρ⟨(m·T)(ṁ·T)⟩ vanishes identically
        var ring = Ring(32);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Full, new Vec3(0, 0, 1 / PhysicalConstants.Mu0)) { CurrentDensity = 1e12 };
        var (beta, eta) = dyn.RateCoefficients(0, RingTextures.Uniform(ring, Vec3.UnitZ));
        Assert.Equal(0.0, beta);
        Assert.Equal(0.0, eta);
    }

    /// <summary>R_off − R after the vortex has settled under a DC current density j (α = 1 to settle fast; the
    /// static tilt does not depend on α).</summary>
    private static double VortexResistanceDrop(int cells, double j)
    {
        var ring = Ring(cells);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local) { CurrentDensity = j, Alpha = 1 };
        var m = RingTextures.Vortex(ring);
        var dp = new DormandPrince54(dyn.Dimension, Tight, dyn);
        var state = new AdaptiveStepState();
        Assert.True(dp.Advance(dyn, 0, 1e-9, m, ref state).Succeeded); // relaxation time (1+α²)/(αγ0 Ms/2) ≈ 23 ps
        return dyn.Amr.OffResistance - dyn.Amr.Resistance(m);
    }

    [Fact]
    public void VortexTilt_UnderCurrent_ScalesAsTheSquareOfTheCurrentDensity()
    {
        // the curvature torque (u/r)(R + ξz) tilts the ground state by δ ∝ j, so ΔR ∝ δ² ∝ j²: over a decade of j the
        // drop grows 100×; the next order (δ⁴) is 1e-6 relative at 1e12 A/m²
        double low = VortexResistanceDrop(32, 1e10), mid = VortexResistanceDrop(32, 1e11), high = VortexResistanceDrop(32, 1e12);
        Assert.Equal(100, mid / low, 1e-3 * 100);
        Assert.Equal(100, high / mid, 1e-3 * 100);
    }

    [Fact]
    public void VortexTilt_AtOneE11_MatchesTheStaticTorqueBalance()
    {
        // balance of the Zhang–Li torque against shape anisotropy (and the curvature exchange) on the discrete ring:
        // δz = |u'|/(r γ0 (Ms N_z − c)), δR = ξ|u'|/(r γ0 Ms N_R), ΔR = R_on (Δρ/ρ0)(δz² + δR²), with the discrete
        // gradient u' = u sin(Δθ)/Δθ and curvature field c = (2A/(μ0 Ms)) 2(1 − cos Δθ)/Δs². About 9.5 µΩ, i.e.
        // ΔR·I ≈ 0.095 nV at I = 10 µA.
        const int n = 32;
        var ring = Ring(n);
        double dTheta = 2 * Math.PI / n;
        double u = Math.Abs(SpinTransfer.DriftVelocityPerCurrentDensity(Py.Polarization, Py.SaturationMagnetization, Py.NonAdiabaticity, true)) * 1e11
                   * Math.Sin(dTheta) / dTheta;
        double c = 2 * Py.ExchangeStiffness / (PhysicalConstants.Mu0 * Py.SaturationMagnetization) * 2 * (1 - Math.Cos(dTheta))
                   / (ring.CellLength * ring.CellLength);
        double ms = Py.SaturationMagnetization;
        double dz = u / (ring.Radius * PhysicalConstants.Gamma0 * (0.5 * ms - c));
        double dr = Py.NonAdiabaticity * u / (ring.Radius * PhysicalConstants.Gamma0 * 0.5 * ms);
        var amr = new RingAmr(ring, Py.Resistivity, Py.AmrResistivity);
        double expected = amr.OnResistance * Py.AmrRatio * (dz * dz + dr * dr);
        Assert.Equal(expected, VortexResistanceDrop(n, 1e11), 2e-3 * expected); // neglected: O(δ²) ≈ 1e-6 and the ξ·δ cross terms ≈ 1e-4
    }

    [Fact]
    public void MagnetizationStaysUnit_ThroughADrivenRun()
    {
        var ring = Ring(64);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local) { Drive = new SinusoidalCurrentDrive(1e12, 1e9) };
        var m = RingTextures.DomainWalls(ring, 2, 7e-9);
        var dp = new DormandPrince54(dyn.Dimension, new DormandPrinceOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-10 }, dyn);
        var state = new AdaptiveStepState();
        for (int i = 0; i < 100; i++) Assert.True(dp.Advance(dyn, i * 1e-11, (i + 1) * 1e-11, m, ref state).Succeeded);
        Assert.True(InterleavedVectors.MaxNormDeviation(m) < 1e-9); // docs/physics.md §2.6: |m| = 1 to 1e-9 over a run
    }

    [Fact]
    public void OnionWalls_CostLessExchangeThanTheOppositeChirality()
    {
        // on a curved ring |∂m/∂θ|² = (ψ' − 1)² for m = cos ψ T + sin ψ R: walls turning ψ up (the onion, winding 0)
        // save exchange energy against walls turning it down (winding 2) — a curvature-induced chirality
        var ring = Ring(128);
        var dyn = new RingDynamics(ring, Py, RingMagnetostatics.Local);
        var onion = RingTextures.DomainWalls(ring, 2, 7e-9, homochiral: true, chirality: 1);
        var other = RingTextures.DomainWalls(ring, 2, 7e-9, homochiral: true, chirality: -1);
        Assert.Equal(0, RingTextureAnalysis.Winding(ring, onion), 1e-9);
        Assert.Equal(2, RingTextureAnalysis.Winding(ring, other), 1e-9);
        // the difference is 4πAwt/r per wall, 4.6e-19 J for the pair: about 45 % of the onion's energy
        Assert.True(dyn.Energy(onion) < 0.9 * dyn.Energy(other));
    }
}
