using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Amm;

/// <summary>
/// A <c>YAMM</c> ring cross-point, used as a two-state device: the vortex (m = ±T everywhere, the highest resistance
/// R_off = R_on·(1 + AMR)) for the low conductance and a domain-wall state (default <c>2dw</c>, whose walls lower
/// ⟨(m·T)²⟩ and so the resistance) for the high one. The exact resistance of a relaxed wall state is known only after
/// the device's relaxation, so the analysis takes every ring's conductance from the simulation (<c>@name[g]</c>);
/// the nominal range used to map weights is [1/R_off, 1/R_on].
/// </summary>
public sealed class AmmCell : CellDevice
{
    private readonly AmmModel _model;

    public AmmCell(ModelCard card, string highState = "2dw")
    {
        Card = card;
        _model = card.Model as AmmModel ?? throw new CrossbarInputException($"model '{card.Name}' is not an AMM model (a yamm array needs one)");
        HighState = highState;
    }

    /// <summary>The permalloy ring of the AMM paper (the card of models/amm_permalloy_ring.lib, model pyring).</summary>
    public const string PermalloyRingCard = """
        .model pyring AMM (r=55n w=10n t=10n ms=790k aex=10p alpha=0.01 p=0.56 xi=0.1 rho0=123e-9 amr=0.03
        + ncell=128 demag=local)
        """;

    /// <param name="devices">The device types that read the card (they must know the AMM model type).</param>
    public static AmmCell PermalloyRing(DeviceRegistry devices) =>
        new(ModelCard.Inline("pyring", "* permalloy AMM ring of the AMM paper (models/amm_permalloy_ring.lib, model pyring)\n" + PermalloyRingCard, devices));

    /// <summary>The ring state written for the high-conductance level.</summary>
    public string HighState { get; }

    public override string TypeName => "YAMM";
    public override string NamePrefix => "a";
    public override ModelCard Card { get; }
    public override bool IsMultilevel => false;
    public override bool SupportsVariability => false;

    private double Ron => 2 * Math.PI * _model.Radius * _model.Resistivity / (_model.Width * _model.Thickness);
    private double Roff => Ron * (1 + _model.AmrRatio);

    public override (double Min, double Max) DefaultRange => (1 / Roff, 1 / Ron);

    public override double Realize(double g) => g >= (DefaultRange.Min + DefaultRange.Max) / 2 ? DefaultRange.Max : DefaultRange.Min;

    public override string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed) =>
        $"YAMM {name} {plus} {minus} {Card.Name} state={(Realize(g) == DefaultRange.Max ? HighState : "vortex")}";

    public override string Describe() =>
        $"YAMM '{Card.Name}' (binary: vortex, R_off {SpiceText.Num(Roff, 5)} Ohm, or {HighState}; nominal R_on {SpiceText.Num(Ron, 5)} Ohm)";
}
