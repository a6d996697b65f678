using CircuitSim.Core.Circuits;
using CircuitSim.Spintronics.Common;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>Which current density drives the wall.</summary>
public enum WallCurrentDensity
{
    /// <summary>docs/physics.md §5.2: J = I/(W·L), the junction current over the track area.</summary>
    Average,
    /// <summary>The tunnel current density at the wall itself, J = V·(g_P + g_AP(V))/2 with g the conductance per
    /// area (the wall region is half P, half AP). Under a current drive it falls as the P region grows (V = I/G(q)),
    /// which is what makes the wall stop at successive pinning sites in a DC loop (Lequeux Fig. 1c); equal to
    /// the average when TMR = 0.</summary>
    Local,
}

/// <summary>
/// Domain-wall MTJ memristor (.model name DWMTJ (...)), SI units (fields also in Oe through the *_oe names).
/// Defaults are the Lequeux et al. FeB track (Sci. Rep. 6, 31510 (2016), Methods): α = 0.005, Ms = 1.05e6 A/m,
/// t_F = 2.2 nm, P = 0.422 (η = P), ζ = 0.3, Δ = 16.6 nm, x_c = 100 nm, H_c = 15 Oe, H_K = 30 Oe (their fit),
/// W = 100 nm, L = 1 µm, R_P = 36 Ω, TMR0 = 95 %.
/// </summary>
public sealed class DomainWallMtjModel : Model
{
    public DomainWallMtjModel(string name) : base(name) { }

    /// <summary>Track length L and width W, m; free-layer thickness t_F, m.</summary>
    [Parameter("l", "length")] public double Length { get; set; } = 1e-6;
    [Parameter("w", "width")] public double Width { get; set; } = 100e-9;
    [Parameter("tf")] public double FreeLayerThickness { get; set; } = 2.2e-9;
    [Parameter("ms")] public double SaturationMagnetization { get; set; } = 1.05e6;
    [Parameter("alpha")] public double Damping { get; set; } = 0.005;
    /// <summary>Wall width parameter Δ, m.</summary>
    [Parameter("delta")] public double WallWidth { get; set; } = 16.6e-9;
    /// <summary>Domain-wall anisotropy field H_K, A/m.</summary>
    [Parameter("hk")] public double WallAnisotropyField { get; set; } = 30 * Units.Oersted;
    [Parameter("hk_oe")] public double WallAnisotropyFieldOe { get => WallAnisotropyField / Units.Oersted; set => WallAnisotropyField = value * Units.Oersted; }
    /// <summary>Net out-of-plane field on the track, A/m (the experiment's 85 Oe cancels the stray field: net ≈ 0).</summary>
    [Parameter("hz")] public double AppliedField { get; set; }
    [Parameter("hz_oe")] public double AppliedFieldOe { get => AppliedField / Units.Oersted; set => AppliedField = value * Units.Oersted; }
    /// <summary>Slonczewski efficiency η (= P in the paper's convention).</summary>
    [Parameter("eta", "p")] public double Efficiency { get; set; } = 0.422;
    /// <summary>Field-like torque ratio ζ.</summary>
    [Parameter("zeta")] public double FieldLikeRatio { get; set; } = 0.3;
    /// <summary>Switch off the Slonczewski torque (0) to study the field-like torque alone.</summary>
    [Parameter("stt")] public double SlonczewskiOn { get; set; } = 1;
    /// <summary>Current density driving the wall: average (docs/physics.md §5.2) or local (at the wall).</summary>
    [Parameter("jmode", Description = "average or local")] public WallCurrentDensity CurrentDensityMode { get; set; }
    /// <summary>Parallel resistance, Ω.</summary>
    [Parameter("rp")] public double ParallelResistance { get; set; } = 36;
    [Parameter("tmr", "tmr0")] public double Tmr0 { get; set; } = 0.95;
    /// <summary>Bias at which the TMR halves, V.</summary>
    [Parameter("vh")] public double HalfBias { get; set; } = 0.5;
    /// <summary>Half-width x_c of a pinning well, m.</summary>
    [Parameter("xc")] public double WellHalfWidth { get; set; } = 100e-9;
    /// <summary>Mean depinning field H_c of the random landscape, A/m.</summary>
    [Parameter("hc")] public double DepinningField { get; set; } = 15 * Units.Oersted;
    [Parameter("hc_oe")] public double DepinningFieldOe { get => DepinningField / Units.Oersted; set => DepinningField = value * Units.Oersted; }
    /// <summary>Relative spread of the random depinning fields (Gaussian).</summary>
    [Parameter("hcspread")] public double DepinningSpread { get; set; } = 0.3;
    /// <summary>Relative spread of the sites' wall-anisotropy factors (Gaussian; 0: H_K the same everywhere).</summary>
    [Parameter("hkspread")] public double AnisotropySpread { get; set; }
    /// <summary>Number of random pinning sites (0: none).</summary>
    [Parameter("nsites")] public int SiteCount { get; set; } = 18;
    /// <summary>Seed of the random landscape.</summary>
    [Parameter("pinseed")] public double PinningSeed { get; set; } = 1;
    /// <summary>Explicit sites "pos:Hc_Oe …" (replaces the random landscape), e.g. "200n:15 450n:20".</summary>
    [Parameter("sites")] public string? Sites { get; set; }
    /// <summary>Current density that nucleates a wall from a uniform state, A/m² (magnitude; the sign follows the
    /// state it leaves: positive current leaves AP, negative leaves P).</summary>
    [Parameter("jnuc")] public double NucleationCurrentDensity { get; set; } = 3e10;
    /// <summary>Distance from the track end at which a nucleated wall appears, m.</summary>
    [Parameter("xnuc")] public double NucleationDistance { get; set; } = 20e-9;
    /// <summary>Temperature, K (0: deterministic).</summary>
    [Parameter("temp", "t")] public double Temperature { get; set; }
    /// <summary>Sub-step of the stochastic integration at T &gt; 0, s.</summary>
    [Parameter("dtherm")] public double ThermalStep { get; set; } = 2e-12;
    /// <summary>Largest wall displacement per circuit step, m.</summary>
    [Parameter("dqmax")] public double MaxDisplacement { get; set; } = 10e-9;
    [Parameter("reltol")] public double RelativeTolerance { get; set; } = 1e-7;

    public double Area => Width * Length;
    public double WallVolume => 2 * WallWidth * Width * FreeLayerThickness;

    /// <summary>The pinning landscape: the explicit sites, or a random one drawn with <paramref name="seed"/> (default: the model's).</summary>
    public PinningLandscape Landscape(double? seed = null) => Sites is { Length: > 0 } s
        ? PinningLandscape.Parse(s, WellHalfWidth)
        : SiteCount <= 0 ? PinningLandscape.None(WellHalfWidth)
        : PinningLandscape.Random(SiteCount, Length, DepinningField, DepinningSpread, WellHalfWidth, (ulong)(seed ?? PinningSeed), WellHalfWidth, AnisotropySpread);
}
