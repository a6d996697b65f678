namespace CircuitSim.Core.Circuits;

/// <summary>
/// A flat circuit: components and models by case-insensitive name. Subcircuits are expanded before they get here
/// (names like <c>x1.r1</c>, nodes like <c>x1.mid</c>).
/// </summary>
public sealed class Circuit
{
    private readonly Dictionary<string, Component> _components = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Component> _ordered = new();
    private readonly Dictionary<string, Model> _models = new(StringComparer.OrdinalIgnoreCase);

    public Circuit(string title = "") => Title = title;

    public Circuit(params Entity[] entities) : this("")
    {
        foreach (var e in entities) Add(e);
    }

    public string Title { get; set; }

    /// <summary>Components in the order they were added (the order behaviors are loaded in).</summary>
    public IReadOnlyList<Component> Components => _ordered;

    public IEnumerable<Model> Models => _models.Values;

    /// <summary>Makes room for <paramref name="components"/> components in all, so that adding them grows nothing: the
    /// name index and the ordered list of a circuit grown one component at a time end up to twice as long as needed,
    /// 4 MB on a 200 000-element netlist.</summary>
    public void EnsureCapacity(int components)
    {
        _components.EnsureCapacity(components);
        _ordered.EnsureCapacity(components);
    }

    /// <exception cref="DuplicateNameException">A component or model with this name exists already.</exception>
    public Circuit Add(Entity entity)
    {
        switch (entity)
        {
            case Component c:
                if (!_components.TryAdd(c.Name, c))
                    throw new DuplicateNameException($"duplicate component name '{c.Name}'", c.Name);
                _ordered.Add(c);
                break;
            case Model m:
                if (!_models.TryAdd(m.Name, m))
                    throw new DuplicateNameException($"duplicate model name '{m.Name}'", m.Name);
                break;
            default:
                throw new ArgumentException($"cannot add {entity.GetType().Name} to a circuit");
        }
        return this;
    }

    public bool Remove(string name)
    {
        if (_components.Remove(name, out var c)) { _ordered.Remove(c); return true; }
        return _models.Remove(name);
    }

    public bool Contains(string name) => _components.ContainsKey(name) || _models.ContainsKey(name);

    public Component this[string name] =>
        _components.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"no component named '{name}'");

    public bool TryGetComponent(string name, out Component component) => _components.TryGetValue(name, out component!);

    public bool TryGetModel(string name, out Model model) => _models.TryGetValue(name, out model!);

    /// <summary>Node names used by the components, ground excluded, in order of first appearance.</summary>
    public IEnumerable<string> NodeNames()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in _ordered)
        {
            // indexed: a foreach over the interface boxes an enumerator per component
            var nodes = c.Nodes;
            for (var k = 0; k < nodes.Count; k++)
                if (!IsGround(nodes[k]) && seen.Add(nodes[k])) yield return nodes[k];
        }
    }

    /// <summary>SPICE ground names: "0", "gnd" (any case) and "gnd!".</summary>
    public static bool IsGround(string node) =>
        node == "0" || string.Equals(node, "gnd", StringComparison.OrdinalIgnoreCase) || string.Equals(node, "gnd!", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Thrown when two entities of a circuit share a name.</summary>
public sealed class DuplicateNameException : Exception
{
    public DuplicateNameException(string message, string name) : base(message) => EntityName = name;
    public string EntityName { get; }
}
