using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Mtj;

/// <summary>
/// A <c>YMTJ</c> cross-point (free layer on the row): a binary device, G_P = 1/R_P or G_AP = G_P/(1 + TMR₀) at low
/// bias; a requested conductance becomes the nearer of the two (<c>state=p</c> or <c>state=ap</c>). The instance has no
/// resistance parameter of its own, so device-to-device variability of its conductance cannot be written.
/// </summary>
public sealed class MtjCell : CellDevice
{
    /// <summary>The 40 nm CoFeB pMTJ at 0 K: models/mtj_cofeb_40nm.lib, section typical.</summary>
    public const string Pmtj40Card = """
        .model pmtj40 MTJ (diameter=40n tf=1.3n ms=1.1e6 alpha=0.01 hk=2.201e5 eta=0.5 etamode=constant
        + zeta=0 tmr=1.5 vh=0.5 ra=10e-12)
        """;

    private readonly MtjModel _model;

    public MtjCell(ModelCard card)
    {
        Card = card;
        _model = card.Model as MtjModel ?? throw new CrossbarInputException($"model '{card.Name}' is not an MTJ model (a ymtj array needs one)");
    }

    /// <param name="devices">The device types that read the card (they must know the MTJ model type).</param>
    public static MtjCell Pmtj40(DeviceRegistry devices) =>
        new(ModelCard.Inline("pmtj40", "* 40 nm CoFeB/MgO pMTJ, 0 K (models/mtj_cofeb_40nm.lib, section typical)\n" + Pmtj40Card, devices));

    public override string TypeName => "YMTJ";
    public override string NamePrefix => "t";
    public override ModelCard Card { get; }
    public override bool IsMultilevel => false;
    public override bool SupportsVariability => false;

    private double Gp => _model.ParallelConductance;
    private double Gap => Gp / (1 + _model.Tmr0);

    public override (double Min, double Max) DefaultRange => (Gap, Gp);

    public override double Realize(double g) => g >= (Gap + Gp) / 2 ? Gp : Gap;

    public override string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed) =>
        $"YMTJ {name} {plus} {minus} {Card.Name} state={(Realize(g) == Gp ? "p" : "ap")}";

    public override string Describe() =>
        $"YMTJ '{Card.Name}' (binary: R_P {SpiceText.Num(1 / Gp, 4)} Ohm, R_AP {SpiceText.Num(1 / Gap, 4)} Ohm at low bias)";
}
