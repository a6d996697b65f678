using CircuitSim.Core.Circuits;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>Channel polarity of a MOSFET model.</summary>
public enum MosfetType { Nmos = 1, Pmos = -1 }

/// <summary>Shichman–Hodges MOSFET model, level 1 (.model name NMOS|PMOS (LEVEL=1 ...)), ngspice's names and defaults.</summary>
public sealed class MosfetModel : Model
{
    public MosfetModel(string name, MosfetType type) : base(name) => Type = type;

    public MosfetType Type { get; }

    [Parameter("level")] public int Level { get; set; } = 1;
    /// <summary>Zero-bias threshold voltage, V.</summary>
    [Parameter("vto", "vt0")] public double? Vto { get; set; }
    /// <summary>Transconductance parameter, A/V².</summary>
    [Parameter("kp")] public double? Kp { get; set; }
    /// <summary>Body-effect coefficient, √V.</summary>
    [Parameter("gamma")] public double? Gamma { get; set; }
    /// <summary>Surface potential, V.</summary>
    [Parameter("phi")] public double? Phi { get; set; }
    /// <summary>Channel-length modulation, 1/V.</summary>
    [Parameter("lambda")] public double Lambda { get; set; }
    /// <summary>Drain and source ohmic resistances, Ω.</summary>
    [Parameter("rd")] public double DrainResistance { get; set; }
    [Parameter("rs")] public double SourceResistance { get; set; }
    /// <summary>Zero-bias bulk junction capacitances, F.</summary>
    [Parameter("cbd")] public double? Cbd { get; set; }
    [Parameter("cbs")] public double? Cbs { get; set; }
    /// <summary>Bulk junction saturation current, A.</summary>
    [Parameter("is")] public double JunctionSatCurrent { get; set; } = 1e-14;
    /// <summary>Bulk junction potential, V.</summary>
    [Parameter("pb")] public double BulkJunctionPotential { get; set; } = 0.8;
    /// <summary>Gate overlap capacitances per metre, F/m.</summary>
    [Parameter("cgso")] public double Cgso { get; set; }
    [Parameter("cgdo")] public double Cgdo { get; set; }
    [Parameter("cgbo")] public double Cgbo { get; set; }
    /// <summary>Drain/source sheet resistance, Ω/□.</summary>
    [Parameter("rsh")] public double SheetResistance { get; set; }
    /// <summary>Bottom junction capacitance per area, F/m².</summary>
    [Parameter("cj")] public double? Cj { get; set; }
    [Parameter("mj")] public double Mj { get; set; } = 0.5;
    /// <summary>Sidewall junction capacitance per metre, F/m.</summary>
    [Parameter("cjsw")] public double? Cjsw { get; set; }
    [Parameter("mjsw")] public double Mjsw { get; set; } = 0.5;
    /// <summary>Bulk junction saturation current density, A/m².</summary>
    [Parameter("js")] public double JunctionSatCurrentDensity { get; set; }
    /// <summary>Oxide thickness, m (enables the Meyer gate capacitances).</summary>
    [Parameter("tox")] public double? Tox { get; set; }
    /// <summary>Lateral diffusion, m.</summary>
    [Parameter("ld")] public double LateralDiffusion { get; set; }
    /// <summary>Surface mobility, cm²/(V·s).</summary>
    [Parameter("u0", "uo")] public double? SurfaceMobility { get; set; }
    [Parameter("fc")] public double Fc { get; set; } = 0.5;
    /// <summary>Substrate doping, 1/cm³.</summary>
    [Parameter("nsub")] public double? Nsub { get; set; }
    /// <summary>Surface state density, 1/cm².</summary>
    [Parameter("nss")] public double? Nss { get; set; }
    /// <summary>Gate type: +1 opposite to substrate, −1 same, 0 aluminium.</summary>
    [Parameter("tpg")] public double? GateType { get; set; }
    [Parameter("kf")] public double Kf { get; set; }
    [Parameter("af")] public double Af { get; set; } = 1;
    [Parameter("tnom")] public double? NominalTemperature { get; set; }
}
