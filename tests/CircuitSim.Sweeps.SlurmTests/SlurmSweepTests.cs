using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CircuitSim.Sweeps.SlurmTests;

/// <summary>
/// A 64-point Monte Carlo run twice: on the local cores, and through <c>circuitsim sweep submit --slurm</c> with one
/// array task cancelled before it starts and the sweep completed by <c>circuitsim sweep resume</c>. Run 17 fails on
/// purpose (a zero resistor). The scenario runs once; each test checks one outcome of it.
/// </summary>
public sealed class SlurmScenario : IDisposable
{
    public const string Netlist = """
        RC Monte Carlo with one failing run
        V1 in 0 DC 1
        R1 in out {agauss(1k, 50, 1)}
        R2 out 0 {agauss(1k, 50, 1)}
        .param rg = gauss(10k, 0.1, 1)
        R3 out 0 {rg}
        R4 out x {run == 17 ? 0 : 10k}
        R5 x 0 1k
        .dc V1 1 1 1
        .meas dc vout find v(out) at=1
        .step param run 1 64 1
        .end
        """;

    private readonly Lazy<Outcome> _outcome;

    public SlurmScenario()
    {
        Slurm = new LocalSlurm();
        Root = Path.Combine(Path.GetTempPath(), "circuitsim-slurm-sweep-" + Guid.NewGuid().ToString("N")[..8]);
        _outcome = new Lazy<Outcome>(Play);
    }

    public LocalSlurm Slurm { get; }
    public string Root { get; }
    public Outcome Result => _outcome.Value;

    public sealed record Outcome(string LocalCsv, string SlurmCsv, string SlurmSummary, string MergeStateAfterKill,
        IReadOnlyList<int> MissingAfterKill, string StatusAfterKill, string ResumeOutput, double SubmitToMergedSeconds);

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "circuitsim.dll");

    private string Circuitsim(params string[] args)
    {
        var (code, output) = LocalSlurm.Run("dotnet", new[] { Cli }.Concat(args), 300, Environment.GetEnvironmentVariable("SLURM_CONF"), Root);
        if (code != 0) throw new InvalidOperationException($"circuitsim {string.Join(' ', args)} exited {code}:\n{output}");
        return output;
    }

    private Outcome Play()
    {
        Directory.CreateDirectory(Root);
        var netlist = Path.Combine(Root, "mc.cir");
        File.WriteAllText(netlist, Netlist);
        var local = Path.Combine(Root, "local");
        var cluster = Path.Combine(Root, "slurm");
        // a failed point makes the all-local command exit 1; its results are written all the same
        LocalSlurm.Run("dotnet", new[] { Cli, "sweep", netlist, "-o", local, "-j", "2", "-q" }, 300, null, Root);

        var clock = Stopwatch.StartNew();
        var submitted = Circuitsim("sweep", "submit", netlist, "--slurm", "-o", cluster, "--per-task", "16", "--hold");
        var (array, merge) = JobIds(submitted);
        Scontrol("cancel", array + "_2");
        Scontrol("release", array);
        WaitForQueue(array, merge);
        var mergeState = Regex.Match(LocalSlurm.Run("scontrol", new[] { "show", "job", merge, "-o" }, 30, null).Output, @"JobState=(\S+)").Groups[1].Value;
        var missing = new SweepDirectory(cluster).MissingPoints(new SweepDirectory(cluster).ReadPlan());
        var status = Circuitsim("sweep", "status", cluster);

        var resumed = Circuitsim("sweep", "resume", cluster);
        var (array2, merge2) = JobIds(resumed);
        WaitForQueue(array2, merge2);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Outcome(File.ReadAllText(Path.Combine(local, "results.csv")), File.ReadAllText(Path.Combine(cluster, "results.csv")),
            File.ReadAllText(Path.Combine(cluster, "summary.md")), mergeState, missing, status, resumed, seconds);
    }

    private static (string Array, string Merge) JobIds(string output)
    {
        var m = Regex.Match(output, @"submitted array (\d+) .* merge job (\d+)");
        if (!m.Success) throw new InvalidOperationException("no job ids in:\n" + output);
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    private static void Scontrol(string verb, string job)
    {
        var (program, args) = verb == "cancel" ? ("scancel", new[] { job }) : ("scontrol", new[] { verb, job });
        var (code, output) = LocalSlurm.Run(program, args, 30, null);
        if (code != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {output}");
    }

    /// <summary>Polls squeue every 0.5 s until the jobs have left the queue (sbatch --wait notices late).</summary>
    private static void WaitForQueue(params string[] jobs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (DateTime.UtcNow < deadline)
        {
            var (code, output) = LocalSlurm.Run("squeue", new[] { "-h", "-j", string.Join(',', jobs) }, 30, null);
            if (code != 0 || output.Trim().Length == 0) return;
            Thread.Sleep(500);
        }
        throw new TimeoutException($"jobs {string.Join(',', jobs)} still queued after 240 s");
    }

    public void Dispose()
    {
        Slurm.Dispose();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

public sealed class SlurmSweepTests(SlurmScenario scenario) : IClassFixture<SlurmScenario>
{
    private SlurmScenario.Outcome Outcome()
    {
        Skip.If(scenario.Slurm.SkipReason is not null, scenario.Slurm.SkipReason);
        return scenario.Result;
    }

    [SkippableFact]
    public void SlurmSweep_MergedTableEqualsTheLocalRunsBytes()
    {
        var o = Outcome();
        Assert.Equal(65, o.SlurmCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(o.LocalCsv, o.SlurmCsv);
    }

    [SkippableFact]
    public void SlurmSweep_CancelledTaskCancelsTheMergeAndLeavesOnlyItsPointsMissing()
    {
        var o = Outcome();
        Assert.Equal("CANCELLED", o.MergeStateAfterKill);
        Assert.Equal(Enumerable.Range(32, 16), o.MissingAfterKill);
        Assert.Contains("16 without a result (32-47)", o.StatusAfterKill);
    }

    [SkippableFact]
    public void SlurmSweep_ResumeResubmitsOnlyTheMissingPoints()
    {
        var o = Outcome();
        Assert.Contains("1 tasks × ≤16 points, 16 points", o.ResumeOutput);
        Assert.DoesNotContain(",missing,", o.SlurmCsv);
    }

    [SkippableFact]
    public void SlurmSweep_ReportsTheFailingPointWithItsError()
    {
        var o = Outcome();
        var row = o.SlurmCsv.Split('\n').Single(l => l.StartsWith("16,17,"));
        Assert.Contains(",failed,", row);
        Assert.Contains("resistance cannot be 0", row);
        Assert.Contains("| 16 | DC transfer characteristic: R4: resistance cannot be 0", o.SlurmSummary);
    }
}
