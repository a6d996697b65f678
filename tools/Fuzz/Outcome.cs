namespace CircuitSim.Tools.Fuzz;

/// <summary>How a run ended. The last four are defects: a campaign passes with none of them.</summary>
public enum OutcomeClass
{
    /// <summary>Exit 0.</summary>
    Ran,
    /// <summary>Exit 2 with a message: bad input or invocation, nothing simulated.</summary>
    CleanError,
    /// <summary>Exit 1 with a message: the simulation failed (or an output could not be written).</summary>
    SimulationFailure,
    /// <summary>Still producing points when its time budget ran out; stopped by the interrupt like Ctrl-C would
    /// (exit 130/143, outputs completed). Not a defect: a netlist may ask for a long run.</summary>
    Slow,
    /// <summary>Stopped by the planned SIGINT/SIGTERM, outputs loadable, no temporary files.</summary>
    Interrupted,
    /// <summary>An exception nothing handled (in process), exit 3, or a stack trace on stderr.</summary>
    UnhandledException,
    /// <summary>The process died (stack overflow, SIGABRT, SIGSEGV, an unexpected exit code).</summary>
    Crash,
    /// <summary>Did not end within the grace after the interrupt at its budget (stuck inside one point).</summary>
    Hang,
    /// <summary>Ended, but broke a promise: temporary files left, a file written outside the output directory,
    /// an interrupted run's outputs not loadable.</summary>
    BrokenInvariant,
}

public sealed record Outcome(OutcomeClass Class, int? ExitCode, double Seconds, string Detail)
{
    public bool IsDefect => Class is OutcomeClass.UnhandledException or OutcomeClass.Crash or OutcomeClass.Hang or OutcomeClass.BrokenInvariant;

    /// <summary>The class of a run that ended with <paramref name="exitCode"/> and printed <paramref name="stderr"/>.</summary>
    public static OutcomeClass FromExit(int exitCode, string stderr, bool budgetStop, bool signalled)
    {
        if (HasStackTrace(stderr)) return OutcomeClass.UnhandledException;
        return exitCode switch
        {
            0 => OutcomeClass.Ran,
            1 => OutcomeClass.SimulationFailure,
            2 => OutcomeClass.CleanError,
            3 => OutcomeClass.UnhandledException,
            130 or 143 when signalled => OutcomeClass.Interrupted,
            130 or 143 when budgetStop => OutcomeClass.Slow,
            _ => OutcomeClass.Crash,
        };
    }

    /// <summary>A .NET stack trace ("   at Namespace.Type.Method(") or the runtime's unhandled-exception banner.</summary>
    public static bool HasStackTrace(string stderr) =>
        stderr.Contains("Unhandled exception", StringComparison.Ordinal) || stderr.Contains("Stack overflow", StringComparison.Ordinal) ||
        System.Text.RegularExpressions.Regex.IsMatch(stderr, @"^\s+at [\w.`<>]+\.[\w<>`]+\(", System.Text.RegularExpressions.RegexOptions.Multiline);
}
