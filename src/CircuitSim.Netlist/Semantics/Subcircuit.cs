using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>Statements at one level: the top level or a subcircuit body, with the subcircuits defined there.</summary>
internal sealed class Block
{
    public Block(Block? parent) => Parent = parent;

    public Block? Parent { get; }
    public List<Statement> Statements { get; } = new();
    public Dictionary<string, SubcircuitDefinition> Subcircuits { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A subcircuit visible from this block (its own, then the enclosing blocks').</summary>
    public SubcircuitDefinition? Find(string name) =>
        Subcircuits.TryGetValue(name, out var d) ? d : Parent?.Find(name);
}

/// <summary>A parameter of a subcircuit definition with its default value expression (null: must be given).</summary>
internal sealed record SubcircuitParameter(string Name, Token? Default, Statement Statement);

/// <summary><c>.subckt name ports… [params:] [p=default…]</c> … <c>.ends</c>.</summary>
internal sealed class SubcircuitDefinition
{
    public SubcircuitDefinition(string name, IReadOnlyList<string> ports, IReadOnlyList<SubcircuitParameter> parameters, Block body, Statement header)
    {
        Name = name;
        Ports = ports;
        Parameters = parameters;
        Body = body;
        Header = header;
    }

    public string Name { get; }
    public IReadOnlyList<string> Ports { get; }
    public IReadOnlyList<SubcircuitParameter> Parameters { get; }
    public Block Body { get; }
    public Statement Header { get; }
}
