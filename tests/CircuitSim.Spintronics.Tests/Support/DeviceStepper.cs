using CircuitSim.Core.Analyses;
using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Tests.Support;

/// <summary>
/// Drives one two-terminal stateful device through the engine's calls without the engine's step control: the
/// test chooses every trial time point and the terminal voltage, and decides to accept or reject it. The device
/// is bound by a real (set-up, never run) transient simulation of a netlist whose device sits between
/// <c>node</c> and ground, so it is exactly the behavior a circuit run would use.
/// </summary>
public sealed class DeviceStepper
{
    private readonly Transient _sim;
    private readonly ILoadBehavior _load;
    private readonly IAcceptBehavior _accept;
    private readonly IRejectBehavior _reject;
    private readonly IProbeSource _probes;
    private readonly int _node;
    private double _time;

    public DeviceStepper(string netlistText, string device, string node)
    {
        var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(netlistText, "stepper.cir");
        _sim = new Transient(netlist.Circuit, 1e-12, 1e-9);
        _sim.Setup();
        var b = _sim.FindBehavior(device) ?? throw new ArgumentException($"no device {device}");
        _load = (ILoadBehavior)b;
        _accept = (IAcceptBehavior)b;
        _reject = (IRejectBehavior)b;
        _probes = (IProbeSource)b;
        Assert.True(_sim.Unknowns.TryGetIndex(node, out _node));
        // the committed state's voltages are taken at the start, as after the operating point
        _sim.State.Mode = AnalysisMode.TranOp;
        _sim.State.Time = 0;
        _accept.Accept();
    }

    /// <summary>Time of the last accepted point, s.</summary>
    public double Time => _time;

    /// <summary>Solves a trial point at <paramref name="time"/> with the device voltage <paramref name="volts"/>
    /// (as one Newton iteration would).</summary>
    public void Trial(double time, double volts)
    {
        var s = _sim.State;
        s.Mode = AnalysisMode.Transient;
        s.Solution[_node] = volts;
        s.Time = time;
        s.Delta = time - _time;
        _sim.Mna.Clear();
        _load.Load();
    }

    public void Accept()
    {
        _accept.Accept();
        _time = _sim.State.Time;
    }

    public void Reject() => _reject.Reject();

    /// <summary>A trial at time + <paramref name="step"/>, accepted.</summary>
    public void Step(double step, double volts)
    {
        Trial(_time + step, volts);
        Accept();
    }

    public Func<double> Probe(string quantity) => _probes.GetProbe(quantity) ?? throw new ArgumentException(quantity);
}
