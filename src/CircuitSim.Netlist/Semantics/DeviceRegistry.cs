using CircuitSim.Core.Circuits;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Switches;

namespace CircuitSim.Netlist.Semantics;

/// <summary>
/// How a <c>Y&lt;type&gt; name nodes… model [k=v…]</c> element becomes a component: the node count it takes and a
/// factory. Parameters after the model are set by name through <see cref="ParameterRegistry"/>, so unknown names
/// are reported without any device-specific parsing.
/// </summary>
public sealed record YDeviceRegistration(string Type, int MinNodes, int MaxNodes, Func<string, IReadOnlyList<string>, string, Component> Create);

/// <summary>
/// The device and model types the reader knows. A new registry holds the standard SPICE models; a device family
/// (<see cref="IDeviceFamily"/>: the magnetic devices, a user's own) adds its <c>.model</c> types and <c>Y</c> elements
/// with <see cref="RegisterModel"/> and <see cref="RegisterDevice"/>: adding a device type is a registration, not a
/// grammar change.
/// </summary>
public sealed class DeviceRegistry
{
    private readonly Dictionary<string, Func<string, Model>> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, YDeviceRegistration> _devices = new(StringComparer.OrdinalIgnoreCase);

    public DeviceRegistry()
    {
        RegisterModel("d", n => new DiodeModel(n));
        RegisterModel("nmos", n => new MosfetModel(n, MosfetType.Nmos));
        RegisterModel("pmos", n => new MosfetModel(n, MosfetType.Pmos));
        RegisterModel("sw", n => new VoltageSwitchModel(n));
        RegisterModel("csw", n => new CurrentSwitchModel(n));
    }

    /// <summary>The standard SPICE models plus the <c>.model</c> types and <c>Y</c> elements of <paramref name="families"/>.</summary>
    public static DeviceRegistry With(IEnumerable<IDeviceFamily> families)
    {
        var registry = new DeviceRegistry();
        foreach (var family in families) family.Register(registry);
        return registry;
    }

    /// <summary>Registers a <c>.model</c> type (case-insensitive).</summary>
    public DeviceRegistry RegisterModel(string type, Func<string, Model> factory)
    {
        _models[type] = factory;
        return this;
    }

    /// <summary>Registers a <c>Y&lt;type&gt;</c> element.</summary>
    public DeviceRegistry RegisterDevice(YDeviceRegistration registration)
    {
        _devices[registration.Type] = registration;
        return this;
    }

    public bool TryCreateModel(string type, string name, out Model model)
    {
        if (_models.TryGetValue(type, out var f)) { model = f(name); return true; }
        model = null!;
        return false;
    }

    public bool TryGetDevice(string type, out YDeviceRegistration registration) => _devices.TryGetValue(type, out registration!);

    public IEnumerable<string> ModelTypes => _models.Keys.OrderBy(k => k);
    public IEnumerable<string> DeviceTypes => _devices.Keys.OrderBy(k => k);
}
