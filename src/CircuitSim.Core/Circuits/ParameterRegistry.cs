using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace CircuitSim.Core.Circuits;

/// <summary>
/// Sets and reads <see cref="ParameterAttribute"/> properties by name. Reflection runs once per type;
/// setting parameters happens while building a circuit, never on a simulation's hot path.
/// </summary>
public static class ParameterRegistry
{
    private sealed record Entry(PropertyInfo Property, string CanonicalName, string? Description);

    private static readonly ConcurrentDictionary<Type, Dictionary<string, Entry>> Cache = new();

    private static Dictionary<string, Entry> EntriesOf(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var map = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attr = p.GetCustomAttribute<ParameterAttribute>(inherit: true);
            if (attr is null) continue;
            var names = attr.Names.Length > 0 ? attr.Names : new[] { p.Name.ToLowerInvariant() };
            foreach (var n in names) map[n] = new Entry(p, names[0], attr.Description);
        }
        return map;
    });

    /// <summary>The canonical parameter names a type accepts (for "expected one of ..." messages).</summary>
    public static IReadOnlyList<string> NamesOf(Type type) =>
        EntriesOf(type).Values.Select(e => e.CanonicalName).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n).ToList();

    public static bool Has(object target, string name) => EntriesOf(target.GetType()).ContainsKey(name);

    /// <summary>Sets a numeric, boolean or text parameter. Returns false when the name is unknown.</summary>
    /// <exception cref="ArgumentException">The value has the wrong kind for the parameter.</exception>
    public static bool TrySet(object target, string name, object value)
    {
        if (!EntriesOf(target.GetType()).TryGetValue(name, out var entry)) return false;
        var type = entry.Property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        object converted = underlying switch
        {
            _ when underlying == typeof(double) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ when underlying == typeof(int) => Convert.ToInt32(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            _ when underlying == typeof(bool) => value is string s ? ParseBool(s, name) : Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
            _ when underlying == typeof(string) => value.ToString() ?? "",
            _ when underlying == typeof(double[]) => value as double[] ?? throw new ArgumentException($"parameter '{name}' expects a list of numbers"),
            _ when underlying.IsEnum => ParseEnum(underlying, value.ToString() ?? "", name),
            _ => throw new ArgumentException($"parameter '{name}' has an unsupported type {type.Name}")
        };
        entry.Property.SetValue(target, converted);
        return true;
    }

    public static bool TryGet(object target, string name, out object? value)
    {
        value = null;
        if (!EntriesOf(target.GetType()).TryGetValue(name, out var entry)) return false;
        value = entry.Property.GetValue(target);
        return true;
    }

    /// <summary>The declared type of a parameter (null when unknown), so a reader can tell text from numbers.</summary>
    public static Type? TypeOf(Type type, string name) =>
        EntriesOf(type).TryGetValue(name, out var e) ? e.Property.PropertyType : null;

    private static bool ParseBool(string s, string name) => s.ToLowerInvariant() switch
    {
        "1" or "true" or "on" or "yes" => true,
        "0" or "false" or "off" or "no" => false,
        _ => throw new ArgumentException($"parameter '{name}' expects on/off, got '{s}'")
    };

    private static object ParseEnum(Type enumType, string s, string name)
    {
        foreach (var n in Enum.GetNames(enumType))
            if (string.Equals(n, s, StringComparison.OrdinalIgnoreCase)) return Enum.Parse(enumType, n);
        throw new ArgumentException($"parameter '{name}' expects one of {string.Join(", ", Enum.GetNames(enumType).Select(x => x.ToLowerInvariant()))}, got '{s}'");
    }
}
