namespace CircuitSim.Sweeps.Clusters;

/// <summary>What Slurm still holds of a sweep's submissions (<c>squeue</c>; nothing once the jobs have left the queue).</summary>
public static class SlurmQueue
{
    /// <summary>Lines "JOBID STATE" of the submissions' jobs still queued or running; empty when none or when squeue is
    /// not available (then <paramref name="problem"/> says so).</summary>
    public static List<string> Live(IEnumerable<SlurmSubmissionRecord> submissions, out string? problem, string squeue = "squeue")
    {
        problem = null;
        var ids = submissions.SelectMany(s => new[] { s.ArrayJob, s.MergeJob }).Where(id => id.All(char.IsAsciiDigit)).ToList();
        if (ids.Count == 0) return new();
        try
        {
            var (code, stdout, stderr) = SlurmSubmitter.Run(squeue, "-h", "-o", "%i %T %r", "-j", string.Join(',', ids));
            if (code != 0)
            {
                // squeue rejects ids it no longer knows when all of them have left the queue
                if (stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)) return new();
                problem = $"squeue failed (exit {code}): {stderr.Trim()}";
                return new();
            }
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }
        catch (SweepException e)
        {
            problem = e.Message;
            return new();
        }
    }
}
