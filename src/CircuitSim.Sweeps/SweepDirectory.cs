using System.Globalization;
using System.Text.Json;
using CircuitSim.Core.Files;
using CircuitSim.Output;

namespace CircuitSim.Sweeps;

/// <summary>
/// A sweep on disk: <c>plan.json</c>, one <c>points/NNNNNN.json</c> per finished point (written under a temporary name
/// and renamed, so a killed worker leaves either a whole result or none), the merged tables and charts, and
/// <c>slurm/</c> for scripts, logs and submissions.
/// </summary>
public sealed class SweepDirectory
{
    public SweepDirectory(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new SweepException("the sweep directory is an empty name");
        try
        {
            Path = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new SweepException($"cannot use '{path}' as a sweep directory: {e.Message}");
        }
    }

    /// <summary>Largest plan, result or submission file read, bytes (a plan of a million points fits).</summary>
    public const long MaxJsonBytes = 1L << 30;

    /// <summary>A JSON file of the directory: a regular file of bounded size only (a plan.json that is a link to
    /// /dev/zero or a pipe is refused instead of read forever).</summary>
    private static string ReadJson(string path, string what)
    {
        try
        {
            return InputFile.ReadAllText(path, what, MaxJsonBytes);
        }
        catch (InputFileException e)
        {
            throw new SweepException(e.Message);
        }
    }

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
            plan = JsonSerializer.Deserialize(ReadJson(PlanPath, "sweep plan"), SweepJson.Default.SweepPlan);
        }
        catch (JsonException e)
        {
            throw new SweepException($"{PlanPath} is not a sweep plan: {e.Message}");
        }
        if (plan is null || plan.Format != SweepPlan.CurrentFormat)
            throw new SweepException($"{PlanPath}: format '{plan?.Format}' is not {SweepPlan.CurrentFormat}");
        if (Inconsistency(plan) is { } why) throw new SweepException($"{PlanPath} is not a sweep plan: {why}; plan again");
        return plan;
    }

    /// <summary>What makes a parsed plan unusable (a null list or name, points out of order), or null. JSON's
    /// required members may still be null, and the executors index points by their number.</summary>
    private static string? Inconsistency(SweepPlan plan)
    {
        if (plan.Netlist is null || plan.NetlistSha256 is null) return "no netlist or netlist hash";
        if (plan.Parameters is null || plan.Measures is null || plan.Vectors is null || plan.Limits is null || plan.Points is null)
            return "a list (parameters, measures, vectors, limits or points) is null";
        if (plan.Parameters.Any(x => x is null) || plan.Measures.Any(x => x is null) || plan.Vectors.Any(x => x is null) || plan.Limits.Any(x => x?.Name is null))
            return "a name in a list is null";
        for (var i = 0; i < plan.Points.Count; i++)
        {
            var point = plan.Points[i];
            if (point is null || point.Parameters is null) return $"point {i} is null or has no parameters";
            if (point.Index != i) return $"point {i} has the index {point.Index}";
        }
        return null;
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
            return JsonSerializer.Deserialize(ReadJson(path, "point result"), SweepJson.Default.PointResult);
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
            ? JsonSerializer.Deserialize(ReadJson(SubmissionsPath, "Slurm submissions file"), SweepJson.Default.ListSlurmSubmissionRecord) ?? new()
            : new();

    public void WriteSubmissions(List<SlurmSubmissionRecord> submissions)
    {
        Directory.CreateDirectory(SlurmPath);
        AtomicFile.WriteAllText(SubmissionsPath, JsonSerializer.Serialize(submissions, SweepJson.Default.ListSlurmSubmissionRecord));
    }
}
