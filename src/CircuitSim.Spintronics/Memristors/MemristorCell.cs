using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Memristors;

/// <summary>
/// A <c>YMEMRISTOR</c> cross-point: R = R_on·x + R_off·(1 − x), so a conductance g is the state
/// x = (R_off − 1/g)/(R_off − R_on), written as the instance's <c>x0</c>. Its n+ terminal is on the row: a positive row
/// voltage drives current from row to column, which (HP kind) moves x towards ON.
/// </summary>
public sealed class MemristorCell : CellDevice
{
    /// <summary>The HP TiO₂ card with Biolek's window, p = 1: models/memristor_hp_tio2.lib, section biolek.</summary>
    public const string BiolekCard = ".model tio2 MEMRISTOR (kind=hp window=biolek ron=100 roff=16k d=10n uv=1e-14 p=1)";

    private readonly MemristorModel _model;

    public MemristorCell(ModelCard card)
    {
        Card = card;
        _model = card.Model as MemristorModel
                 ?? throw new CrossbarInputException($"model '{card.Name}' is not a MEMRISTOR model (a ymemristor array needs one)");
    }

    /// <param name="devices">The device types that read the card (they must know the MEMRISTOR model type).</param>
    public static MemristorCell Biolek(DeviceRegistry devices) =>
        new(ModelCard.Inline("tio2", "* HP TiO2 memristor, Biolek window (models/memristor_hp_tio2.lib, section biolek)\n" + BiolekCard, devices));

    public override string TypeName => "YMEMRISTOR";
    public override string NamePrefix => "m";
    public override ModelCard Card { get; }
    public override (double Min, double Max) DefaultRange => (1 / _model.Roff, 1 / _model.Ron);

    public override double Realize(double g) => Math.Clamp(g, DefaultRange.Min, DefaultRange.Max);

    /// <summary>The state x of conductance <paramref name="g"/>.</summary>
    public double State(double g) => Math.Clamp((_model.Roff - 1 / g) / (_model.Roff - _model.Ron), 0, 1);

    public override string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed) =>
        $"YMEMRISTOR {name} {plus} {minus} {Card.Name} x0={SpiceText.Num(State(g), 12)}";

    public override string Describe() =>
        $"YMEMRISTOR '{Card.Name}' ({_model.Kind}, window {_model.Window}, R_on {SpiceText.Num(_model.Ron, 4)} Ohm, R_off {SpiceText.Num(_model.Roff, 4)} Ohm)";
}
