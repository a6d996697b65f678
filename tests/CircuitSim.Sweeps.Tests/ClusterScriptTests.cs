using CircuitSim.Sweeps.Clusters;

namespace CircuitSim.Sweeps.Tests;

/// <summary>The Slurm scripts and sbatch calls, checked against a stand-in sbatch that records its arguments (the real
/// scheduler is exercised in CircuitSim.Sweeps.SlurmTests).</summary>
public class ClusterScriptTests
{
    /// <summary>A fake sbatch: appends its arguments to calls.txt and answers job ids 101, 102, …</summary>
    private static string FakeSbatch(string folder)
    {
        var path = Path.Combine(folder, "sbatch");
        File.WriteAllText(path, $"#!/bin/sh\necho \"$@\" >> {folder}/calls.txt\nn=$(wc -l < {folder}/calls.txt)\necho $((100 + n))\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [UnixFact]
    public void Submit_PacksKPointsPerArrayTaskAndMergesAfterTheWholeArray()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        var record = new SlurmSubmitter(f.Directory, new SlurmOptions { Command = "/opt/circuitsim", PerTask = 5, Sbatch = FakeSbatch(f.Root), Partition = "short", Time = "00:05:00" }).Submit()!;
        Assert.Equal(("101", "102", 3, 12), (record.ArrayJob, record.MergeJob, record.Tasks, record.Points));
        var calls = File.ReadAllLines(Path.Combine(f.Root, "calls.txt"));
        Assert.Equal($"--parsable {record.Script}", calls[0]);
        Assert.Equal($"--parsable --dependency=afterok:101 --kill-on-invalid-dep=yes {Path.Combine(f.Directory.SlurmPath, "merge-1.sh")}", calls[1]);
        var script = File.ReadAllText(record.Script);
        Assert.Contains("#SBATCH --array=0-2\n", script);
        Assert.Contains("#SBATCH --partition=short\n#SBATCH --time=00:05:00\n", script);
        Assert.Contains("  \"0-4\"\n  \"5-9\"\n  \"10-11\"\n", script);
        Assert.Contains($"exec /opt/circuitsim sweep run-points {f.Directory.Path} --points \"${{CHUNKS[$SLURM_ARRAY_TASK_ID]}}\"", script);
        Assert.Single(f.Directory.ReadSubmissions());
    }

    [Fact]
    public void Submit_RaisesKWhenTheArrayWouldPassMaxArraySize()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        var record = new SlurmSubmitter(f.Directory, new SlurmOptions { Command = "circuitsim", PerTask = 1, MaxArraySize = 5 }).Submit(dryRun: true)!;
        Assert.Equal((3, 4), (record.PerTask, record.Tasks)); // 12 points, at most 5 tasks: K = ⌈12/5⌉ = 3
    }

    [Fact]
    public void Submit_ResubmitsOnlyThePointsWithoutAResult()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        f.Run(points: Enumerable.Range(0, 12).Where(i => i is not (3 or 8 or 9)));
        var record = new SlurmSubmitter(f.Directory, new SlurmOptions { Command = "circuitsim", PerTask = 2 }).Submit(dryRun: true)!;
        Assert.Equal((3, 2), (record.Points, record.Tasks));
        Assert.Contains("  \"3,8\"\n  \"9\"\n", File.ReadAllText(record.Script));
    }

    [Fact]
    public void Submit_SubmitsNothingWhenEveryPointHasAResult()
    {
        using var f = new SweepFolder(SweepFolder.MonteCarlo);
        f.Run();
        Assert.Null(new SlurmSubmitter(f.Directory, new SlurmOptions { Command = "circuitsim", Sbatch = "/nonexistent/sbatch" }).Submit());
    }

    [Fact]
    public void KubernetesManifest_RunsShardIOfNFromTheCompletionIndex()
    {
        var yaml = IndexedJobManifest.Write(new KubernetesOptions { Image = "registry/circuitsim:1", Shards = 16, Parallelism = 4, Claim = "sweeps", SweepPath = "/data/mc" });
        Assert.Contains("completionMode: Indexed\n  completions: 16\n  parallelism: 4\n", yaml);
        Assert.Contains("sweep run-points /data/mc --shard \\\"$JOB_COMPLETION_INDEX/16\\\"", yaml);
        Assert.Contains("claimName: sweeps", yaml);
    }
}
