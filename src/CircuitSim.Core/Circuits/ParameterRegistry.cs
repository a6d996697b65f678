using System.Collections.Concurrent;

namespace CircuitSim.Core.Circuits;

/// <summary>
/// Sets and reads parameters by SPICE name through per-type tables of <see cref="ParameterDescriptor"/>s. The tables
/// of <see cref="ParameterAttribute"/> properties are generated at compile time and registered when their assembly
/// loads, so nothing here reflects (the CLI is a native AOT executable). A type without a table of its own uses its
/// nearest base type's. Setting parameters happens while building a circuit, never on a simulation's hot path.
/// A table is built on its type's first look-up: registration only keeps a factory, so a run pays for the types its
/// netlist names and not for the several hundred every assembly registers as it loads (start-up time).
/// </summary>
public static class ParameterRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<ParameterDescriptor[]>> Factories = new();
    private static readonly ConcurrentDictionary<Type, ParameterTable> Tables = new();

    /// <summary>Registers the parameters of <paramref name="type"/> (its own and inherited ones), made on first use.</summary>
    public static void Register(Type type, Func<ParameterDescriptor[]> parameters)
    {
        Factories[type] = parameters;
        Tables.TryRemove(type, out _);
    }

    /// <summary>The table of <paramref name="type"/>, or of its nearest base type that has one, or an empty one.</summary>
    public static ParameterTable TableOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Tables.TryGetValue(t, out var table)) return table;
            // two threads may both build a first table; GetOrAdd keeps one, and both are the same parameters
            if (Factories.TryGetValue(t, out var factory)) return Tables.GetOrAdd(t, _ => new ParameterTable(factory()));
        }
        return ParameterTable.Empty;
    }

    /// <summary>The canonical parameter names a type accepts (for "expected one of ..." messages).</summary>
    public static IReadOnlyList<string> NamesOf(Type type) => TableOf(type).CanonicalNames;

    public static bool Has(object target, string name) => TableOf(target.GetType()).Find(name) is not null;

    /// <summary>Sets a numeric, boolean or text parameter. Returns false when the name is unknown.</summary>
    /// <exception cref="ArgumentException">The value has the wrong kind for the parameter.</exception>
    public static bool TrySet(object target, string name, object value)
    {
        if (TableOf(target.GetType()).Find(name) is not { } p) return false;
        p.Set(target, value, name);
        return true;
    }

    public static bool TryGet(object target, string name, out object? value)
    {
        value = null;
        if (TableOf(target.GetType()).Find(name) is not { } p) return false;
        value = p.Get(target);
        return true;
    }

    /// <summary>The declared type of a parameter (null when unknown), so a reader can tell text from numbers.</summary>
    public static Type? TypeOf(Type type, string name) => TableOf(type).Find(name)?.ValueType;
}

/// <summary>The parameters of one entity type by every name (case-insensitive).</summary>
public sealed class ParameterTable
{
    public static readonly ParameterTable Empty = new(Array.Empty<ParameterDescriptor>());

    private readonly Dictionary<string, ParameterDescriptor> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ParameterTable(IEnumerable<ParameterDescriptor> parameters)
    {
        var list = parameters.ToList();
        foreach (var p in list)
            foreach (var n in p.Names) _byName[n] = p;
        Parameters = list;
        CanonicalNames = list.Select(p => p.CanonicalName).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ParameterDescriptor> Parameters { get; }
    public IReadOnlyList<string> CanonicalNames { get; }

    public ParameterDescriptor? Find(string name) => _byName.GetValueOrDefault(name);
}
