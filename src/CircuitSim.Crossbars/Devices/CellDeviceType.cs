namespace CircuitSim.Crossbars.Devices;

/// <summary>
/// One kind of cross-point device, as a device family offers it (<see cref="ICrossbarCellFamily"/>): the names
/// <c>--device</c> accepts and how a cell is made, with the family's built-in model card or a given one.
/// </summary>
public sealed class CellDeviceType
{
    private readonly Func<ModelCard?, CellDevice> _create;

    /// <param name="name">The canonical name, lower case (the help text lists it), e.g. <c>ymtj</c>.</param>
    /// <param name="aliases">Other names accepted for it, e.g. <c>mtj</c>.</param>
    /// <param name="create">Makes the cell: with the built-in card when given null, else with the card (and throws
    /// <see cref="CrossbarInputException"/> for a card of another model type).</param>
    public CellDeviceType(string name, IReadOnlyList<string> aliases, Func<ModelCard?, CellDevice> create)
    {
        Name = name;
        Aliases = aliases;
        _create = create;
    }

    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>A linear resistor (R element), the one cross-point every build knows.</summary>
    public static CellDeviceType Resistor { get; } = new("resistor", new[] { "r" },
        card => card is null ? new ResistorCell() : throw new CrossbarInputException("a resistor array takes no model card"));

    /// <summary>The cell; <paramref name="card"/> replaces the built-in model card.</summary>
    /// <exception cref="CrossbarInputException">The card is not of the device's model type, or a resistor is given one.</exception>
    public CellDevice Create(ModelCard? card = null) => _create(card);

    /// <summary>Whether <paramref name="name"/> (any case, surrounding blanks ignored) names this type.</summary>
    public bool Answers(string name)
    {
        var n = name.Trim();
        return string.Equals(Name, n, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(a, n, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => Name;
}
