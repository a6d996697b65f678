using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Devices.Semiconductors.Bsim4;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>MOSFET M (drain, gate, source, bulk, model) evaluated with the level-1 (Shichman–Hodges) equations.</summary>
public sealed class Mosfet1 : Component
{
    public Mosfet1(string name, string drain, string gate, string source, string bulk, string model)
        : base(name, drain, gate, source, bulk) => ModelName = model;

    public string ModelName { get; set; }

    /// <summary>Channel length and width, m (ngspice's default 100 µm).</summary>
    [Parameter("l")] public double Length { get; set; } = 100e-6;
    [Parameter("w")] public double Width { get; set; } = 100e-6;
    /// <summary>Drain and source diffusion areas, m², and perimeters, m.</summary>
    [Parameter("ad")] public double DrainArea { get; set; }
    [Parameter("as")] public double SourceArea { get; set; }
    [Parameter("pd")] public double DrainPerimeter { get; set; }
    [Parameter("ps")] public double SourcePerimeter { get; set; }
    /// <summary>Squares of drain and source diffusion (for RSH).</summary>
    [Parameter("nrd")] public double DrainSquares { get; set; } = 1;
    [Parameter("nrs")] public double SourceSquares { get; set; } = 1;
    [Parameter("m")] public double Multiplier { get; set; } = 1;
    [Parameter("off")] public bool Off { get; set; }
    /// <summary>Initial VDS, VGS, VBS for UIC, V.</summary>
    [Parameter("icvds")] public double? IcVds { get; set; }
    [Parameter("icvgs")] public double? IcVgs { get; set; }
    [Parameter("icvbs")] public double? IcVbs { get; set; }
    [Parameter("temp")] public double? Temperature { get; set; }

    /// <summary>The model LEVELs <see cref="CreateBehavior"/> implements; the netlist reader refuses the others where
    /// the card sets them.</summary>
    public static readonly IReadOnlyList<int> ImplementedLevels = new[] { 1 };

    public override IEnumerable<(int, int)> DcPaths => new[] { (0, 2), (3, 0), (3, 2) };

    public override IEnumerable<(int, int)> CapacitivePaths => new[] { (1, 2), (1, 0), (1, 3) };

    public override Behavior CreateBehavior(BindingContext context)
    {
        // a BSIM4 card (level 14/54) evaluates this instance with BSIM4 and BSIM4's defaults for what it does not set
        if (context.GetModel<Model>(ModelName, Name) is Bsim4Model) return AsBsim4().CreateBehavior(context);
        var model = context.GetModel<MosfetModel>(ModelName, Name);
        if (model.Level != 1)
            throw new CircuitException($"{Name}: model '{model.Name}' is level {model.Level}; MOSFET levels 1, 14 and 54 (BSIM4, " +
                                       "as a Bsim4Model) are implemented", Name);
        return new Mosfet1Behavior(this, model, context);
    }

    /// <summary>The same instance as a BSIM4 device.</summary>
    private Bsim4Mosfet AsBsim4() => new(Name, Nodes[0], Nodes[1], Nodes[2], Nodes[3], ModelName)
    {
        Length = Length, Width = Width, Multiplier = Multiplier, Off = Off,
        DrainArea = DrainArea, SourceArea = SourceArea, DrainPerimeter = DrainPerimeter, SourcePerimeter = SourcePerimeter,
        DrainSquares = DrainSquares, SourceSquares = SourceSquares, IcVds = IcVds, IcVgs = IcVgs, IcVbs = IcVbs,
    };
}
