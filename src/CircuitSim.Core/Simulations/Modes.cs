namespace CircuitSim.Core.Simulations;

/// <summary>What the engine is solving (SPICE's MODE flags); devices load differently in each.</summary>
[Flags]
public enum AnalysisMode
{
    None = 0,
    /// <summary>A standalone DC operating point.</summary>
    DcOp = 1,
    /// <summary>The operating point that starts a transient.</summary>
    TranOp = 2,
    /// <summary>A point of a DC sweep.</summary>
    DcSweep = 4,
    /// <summary>A transient time point.</summary>
    Transient = 8,
    /// <summary>Small-signal AC.</summary>
    Ac = 16,
    /// <summary>Use initial conditions: skip the transient's operating point.</summary>
    Uic = 32,
}

/// <summary>How devices initialise their junction voltages on this Newton iteration (SPICE's INIT flags).</summary>
public enum InitMode
{
    /// <summary>Normal iteration from the present solution.</summary>
    Float,
    /// <summary>First iteration of an operating point: junctions start at their critical voltages.</summary>
    Junction,
    /// <summary>Second phase of an operating point: devices marked OFF stay off.</summary>
    Fix,
    /// <summary>First iteration of the first transient step.</summary>
    Transient,
    /// <summary>First iteration of a later transient step: junction voltages are extrapolated.</summary>
    Predict,
    /// <summary>One load after the operating point that stores small-signal parameters.</summary>
    SmallSignal,
}
