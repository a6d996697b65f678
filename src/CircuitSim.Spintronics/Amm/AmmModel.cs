using CircuitSim.Core.Circuits;
using CircuitSim.Magnetics;
using CircuitSim.Spintronics.Common;

namespace CircuitSim.Spintronics.Amm;

/// <summary>
/// Anisotropic magneto-memristance ring (.model name AMM (...)), SI units (fields also in Oe through the *_oe names).
/// Defaults are the AMM paper's permalloy ring (Caravelli et al. 2022; docs/physics.md §7): r = 55 nm, w = 10 nm,
/// t = 10 nm, Ms = 790 kA/m, A = 10 pJ/m, α = 0.01, P = 0.56, ξ = 0.1, ρ0 = 123 Ω·nm, Δρ/ρ0 = 3 %, and the paper's
/// relaxation protocol (α = 1 for 20 ns, 0.1 for 30 ns, then α for 50 ns).
/// </summary>
public sealed class AmmModel : Model
{
    public AmmModel(string name) : base(name) { }

    /// <summary>Mean radius r, m.</summary>
    [Parameter("r", "radius")] public double Radius { get; set; } = 55e-9;
    /// <summary>Radial width w, m.</summary>
    [Parameter("w", "width")] public double Width { get; set; } = 10e-9;
    /// <summary>Thickness t, m.</summary>
    [Parameter("t", "thickness")] public double Thickness { get; set; } = 10e-9;
    /// <summary>Saturation magnetization Ms, A/m.</summary>
    [Parameter("ms")] public double SaturationMagnetization { get; set; } = 790e3;
    /// <summary>Exchange stiffness A, J/m.</summary>
    [Parameter("aex", "a")] public double ExchangeStiffness { get; set; } = 10e-12;
    /// <summary>Gilbert damping α.</summary>
    [Parameter("alpha")] public double Damping { get; set; } = 0.01;
    /// <summary>Current spin polarization P.</summary>
    [Parameter("p", "pol")] public double Polarization { get; set; } = 0.56;
    /// <summary>Zhang–Li non-adiabaticity ξ.</summary>
    [Parameter("xi")] public double NonAdiabaticity { get; set; } = 0.1;
    /// <summary>Resistivity ρ0 (= ρ⊥), Ω·m.</summary>
    [Parameter("rho0", "rho")] public double Resistivity { get; set; } = 123e-9;
    /// <summary>AMR ratio Δρ/ρ0 (0.03 for 3 %).</summary>
    [Parameter("amr")] public double AmrRatio { get; set; } = 0.03;
    /// <summary>Applied field components, A/m.</summary>
    [Parameter("hx")] public double FieldX { get; set; }
    [Parameter("hy")] public double FieldY { get; set; }
    [Parameter("hz")] public double FieldZ { get; set; }
    [Parameter("hx_oe")] public double FieldXOe { get => FieldX / Units.Oersted; set => FieldX = value * Units.Oersted; }
    [Parameter("hy_oe")] public double FieldYOe { get => FieldY / Units.Oersted; set => FieldY = value * Units.Oersted; }
    [Parameter("hz_oe")] public double FieldZOe { get => FieldZ / Units.Oersted; set => FieldZ = value * Units.Oersted; }
    /// <summary>Magnetostatics: local (shape anisotropy of the cross-section) or full (all prism pairs).</summary>
    [Parameter("demag", Description = "local or full")] public RingMagnetostatics Magnetostatics { get; set; } = RingMagnetostatics.Local;
    /// <summary>Number of cells N along the ring.</summary>
    [Parameter("ncell")] public int CellCount { get; set; } = 128;
    /// <summary>Holding field of the inplane and oop states, T (μ0H, along the state's direction).</summary>
    [Parameter("hold")] public double HoldingFieldTesla { get; set; } = 1.0;
    /// <summary>Temperature for Brown's thermal field, K (0: deterministic).</summary>
    [Parameter("temp")] public double Temperature { get; set; }
    /// <summary>Sub-step of the stochastic (T &gt; 0) integration, s; 0 picks 0.2/ω_max of the exchange spectrum.</summary>
    [Parameter("dtherm")] public double ThermalStep { get; set; }
    /// <summary>Relative and absolute (on m) tolerances of the deterministic integration.</summary>
    [Parameter("reltol")] public double RelativeTolerance { get; set; } = 1e-7;
    [Parameter("abstol")] public double AbsoluteTolerance { get; set; } = 1e-10;
    /// <summary>Relaxation: durations of the three phases, s, and the damping of the first two (the third uses α).</summary>
    [Parameter("relax1")] public double RelaxDuration1 { get; set; } = 20e-9;
    [Parameter("relax2")] public double RelaxDuration2 { get; set; } = 30e-9;
    [Parameter("relax3")] public double RelaxDuration3 { get; set; } = 50e-9;
    [Parameter("relaxalpha1")] public double RelaxDamping1 { get; set; } = 1.0;
    [Parameter("relaxalpha2")] public double RelaxDamping2 { get; set; } = 0.1;
    /// <summary>A relaxation phase ends early once max |dm/dt| &lt; relaxtol, 1/s (0: run every phase to its end).</summary>
    [Parameter("relaxtol")] public double RelaxRateTolerance { get; set; }
    /// <summary>Largest circuit step the ring accepts, s (0: no limit).</summary>
    [Parameter("maxstep")] public double MaxStep { get; set; }
    /// <summary>Largest change of ⟨(m·T)²⟩ per circuit step; a larger change rejects the step (resolves unwinding events).</summary>
    [Parameter("dtmax")] public double MaxTextureChange { get; set; } = 0.02;

    internal RingMaterial Material => new(SaturationMagnetization, ExchangeStiffness, Damping, Polarization, NonAdiabaticity,
        Resistivity, AmrRatio * Resistivity);

    internal Vec3 AppliedField => new(FieldX, FieldY, FieldZ);
}
