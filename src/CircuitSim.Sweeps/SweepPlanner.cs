using System.Security.Cryptography;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Sweeps;

/// <summary>What to plan beyond the netlist's own <c>.step</c>, <c>.temp</c> and <c>.options seed=</c>.</summary>
public sealed record PlanRequest
{
    /// <summary>Monte Carlo runs 1…N (<c>--runs N</c>, as <c>.step param run 1 N 1</c>); null: the netlist's.</summary>
    public int? Runs { get; init; }
    /// <summary>Seed of the statistical functions (<c>--seed</c>); null: the netlist's.</summary>
    public ulong? Seed { get; init; }
    public IReadOnlyList<string> Vectors { get; init; } = Array.Empty<string>();
    public IReadOnlyList<MeasureLimit> Limits { get; init; } = Array.Empty<MeasureLimit>();
}

/// <summary>
/// Lists the points of a sweep: Monte Carlo runs × <c>.step</c> values × <c>.temp</c> temperatures, runs outermost,
/// temperatures innermost. <c>.step param run 1 N 1</c> (or <c>--runs N</c>) gives the runs; <c>.step temp …</c> the
/// temperatures.
/// </summary>
public static class SweepPlanner
{
    /// <summary>Most points in one plan: checked before any point is made. A million points' plan.json is about 150 MB,
    /// well inside the 1 GiB every sweep file is read up to (<see cref="SweepDirectory.MaxJsonBytes"/>).</summary>
    public const long MaxPoints = 1_000_000;

    /// <exception cref="SweepException">The request contradicts the netlist.</exception>
    public static SweepPlan Plan(Netlist.Netlist netlist, string netlistPath, PlanRequest request)
    {
        var step = netlist.Step;
        var stepIsRun = step is not null && step.Parameter.Equals(NetlistReader.MonteCarloRun, StringComparison.OrdinalIgnoreCase);
        var stepIsTemp = step is not null && step.Parameter.Equals("temp", StringComparison.OrdinalIgnoreCase);
        if (request.Runs is { } n && n < 1) throw new SweepException($"--runs must be at least 1, not {n}");
        if (request.Runs is not null && stepIsRun)
            throw new SweepException("the netlist already has .step param run; drop --runs or the .step line");
        if (stepIsTemp && netlist.Temperatures.Count > 1)
            throw new SweepException(".step temp and a .temp list both give temperatures; keep one");

        var stepCount = step is null ? 1L : step.Values.Count;
        long runCount = request.Runs ?? (stepIsRun ? stepCount : 1), valueCount = step is not null && !stepIsRun && !stepIsTemp ? stepCount : 1,
            temperatureCount = stepIsTemp ? stepCount : Math.Max(1, netlist.Temperatures.Count);
        if ((double)runCount * valueCount * temperatureCount > MaxPoints)
            throw new SweepException($"the sweep would have {(double)runCount * valueCount * temperatureCount:G4} points ({runCount} run(s) × {valueCount} value(s) × {temperatureCount} temperature(s)); "
                + $"at most {MaxPoints:N0} points per sweep: split it into several sweep directories (e.g. --runs with a different --seed each)");

        IReadOnlyList<double?> runs = request.Runs is { } count ? Enumerable.Range(1, count).Select(r => (double?)r).ToList()
            : stepIsRun ? step!.Values.Select(v => (double?)v).ToList()
            : new double?[] { null };
        IReadOnlyList<double?> values = step is not null && !stepIsRun && !stepIsTemp ? step.Values.Select(v => (double?)v).ToList() : new double?[] { null };
        IReadOnlyList<double?> temperatures = stepIsTemp ? step!.Values.Select(v => (double?)v).ToList()
            : netlist.Temperatures.Count > 1 ? netlist.Temperatures.Select(v => (double?)v).ToList()
            : new double?[] { null };

        var parameters = new List<string>();
        if (runs[0] is not null) parameters.Add(NetlistReader.MonteCarloRun);
        if (values[0] is not null) parameters.Add(step!.Parameter.ToLowerInvariant());
        var seed = request.Seed ?? netlist.Seed;
        var points = new List<SweepPoint>();
        foreach (var run in runs)
            foreach (var value in values)
                foreach (var temperature in temperatures)
                {
                    var p = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                    if (run is { } r) p[NetlistReader.MonteCarloRun] = r;
                    if (value is { } v) p[parameters[^1]] = v;
                    points.Add(new SweepPoint { Index = points.Count, Run = run is { } k ? (long)k : null, Seed = seed, Temperature = temperature, Parameters = p });
                }

        var measures = netlist.Measures.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var vectors = request.Vectors.Select(v => v.ToLowerInvariant()).Distinct().ToList();
        foreach (var limit in request.Limits)
            if (!measures.Contains(limit.Name, StringComparer.OrdinalIgnoreCase) && !vectors.Contains(limit.Name, StringComparer.OrdinalIgnoreCase))
                throw new SweepException($"--limit {limit.Name}: no .meas or --vector of that name (measures: {(measures.Count == 0 ? "none" : string.Join(", ", measures))})");
        return new SweepPlan
        {
            Netlist = Path.GetFullPath(netlistPath),
            NetlistSha256 = Sha256Of(netlistPath),
            Seed = seed,
            Parameters = parameters,
            Measures = measures,
            Vectors = vectors,
            Limits = request.Limits.ToList(),
            Points = points,
        };
    }

    public static string Sha256Of(string path)
    {
        // a regular file of bounded size only: a plan may name /dev/zero
        return Convert.ToHexStringLower(SHA256.HashData(CircuitSim.Core.Files.InputFile.ReadAllBytes(path, "netlist")));
    }

    /// <summary>Parses <c>name=min:max</c> (either side may be empty).</summary>
    /// <exception cref="SweepException">Not of that form.</exception>
    public static MeasureLimit ParseLimit(string text)
    {
        var eq = text.IndexOf('=');
        var colon = text.IndexOf(':', Math.Max(eq, 0));
        if (eq <= 0 || colon < 0) throw new SweepException($"--limit '{text}': expected name=min:max (e.g. err=:0.05 or vout=1.1:1.3)");
        double? Bound(string s)
        {
            if (s.Length == 0) return null;
            return Core.Expressions.EngineeringNumber.TryParse(s, out var v) ? v : throw new SweepException($"--limit '{text}': '{s}' is not a number");
        }
        return new MeasureLimit(text[..eq].Trim().ToLowerInvariant(), Bound(text[(eq + 1)..colon].Trim()), Bound(text[(colon + 1)..].Trim()));
    }
}

/// <summary>A sweep request or sweep directory that cannot be used; the message says why and what to do.</summary>
public sealed class SweepException(string message) : Exception(message);
