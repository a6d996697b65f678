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
    /// <exception cref="ArgumentException">The value has the wrong kind for the parameter.</exception>
    public bool SetParameter(string name, object value) => TrySetParameter(name, value);

    /// <summary>Sets a parameter by its SPICE name; false when the entity has no such parameter. The default goes
    /// through the <see cref="ParameterRegistry"/> table of the entity's type; a model with a parameter set of its own
    /// (hundreds of entries, binned or computed) overrides this, <see cref="ParameterNames"/> and
    /// <see cref="ParameterType"/> together.</summary>
    /// <exception cref="ArgumentException">The value has the wrong kind for the parameter.</exception>
    public virtual bool TrySetParameter(string name, object value) => ParameterRegistry.TrySet(this, name, value);

    /// <summary>The canonical parameter names (for "expected one of ..." messages).</summary>
    public virtual IReadOnlyList<string> ParameterNames => ParameterRegistry.NamesOf(GetType());

    /// <summary>The declared type of a parameter (e.g. <c>typeof(double?)</c>), or null when there is no such parameter.</summary>
    public virtual Type? ParameterType(string name) => ParameterRegistry.TypeOf(GetType(), name);

    public override string ToString() => $"{GetType().Name} {Name}";
}

/// <summary>A named set of model parameters shared by device instances (a SPICE <c>.model</c> card).</summary>
public abstract class Model : Entity
{
    protected Model(string name) : base(name) { }
}
