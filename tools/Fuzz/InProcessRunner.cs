using System.Diagnostics;
using CircuitSim.Cli;
using Spectre.Console;

namespace CircuitSim.Tools.Fuzz;

/// <summary>
/// Runs a case through <see cref="RunCommand.Execute"/> in this process, on a thread with the 8 MiB stack of a main
/// thread: at its budget the run is cancelled like an interrupt, and a run that does not end within the grace after
/// that is a hang (its thread is abandoned). A stack overflow ends the process, so the campaign runs cases in a worker
/// process that the driver restarts (<see cref="Campaign"/>); the CI sample runs them here directly.
/// </summary>
public sealed class InProcessRunner
{
    /// <summary>Time a cancelled run has to end, s.</summary>
    public double GraceSeconds { get; init; } = 10;

    public Outcome Run(FuzzCase c, string workspace, double budgetSeconds)
    {
        c.WriteTo(workspace);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var budget = new CancellationTokenSource();
        int? code = null;
        Exception? thrown = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                code = c.Command == FuzzCommand.Run
                    ? RunCommand.Execute(new FileInfo(c.ResolveNetlist(workspace)), c.ResolveOutput(workspace), c.Format, c.Plot, quiet: true,
                        c.Ascii, PlainConsole.Create(stdout), PlainConsole.Create(stderr), cancel: budget.Token)
                    : Invoke(c, workspace, stdout, stderr);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }, maxStackSize: 8 << 20) { IsBackground = true, Name = $"fuzz case {c.Id}" };
        thread.Start();
        var stopped = false;
        if (!thread.Join(TimeSpan.FromSeconds(budgetSeconds)))
        {
            stopped = true;
            budget.Cancel();
            if (!thread.Join(TimeSpan.FromSeconds(GraceSeconds)))
                return new Outcome(OutcomeClass.Hang, null, clock.Elapsed.TotalSeconds,
                    $"no end {GraceSeconds} s after the interrupt at the {budgetSeconds:F1} s budget");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var err = stderr.ToString();
        if (thrown is not null) return new Outcome(OutcomeClass.UnhandledException, null, seconds, thrown.ToString());
        var cls = Outcome.FromExit(code!.Value, err, budgetStop: stopped, signalled: false);
        if (cls is OutcomeClass.Ran or OutcomeClass.CleanError or OutcomeClass.SimulationFailure or OutcomeClass.Slow)
        {
            var broken = Invariants.Check(workspace, SafeOutput(c, workspace), loadOutputs: cls is OutcomeClass.Slow or OutcomeClass.SimulationFailure);
            if (broken is not null) return new Outcome(OutcomeClass.BrokenInvariant, code, seconds, broken);
        }
        if ((cls is OutcomeClass.CleanError or OutcomeClass.SimulationFailure) && err.Trim().Length == 0)
            return new Outcome(OutcomeClass.BrokenInvariant, code, seconds, "failed without a message");
        return new Outcome(cls, code, seconds, Summarize(err));
    }

    /// <summary>The other commands through their System.CommandLine definitions, as Program.cs invokes them (no
    /// default exception handler: an exception reaches the caller). Each invocation in order; the first non-zero
    /// exit ends the case.</summary>
    private static int Invoke(FuzzCase c, string workspace, StringWriter stdout, StringWriter stderr)
    {
        var o = PlainConsole.Create(stdout);
        var e = PlainConsole.Create(stderr);
        var root = new System.CommandLine.RootCommand { SweepCommand.Create(o, e), MagnetCommand.Create(o, e) };
        var code = 0;
        foreach (var args in c.Invocations(workspace))
        {
            code = root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
            if (code != 0) break;
        }
        return code;
    }

    internal static string SafeOutput(FuzzCase c, string workspace)
    {
        var o = c.ResolveOutput(workspace);
        return string.IsNullOrWhiteSpace(o) ? Path.Combine(workspace, "out") : o;
    }

    internal static string Summarize(string stderr)
    {
        var line = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= 200 ? line : line[..197] + "…";
    }

}

/// <summary>A console that writes plain text (no colours, no wrapping below <paramref name="width"/>) to a writer.</summary>
public static class PlainConsole
{
    public static IAnsiConsole Create(TextWriter writer, int width = 1000)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
