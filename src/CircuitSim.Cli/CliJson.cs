using System.Text.Json.Serialization;

namespace CircuitSim.Cli;

/// <summary>One line of <c>base.meas.json</c>.</summary>
internal sealed record MeasureRecord(string Name, string? Step, double? Value, string? Failure);

/// <summary>The JSON the CLI writes, serialized by source-generated code (no reflection: the CLI is native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<MeasureRecord>))]
internal sealed partial class MeasuresJson : JsonSerializerContext;
