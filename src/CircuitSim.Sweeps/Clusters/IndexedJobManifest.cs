using System.Globalization;
using System.Text;

namespace CircuitSim.Sweeps.Clusters;

/// <summary>What the Kubernetes manifest needs.</summary>
public sealed record KubernetesOptions
{
    public required string Image { get; init; }
    /// <summary>Completions: the sweep is cut into this many shards, one per index.</summary>
    public required int Shards { get; init; }
    /// <summary>Pods at once.</summary>
    public int Parallelism { get; init; } = 10;
    public string Name { get; init; } = "circuitsim-sweep";
    /// <summary>PersistentVolumeClaim that holds the sweep directory (read-write by every pod).</summary>
    public required string Claim { get; init; }
    /// <summary>Where the claim is mounted in the pods.</summary>
    public string MountPath { get; init; } = "/data";
    /// <summary>The sweep directory as the pods see it (under <see cref="MountPath"/>).</summary>
    public required string SweepPath { get; init; }
    public string Command { get; init; } = "circuitsim";
    public string Cpu { get; init; } = "1";
    public string Memory { get; init; } = "1Gi";
}

/// <summary>
/// A Kubernetes Indexed Job for a sweep: index i (the controller sets <c>JOB_COMPLETION_INDEX</c>) runs
/// <c>circuitsim sweep run-points DIR --shard i/N</c>; points that already have a result are skipped, so a retried
/// index only computes what is missing. Merge after the Job completes: <c>kubectl wait --for=condition=complete
/// job/NAME</c>, then <c>circuitsim sweep merge DIR</c> (docs/sweeps.md).
/// </summary>
public static class IndexedJobManifest
{
    public static string Write(KubernetesOptions o)
    {
        if (o.Shards < 1) throw new SweepException($"--shards must be at least 1, not {o.Shards}");
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        var run = $"exec {o.Command} sweep run-points {SlurmSubmitter.Shell(o.SweepPath)} --shard \"$JOB_COMPLETION_INDEX/{I(o.Shards)}\" -j {o.Cpu} --executor \"k8s:$JOB_COMPLETION_INDEX\"";
        var sb = new StringBuilder();
        sb.Append("# written by circuitsim sweep k8s-manifest; apply with: kubectl apply -f FILE\n");
        sb.Append("apiVersion: batch/v1\nkind: Job\nmetadata:\n");
        sb.Append($"  name: {o.Name}\n");
        sb.Append("spec:\n  completionMode: Indexed\n");
        sb.Append($"  completions: {I(o.Shards)}\n  parallelism: {I(Math.Min(o.Parallelism, o.Shards))}\n");
        sb.Append("  backoffLimitPerIndex: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n");
        sb.Append("        - name: points\n");
        sb.Append($"          image: {o.Image}\n");
        sb.Append("          command: [\"/bin/sh\", \"-c\"]\n");
        sb.Append($"          args: [{Json(run)}]\n");
        sb.Append($"          resources:\n            requests: {{cpu: \"{o.Cpu}\", memory: \"{o.Memory}\"}}\n            limits: {{cpu: \"{o.Cpu}\", memory: \"{o.Memory}\"}}\n");
        sb.Append($"          volumeMounts:\n            - name: sweep\n              mountPath: {o.MountPath}\n");
        sb.Append($"      volumes:\n        - name: sweep\n          persistentVolumeClaim:\n            claimName: {o.Claim}\n");
        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar (JSON string syntax is valid YAML).</summary>
    private static string Json(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
