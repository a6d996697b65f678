using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CircuitSim.Sweeps.Clusters;

/// <summary>How to submit a sweep to Slurm.</summary>
public sealed record SlurmOptions
{
    public string? Partition { get; init; }
    /// <summary>Time limit per array task (<c>sbatch --time</c>, e.g. <c>00:30:00</c>).</summary>
    public string? Time { get; init; }
    /// <summary>Points per array task (K): a scheduler starts a few tasks per second, so pack many short points.</summary>
    public int PerTask { get; init; } = 10;
    /// <summary>Most tasks in one array (Slurm's MaxArraySize defaults to 1001, so indices 0–1000).</summary>
    public int MaxArraySize { get; init; } = 1001;
    /// <summary>The circuitsim command the job scripts call (quoted as needed), e.g. <c>/opt/circuitsim/circuitsim</c>.</summary>
    public required string Command { get; init; }
    /// <summary>The sbatch program.</summary>
    public string Sbatch { get; init; } = "sbatch";
    /// <summary>Submit the array held (<c>sbatch --hold</c>); it starts on <c>scontrol release JOB</c>.</summary>
    public bool Hold { get; init; }
    /// <summary>Extra sbatch lines (<c>--account=…</c>, <c>--mem=…</c>).</summary>
    public IReadOnlyList<string> Extra { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Submits the points of a sweep that have no result as one <c>sbatch --array</c> job (K points per task) and a merge
/// job that runs after the whole array succeeded (<c>--dependency=afterok:ARRAY --kill-on-invalid-dep=yes</c>, so a
/// dead task cancels the merge instead of leaving it pending forever). The scripts are kept under <c>slurm/</c> to read
/// or resubmit by hand; each array task runs <c>circuitsim sweep run-points DIR --points a-b</c>.
/// </summary>
public sealed class SlurmSubmitter(SweepDirectory directory, SlurmOptions options)
{
    /// <summary>Writes the scripts (and, unless <paramref name="dryRun"/>, submits them); null when every point has a result.</summary>
    /// <exception cref="SweepException">sbatch failed or is missing.</exception>
    public SlurmSubmissionRecord? Submit(bool dryRun = false)
    {
        var plan = directory.ReadPlan();
        var missing = directory.MissingPoints(plan);
        if (missing.Count == 0) return null;
        if (options.PerTask < 1) throw new SweepException($"--per-task must be at least 1, not {options.PerTask}");
        var perTask = Math.Max(options.PerTask, (missing.Count + options.MaxArraySize - 1) / options.MaxArraySize);
        var chunks = PointSelection.Chunks(missing, perTask);
        var submissions = directory.ReadSubmissions();
        var number = submissions.Count + 1;
        Directory.CreateDirectory(Path.Combine(directory.SlurmPath, "logs"));
        var arrayScript = Path.Combine(directory.SlurmPath, $"array-{number}.sh");
        var mergeScript = Path.Combine(directory.SlurmPath, $"merge-{number}.sh");
        Output.AtomicFile.WriteAllText(arrayScript, ArrayScript(number, chunks));
        Output.AtomicFile.WriteAllText(mergeScript, MergeScript(number));
        if (dryRun)
            return Record(number, "(dry run)", "(dry run)", missing.Count, chunks.Count, perTask, arrayScript);
        var array = options.Hold ? Sbatch("--hold", arrayScript) : Sbatch(arrayScript);
        var merge = Sbatch("--dependency=afterok:" + array, "--kill-on-invalid-dep=yes", mergeScript);
        var record = Record(number, array, merge, missing.Count, chunks.Count, perTask, arrayScript);
        submissions.Add(record);
        directory.WriteSubmissions(submissions);
        return record;
    }

    private SlurmSubmissionRecord Record(int number, string array, string merge, int points, int tasks, int perTask, string script) => new()
    {
        Number = number, ArrayJob = array, MergeJob = merge, Points = points, Tasks = tasks, PerTask = perTask,
        Partition = options.Partition, Time = options.Time, Command = options.Command, Script = script,
    };

    private string Header(string name, string output)
    {
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name={name}\n#SBATCH --output={output}\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n");
        if (options.Partition is { } p) sb.Append($"#SBATCH --partition={p}\n");
        if (options.Time is { } t) sb.Append($"#SBATCH --time={t}\n");
        foreach (var e in options.Extra) sb.Append($"#SBATCH {e}\n");
        return sb.ToString();
    }

    internal string ArrayScript(int number, IReadOnlyList<string> chunks)
    {
        var logs = Path.Combine(directory.SlurmPath, "logs");
        var sb = new StringBuilder(Header($"circuitsim-sweep-{number}", Path.Combine(logs, $"array-{number}_%A_%a.out")));
        sb.Append($"#SBATCH --array=0-{chunks.Count - 1}\n");
        sb.Append("# written by circuitsim sweep submit: each task runs its chunk of points; results land in points/ as each point ends\n");
        sb.Append("set -euo pipefail\nCHUNKS=(\n");
        foreach (var c in chunks) sb.Append($"  \"{c}\"\n");
        sb.Append(")\n");
        sb.Append($"exec {options.Command} sweep run-points {Shell(directory.Path)} --points \"${{CHUNKS[$SLURM_ARRAY_TASK_ID]}}\" -j 1 --executor \"slurm:${{SLURM_ARRAY_JOB_ID}}_${{SLURM_ARRAY_TASK_ID}}\"\n");
        return sb.ToString();
    }

    private string MergeScript(int number)
    {
        var sb = new StringBuilder(Header($"circuitsim-merge-{number}", Path.Combine(directory.SlurmPath, "logs", $"merge-{number}_%j.out")));
        sb.Append("set -euo pipefail\n");
        sb.Append($"exec {options.Command} sweep merge {Shell(directory.Path)}\n");
        return sb.ToString();
    }

    /// <summary>Runs sbatch --parsable; returns the job id (without a cluster name).</summary>
    private string Sbatch(params string[] args)
    {
        var (code, stdout, stderr) = Run(options.Sbatch, new[] { "--parsable" }.Concat(args).ToArray());
        if (code != 0)
            throw new SweepException($"{options.Sbatch} {string.Join(' ', args)} failed (exit {code}): {stderr.Trim()}");
        var id = stdout.Trim().Split(';')[0];
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new SweepException($"{options.Sbatch} answered '{stdout.Trim()}', not a job id");
        return id;
    }

    /// <summary>Runs a program and collects its output.</summary>
    /// <exception cref="SweepException">It cannot be started.</exception>
    internal static (int Code, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SweepException($"cannot run {program}: {e.Message} (is Slurm installed and on PATH?)");
        }
    }

    /// <summary>Single-quotes a path for bash when it needs it.</summary>
    public static string Shell(string s) =>
        s.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=') ? s : "'" + s.Replace("'", "'\\''") + "'";
}
