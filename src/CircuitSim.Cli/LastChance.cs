namespace CircuitSim.Cli;

/// <summary>
/// The last-chance handler: an exception that nothing else handled (a bug) is reported in one line on stderr, with a
/// pointer to <c>--debug</c> for the stack trace, and the process exits with <see cref="ExitCodes.InternalError"/>, a
/// code no other outcome uses.
/// </summary>
public static class LastChance
{
    /// <summary>True when the stack trace is wanted (<c>--debug</c> or <c>CIRCUITSIM_DEBUG=1</c>).</summary>
    public static bool Debug { get; set; } = Environment.GetEnvironmentVariable("CIRCUITSIM_DEBUG") is "1" or "true";

    /// <summary>Installs the handler for exceptions on other threads (the main thread's are caught by the caller).</summary>
    public static void Install(TextWriter stderr)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Report(e.ExceptionObject as Exception, stderr);
            Environment.Exit(ExitCodes.InternalError);
        };
    }

    /// <summary>Writes the one-line report (and the trace with <see cref="Debug"/>); returns the exit code.</summary>
    public static int Report(Exception? e, TextWriter stderr)
    {
        try
        {
            var what = e is null ? "unknown error" : $"{e.GetType().Name}: {OneLine(e.Message)}";
            if (e is OutOfMemoryException or InsufficientExecutionStackException)
                stderr.WriteLine($"circuitsim: out of resources ({what}); try a smaller circuit, fewer points or a coarser grid.");
            else
                stderr.WriteLine($"circuitsim: internal error ({what}). This is a bug; please report it with the netlist." +
                                 (Debug ? "" : " Run again with --debug for the stack trace."));
            if (Debug && e is not null) stderr.WriteLine(e);
        }
        catch (IOException) { }
        return ExitCodes.InternalError;
    }

    /// <summary>Test hook: <c>CIRCUITSIM_INJECT_FAULT=internal-error</c> makes a run throw as a bug would, so the
    /// tests can check this handler end to end.</summary>
    public static void InjectFaultIfAsked()
    {
        if (Environment.GetEnvironmentVariable("CIRCUITSIM_INJECT_FAULT") == "internal-error")
            throw new InvalidOperationException("fault injected by CIRCUITSIM_INJECT_FAULT");
    }

    private static string OneLine(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 300 ? text : text[..297] + "…";
    }
}
