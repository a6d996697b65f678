using CircuitSim.Core.Circuits;
using CircuitSim.Spintronics.Common;

namespace CircuitSim.Spintronics.Mtj;

/// <summary>How the Slonczewski efficiency η depends on the angle between free and reference layers.</summary>
public enum SpinTorqueEfficiency
{
    /// <summary>η constant (the value of <c>eta</c>).</summary>
    Constant,
    /// <summary>Slonczewski's tunnel-junction form η(θ) = P / (2(1 + P²·cos θ)) with P = <c>pol</c>.</summary>
    Slonczewski,
}

/// <summary>
/// Perpendicular STT-MTJ, macrospin free layer (.model name MTJ (...)). SI units; fields also accept Oe through the
/// *_oe names. Defaults: a 40 nm CoFeB pMTJ (diameter 40 nm, free layer 1.3 nm, Ms = 1.1e6 A/m, α = 0.01, η = 0.5,
/// H_k,eff giving a thermal stability Δ = 60 at 300 K, TMR0 = 150 %, RA = 10 Ω·µm²).
/// </summary>
public sealed class MtjModel : Model
{
    public MtjModel(string name) : base(name) { }

    /// <summary>Free-layer diameter (circular junction), m.</summary>
    [Parameter("diameter", "d")] public double Diameter { get; set; } = 40e-9;
    /// <summary>Junction area, m² (overrides the diameter).</summary>
    [Parameter("area")] public double? Area { get; set; }
    /// <summary>Free-layer thickness t_F, m.</summary>
    [Parameter("tf", "tfree")] public double FreeLayerThickness { get; set; } = 1.3e-9;
    /// <summary>Saturation magnetization, A/m.</summary>
    [Parameter("ms")] public double SaturationMagnetization { get; set; } = 1.1e6;
    /// <summary>Gilbert damping.</summary>
    [Parameter("alpha")] public double Damping { get; set; } = 0.01;
    /// <summary>Effective perpendicular anisotropy field H_k,eff, A/m.</summary>
    [Parameter("hk", "hkeff")] public double AnisotropyField { get; set; } = 2.201e5;
    /// <summary>H_k,eff in Oe.</summary>
    [Parameter("hk_oe")] public double AnisotropyFieldOe { get => AnisotropyField / Units.Oersted; set => AnisotropyField = value * Units.Oersted; }
    /// <summary>External field along z (A/m); hx, hy in-plane components.</summary>
    [Parameter("hz")] public double FieldZ { get; set; }
    [Parameter("hx")] public double FieldX { get; set; }
    [Parameter("hy")] public double FieldY { get; set; }
    [Parameter("hz_oe")] public double FieldZOe { get => FieldZ / Units.Oersted; set => FieldZ = value * Units.Oersted; }
    /// <summary>Slonczewski efficiency η (constant mode).</summary>
    [Parameter("eta")] public double Efficiency { get; set; } = 0.5;
    /// <summary>Spin polarization P (Slonczewski angular mode).</summary>
    [Parameter("pol")] public double Polarization { get; set; } = 0.6;
    [Parameter("etamode", Description = "constant or slonczewski")] public SpinTorqueEfficiency EfficiencyMode { get; set; }
    /// <summary>Field-like / Slonczewski torque ratio ζ.</summary>
    [Parameter("zeta", "xi")] public double FieldLikeRatio { get; set; }
    /// <summary>Zero-bias TMR ratio (1.5 = 150 %).</summary>
    [Parameter("tmr", "tmr0")] public double Tmr0 { get; set; } = 1.5;
    /// <summary>Bias at which the TMR halves, V.</summary>
    [Parameter("vh")] public double HalfBias { get; set; } = 0.5;
    /// <summary>Parallel resistance, Ω (overrides RA).</summary>
    [Parameter("rp")] public double? ParallelResistance { get; set; }
    /// <summary>Resistance–area product in the parallel state, Ω·m².</summary>
    [Parameter("ra")] public double ResistanceArea { get; set; } = 10e-12;
    /// <summary>Reference-layer direction: +1 (p = +z) or −1.</summary>
    [Parameter("pdir")] public double ReferenceDirection { get; set; } = 1;
    /// <summary>Temperature for the thermal field, K (0: deterministic).</summary>
    [Parameter("temp", "t")] public double Temperature { get; set; }
    /// <summary>Sub-step of the stochastic integration at T &gt; 0, s.</summary>
    [Parameter("dtherm")] public double ThermalStep { get; set; } = 1e-12;
    /// <summary>Largest change of m·p per circuit step (finer steps are forced while the layer switches).</summary>
    [Parameter("dmmax")] public double MaxStateChange { get; set; } = 0.05;
    /// <summary>Relative tolerance of the deterministic (T = 0) integration.</summary>
    [Parameter("reltol")] public double RelativeTolerance { get; set; } = 1e-7;

    public double JunctionArea => Area ?? Math.PI * Diameter * Diameter / 4;
    public double Volume => JunctionArea * FreeLayerThickness;
    public double ParallelConductance => 1 / (ParallelResistance ?? ResistanceArea / JunctionArea);
}
