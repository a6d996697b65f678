using System.Text.Json.Serialization;

namespace CircuitSim.Sweeps;

/// <summary>
/// One simulation of a sweep: the global parameters it overrides (a <c>.step</c> value; <c>run</c> for a Monte Carlo
/// run, whose value is the run index of the random streams), its temperature and the seed of its statistical functions.
/// </summary>
public sealed record SweepPoint
{
    public required int Index { get; init; }
    /// <summary>The Monte Carlo run (the random streams' run index), null when the sweep has no runs.</summary>
    public long? Run { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>°C; null: the netlist's own temperature.</summary>
    public double? Temperature { get; init; }
    /// <summary>Global parameters set for this point, in the plan's column order (includes <c>run</c>).</summary>
    public required Dictionary<string, double> Parameters { get; init; }
}

/// <summary>A <c>.meas</c> (or vector) limit for the yield: a point passes when min ≤ value ≤ max.</summary>
public sealed record MeasureLimit(string Name, double? Min, double? Max);

/// <summary>
/// The list of points of a sweep, written once as <c>plan.json</c> in the sweep directory and read by every executor
/// (local cores, a Slurm array task, a Kubernetes index), so they all run the same simulations.
/// </summary>
public sealed record SweepPlan
{
    public const string CurrentFormat = "circuitsim-sweep-plan/1";

    public string Format { get; init; } = CurrentFormat;
    /// <summary>Absolute path of the netlist.</summary>
    public required string Netlist { get; init; }
    /// <summary>SHA-256 of the netlist file when planned: a changed netlist is refused, not silently mixed in.</summary>
    public required string NetlistSha256 { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>The swept global parameters, in column order.</summary>
    public required List<string> Parameters { get; init; }
    /// <summary>The netlist's .meas names, in order.</summary>
    public required List<string> Measures { get; init; }
    /// <summary>Vectors whose value (at the operating point, or the last point of a sweep or transient) each point keeps.</summary>
    public required List<string> Vectors { get; init; }
    public List<MeasureLimit> Limits { get; init; } = new();
    public required List<SweepPoint> Points { get; init; }
}

/// <summary>What one point produced; written atomically as <c>points/NNNNNN.json</c> when the point finishes.</summary>
public sealed record PointResult
{
    public required int Index { get; init; }
    /// <summary><see cref="PointStatus.Ok"/> or <see cref="PointStatus.Failed"/>.</summary>
    public required string Status { get; init; }
    /// <summary>Why the point failed, or the failures of single measurements ("name: why"); null when all went well.</summary>
    public string? Error { get; init; }
    /// <summary>Every .meas of the plan; null where it has no value.</summary>
    public required Dictionary<string, double?> Measures { get; init; }
    public required Dictionary<string, double?> Vectors { get; init; }
    public double WallSeconds { get; init; }
    public string Host { get; init; } = "";
    /// <summary>Where it ran: <c>local</c>, <c>slurm:JOB_TASK</c>, <c>shard 3/8</c>.</summary>
    public string Executor { get; init; } = "";
}

public static class PointStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    /// <summary>No result yet (in merged tables only).</summary>
    public const string Missing = "missing";
    /// <summary>Stopped by a signal before it ended: never stored, so the point stays missing and a resume runs it.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>One Slurm submission of a sweep (an array and its merge job), kept in <c>slurm/submissions.json</c>.</summary>
public sealed record SlurmSubmissionRecord
{
    public required int Number { get; init; }
    public required string ArrayJob { get; init; }
    public required string MergeJob { get; init; }
    public required int Points { get; init; }
    public required int Tasks { get; init; }
    public required int PerTask { get; init; }
    public string? Partition { get; init; }
    public string? Time { get; init; }
    public required string Command { get; init; }
    public required string Script { get; init; }
}

/// <summary>Source-generated JSON (no reflection: the CLI is published as native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SweepPlan))]
[JsonSerializable(typeof(PointResult))]
[JsonSerializable(typeof(List<SlurmSubmissionRecord>))]
[JsonSerializable(typeof(SweepSummary))]
internal sealed partial class SweepJson : JsonSerializerContext;
