using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CircuitSim.Tools.Fuzz;

/// <summary>Settings of a campaign.</summary>
public sealed record CampaignOptions
{
    public int Seed { get; init; } = 13;
    public int Count { get; init; } = 200;
    /// <summary>The first case number (shards of one campaign run cases First … First + Count − 1).</summary>
    public int First { get; init; }
    /// <summary>A file of seed times (name TAB seconds): read when it exists, else measured and written there.</summary>
    public string? SeedTimesFile { get; init; }
    public bool OutOfProcess { get; init; }
    public string OutputDirectory { get; init; } = "fuzz-out";
    public string? Root { get; init; }
    public string? Cli { get; init; }
    /// <summary>A case's budget is Factor × its seed's time + Margin, at most MaxBudget (s).</summary>
    public double Factor { get; init; } = 3;
    public double Margin { get; init; } = 3;
    public double MaxBudget { get; init; } = 20;
    public double Grace { get; init; } = 10;
    /// <summary>Only seeds whose unmutated run takes less than this (s); all when null.</summary>
    public double? FastSeedsBelow { get; init; }
}

/// <summary>
/// A campaign: the seeds' own times first (a case's budget derives from its seed's), then the cases in order, each
/// classified; every defect's workspace is kept as a reproducer, and a summary table is written. In-process cases run
/// in a worker process that is restarted when a case kills it (a crash) or does not come back (a hang).
/// </summary>
public sealed class Campaign
{
    private readonly CampaignOptions _o;
    private readonly Corpus _corpus;
    private readonly string _work;
    private readonly string _repro;
    private Worker? _worker;
    private List<string>? _seedNames;

    public Campaign(CampaignOptions options)
    {
        _o = options;
        _corpus = Corpus.Load(options.Root);
        var outDir = Path.GetFullPath(options.OutputDirectory);
        _work = Path.Combine(outDir, "work");
        _repro = Path.Combine(outDir, "reproducers");
        Directory.CreateDirectory(_work);
        Directory.CreateDirectory(_repro);
    }

    public int Run(TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var cache = Path.Combine(_work, "cache");
        var cli = _o.OutOfProcess ? new CliRunner(_o.Cli ?? DefaultCli(_corpus.Root)) { GraceSeconds = _o.Grace } : null;
        cli?.Environment.Add("CIRCUITSIM_CACHE", cache);

        // 1. how long each seed takes unmutated
        var seedTimes = new Dictionary<string, double>();
        var probe = new Mutator(_corpus, _o.Seed);
        if (_o.SeedTimesFile is { } timesFile && File.Exists(timesFile)) seedTimes = ReadSeedTimes(timesFile);
        foreach (var seed in _corpus.Seeds.Where(s => !seedTimes.ContainsKey(s.Name)))
        {
            var c = probe.Unmutated(seed);
            var o = RunCase(c, _o.MaxBudget, cli, cache, seedIndex: _corpus.Seeds.ToList().IndexOf(seed));
            seedTimes[seed.Name] = Math.Min(o.Seconds, _o.MaxBudget);
            log.WriteLine($"seed {seed.Name}: {o.Class} in {o.Seconds:F2} s");
        }
        if (_o.SeedTimesFile is { } file && !File.Exists(file))
            File.WriteAllLines(file, seedTimes.Select(t => $"{t.Key}\t{t.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        var seeds = _o.FastSeedsBelow is { } fast ? _corpus.Seeds.Where(s => seedTimes[s.Name] < fast).ToList() : _corpus.Seeds.ToList();
        var mutator = new Mutator(_corpus, _o.Seed) { OutOfProcess = _o.OutOfProcess, Seeds = seeds };
        _seedNames = seeds.Select(s => s.Name).ToList();
        _worker?.Dispose();
        _worker = null;

        // 2. the cases
        var results = new List<(FuzzCase Case, Outcome Outcome, double Budget)>();
        using var table = new StreamWriter(Path.Combine(Path.GetFullPath(_o.OutputDirectory), "cases.tsv"));
        table.WriteLine("case\tseed\tclass\texit\tseconds\tbudget\tmutations\tdetail");
        for (var id = _o.First; id < _o.First + _o.Count; id++)
        {
            var c = mutator.Make(id);
            var budget = Budget(seedTimes.TryGetValue(c.Seed.Name, out var seedTime) ? seedTime : CommandInputs.NominalSeconds);
            var o = RunCase(c, budget, cli, cache, seedIndex: null);
            results.Add((c, o, budget));
            table.WriteLine(string.Join('\t', id, c.Seed.Name, o.Class, o.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
                o.Seconds.ToString("F2", CultureInfo.InvariantCulture), budget.ToString("F1", CultureInfo.InvariantCulture),
                string.Join("; ", c.Mutations).Replace('\t', ' ').Replace('\n', ' '), o.Detail.Split('\n')[0].Replace('\t', ' ')));
            table.Flush();
            if (o.IsDefect) KeepReproducer(c, o, budget);
            if ((id - _o.First) % 100 == 99 || o.IsDefect)
                log.WriteLine($"{id - _o.First + 1}/{_o.Count} after {clock.Elapsed.TotalMinutes:F1} min{(o.IsDefect ? $": case {id} {o.Class}: {o.Detail.Split('\n')[0]}" : "")}");
        }
        _worker?.Dispose();
        var summary = Summary(results, seedTimes, seeds, clock.Elapsed);
        File.WriteAllText(Path.Combine(Path.GetFullPath(_o.OutputDirectory), "summary.md"), summary);
        log.Write(summary);
        return results.Any(r => r.Outcome.IsDefect) ? 1 : 0;
    }

    /// <summary>Seed name → unmutated time (s), from a file of name TAB seconds lines.</summary>
    internal static Dictionary<string, double> ReadSeedTimes(string file) =>
        File.ReadAllLines(file).Select(l => l.Split('\t')).Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));

    private double Budget(double seedSeconds) => Math.Min(_o.MaxBudget, _o.Factor * seedSeconds + _o.Margin);

    private Outcome RunCase(FuzzCase c, double budget, CliRunner? cli, string cache, int? seedIndex)
    {
        var workspace = Path.Combine(_work, "case");
        if (Directory.Exists(workspace)) Directory.Delete(workspace, recursive: true);
        if (cli is not null) return cli.Run(c, workspace, budget);
        _worker ??= new Worker(_o, cache, _seedNames);
        var request = seedIndex is { } s ? $"SEED\t{s}\t{budget.ToString("R", CultureInfo.InvariantCulture)}" : $"CASE\t{c.Id}\t{budget.ToString("R", CultureInfo.InvariantCulture)}";
        var outcome = _worker.Ask(request, budget + _o.Grace + 30);
        if (outcome.Class is OutcomeClass.Crash or OutcomeClass.Hang)
        {
            _worker.Dispose();
            _worker = null;
        }
        return outcome;
    }

    private void KeepReproducer(FuzzCase c, Outcome o, double budget)
    {
        var dir = Path.Combine(_repro, $"case-{c.Id}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        c.WriteTo(dir);
        File.WriteAllText(Path.Combine(dir, "README.txt"),
            $"{c.Describe()}\nclass: {o.Class}, exit {o.ExitCode?.ToString() ?? "-"}, {o.Seconds:F2} s (budget {budget:F1} s)\n" +
            $"reproduce (from this folder): {c.CommandLine()}\n" +
            $"or: circuitsim-fuzz run --seed {_o.Seed} --only {c.Id}{(_o.OutOfProcess ? " --cli" : "")}" +
            (_o.FastSeedsBelow is { } fast ? $" --fast-seeds {fast.ToString(CultureInfo.InvariantCulture)} --seed-times {_o.SeedTimesFile}" : "") + $"\n\n{o.Detail}\n");
    }

    private string Summary(List<(FuzzCase Case, Outcome Outcome, double Budget)> results, Dictionary<string, double> seedTimes,
        List<Seed> seeds, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Fuzz campaign: seed {_o.Seed}, cases {_o.First}–{_o.First + results.Count - 1} ({results.Count} inputs), {(_o.OutOfProcess ? "out of process (the real CLI)" : "in process")}");
        sb.AppendLine();
        sb.AppendLine($"Wall time {elapsed.TotalMinutes:F1} min; {seeds.Count} seeds; budget per case = min({_o.MaxBudget} s, " +
                      $"{_o.Factor} × the seed's time + {_o.Margin} s); grace after the interrupt {_o.Grace} s.");
        sb.AppendLine();
        sb.AppendLine("| outcome | count | defect |");
        sb.AppendLine("|---|---:|---|");
        foreach (var cls in Enum.GetValues<OutcomeClass>())
        {
            var n = results.Count(r => r.Outcome.Class == cls);
            var defect = new Outcome(cls, null, 0, "").IsDefect;
            sb.AppendLine($"| {cls} | {n} | {(defect ? "yes" : "")} |");
        }
        sb.AppendLine();
        sb.AppendLine("| seed | seed time (s) | cases | ran | clean error | sim failure | slow | other |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var seed in seeds)
        {
            var mine = results.Where(r => r.Case.Seed == seed).Select(r => r.Outcome.Class).ToList();
            int N(OutcomeClass k) => mine.Count(x => x == k);
            sb.AppendLine($"| {seed.Name} | {seedTimes[seed.Name]:F2} | {mine.Count} | {N(OutcomeClass.Ran)} | {N(OutcomeClass.CleanError)} | " +
                          $"{N(OutcomeClass.SimulationFailure)} | {N(OutcomeClass.Slow)} | {mine.Count - N(OutcomeClass.Ran) - N(OutcomeClass.CleanError) - N(OutcomeClass.SimulationFailure) - N(OutcomeClass.Slow)} |");
        }
        var defects = results.Where(r => r.Outcome.IsDefect).ToList();
        sb.AppendLine();
        sb.AppendLine(defects.Count == 0 ? "No defects." : $"{defects.Count} defects; reproducers in {_repro}:");
        foreach (var (c, o, _) in defects.Take(50)) sb.AppendLine($"- case {c.Id} ({c.Seed.Name}): {o.Class}: {o.Detail.Split('\n')[0]}");
        return sb.ToString();
    }

    internal static string DefaultCli(string root) => Path.Combine(root, "src", "CircuitSim.Cli", "bin", "Release", "net10.0", "circuitsim.dll");

    /// <summary>The worker process: this program in worker mode, fed case numbers on stdin.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;

        public Worker(CampaignOptions o, string cache, List<string>? seedNames)
        {
            var self = Environment.ProcessPath!;
            var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            var entry = typeof(Campaign).Assembly.Location;
            if (Path.GetFileNameWithoutExtension(self) is "dotnet") info.ArgumentList.Add(entry);
            foreach (var a in new[] { "worker", "--seed", o.Seed.ToString(CultureInfo.InvariantCulture), "--out", Path.GetFullPath(o.OutputDirectory),
                         "--grace", o.Grace.ToString("R", CultureInfo.InvariantCulture) })
                info.ArgumentList.Add(a);
            if (o.Root is not null) { info.ArgumentList.Add("--root"); info.ArgumentList.Add(o.Root); }
            info.Environment["CIRCUITSIM_CACHE"] = cache;
            _process = Process.Start(info)!;
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            // the seeds cases are drawn from (the driver chose them from their times)
            if (seedNames is not null) _process.StandardInput.WriteLine("SEEDS\t" + string.Join('|', seedNames));
        }

        public Outcome Ask(string request, double timeoutSeconds)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                _process.StandardInput.WriteLine(request);
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                return new Outcome(OutcomeClass.Crash, null, 0, "the worker had died");
            }
            var read = _process.StandardOutput.ReadLineAsync();
            if (!read.Wait(TimeSpan.FromSeconds(timeoutSeconds)))
                return new Outcome(OutcomeClass.Hang, null, clock.Elapsed.TotalSeconds, $"the worker did not answer within {timeoutSeconds:F0} s");
            var line = read.Result;
            if (line is null)
            {
                _process.WaitForExit(5000);
                var code = _process.HasExited ? _process.ExitCode : -1;
                return new Outcome(OutcomeClass.Crash, code, clock.Elapsed.TotalSeconds, $"the process died (exit {code})");
            }
            return WorkerProtocol.Parse(line);
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}

/// <summary>One line per result between the worker and the driver: RESULT, class, exit code, seconds, detail.</summary>
internal static class WorkerProtocol
{
    public static string Format(Outcome o) => string.Join('\t', "RESULT", o.Class, o.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
        o.Seconds.ToString("R", CultureInfo.InvariantCulture), Escape(o.Detail));

    public static Outcome Parse(string line)
    {
        var f = line.Split('\t');
        if (f.Length < 5 || f[0] != "RESULT" || !Enum.TryParse<OutcomeClass>(f[1], out var cls))
            return new Outcome(OutcomeClass.Crash, null, 0, $"unreadable worker answer: {line}");
        return new Outcome(cls, int.TryParse(f[2], out var code) ? code : null, double.Parse(f[3], CultureInfo.InvariantCulture), Unescape(f[4]));
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "");

    private static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                sb.Append(s[i] switch { 't' => '\t', 'n' => '\n', _ => s[i] });
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
