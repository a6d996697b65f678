using System.Text.Json.Serialization;

namespace CircuitSim.Cli;

/// <summary>One line of <c>base.meas.json</c>.</summary>
internal sealed record MeasureRecord(string Name, string? Step, double? Value, string? Failure);

/// <summary>The JSON the CLI writes, serialized by source-generated code (no reflection: the CLI is native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<MeasureRecord>))]
internal sealed partial class MeasuresJson : JsonSerializerContext;

/// <summary><c>base.amm.json</c>: the loop summaries with their C# property names; NaN areas as "NaN".</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(List<AmmLoopSummary>))]
internal sealed partial class AmmJson : JsonSerializerContext;
