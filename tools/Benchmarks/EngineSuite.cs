using System.Globalization;
using System.Text.RegularExpressions;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>A value both simulators' waveforms are checked on, with ngspice 39's value from the bench README.</summary>
internal sealed record Check(string Quantity, Func<Waveforms, double?> Evaluate, double ReadmeValue, string Unit);

/// <summary>
/// Suite <c>engine</c> (the "circuit engine" acceptance): the SpiceSharp comparison circuits, timed in-process against
/// ngspice 39's own analysis time, with the values the bench README lists checked on our waveforms.
/// </summary>
internal static partial class EngineSuite
{
    public static readonly string[] CaseIds = { "rc_ladder_1000", "rc_ladder_10000", "inv_chain_50", "crossbar_32x32", "crossbar_32x32_op1" };

    /// <summary>The values to match (ngspice 39, from shared/bench/README.md).</summary>
    private static IReadOnlyList<Check> Checks(string id) => id switch
    {
        "rc_ladder_1000" or "rc_ladder_10000" => new[]
        {
            new Check("v(n1) @ 250 ns", w => w.At("v(n1)", 250e-9), 0.9642908, "V"),
            new Check("v(n1) @ 1 µs", w => w.At("v(n1)", 1e-6), 7.421366e-3, "V"),
            new Check("v(n10) @ 1 µs", w => w.At("v(n10)", 1e-6), 7.155523e-2, "V"),
            new Check("v(n50) @ 1 µs", w => w.At("v(n50)", 1e-6), 0.1501072, "V"),
        },
        "inv_chain_50" => new[]
        {
            new Check("first 0.9 V crossing of v(n1)", w => w.FirstCrossing("v(n1)", 0.9), 1.07982e-9, "s"),
            new Check("first 0.9 V crossing of v(n50)", w => w.FirstCrossing("v(n50)", 0.9), 2.16004e-9, "s"),
        },
        "crossbar_32x32" or "crossbar_32x32_op1" => new[]
        {
            // the sense resistors are 1 Ω to ground: I(sense j) = v(csj) / 1 Ω
            new Check("I(sense 0) = v(cs0)/1 Ω", w => w.At("v(cs0)", 0) / 1.0, 9.100220e-5, "A"),
            new Check("I(sense 31) = v(cs31)/1 Ω", w => w.At("v(cs31)", 0) / 1.0, 8.6689478e-6, "A"),
        },
        _ => Array.Empty<Check>(),
    };

    private static TimedCase Case(Workspace ws, string id) => id switch
    {
        "rc_ladder_1000" => new TimedCase(id, "1000 × (R 1k, C 1p), `.tran 1n 1u 0 1n`", Path.Combine(ws.SpiceSharpCases, "rc_ladder_1000.cir")),
        "rc_ladder_10000" => new TimedCase(id, "the same ladder with 10 000 sections",
            WriteLadder(Path.Combine(ws.SpiceSharpCases, "rc_ladder_1000.cir"), 10_000, ws.SubDir("generated"))),
        "inv_chain_50" => new TimedCase(id, "50 CMOS inverters, MOS1, `.tran 10p 50n 0 10p`", Path.Combine(ws.SpiceSharpCases, "inv_chain_50.cir")),
        "crossbar_32x32" => new TimedCase(id, "32×32 resistive crossbar, `.op` ×100", Path.Combine(ws.SpiceSharpCases, "crossbar_32x32.cir"), OpRepeat: 100),
        "crossbar_32x32_op1" => new TimedCase(id, "the same crossbar, one `.op`", Path.Combine(ws.SpiceSharpCases, "crossbar_32x32.cir")),
        _ => throw new ArgumentException($"unknown engine case {id}"),
    };

    [GeneratedRegex(@"^R(\d+)\s+n(\d+)\s+n(\d+)\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ResistorLine();

    [GeneratedRegex(@"^C(\d+)\s+n(\d+)\s+0\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CapacitorLine();

    /// <summary>
    /// The RC ladder with <paramref name="sections"/> sections, made from the 1000-section netlist: every other line
    /// kept as it is (source, .tran, .options, .save, .meas), the R/C section lines replaced by the same pattern
    /// (R<i>i</i> n<i>i−1</i> n<i>i</i> 1k, C<i>i</i> n<i>i</i> 0 1p) continued to the new count.
    /// </summary>
    /// <exception cref="InvalidDataException">The source ladder does not follow the pattern.</exception>
    public static string WriteLadder(string source, int sections, string directory)
    {
        var lines = File.ReadAllLines(source);
        var output = new List<string>();
        string? r = null, c = null;
        var expected = 1;
        var inserted = false;
        foreach (var line in lines)
        {
            var mr = ResistorLine().Match(line);
            var mc = CapacitorLine().Match(line);
            if (mr.Success || mc.Success)
            {
                if (mr.Success)
                {
                    var i = int.Parse(mr.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (i != expected || int.Parse(mr.Groups[2].Value, CultureInfo.InvariantCulture) != i - 1 ||
                        int.Parse(mr.Groups[3].Value, CultureInfo.InvariantCulture) != i || (r is not null && r != mr.Groups[4].Value))
                        throw new InvalidDataException($"{source}: '{line}' breaks the ladder pattern");
                    r = mr.Groups[4].Value;
                }
                else
                {
                    var i = int.Parse(mc.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (i != expected || int.Parse(mc.Groups[2].Value, CultureInfo.InvariantCulture) != i || (c is not null && c != mc.Groups[3].Value))
                        throw new InvalidDataException($"{source}: '{line}' breaks the ladder pattern");
                    c = mc.Groups[3].Value;
                    expected++;
                }
                if (!inserted)
                {
                    output.Add("<<sections>>");
                    inserted = true;
                }
                continue;
            }
            output.Add(line);
        }
        if (r is null || c is null || expected - 1 != 1000)
            throw new InvalidDataException($"{source}: expected 1000 R/C sections, found {expected - 1}");
        output[0] = Regex.Replace(output[0], @"N\s*=\s*\d+", $"N={sections}");
        var body = new List<string>(2 * sections);
        for (var i = 1; i <= sections; i++)
        {
            body.Add($"R{i} n{i - 1} n{i} {r}");
            body.Add($"C{i} n{i} 0 {c}");
        }
        var at = output.IndexOf("<<sections>>");
        output.RemoveAt(at);
        output.InsertRange(at, body);
        var path = Path.Combine(directory, $"rc_ladder_{sections}.cir");
        File.WriteAllLines(path, output);
        return path;
    }

    public static void Run(Workspace ws, Ngspice ngspice, IReadOnlyList<string> ids, string machine)
    {
        var reps = ws.Options.Reps;
        var report = new Report(ws, "engine", "circuit engine (SpiceSharp comparison cases)", machine,
            $"Suite `engine`: {reps} timed repetitions per case. " + Tables.TimingNote);
        var measurement = new Measurement(ws, ngspice);
        var results = new List<CaseResult>();
        var accuracy = new List<(CaseResult Result, Check Check, double? Ours, double? Ng)>();
        foreach (var id in ids)
        {
            var c = Case(ws, id);
            var r = measurement.Run(c, reps, budgetSeconds: null);
            results.Add(r);
            foreach (var check in Checks(id))
                accuracy.Add((r, check, Evaluate(check, r.OurData), Evaluate(check, r.NgData)));
        }

        var summary = new MarkdownTable(Tables.TimingHeaders.Append("worst |rel diff| vs ngspice 39>").ToArray());
        foreach (var r in results)
        {
            var worst = accuracy.Where(a => a.Result == r && a.Ours is not null).Select(a => Math.Abs(a.Ours!.Value / a.Check.ReadmeValue - 1)).DefaultIfEmpty(double.NaN).Max();
            summary.Add(Tables.TimingCells(r).Append(Fmt.Rel(worst).TrimStart('+')).ToArray());
        }
        report.Add("Timing", summary,
            "crossbar_32x32 ×100: CircuitSim runs 100 fresh operating-point simulations per repetition; ngspice runs one deck with " +
            "100 `.op` lines per repetition (ngspice accepts several analysis lines and runs each in turn: one circuit setup, then " +
            "100 operating points, each re-ordering the matrix); its *Total analysis time* is the sum over the 100. Iterations " +
            "are per repetition (all 100 OPs). crossbar_32x32_op1: one fresh operating point each (ngspice's *Total analysis " +
            "time* of a single `.op` includes its circuit setup, as ours does).");

        var acc = new MarkdownTable("case", "quantity", "CircuitSim>", "ngspice 39 (README)>", "rel diff>", "ngspice 39 (this run)>", "rel diff>");
        foreach (var (r, check, ours, ng) in accuracy)
        {
            acc.Add(r.Case.Id, check.Quantity, Value(ours, check.Unit), Value(check.ReadmeValue, check.Unit),
                ours is { } o ? Fmt.Rel(o / check.ReadmeValue - 1) : "–", Value(ng, check.Unit),
                ours is { } o2 && ng is { } n ? Fmt.Rel(o2 / n - 1) : "–");
        }
        report.Add("Accuracy", acc,
            "Our values from our waveforms (the cold run) with linear interpolation between time points; crossings are the first " +
            "crossing of 0.9 V in either direction. *ngspice 39 (README)*: the values listed in shared/bench/README.md " +
            "(for the 10 000-section ladder they are the 1000-section values: the front of the ladder cannot see its far end " +
            "within 1 µs). *ngspice 39 (this run)*: the same quantities from the raw file of the reference ngspice run, " +
            "interpolated the same way.");

        report.Add("Where the time goes", Tables.Breakdown(results), Tables.BreakdownNote);
        report.Add(SamplesSection(results));
        report.Finish();
    }

    private static double? Evaluate(Check check, Waveforms? w)
    {
        if (w is null) return null;
        try { return check.Evaluate(w); }
        catch (KeyNotFoundException) { return null; }
    }

    private static string Value(double? v, string unit) => v is { } x ? $"{Fmt.G(x, 7)} {unit}" : "–";

    /// <summary>Every timing sample, for whoever wants more than the median.</summary>
    public static string SamplesSection(IEnumerable<CaseResult> results)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("## Raw samples (s)");
        sb.AppendLine();
        foreach (var r in results)
        {
            sb.AppendLine($"- {r.Case.Id}: CircuitSim CPU (wall) cold {Fmt.G(r.OurCold?.CpuSeconds ?? double.NaN, 4)} ({Fmt.G(r.OurCold?.Seconds ?? double.NaN, 4)}), timed " +
                          $"[{string.Join(", ", r.Ours.Select(o => $"{Fmt.G(o.CpuSeconds, 4)} ({Fmt.G(o.Seconds, 4)})" + (o.Ok ? "" : "!")))}] " +
                          $"(reading the netlist: {Fmt.G(r.ReadSeconds, 3)} wall); ngspice CPU (wall) reference " +
                          $"{Fmt.G(r.NgReference?.AnalysisSeconds(r.Transient) ?? double.NaN, 4)} ({Fmt.G(r.NgReference?.WallSeconds ?? double.NaN, 4)} whole process), timed " +
                          $"[{string.Join(", ", r.Ng.Select(n => $"{Fmt.G(n.AnalysisSeconds(r.Transient) ?? double.NaN, 4)} ({Fmt.G(n.WallSeconds, 3)})"))}]");
        }
        return sb.ToString();
    }
}
