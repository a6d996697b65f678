using System.CommandLine;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>Command-line settings of the harness.</summary>
internal sealed class BenchOptions
{
    private const string Description = """
        Benchmark harness of CircuitSim against ngspice 39, run by hand (never in CI).

        suites: engine, cli, scaling, scaling-large (DW-MTJ crossbars 128 and 256, minutes each; not in all),
                whole (native circuitsim against ngspice, whole process, peak memory; prints the README speed
                table; not in all), all (default: engine)
        cases:  any case id of a suite (see --list), e.g. rc_ladder_1000 crossbar_32x32 memristor_crossbar_16

        Runs are by hand on a (possibly shared) machine: compare medians, look at the spread.
        """;

    public List<string> Targets { get; } = new();
    public int Reps { get; set; } = 5;
    public double Timeout { get; set; } = 600;
    public double Budget { get; set; } = 120;
    public string? BenchDir { get; set; }
    public string Ngspice { get; set; } = "ngspice";
    public string Dotnet { get; set; } = "dotnet";
    public string? Cli { get; set; }
    public bool NoBuild { get; set; }
    public string? ResultsDir { get; set; }
    public bool Keep { get; set; }
    public bool OursOnly { get; set; }
    public bool List { get; set; }

    /// <summary>The command line: its action gets the parsed settings; a bad value is a parse error (usage, exit 2).</summary>
    public static RootCommand Command(Func<BenchOptions, int> run)
    {
        var targets = new Argument<string[]>("suite-or-case") { Description = "Suites or case ids (default: engine).", Arity = ArgumentArity.ZeroOrMore };
        var reps = new Option<int>("--reps") { Description = "Timed repetitions per case after the cold/warm-up run.", DefaultValueFactory = _ => 5 }.AtLeast(1);
        var timeout = Positive("--ngspice-timeout", "Wall-clock limit of one ngspice run, and of one CircuitSim transient (checked between time points), s.", 600);
        var budget = Positive("--budget", "Scaling suite: seconds per case and simulator for the repetitions; big cases get fewer (down to the single cold run).", 120);
        var benchDir = new Option<string?>("--bench-dir") { Description = "The shared bench directory (default: shared/bench next to or above the repo)." };
        var ngspice = new Option<string>("--ngspice") { Description = "ngspice executable.", DefaultValueFactory = _ => "ngspice" };
        var dotnet = new Option<string>("--dotnet") { Description = "dotnet host used to run the CLI.", DefaultValueFactory = _ => "dotnet" };
        var cli = new Option<string?>("--cli") { Description = "whole: the native circuitsim (default: the AOT publish folder of src/CircuitSim.Cli)." };
        var noBuild = new Option<bool>("--no-build") { Description = "cli suite: do not build the CLI in Release first." };
        var results = new Option<string?>("--results") { Description = "Where the Markdown results go (default: tools/Benchmarks/results)." };
        var oursOnly = new Option<bool>("--ours-only") { Description = "engine/scaling: time CircuitSim only, no ngspice (e.g. under perf record)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary work directory (generated netlists, ngspice copies and logs)." };
        var list = new Option<bool>("--list") { Description = "List the suites and cases." };
        var root = new RootCommand(Description) { targets, reps, timeout, budget, benchDir, ngspice, dotnet, cli, noBuild, results, oursOnly, keep, list };
        root.SetAction(p =>
        {
            var o = new BenchOptions
            {
                Reps = p.GetValue(reps), Timeout = p.GetValue(timeout), Budget = p.GetValue(budget), BenchDir = p.GetValue(benchDir),
                Ngspice = p.GetValue(ngspice)!, Dotnet = p.GetValue(dotnet)!, Cli = p.GetValue(cli), NoBuild = p.GetValue(noBuild),
                ResultsDir = p.GetValue(results), Keep = p.GetValue(keep), OursOnly = p.GetValue(oursOnly), List = p.GetValue(list),
            };
            o.Targets.AddRange(p.GetValue(targets) ?? []);
            return run(o);
        });
        return root;
    }

    private static Option<double> Positive(string name, string description, double defaultValue) =>
        new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue }.Positive();
}
