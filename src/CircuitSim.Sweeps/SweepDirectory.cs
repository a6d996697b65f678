using System.Globalization;
using System.Text.Json;
using CircuitSim.Output;

namespace CircuitSim.Sweeps;

/// <summary>
/// A sweep on disk: <c>plan.json</c>, one <c>points/NNNNNN.json</c> per finished point (written under a temporary name
/// and renamed, so a killed worker leaves either a whole result or none), the merged tables and charts, and
/// <c>slurm/</c> for scripts, logs and submissions.
/// </summary>
public sealed class SweepDirectory
{
    public SweepDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }
    public string PlanPath => System.IO.Path.Combine(Path, "plan.json");
    public string PointsPath => System.IO.Path.Combine(Path, "points");
    public string SlurmPath => System.IO.Path.Combine(Path, "slurm");
    public string SubmissionsPath => System.IO.Path.Combine(SlurmPath, "submissions.json");

    public string ResultPath(int index) => System.IO.Path.Combine(PointsPath, index.ToString("D6", CultureInfo.InvariantCulture) + ".json");

    /// <summary>Writes the plan; refuses to replace one that already has results.</summary>
    public void WritePlan(SweepPlan plan, bool replace = false)
    {
        if (File.Exists(PlanPath) && !replace && CompletedPoints().Count > 0)
            throw new SweepException($"{Path} already holds a sweep with results; use another directory, or 'circuitsim sweep resume {Path}'");
        Directory.CreateDirectory(Path);
        if (Directory.Exists(PointsPath))
            foreach (var f in Directory.EnumerateFiles(PointsPath, "*.json")) File.Delete(f);
        AtomicFile.WriteAllText(PlanPath, JsonSerializer.Serialize(plan, SweepJson.Default.SweepPlan));
    }

    /// <exception cref="SweepException">No plan, or not one this version reads.</exception>
    public SweepPlan ReadPlan()
    {
        if (!File.Exists(PlanPath)) throw new SweepException($"no sweep plan in {Path} (expected {PlanPath}; make one with 'circuitsim sweep plan NETLIST -o {Path}')");
        SweepPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize(File.ReadAllText(PlanPath), SweepJson.Default.SweepPlan);
        }
        catch (JsonException e)
        {
            throw new SweepException($"{PlanPath} is not a sweep plan: {e.Message}");
        }
        if (plan is null || plan.Format != SweepPlan.CurrentFormat)
            throw new SweepException($"{PlanPath}: format '{plan?.Format}' is not {SweepPlan.CurrentFormat}");
        return plan;
    }

    /// <summary>Writes one point's result atomically.</summary>
    public void WriteResult(PointResult result)
    {
        Directory.CreateDirectory(PointsPath);
        AtomicFile.WriteAllText(ResultPath(result.Index), JsonSerializer.Serialize(result, SweepJson.Default.PointResult));
    }

    /// <summary>The result of a point, or null when it has none (yet).</summary>
    public PointResult? ReadResult(int index)
    {
        var path = ResultPath(index);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), SweepJson.Default.PointResult);
        }
        catch (JsonException e)
        {
            throw new SweepException($"{path} is not a point result ({e.Message}); delete it and resume to recompute the point");
        }
    }

    /// <summary>Indices of the points that have a result file.</summary>
    public SortedSet<int> CompletedPoints()
    {
        var done = new SortedSet<int>();
        if (!Directory.Exists(PointsPath)) return done;
        foreach (var f in Directory.EnumerateFiles(PointsPath, "*.json"))
            if (int.TryParse(System.IO.Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var i)) done.Add(i);
        return done;
    }

    /// <summary>Points of the plan without a result.</summary>
    public IReadOnlyList<int> MissingPoints(SweepPlan plan)
    {
        var done = CompletedPoints();
        return plan.Points.Select(p => p.Index).Where(i => !done.Contains(i)).ToList();
    }

    public List<SlurmSubmissionRecord> ReadSubmissions() =>
        File.Exists(SubmissionsPath)
            ? JsonSerializer.Deserialize(File.ReadAllText(SubmissionsPath), SweepJson.Default.ListSlurmSubmissionRecord) ?? new()
            : new();

    public void WriteSubmissions(List<SlurmSubmissionRecord> submissions)
    {
        Directory.CreateDirectory(SlurmPath);
        AtomicFile.WriteAllText(SubmissionsPath, JsonSerializer.Serialize(submissions, SweepJson.Default.ListSlurmSubmissionRecord));
    }
}
