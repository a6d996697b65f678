using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Behaviors;

/// <summary>
/// What a component does in one simulation. A behavior takes its matrix handles and state slots in
/// <see cref="Setup"/> and then implements whichever capability interfaces apply (<see cref="ILoadBehavior"/>,
/// <see cref="ITruncateBehavior"/>, ...); the simulation sorts behaviors by interface once, so the hot loops only
/// visit the behaviors that take part.
/// </summary>
public abstract class Behavior
{
    protected Behavior(string name) => Name = name;

    /// <summary>The component's name.</summary>
    public string Name { get; }

    /// <summary>Second setup phase: every branch exists, so take matrix handles and state slots here.</summary>
    public virtual void Setup(BindingContext context) { }

    /// <summary>Whether a group behavior (a batch it joined in <see cref="Setup"/>) loads this one and checks its
    /// truncation error: the simulation then leaves its <see cref="ILoadBehavior.Load"/> out of the load loop and its
    /// <see cref="ITruncateBehavior.Truncate"/> out of the step control.</summary>
    public bool LoadedByGroup { get; protected set; }
}

/// <summary>Stamps the linearized element into the real MNA system at the present iterate (DC and transient).</summary>
public interface ILoadBehavior
{
    void Load();
}

/// <summary>
/// A load whose stamp does not depend on the iterate (sources, linear controlled sources, capacitors and inductors
/// through their companion models): a transient step of a circuit whose loads are all such, or constant, is solved
/// exactly by one Newton step, so the solver stops after the load at that solution (which updates the devices'
/// charges and fluxes) instead of solving the same system a second time to confirm it.
/// </summary>
public interface ILinearLoadBehavior : ILoadBehavior
{
}

/// <summary>
/// A device whose stamp in the real MNA system depends on nothing a solve changes: not the iterate, the time, the
/// step or the integration method (a resistor, whose conductance changes only with the temperature or a swept
/// value). It stamps once into the system's constant part, which every load starts from instead of zeros, and is
/// stamped again after <see cref="Simulations.NewtonSolver.ConstantsChanged"/> (the simulation calls it after a
/// temperature update or a swept parameter). On a ladder of 10 000 resistors and capacitors this halves the loads.
/// </summary>
public interface IConstantLoadBehavior
{
    /// <summary>Adds the device's constant contributions to <paramref name="values"/> (indexed by matrix handle).</summary>
    void LoadConstant(double[] values);
}

/// <summary>Device-level convergence test after the node test passes: true when the device's currents predicted by
/// its linearization agree with the recomputed ones.</summary>
/// <remarks>ngspice's own devices have such tests (DIOconvTest, MOS1convTest, ...) but they never decide anything
/// there: CKTconvTest returns OK after a device counts a non-convergence and NIiter stores that return value as the
/// non-convergence count, so only the node test and junction limiting end an iteration. Devices that model ngspice's
/// therefore leave this out (implementing it costs an extra Newton step at some points, 2.5e-4 V on the public
/// inverter curve at its switching threshold); a device whose own state needs the check may implement it.</remarks>
public interface IConvergenceBehavior
{
    bool IsConverged();
}

/// <summary>Proposes the largest next time step its local truncation error allows, s.</summary>
public interface ITruncateBehavior
{
    double Truncate();
}

/// <summary>Called once per accepted time point (and after the operating point), in order.</summary>
public interface IAcceptBehavior
{
    void Accept();
}

/// <summary>Called when the attempt at a time point is discarded (Newton failure or truncation error), so a device
/// with internal state returns to its committed state.</summary>
public interface IRejectBehavior
{
    void Reject();
}

/// <summary>Stamps the small-signal model into the complex system at <see cref="SimulationState.Omega"/>.</summary>
public interface IFrequencyBehavior
{
    void LoadAc();
}

/// <summary>Recomputes temperature-dependent parameters (called before each analysis and on a TEMP sweep).</summary>
public interface ITemperatureBehavior
{
    void UpdateTemperature();
}

/// <summary>Adds time points the transient must hit exactly (waveform corners).</summary>
public interface IBreakpointBehavior
{
    /// <summary>Adds the breakpoints in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    void AddBreakpoints(BreakpointTable table, double after, double until);
}

/// <summary>A device whose own dynamics limit the circuit time step (e.g. how fast its resistance may change).</summary>
public interface IMaxStepBehavior
{
    /// <summary>The largest step the device accepts from the present committed state, s (∞ for no limit).</summary>
    double MaxStep();
}

/// <summary>Sets device initial conditions from the solution vector before a UIC transient (SPICE's DEVsetic).</summary>
public interface IInitialConditionBehavior
{
    void SetInitialConditions(ReadOnlySpan<double> solution);
}

/// <summary>Internal quantities addressable as <c>@name[quantity]</c>.</summary>
public interface IProbeSource
{
    /// <summary>The names this behavior can probe (for messages).</summary>
    IEnumerable<string> ProbeNames { get; }

    /// <summary>A function that reads the quantity at the present accepted point, or null when unknown.</summary>
    Func<double>? GetProbe(string quantity);
}

/// <summary>An element whose branch current is an unknown of the system (V, E, H, L): <c>i(name)</c>.</summary>
public interface IBranchBehavior
{
    /// <summary>Index of the branch-current unknown (current into the positive terminal).</summary>
    int Branch { get; }
}

/// <summary>An independent source whose DC value a DC sweep can set.</summary>
public interface ISweepableSource
{
    /// <summary>The DC value, V or A; null restores the netlist's own value.</summary>
    double? SweepValue { get; set; }
}

/// <summary>A behavior one of whose parameters a DC sweep can set (e.g. a resistance).</summary>
public interface IParameterSweepable
{
    bool TrySetSweptParameter(string parameter, double value);
}
