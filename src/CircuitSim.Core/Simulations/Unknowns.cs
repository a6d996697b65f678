namespace CircuitSim.Core.Simulations;

/// <summary>Whether an MNA unknown is a node voltage or a branch current (they get different tolerances).</summary>
public enum UnknownKind { Voltage, Current }

/// <summary>One unknown of the MNA system: index 1..n (0 is ground), a name for messages and outputs.</summary>
public readonly record struct Unknown(int Index, string Name, UnknownKind Kind, string? Owner);

/// <summary>
/// The unknowns of a simulation: every circuit node, then branch currents and internal nodes created by devices
/// (named like ngspice: <c>vin#branch</c>, <c>m1#drain</c>). Index 0 is ground.
/// </summary>
public sealed class UnknownTable
{
    private readonly List<Unknown> _list = new() { new Unknown(0, "0", UnknownKind.Voltage, null) };
    private readonly Dictionary<string, int> _byName = new(StringComparer.OrdinalIgnoreCase) { ["0"] = 0, ["gnd"] = 0, ["gnd!"] = 0 };

    /// <summary>Number of unknowns, ground excluded.</summary>
    public int Count => _list.Count - 1;

    public Unknown this[int index] => _list[index];

    public IEnumerable<Unknown> All => _list.Skip(1);

    public bool TryGetIndex(string name, out int index) => _byName.TryGetValue(name, out index);

    /// <summary>The index of a node, creating it on first use.</summary>
    public int GetOrAddNode(string name)
    {
        if (_byName.TryGetValue(name, out var i)) return i;
        return Add(name, UnknownKind.Voltage, null);
    }

    public int Add(string name, UnknownKind kind, string? owner)
    {
        if (_byName.ContainsKey(name)) throw new InvalidOperationException($"unknown '{name}' exists already");
        var index = _list.Count;
        _list.Add(new Unknown(index, name, kind, owner));
        _byName[name] = index;
        return index;
    }

    /// <summary>Releases the room the table grew beyond its unknowns (adding more later grows it again).</summary>
    public void TrimExcess()
    {
        _list.TrimExcess();
        _byName.TrimExcess();
    }

    /// <summary>Human-readable description for messages: "node 'out'" or "branch current of 'vin'".</summary>
    public string Describe(int index)
    {
        if (index <= 0 || index >= _list.Count) return "ground";
        var u = _list[index];
        if (u.Kind == UnknownKind.Current && u.Owner is not null) return $"the branch current of '{u.Owner}'";
        if (u.Owner is not null) return $"internal node '{u.Name}' of '{u.Owner}'";
        return $"node '{u.Name}'";
    }
}
