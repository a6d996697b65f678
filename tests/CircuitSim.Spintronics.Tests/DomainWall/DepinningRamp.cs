using System.Collections.Concurrent;
using CircuitSim.Magnetics;
using CircuitSim.Spintronics.Tests.Support;

namespace CircuitSim.Spintronics.Tests.DomainWall;

/// <summary>
/// The depinning protocol of Lequeux et al. (Methods): one pinning site (H_c, x_c = 100 nm) holding the wall, a
/// field H_z, and a current density ramped from 0 at a fixed rate (1e4 A/cm²/ns in the paper) through the junction;
/// J_th is the current density when the wall leaves the well (|q − q_site| &gt; x_c). The wall starts at rest at its
/// equilibrium in the field, q = q_site + x_c·H_z/H_c, φ = 0 (A = B = 0), so no ringing precedes the ramp.
/// Lequeux card otherwise: α = 0.005, Ms = 1.05e6 A/m, t_F = 2.2 nm, η = 0.422, Δ = 16.6 nm, W = 100 nm, L = 1 µm.
/// <para>
/// The runs use the default tolerances. With α = 0.005 the pinned wall is a barely damped oscillator whose restoring
/// force vanishes at the threshold, so it is sensitive to how exactly it is driven: when the stateful-device contract
/// still reused trials across voltage moves as large as RELTOL·|v| + VNTOL, that jitter rang the wall and it left at
/// 0.991·J(H_K/2), below the static threshold (now a trial is reused only within a thousandth of that).
/// </para>
/// </summary>
public static class DepinningRamp
{
    public const double Site = 500e-9, HalfWidth = 100e-9, Width = 100e-9, Length = 1e-6;
    public const double Ms = 1.05e6, Thickness = 2.2e-9, Eta = 0.422, Zeta = 0.3;
    /// <summary>The paper's ramp, 1e4 A/cm² per ns, in A/m² per s.</summary>
    public const double PaperRamp = 1e4 * 1e4 / 1e-9;
    public static readonly double Oe = PhysicalConstants.AmperePerMeterPerOersted;

    private static readonly ConcurrentDictionary<string, double?> Cache = new();

    /// <summary>H_ST per unit current density, (A/m)/(A/m²): ħη/(2e·μ0·Ms·t_F).</summary>
    public static double SpinTorquePerCurrentDensity =>
        PhysicalConstants.ReducedPlanck * Eta / (2 * PhysicalConstants.ElementaryCharge * PhysicalConstants.Mu0 * Ms * Thickness);

    /// <summary>The current density at which the Slonczewski field reaches H_K/2, A/m².</summary>
    public static double SlonczewskiThreshold(double hkOe) => hkOe * Oe / 2 / SpinTorquePerCurrentDensity;

    /// <summary>The current density at which the field-like field ζ·H_ST closes the gap H_c − H_z, A/m².</summary>
    public static double FieldLikeThreshold(double hcOe, double hzOe) => (hcOe - hzOe) * Oe / (Zeta * SpinTorquePerCurrentDensity);

    /// <summary>J_th in A/m² (null: the wall stayed pinned up to <paramref name="maxCurrentDensity"/>). Results are
    /// memoized, since several tests read the same curves.</summary>
    public static double? ThresholdCurrentDensity(double hcOe, double hkOe, double hzOe, bool slonczewski, bool fieldLike,
        double ramp = PaperRamp, double maxCurrentDensity = 2e11) =>
        Cache.GetOrAdd($"{hcOe} {hkOe} {hzOe} {slonczewski} {fieldLike} {ramp} {maxCurrentDensity}",
            _ => Measure(hcOe, hkOe, hzOe, slonczewski, fieldLike, ramp, maxCurrentDensity));

    private static double? Measure(double hcOe, double hkOe, double hzOe, bool slonczewski, bool fieldLike, double ramp, double maxCurrentDensity)
    {
        var q0 = Site + HalfWidth * hzOe / hcOe;
        var stop = maxCurrentDensity / ramp;
        // 4000 points over the ramp: the circuit step only carries the (linear) source; the wall's dynamics are
        // integrated inside each step by the device
        var run = NetlistSimulation.Run($"""
            depinning under a current ramp
            I1 0 a PWL(0 0 {stop} {maxCurrentDensity * Width * Length})
            YDWMTJ m1 a 0 dw state=wall q0={q0}
            .model dw DWMTJ (l={Length} w={Width} tf={Thickness} ms={Ms} alpha=0.005 delta=16.6n eta={Eta}
            + zeta={(fieldLike ? Zeta : 0)} stt={(slonczewski ? 1 : 0)} hk_oe={hkOe} hz_oe={hzOe} xc={HalfWidth} sites="{Site}:{hcOe}")
            .tran {stop / 4000} {stop} 0 {stop / 4000}
            .end
            """, (_, v) => Math.Abs(v[0] - Site) > HalfWidth, "@m1[q]");
        var q = run["@m1[q]"];
        var t = Series.FirstCrossing(run.Scale, q.Select(x => Math.Abs(x - Site)).ToArray(), HalfWidth);
        return t * ramp;
    }
}
