using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// A BSIM4 MOSFET M (drain, gate, source, bulk, model) with BSIM4's instance parameters and defaults (L = W = 5 µm).
/// Junction areas and perimeters not given are computed from the width and the card's layout parameters (GEOMOD).
/// </summary>
public sealed class Bsim4Mosfet : Component
{
    public Bsim4Mosfet(string name, string drain, string gate, string source, string bulk, string model)
        : base(name, drain, gate, source, bulk) => ModelName = model;

    public string ModelName { get; set; }

    /// <summary>Drawn channel length and total width, m.</summary>
    [Parameter("l")] public double Length { get; set; } = 5e-6;
    [Parameter("w")] public double Width { get; set; } = 5e-6;
    /// <summary>Parallel devices (multiplies every current and charge).</summary>
    [Parameter("m")] public double Multiplier { get; set; } = 1;
    /// <summary>Number of gate fingers (the width is split among them).</summary>
    [Parameter("nf")] public double Fingers { get; set; } = 1;
    /// <summary>Which of source or drain gets the extra diffusion of an even-finger device (0 drain, 1 source).</summary>
    [Parameter("min")] public int MinimizeSourceOrDrain { get; set; }
    /// <summary>Drain and source diffusion areas, m², and perimeters, m (computed from the layout when not given).</summary>
    [Parameter("ad")] public double? DrainArea { get; set; }
    [Parameter("as")] public double? SourceArea { get; set; }
    [Parameter("pd")] public double? DrainPerimeter { get; set; }
    [Parameter("ps")] public double? SourcePerimeter { get; set; }
    /// <summary>Squares of drain and source diffusion (with the card's RSH), default 1.</summary>
    [Parameter("nrd")] public double? DrainSquares { get; set; }
    [Parameter("nrs")] public double? SourceSquares { get; set; }
    /// <summary>Distances from the gate to the two diffusion edges and between fingers, m (layout stress, when SA and
    /// SB are positive).</summary>
    [Parameter("sa")] public double Sa { get; set; }
    [Parameter("sb")] public double Sb { get; set; }
    [Parameter("sd")] public double? Sd { get; set; }
    /// <summary>Well-proximity integrals and the distance to the well edge, m (WPEMOD = 1).</summary>
    [Parameter("sca")] public double? Sca { get; set; }
    [Parameter("scb")] public double? Scb { get; set; }
    [Parameter("scc")] public double? Scc { get; set; }
    [Parameter("sc")] public double? Sc { get; set; }
    /// <summary>Threshold-voltage shift, V.</summary>
    [Parameter("delvto", "delvt0")] public double DelVto { get; set; }
    /// <summary>Low-field mobility multiplier.</summary>
    [Parameter("mulu0")] public double MobilityMultiplier { get; set; } = 1;
    /// <summary>Geometry and resistance-geometry selectors (default: the card's).</summary>
    [Parameter("geomod")] public int? GeoMod { get; set; }
    [Parameter("rgeomod")] public int? RgeoMod { get; set; }
    /// <summary>Gate-resistance network options of the instance: only the ideal gate (0) is supported.</summary>
    [Parameter("rgatemod")] public int RgateMod { get => 0; set => Refuse("rgatemod", value, "the gate electrode resistance network"); }
    [Parameter("rbodymod")] public int RbodyMod { get => 0; set => Refuse("rbodymod", value, "the substrate resistance network"); }
    [Parameter("trnqsmod")] public int TrnqsMod { get => 0; set => Refuse("trnqsmod", value, "the transient non-quasi-static charge model"); }
    [Parameter("acnqsmod")] public int AcnqsMod { get => 0; set => Refuse("acnqsmod", value, "the small-signal non-quasi-static model"); }
    /// <summary>W/NF bin selection flag (used when the model is binned).</summary>
    [Parameter("wnflag")] public int WnFlag { get; set; }
    /// <summary>Gate-contact geometry and body-resistance values: accepted, used only by the refused networks.</summary>
    [Parameter("xgw")] public double? Xgw { get; set; }
    [Parameter("ngcon")] public double? Ngcon { get; set; }
    [Parameter("rbdb")] public double? Rbdb { get; set; }
    [Parameter("rbsb")] public double? Rbsb { get; set; }
    [Parameter("rbpb")] public double? Rbpb { get; set; }
    [Parameter("rbps")] public double? Rbps { get; set; }
    [Parameter("rbpd")] public double? Rbpd { get; set; }
    [Parameter("off")] public bool Off { get; set; }
    /// <summary>Initial VDS, VGS, VBS, V (IC=vds,vgs,vbs).</summary>
    [Parameter("icvds")] public double? IcVds { get; set; }
    [Parameter("icvgs")] public double? IcVgs { get; set; }
    [Parameter("icvbs")] public double? IcVbs { get; set; }

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 2), (3, 0), (3, 2) };

    public override IEnumerable<(int, int)> CapacitivePaths => new[] { (1, 2), (1, 0), (1, 3) };

    public override Behavior CreateBehavior(BindingContext context) =>
        new Bsim4Behavior(this, context.GetModel<Bsim4Model>(ModelName, Name), context);

    private static void Refuse(string name, int value, string what)
    {
        if (value != 0)
            throw new ArgumentException($"{name}={value} ({what}) is not supported by CircuitSim's BSIM4; remove it or set {name}=0");
    }
}
