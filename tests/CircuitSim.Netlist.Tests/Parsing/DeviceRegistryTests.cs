using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>
/// Y elements: a device type added to <see cref="DeviceRegistry"/> (with its .model type) is read with no grammar
/// change, its parameters set by name.
/// </summary>
public class DeviceRegistryTests
{
    /// <summary>A made-up two-to-three-terminal device; the reader only builds it, nothing simulates it.</summary>
    internal sealed class Gizmo(string name, IReadOnlyList<string> nodes, string model) : Component(name, nodes.ToArray())
    {
        public string ModelName { get; } = model;

        [Parameter("turns")] public double Turns { get; set; } = 1;

        [Parameter("state")] public GizmoState State { get; set; }

        public override Behavior CreateBehavior(BindingContext context) => throw new NotSupportedException();
    }

    public enum GizmoState { Up, Down }

    internal sealed class GizmoModel(string name) : Model(name)
    {
        [Parameter("gain")] public double Gain { get; set; }
    }

    private static DeviceRegistry WithGizmo() => new DeviceRegistry()
        .RegisterModel("gizmo", n => new GizmoModel(n))
        .RegisterDevice(new YDeviceRegistration("giz", 2, 3, (name, nodes, model) => new Gizmo(name, nodes, model)));

    /// <summary>The gizmo as a device family: one registrar adds its model type and element.</summary>
    private sealed class GizmoFamily : IDeviceFamily
    {
        public string Name => "YGIZ";

        public void Register(DeviceRegistry registry) => registry
            .RegisterModel("gizmo", n => new GizmoModel(n))
            .RegisterDevice(new YDeviceRegistration("giz", 2, 3, (name, nodes, model) => new Gizmo(name, nodes, model)));
    }

    [Fact]
    public void DeviceFamily_ComposedWithWith_IsReadLikeADirectRegistration()
    {
        var registry = DeviceRegistry.With(new[] { new GizmoFamily() });

        var gizmo = Assert.IsType<Gizmo>(Read.Text("t\n.model g1 gizmo (gain=2)\nYGIZ r1 a b g1 turns=3", registry).Circuit["r1"]);

        Assert.Equal(3, gizmo.Turns);
        Assert.Contains("giz", registry.DeviceTypes);
        Assert.Contains("d", registry.ModelTypes); // the standard SPICE set stays
    }

    [Fact]
    public void DefaultReader_KnowsNoMagneticDevice()
    {
        // the netlist project has no device families of its own: they come from CircuitSim.Spintronics through a registry
        var error = Read.Error("t\nYMTJ m1 a 0 card");

        Assert.Equal("a registered device type", error.Expected);
        Assert.Contains("'YMTJ'", error.Message);
    }

    [Fact]
    public void RegisteredYDevice_IsReadWithItsNodesModelAndParameters()
    {
        var netlist = Read.Text("""
            t
            .model g1 GIZMO (gain=5)
            YGIZ r1 a b g1 turns=20 state=down
            """, WithGizmo());

        var gizmo = Assert.IsType<Gizmo>(netlist.Circuit["r1"]);
        Assert.Equal(new[] { "a", "b" }, gizmo.Nodes);
        Assert.Equal(("g1", 20.0, GizmoState.Down), (gizmo.ModelName, gizmo.Turns, gizmo.State));
        Assert.True(netlist.Circuit.TryGetModel("g1", out var model));
        Assert.Equal(5, Assert.IsType<GizmoModel>(model).Gain);
    }

    [Fact]
    public void RegisteredYDevice_TakesAnyNodeCountInItsRange()
    {
        var gizmo = Assert.IsType<Gizmo>(Read.Text("t\n.model g1 gizmo\nYgiz y1 a b c g1", WithGizmo()).Circuit["y1"]);

        Assert.Equal(new[] { "a", "b", "c" }, gizmo.Nodes);
    }

    [Fact]
    public void RegisteredYDeviceInsideASubcircuit_GetsPrefixedNames()
    {
        var netlist = Read.Text("""
            t
            .subckt cell p n
            .model gm gizmo
            Ygiz y1 p mid gm
            .ends
            X1 a 0 cell
            """, WithGizmo());

        var gizmo = Assert.IsType<Gizmo>(netlist.Circuit["x1.y1"]);
        Assert.Equal(new[] { "a", "x1.mid" }, gizmo.Nodes);
        Assert.Equal("x1.gm", gizmo.ModelName);
    }

    [Fact]
    public void UnknownParameterOfARegisteredDevice_ListsItsParameters()
    {
        var error = Read.Error("t\n.model g1 gizmo\nYgiz y1 a b g1 spin=2", WithGizmo());

        Assert.Equal("unknown parameter 'spin' for Ygiz y1", error.Message);
        Assert.Equal("one of state, turns", error.Expected);
        Assert.Equal((3, 16), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void YDeviceWithTooManyNodes_IsAnErrorAtTheFirstExtraNode()
    {
        var error = Read.Error("t\n.model g1 gizmo\nYgiz y1 a b c d g1", WithGizmo());

        Assert.Equal("Ygiz takes at most 3 nodes", error.Message);
        Assert.Equal((3, 15), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void YDeviceOfAnUnregisteredType_ListsTheRegisteredTypes()
    {
        var error = Read.Error("t\nYAMM r1 a b pyring", WithGizmo());

        Assert.Equal("""
            test.cir:2:1: error: unknown device type 'YAMM' (expected one of YGIZ)
                YAMM r1 a b pyring
                ^
            """, error.Shown());
    }

    [Fact]
    public void StandardRegistry_HasNoYDevices()
    {
        var error = Read.Error("t\nYGIZ r1 a b m", new DeviceRegistry());

        Assert.Equal("a registered device type", error.Expected);
    }

    [Fact]
    public void RegisteredModelType_IsListedAmongTheValidModelTypes()
    {
        var error = Read.Error("t\n.model m1 gizmoo", WithGizmo());

        Assert.Equal("one of csw, d, gizmo, nmos, pmos, sw", error.Expected);
    }
}
