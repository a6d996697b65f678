namespace CircuitSim.Crossbars.Devices;

/// <summary>A linear resistor cross-point (R element). Any positive conductance is realizable.</summary>
public sealed class ResistorCell : CellDevice
{
    public override string TypeName => "resistor";
    public override string NamePrefix => "rx";
    public override ModelCard? Card => null;

    /// <summary>10 kΩ … 100 kΩ, a common range for resistive VMM studies.</summary>
    public override (double Min, double Max) DefaultRange => (1e-5, 1e-4);

    public override bool HasBoundedRange => false;

    public override double Realize(double g) => g > 0 && double.IsFinite(g)
        ? g
        : throw new CrossbarInputException($"a resistor cross-point needs a positive finite conductance, not {g:G4} S");

    public override string ElementLine(string name, string plus, string minus, double g, int index, int? variabilitySeed) =>
        $"{name} {plus} {minus} {SpiceText.Num(1 / g, 12)}";

    public override string? ConductanceVector(string name) => null;

    public override string Describe() => "linear resistors";
}
