namespace CircuitSim.Core.Circuits;

/// <summary>What kind of value a parameter takes (how a netlist value is converted for it).</summary>
public enum ParameterKind { Real, Integer, Boolean, Text, RealList, Enumeration }

/// <summary>
/// One settable parameter of an entity type: its SPICE names (the first is canonical), the declared value type, and a
/// setter and getter that take and return the value boxed. Written at compile time by the parameter-table generator
/// for <see cref="ParameterAttribute"/> properties, or by hand by an entity that keeps its own table.
/// </summary>
public sealed class ParameterDescriptor
{
    private readonly Action<object, object> _set;
    private readonly Func<object, object?> _get;
    private readonly Func<string, object?>? _parseChoice;

    /// <param name="names">SPICE names, the canonical one first.</param>
    /// <param name="valueType">The declared type (e.g. <c>typeof(double?)</c>), for readers that tell text from numbers.</param>
    /// <param name="set">Stores an already converted value (a double for <see cref="ParameterKind.Real"/>, ...).</param>
    /// <param name="choices">The names of an enumeration's values.</param>
    /// <param name="parseChoice">An enumeration value from its name (any case), or null when there is none.</param>
    public ParameterDescriptor(string[] names, string? description, Type valueType, ParameterKind kind,
        Action<object, object> set, Func<object, object?> get, string[]? choices = null, Func<string, object?>? parseChoice = null)
    {
        if (names.Length == 0) throw new ArgumentException("a parameter needs a name", nameof(names));
        Names = names;
        Description = description;
        ValueType = valueType;
        Kind = kind;
        _set = set;
        _get = get;
        Choices = choices ?? Array.Empty<string>();
        _parseChoice = parseChoice;
    }

    public IReadOnlyList<string> Names { get; }
    public string CanonicalName => Names[0];
    public string? Description { get; }
    public Type ValueType { get; }
    public ParameterKind Kind { get; }
    public IReadOnlyList<string> Choices { get; }

    public object? Get(object target) => _get(target);

    /// <summary>Converts <paramref name="value"/> (a number, bool, text or list) to the parameter's kind and stores it.</summary>
    /// <exception cref="ArgumentException">The value has the wrong kind for the parameter.</exception>
    public void Set(object target, object value, string nameUsed) => _set(target, Convert(value, nameUsed));

    private object Convert(object value, string name) => Kind switch
    {
        ParameterKind.Real => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        ParameterKind.Integer => System.Convert.ToInt32(System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        ParameterKind.Boolean => value is string s ? ParseBool(s, name) : System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        ParameterKind.Text => value.ToString() ?? "",
        ParameterKind.RealList => value as double[] ?? throw new ArgumentException($"parameter '{name}' expects a list of numbers"),
        _ => _parseChoice?.Invoke(value.ToString() ?? "") ?? throw new ArgumentException(
            $"parameter '{name}' expects one of {string.Join(", ", Choices.Select(c => c.ToLowerInvariant()))}, got '{value}'"),
    };

    private static bool ParseBool(string s, string name) => s.ToLowerInvariant() switch
    {
        "1" or "true" or "on" or "yes" => true,
        "0" or "false" or "off" or "no" => false,
        _ => throw new ArgumentException($"parameter '{name}' expects on/off, got '{s}'")
    };

    /// <summary>The enumeration value named <paramref name="text"/> (any case; numbers are not names), or null.</summary>
    public static object? ParseEnum<TEnum>(string text) where TEnum : struct, Enum
    {
        foreach (var n in Enum.GetNames<TEnum>())
            if (string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) return Enum.Parse<TEnum>(n);
        return null;
    }
}
