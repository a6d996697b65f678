using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CircuitSim.Tools.Fuzz;

/// <summary>
/// Runs a case through the real CLI (<c>dotnet circuitsim.dll run …</c>): exit codes, stack traces on stderr, crashes,
/// and signals. A case with a <see cref="SignalPlan"/> gets SIGINT or SIGTERM while running; every case still running
/// at its budget gets SIGTERM (then it is <see cref="OutcomeClass.Slow"/> if it ends within the grace, else SIGKILL
/// and <see cref="OutcomeClass.Hang"/>).
/// </summary>
public sealed class CliRunner
{
    private readonly string _cli;

    public CliRunner(string cliDll) => _cli = cliDll;

    public double GraceSeconds { get; init; } = 10;

    /// <summary>Environment for the child (the AMM cache shared between cases).</summary>
    public Dictionary<string, string> Environment { get; } = new();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private const int SigInt = 2, SigTerm = 15;

    public Outcome Run(FuzzCase c, string workspace, double budgetSeconds)
    {
        c.WriteTo(workspace);
        var clock = Stopwatch.StartNew();
        Outcome? outcome = null;
        foreach (var args in c.Invocations(workspace))
        {
            outcome = RunOnce(c, args, workspace, Math.Max(0.5, budgetSeconds - clock.Elapsed.TotalSeconds));
            if (outcome.ExitCode != 0) break;
        }
        return outcome! with { Seconds = clock.Elapsed.TotalSeconds };
    }

    private Outcome RunOnce(FuzzCase c, string[] args, string workspace, double budgetSeconds)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workspace,
        };
        info.ArgumentList.Add(_cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in Environment) info.Environment[k] = v;
        info.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var signalled = false;
        var budgetStop = false;
        if (c.Signal != SignalPlan.None && !p.WaitForExit(c.SignalAfterMs))
        {
            Kill(p.Id, c.Signal == SignalPlan.Interrupt ? SigInt : SigTerm);
            signalled = true;
        }
        if (!p.WaitForExit(TimeSpan.FromSeconds(Math.Max(0.1, budgetSeconds - clock.Elapsed.TotalSeconds))))
        {
            budgetStop = true;
            Kill(p.Id, SigTerm);
            if (!p.WaitForExit(TimeSpan.FromSeconds(GraceSeconds)))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
                return new Outcome(OutcomeClass.Hang, null, clock.Elapsed.TotalSeconds,
                    $"no end {GraceSeconds} s after SIGTERM at the {budgetSeconds:F1} s budget");
            }
        }
        p.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var stderr = stderrTask.Result;
        _ = stdoutTask.Result;
        var cls = Outcome.FromExit(p.ExitCode, stderr, budgetStop, signalled);
        if (signalled && cls is OutcomeClass.Slow) cls = OutcomeClass.Interrupted;
        if (cls == OutcomeClass.Crash) return new Outcome(cls, p.ExitCode, seconds, $"exit {p.ExitCode}: {InProcessRunner.Summarize(stderr)}");
        if (cls == OutcomeClass.UnhandledException) return new Outcome(cls, p.ExitCode, seconds, stderr.Length <= 4000 ? stderr : stderr[..4000]);
        var broken = Invariants.Check(workspace, InProcessRunner.SafeOutput(c, workspace), loadOutputs: cls is OutcomeClass.Interrupted or OutcomeClass.Slow or OutcomeClass.SimulationFailure);
        if (broken is not null) return new Outcome(OutcomeClass.BrokenInvariant, p.ExitCode, seconds, broken);
        if ((cls is OutcomeClass.CleanError or OutcomeClass.SimulationFailure) && stderr.Trim().Length == 0)
            return new Outcome(OutcomeClass.BrokenInvariant, p.ExitCode, seconds, "failed without a message");
        return new Outcome(cls, p.ExitCode, seconds, InProcessRunner.Summarize(stderr));
    }
}
