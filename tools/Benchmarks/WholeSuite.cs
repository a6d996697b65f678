using System.Globalization;
using System.Text.RegularExpressions;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Suite <c>whole</c>: what a user waits for. The native <c>circuitsim</c> (AOT publish) and ngspice 39 each run
/// the same netlist from process start to exit, in one sitting, interleaved; best of N and median per case. The peak
/// memory comes from one more run of each under <c>/usr/bin/time -v</c>, which is not timed: starting a program through
/// it adds about 4 ms to either. Prints the README's speed table as Markdown.
/// </summary>
internal static partial class WholeSuite
{
    /// <summary>The acceptance cases of issue 14: (id, gen_bench.py kind, N, ratio target against ngspice).</summary>
    private static readonly (string Id, string Kind, int N, string Target)[] Cases =
    {
        ("trivial", "trivial", 1, "≤ 20 ms"),
        ("rc_ladder_10000", "rc_ladder", 10000, "≤ 0.7×"),
        ("inv_chain_500", "inv_chain", 500, "≤ 0.7×"),
        ("resistor_crossbar_64", "resistor_crossbar", 64, "≤ 0.1×"),
        ("memristor_crossbar_16", "memristor_crossbar", 16, "≤ 0.1×"),
        ("bsim4_inv_chain_100", "bsim4_inv_chain", 100, "≤ 0.8×"),
        ("rc_ladder_100000", "rc_ladder", 100000, "memory ≤ ngspice"),
    };

    public static readonly string[] CaseIds = Cases.Select(c => "whole:" + c.Id).ToArray();

    private const string Trivial = "one resistor\nV1 a 0 1\nR1 a 0 1k\n.op\n.end\n";

    private sealed record Sample(double Seconds, int ExitCode, bool TimedOut, string Output);

    public static void Run(Workspace ws, Ngspice ngspice, IReadOnlyList<string> ids, string machine)
    {
        var o = ws.Options;
        var cli = o.Cli ?? ws.NativeCli;
        if (!File.Exists(cli))
            throw new InvalidOperationException($"{cli} does not exist: publish it first (dotnet publish src/CircuitSim.Cli -c Release -r linux-x64) or pass --cli PATH");
        if (!File.Exists("/usr/bin/time")) throw new InvalidOperationException("/usr/bin/time is needed for the peak memory (apt-get install time)");
        var report = new Report(ws, "whole", "whole process against ngspice 39", machine,
            $"Suite `whole`: `{Path.GetFileName(cli)} run file.cir -o <dir> -q` (native AOT executable; writes the raw file and " +
            $"the CSVs) against `ngspice -b -r <file>.raw file.cir`, each from process start to exit (`posix_spawnp` and `waitpid`, output to a file), {o.Reps} runs each, " +
            "interleaved (alternating which goes first); the peak resident memory from one more run of each under `/usr/bin/time -v`, " +
            "not timed (it adds about 4 ms to a run). Netlists from " +
            "`gen_bench.py KIND N`. Ratio = our best / ngspice's best (< 1: CircuitSim faster).");
        var dir = ws.SubDir("whole");
        var table = new MarkdownTable("case", "CircuitSim best>", "median>", "ngspice 39 best>", "median>", "ratio (best)>", "target", "peak memory ours / ngspice>");
        var readme = new MarkdownTable("case (`gen_bench.py KIND N`)", "CircuitSim>", "ngspice 39>", "ratio>", "peak memory (ours / ngspice)>");
        foreach (var id in ids)
        {
            var c = Cases.First(x => "whole:" + x.Id == id);
            var netlist = Path.Combine(dir, c.Id + ".cir");
            if (c.Kind == "trivial") File.WriteAllText(netlist, Trivial);
            else
            {
                var gen = ProcessRunner.Run("python3", new[] { ws.Generator, c.Kind, c.N.ToString(CultureInfo.InvariantCulture), "-o", netlist }, dir, 300);
                if (gen.ExitCode != 0 || !File.Exists(netlist))
                {
                    Measurement.Progress($"{c.Id}: gen_bench.py failed: {gen.Output.Trim()}");
                    continue;
                }
            }
            var ours = new List<Sample>();
            var ng = new List<Sample>();
            var outDir = Path.Combine(dir, c.Id + ".out");
            string[] ourArguments = { "run", netlist, "-o", outDir, "-q" };
            string[] ngArguments = { "-b", "-r", Path.Combine(dir, c.Id + ".ngspice.raw"), netlist };
            Sample Ours() { Measurement.Settle(); return Timed(cli, ourArguments, dir, o.Timeout); }
            Sample Ng() { Measurement.Settle(); return Timed(o.Ngspice, ngArguments, dir, o.Timeout); }
            for (var i = 0; i < o.Reps; i++)
            {
                if (i % 2 == 0) { ours.Add(Ours()); ng.Add(Ng()); }
                else { ng.Add(Ng()); ours.Add(Ours()); }
                Measurement.Progress($"{c.Id}: [{i + 1}] CircuitSim {Fmt.Time(ours[^1].Seconds)} (exit {ours[^1].ExitCode}), " +
                                     $"ngspice {Fmt.Time(ng[^1].Seconds)} (exit {ng[^1].ExitCode})");
            }
            Measurement.Settle();
            var ourPeak = PeakMemory(cli, ourArguments, dir, o.Timeout);
            Measurement.Settle();
            var ngPeak = PeakMemory(o.Ngspice, ngArguments, dir, o.Timeout);
            Measurement.Progress($"{c.Id}: peak memory CircuitSim {ourPeak} KB, ngspice {ngPeak} KB");
            var ok = ours.Where(s => s.ExitCode == 0 && !s.TimedOut).ToList();
            var ngOk = ng.Where(s => s.ExitCode == 0 && !s.TimedOut).ToList();
            string Best(List<Sample> s) => s.Count == 0 ? "failed" : Fmt.Time(s.Min(x => x.Seconds));
            string Median(List<Sample> s) => s.Count == 0 ? "–" : Fmt.Time(Stat.Median(s.Select(x => x.Seconds).ToList()));
            string Memory(long? kilobytes) => kilobytes is { } kb ? $"{kb / 1024.0:F0} MiB" : "–";
            var ratio = ok.Count > 0 && ngOk.Count > 0 ? $"{ok.Min(x => x.Seconds) / ngOk.Min(x => x.Seconds):F2}×" : "–";
            var memory = $"{Memory(ourPeak)} / {Memory(ngPeak)}";
            table.Add(c.Id, Best(ok), Median(ok), Best(ngOk), Median(ngOk), ratio, c.Target, memory);
            readme.Add(c.Kind == "trivial" ? "one resistor, `.op`" : $"{c.Kind} {c.N}", Best(ok), Best(ngOk), ratio, memory);
            if (ok.Count == 0 && ours.Count > 0)
                Measurement.Progress($"{c.Id}: CircuitSim failed: {Tail(ours[^1].Output)}");
        }
        report.Add("Whole process", table);
        report.Add("README speed table (best of " + o.Reps.ToString(CultureInfo.InvariantCulture) + ", whole process)", readme);
        report.Finish();
    }

    private static Sample Timed(string exe, string[] arguments, string workingDirectory, double timeout)
    {
        var r = SpawnedProcess.Run(exe, arguments, workingDirectory, timeout);
        return new Sample(r.WallSeconds, r.ExitCode, r.TimedOut, r.Output);
    }

    /// <summary>The peak resident memory of one run, in KB; null when the run failed.</summary>
    private static long? PeakMemory(string exe, string[] arguments, string workingDirectory, double timeout)
    {
        var r = ProcessRunner.Run("/usr/bin/time", new[] { "-v", exe }.Concat(arguments), workingDirectory, timeout);
        var m = PeakLine().Match(r.Output);
        return r.ExitCode == 0 && !r.TimedOut && m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\):\s*(\d+)")]
    private static partial Regex PeakLine();

    private static string Tail(string text) => string.Join(" | ", text.TrimEnd().Split('\n').TakeLast(3));
}
