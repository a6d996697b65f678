namespace CircuitSim.Core.Circuits;

/// <summary>Anything with a name in a circuit: components (with terminals) and models (parameter sets).</summary>
public abstract class Entity
{
    protected Entity(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("an entity needs a name", nameof(name));
        Name = name;
    }

    /// <summary>Case-insensitive name, as in SPICE.</summary>
    public string Name { get; }

    /// <summary>Sets a parameter by its SPICE name; false when the entity has no such parameter.</summary>
    public bool SetParameter(string name, object value) => ParameterRegistry.TrySet(this, name, value);

    public override string ToString() => $"{GetType().Name} {Name}";
}

/// <summary>A named set of model parameters shared by device instances (a SPICE <c>.model</c> card).</summary>
public abstract class Model : Entity
{
    protected Model(string name) : base(name) { }
}
