using System.CommandLine;
using System.Globalization;
using CircuitSim.Tools.Fuzz;

// The standing fuzz campaign (docs/robustness.md):
//   dotnet run -c Release --project tools/Fuzz -- run --seed 13 --count 10000 --out /tmp/fuzz        (in process)
//   dotnet run -c Release --project tools/Fuzz -- run --seed 13 --count 500 --cli --out /tmp/fuzz-cli (the real CLI)
//   … run --seed 13 --only 4711 [--cli]                                                               (one case, verbose)
//   … run --seed 13 --first 5000 --count 5000 --seed-times /tmp/seed-times.tsv --out /tmp/fuzz-b        (a shard)
// Writes summary.md and reproducers/case-N/ (workspace, README.txt with the command and the outcome) under --out.

var seedOption = new Option<int>("--seed") { Description = "Campaign seed (cases depend only on it and their number).", DefaultValueFactory = _ => 13 };
var countOption = new Option<int>("--count") { Description = "Number of inputs.", DefaultValueFactory = _ => 200 };
var cliOption = new Option<bool>("--cli") { Description = "Run each input through the real CLI (exit codes, signals, stderr) instead of in process." };
var cliPathOption = new Option<string?>("--cli-path") { Description = "circuitsim.dll to run (default: the Release build in the repository)." };
var outOption = new Option<string>("--out") { Description = "Folder for the summary, reproducers and scratch.", DefaultValueFactory = _ => "fuzz-out" };
var rootOption = new Option<string?>("--root") { Description = "Repository root (default: found from here)." };
var factorOption = new Option<double>("--factor") { Description = "Budget = factor × seed time + margin.", DefaultValueFactory = _ => 3 };
var marginOption = new Option<double>("--margin") { Description = "Seconds added to each budget.", DefaultValueFactory = _ => 3 };
var maxBudgetOption = new Option<double>("--max-budget") { Description = "Largest budget, s.", DefaultValueFactory = _ => 20 };
var graceOption = new Option<double>("--grace") { Description = "Seconds a run has to end after the interrupt at its budget.", DefaultValueFactory = _ => 10 };
var fastOption = new Option<double?>("--fast-seeds") { Description = "Use only seeds whose unmutated run takes less than this, s." };
var onlyOption = new Option<int?>("--only") { Description = "Run only this case and print everything about it." };
var firstOption = new Option<int>("--first") { Description = "First case number (to split one campaign into shards run side by side)." };
var seedTimesOption = new Option<string?>("--seed-times") { Description = "File of the seeds' unmutated times: read if it exists, else measured and written (shards share it)." };

var run = new Command("run", "Run a campaign and classify every run.")
    { seedOption, countOption, cliOption, cliPathOption, outOption, rootOption, factorOption, marginOption, maxBudgetOption, graceOption, fastOption, onlyOption, firstOption, seedTimesOption };
run.SetAction(parse =>
{
    var options = new CampaignOptions
    {
        Seed = parse.GetValue(seedOption), Count = parse.GetValue(countOption), OutOfProcess = parse.GetValue(cliOption),
        Cli = parse.GetValue(cliPathOption), OutputDirectory = parse.GetValue(outOption)!, Root = parse.GetValue(rootOption),
        Factor = parse.GetValue(factorOption), Margin = parse.GetValue(marginOption), MaxBudget = parse.GetValue(maxBudgetOption),
        Grace = parse.GetValue(graceOption), FastSeedsBelow = parse.GetValue(fastOption),
        First = parse.GetValue(firstOption), SeedTimesFile = parse.GetValue(seedTimesOption),
    };
    if (parse.GetValue(onlyOption) is { } only) return OneCase(options, only);
    return new Campaign(options).Run(Console.Out);
});

var worker = new Command("worker", "(internal) run cases read from stdin, one result line each.") { seedOption, outOption, rootOption, graceOption };
worker.SetAction(parse => WorkerLoop(parse.GetValue(seedOption), parse.GetValue(outOption)!, parse.GetValue(rootOption), parse.GetValue(graceOption)));

var root = new RootCommand("CircuitSim fuzz campaign: mutated netlists, libraries and file options, every run classified.") { run, worker };
return root.Parse(args).Invoke();

static int OneCase(CampaignOptions o, int id)
{
    var corpus = Corpus.Load(o.Root);
    var seeds = corpus.Seeds;
    if (o.FastSeedsBelow is { } fast)
    {
        // the campaign drew from the seeds faster than this: the same list, from its seed-times file
        if (o.SeedTimesFile is not { } file || !File.Exists(file))
        {
            Console.Error.WriteLine("--only with --fast-seeds needs the campaign's --seed-times file");
            return 2;
        }
        var times = Campaign.ReadSeedTimes(file);
        seeds = corpus.Seeds.Where(s => times.TryGetValue(s.Name, out var t) && t < fast).ToList();
    }
    var c = new Mutator(corpus, o.Seed) { OutOfProcess = o.OutOfProcess, Seeds = seeds }.Make(id);
    var workspace = Path.Combine(Path.GetFullPath(o.OutputDirectory), $"case-{id}");
    if (Directory.Exists(workspace)) Directory.Delete(workspace, recursive: true);
    Console.WriteLine(c.Describe());
    Console.WriteLine("workspace: " + workspace);
    Console.WriteLine("command:   " + c.CommandLine());
    var outcome = o.OutOfProcess
        ? new CliRunner(o.Cli ?? Campaign.DefaultCli(corpus.Root)) { GraceSeconds = o.Grace }.Run(c, workspace, o.MaxBudget)
        : new InProcessRunner { GraceSeconds = o.Grace }.Run(c, workspace, o.MaxBudget);
    Console.WriteLine($"{outcome.Class}, exit {outcome.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {outcome.Seconds:F2} s");
    Console.WriteLine(outcome.Detail);
    return outcome.IsDefect ? 1 : 0;
}

static int WorkerLoop(int seed, string outDir, string? rootDir, double grace)
{
    var corpus = Corpus.Load(rootDir);
    var mutator = new Mutator(corpus, seed);
    var runner = new InProcessRunner { GraceSeconds = grace };
    var workspace = Path.Combine(Path.GetFullPath(outDir), "work", "case");
    string? line;
    while ((line = Console.In.ReadLine()) is not null)
    {
        var f = line.Split('\t');
        if (f[0] == "SEEDS")
        {
            var names = f[1].Split('|').ToHashSet(StringComparer.Ordinal);
            mutator = new Mutator(corpus, seed) { Seeds = corpus.Seeds.Where(s => names.Contains(s.Name)).ToList() };
            continue;
        }
        var budget = double.Parse(f[2], CultureInfo.InvariantCulture);
        var n = int.Parse(f[1], CultureInfo.InvariantCulture);
        var c = f[0] == "SEED" ? mutator.Unmutated(corpus.Seeds[n]) : mutator.Make(n);
        if (Directory.Exists(workspace)) Directory.Delete(workspace, recursive: true);
        var outcome = runner.Run(c, workspace, budget);
        Console.Out.WriteLine(WorkerProtocol.Format(outcome));
        Console.Out.Flush();
        if (outcome.Class == OutcomeClass.Hang) return 1; // its thread is still running: let the driver start a fresh worker
    }
    return 0;
}
