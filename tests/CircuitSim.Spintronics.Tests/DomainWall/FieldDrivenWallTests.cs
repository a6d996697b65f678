using CircuitSim.Magnetics;
using CircuitSim.Spintronics.Tests.Support;
using Xunit.Abstractions;

namespace CircuitSim.Spintronics.Tests.DomainWall;

/// <summary>
/// The straight-wire check of docs/physics.md §5.8: a field alone (no current, no pinning) on the collective coordinates
/// φ̇ = (A − αB)/(1 + α²), q̇ = Δ(B + αA)/(1 + α²), A = γ0·H, B = γ0·½H_K·sin 2φ. Below the Walker field
/// H_W = α·H_K/2 the tilt settles at sin 2φ = H/H_W and the wall moves at v = γ0·Δ·H/α; above it φ precesses with
/// φ̇ = γ0(H − H_W sin 2φ)/(1 + α²) and, averaging sin 2φ over a turn (∫dθ/(H − H_W sin θ) = 2π/√(H² − H_W²)),
/// ⟨q̇⟩ = γ0·Δ·[(H − √(H² − H_W²))/α + α·H]/(1 + α²), far below the Walker peak velocity.
/// <para>
/// The card: α = 0.1 and H_K = 100 Oe (H_W = 5 Oe), so φ relaxes in (1 + α²)/(α·γ0·H_K·cos 2φ) ≈ 7 ns; with the
/// paper's α = 0.005 and H_K = 30 Oe it would take 0.4 ms and the wall would run Δ·φ/α ≈ 3 µm before settling.
/// </para>
/// </summary>
public class FieldDrivenWallTests(ITestOutputHelper output)
{
    private const double Alpha = 0.1, HkOe = 100, Width = 16.6e-9;
    private static readonly double Oe = PhysicalConstants.AmperePerMeterPerOersted;
    private static readonly double WalkerField = Alpha * HkOe * Oe / 2;
    private const double Gamma0 = PhysicalConstants.Mu0 * PhysicalConstants.Gamma;

    private static Waveforms Run(double fieldOe, double stop) => NetlistSimulation.Run($"""
        field-driven wall, no current, no pinning
        V1 a 0 0
        YDWMTJ m1 a 0 wire state=wall q0=200n
        .model wire DWMTJ (l=2u alpha={Alpha} hk_oe={HkOe} hz_oe={fieldOe} delta={Width} nsites=0)
        .tran 100p {stop} 0 100p
        .end
        """, "@m1[q]", "@m1[phi]");

    [Fact]
    public void BelowTheWalkerFieldTheWall_MovesAtGamma0DeltaHOverAlpha()
    {
        var field = WalkerField / 2; // 2.5 Oe
        var run = Run(field / Oe, 150e-9);
        var q = run["@m1[q]"];
        var phi = run["@m1[phi]"];
        // after 60 ns (9 relaxation times) fit q(t) over the rest of the run
        var late = Enumerable.Range(0, run.Scale.Length).Where(n => run.Scale[n] >= 60e-9).ToList();
        var (_, velocity, _) = Series.FitLine(late.Select(n => run.Scale[n]).ToList(), late.Select(n => q[n]).ToList());
        var expected = Gamma0 * Width * field / Alpha;
        var tilt = 0.5 * Math.Asin(field / WalkerField);
        output.WriteLine($"H = {field / Oe:F3} Oe (H_W = {WalkerField / Oe:F3} Oe): v = {velocity:F6} m/s, γ0ΔH/α = {expected:F6} m/s ({velocity / expected - 1:E2}); φ = {phi[^1]:F6}, expected {tilt:F6}");
        // φ has settled to the steady tilt; residual transient e^(−90 ns / 7 ns) plus the integrator's 1e-7
        Assert.Equal(tilt, phi[^1], 1e-5);
        // the steady solution is exact, so only the transient left at 60 ns (e^(−60/6.6) ≈ 1e-4 of the initial tilt
        // velocity, averaged further by the fit) and the Runge–Kutta tolerance remain: allowed 1e-3 (the issue asks 1 %)
        Assert.True(Math.Abs(velocity / expected - 1) < 1e-3, $"v = {velocity} m/s, expected {expected} m/s");
    }

    [Fact]
    public void AboveTheWalkerFieldThe_TiltPrecessesAndTheMeanVelocityDrops()
    {
        var field = 2 * WalkerField; // 10 Oe
        var run = Run(field / Oe, 150e-9);
        var q = run["@m1[q]"];
        var phi = run["@m1[phi]"];
        // φ advances by π per period of sin 2φ: the mean velocity over whole turns is exact from any start
        var t1 = Series.FirstCrossing(run.Scale, phi, phi[0] + Math.PI);
        var t6 = Series.FirstCrossing(run.Scale, phi, phi[0] + 6 * Math.PI);
        Assert.NotNull(t1);
        Assert.NotNull(t6);
        var mean = (Series.Interpolate(run.Scale, q, t6!.Value) - Series.Interpolate(run.Scale, q, t1!.Value)) / (t6.Value - t1.Value);
        var root = Math.Sqrt(field * field - WalkerField * WalkerField);
        var expected = Gamma0 * Width * ((field - root) / Alpha + Alpha * field) / (1 + Alpha * Alpha);
        var period = (1 + Alpha * Alpha) * Math.PI / (Gamma0 * root);
        var walkerPeak = Gamma0 * Width * WalkerField / Alpha;
        output.WriteLine($"H = {field / Oe:F3} Oe: period {(t6.Value - t1.Value) / 5 * 1e9:F4} ns (expected {period * 1e9:F4}), ⟨v⟩ = {mean:F6} m/s, expected {expected:F6} m/s ({mean / expected - 1:E2}); Walker peak {walkerPeak:F4} m/s");
        // the mean velocity falls well below the peak reached at H_W (here 29 % of it) ...
        Assert.True(mean < 0.5 * walkerPeak);
        // ... to the precessional value; errors: linear interpolation of φ and q between 0.1 ns points (period
        // 21 ns: ~1e-5) and the integrator. Allowed 1e-3.
        Assert.True(Math.Abs(mean / expected - 1) < 1e-3, $"⟨v⟩ = {mean} m/s, expected {expected} m/s");
        Assert.True(Math.Abs((t6.Value - t1.Value) / 5 / period - 1) < 1e-3);
    }
}
