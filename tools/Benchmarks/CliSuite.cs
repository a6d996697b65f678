namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Suite <c>cli</c>: wall time of a whole <c>circuitsim run</c> (Release CLI, CSV and raw output, <c>--quiet</c>) against
/// <c>ngspice -b -r file.raw</c>, process start to exit, on the SpiceSharp comparison netlists.
/// </summary>
internal static class CliSuite
{
    public static readonly string[] CaseIds = { "cli:rc_ladder_1000", "cli:inv_chain_50", "cli:crossbar_32x32" };

    private sealed class Row
    {
        public required string Id { get; init; }
        public ProcessResult? OurCold, NgCold;
        public readonly List<ProcessResult> Ours = new(), Ng = new();
        public long OutputBytes;
    }

    public static void Run(Workspace ws, Ngspice ngspice, IReadOnlyList<string> ids, string machine)
    {
        var o = ws.Options;
        if (!o.NoBuild)
        {
            Measurement.Progress("building the CLI in Release (dotnet build -c Release src/CircuitSim.Cli)");
            var build = ProcessRunner.Run(o.Dotnet, new[] { "build", "-c", "Release", "-nologo", "-v", "q",
                Path.Combine(ws.RepoRoot, "src", "CircuitSim.Cli", "CircuitSim.Cli.csproj") }, ws.RepoRoot, 900);
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine(build.Output);
                throw new InvalidOperationException("building the CLI failed");
            }
        }
        if (!File.Exists(ws.CliDll)) throw new InvalidOperationException($"{ws.CliDll} does not exist: build the CLI in Release");

        var report = new Report(ws, "cli", "whole-process wall time (CLI)", machine,
            $"Suite `cli`: {o.Reps} timed repetitions per case after one cold run of each. *CircuitSim*: " +
            $"`dotnet circuitsim.dll run file.cir -o <temp dir> --quiet` (Release build; writes the raw file and the CSV, evaluates " +
            ".meas): .NET start-up, JIT, reading, simulating and writing are all in. *ngspice*: `ngspice -b -r <temp>.raw file.cir` " +
            "(the netlist unchanged; ngspice skips .meas in batch mode with a raw file). Wall time from process start to exit. " +
            "Ratio = ngspice median / CircuitSim median (> 1: CircuitSim faster).");
        var rows = new List<Row>();
        var work = ws.SubDir("cli");
        var timeout = o.Timeout;

        // start-up floor: the CLI printing its version, ngspice printing its version
        var startup = new Row { Id = "(start-up only: `--version` / `-v`)" };
        rows.Add(startup);
        var all = new List<(Row Row, Func<ProcessResult> Ours, Func<ProcessResult> Ng)>
        {
            (startup, () => ProcessRunner.Run(o.Dotnet, new[] { ws.CliDll, "--version" }, work, timeout),
                () => ProcessRunner.Run(o.Ngspice, new[] { "-v" }, work, timeout)),
        };
        foreach (var id in ids)
        {
            var name = id["cli:".Length..];
            var netlist = Path.Combine(ws.SpiceSharpCases, name + ".cir");
            var outDir = Path.Combine(work, name);
            var raw = Path.Combine(work, name + ".ngspice.raw");
            var row = new Row { Id = name };
            rows.Add(row);
            all.Add((row,
                () =>
                {
                    if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
                    var r = ProcessRunner.Run(o.Dotnet, new[] { ws.CliDll, "run", netlist, "-o", outDir, "--quiet" }, work, timeout);
                    row.OutputBytes = Directory.Exists(outDir) ? new DirectoryInfo(outDir).EnumerateFiles().Sum(f => f.Length) : 0;
                    return r;
                },
                () => ProcessRunner.Run(o.Ngspice, new[] { "-b", "-r", raw, netlist }, work, timeout)));
        }

        foreach (var (row, oursRun, ngRun) in all)
        {
            ProcessResult ours() { Measurement.Settle(); return oursRun(); }
            ProcessResult ng() { Measurement.Settle(); return ngRun(); }
            row.OurCold = ours();
            row.NgCold = ng();
            Measurement.Progress($"{row.Id}: cold CircuitSim {Fmt.Time(row.OurCold.WallSeconds)} (exit {row.OurCold.ExitCode}), ngspice {Fmt.Time(row.NgCold.WallSeconds)} (exit {row.NgCold.ExitCode})");
            for (var i = 0; i < o.Reps; i++)
            {
                if (i % 2 == 0) { row.Ours.Add(ours()); row.Ng.Add(ng()); }
                else { row.Ng.Add(ng()); row.Ours.Add(ours()); }
                Measurement.Progress($"{row.Id}: [{i + 1}] CircuitSim {Fmt.Time(row.Ours[^1].WallSeconds)}, ngspice {Fmt.Time(row.Ng[^1].WallSeconds)}");
            }
        }

        var t = new MarkdownTable("case", "CircuitSim median>", "CircuitSim cold>", "ngspice 39 median>", "ngspice cold>", "ngspice/ours>", "exit codes (ours / ngspice)", "our output files>");
        foreach (var r in rows)
        {
            var ours = r.Ours.Where(x => !x.TimedOut).Select(x => x.WallSeconds).ToList();
            var ng = r.Ng.Where(x => !x.TimedOut).Select(x => x.WallSeconds).ToList();
            var exits = $"{string.Join(",", r.Ours.Select(x => x.ExitCode).Distinct())} / {string.Join(",", r.Ng.Select(x => x.ExitCode).Distinct())}";
            t.Add(r.Id, Stat.Cell(ours), Fmt.Time(r.OurCold?.WallSeconds ?? double.NaN), Stat.Cell(ng), Fmt.Time(r.NgCold?.WallSeconds ?? double.NaN),
                Fmt.Ratio(Stat.Median(ng), Stat.Median(ours)), exits, r.OutputBytes > 0 ? $"{r.OutputBytes / 1024.0:F0} KiB" : "–");
        }
        var failures = rows.SelectMany(r => r.Ours.Concat(r.Ng).Append(r.OurCold!).Append(r.NgCold!)).Where(x => x.TimedOut || x.ExitCode != 0).Take(1).ToList();
        var note = "The start-up row is the floor each process pays before any netlist work (.NET host + runtime + JIT of the " +
                   "command-line parser for CircuitSim).";
        if (failures.Count > 0) note += $"\n\nA run failed or timed out; its output ended with:\n\n```\n{Tail(failures[0].Output, 20)}\n```";
        report.Add("Wall time", t, note);
        report.Add("## Raw samples (s)\n\n" + string.Join("\n", rows.Select(r =>
            $"- {r.Id}: CircuitSim [{string.Join(", ", r.Ours.Select(x => Fmt.G(x.WallSeconds, 4)))}], " +
            $"ngspice [{string.Join(", ", r.Ng.Select(x => Fmt.G(x.WallSeconds, 4)))}]")));
        report.Finish();
    }

    private static string Tail(string text, int lines) => string.Join("\n", text.TrimEnd().Split('\n').TakeLast(lines));
}
