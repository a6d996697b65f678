using System.Globalization;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>Command-line settings of the harness.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tools/Benchmarks -- [suite|case…] [options]

        suites: engine, cli, scaling, scaling-large (DW-MTJ crossbars 128 and 256, minutes each; not in all),
                whole (native circuitsim against ngspice, whole process, peak memory; prints the README speed
                table; not in all), all (default: engine)
        cases:  any case id of a suite (see --list), e.g. rc_ladder_1000 crossbar_32x32 memristor_crossbar_16

        options:
          --reps N               timed repetitions per case after the cold/warm-up run (default 5)
          --ngspice-timeout S    wall-clock limit of one ngspice run, and of one CircuitSim transient
                                 (checked between time points), in seconds (default 600)
          --budget S             scaling suite: seconds per case and simulator for the repetitions; big
                                 cases get fewer (down to the single cold run) (default 120)
          --bench-dir DIR        the shared bench directory (default: shared/bench next to or above the repo)
          --ngspice PATH         ngspice executable (default: ngspice)
          --dotnet PATH          dotnet host used to run the CLI (default: dotnet)
          --cli PATH             whole: the native circuitsim (default: the AOT publish folder of src/CircuitSim.Cli)
          --no-build             cli suite: do not build the CLI in Release first
          --results DIR          where the Markdown results go (default: tools/Benchmarks/results)
          --ours-only            engine/scaling: time CircuitSim only, no ngspice (e.g. under `perf record`)
          --keep                 keep the temporary work directory (generated netlists, ngspice copies and logs)
          --list                 list the suites and cases
          -h, --help             this text

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
    public bool Help { get; set; }

    /// <exception cref="ArgumentException">An option is unknown or has a bad value.</exception>
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{a} needs a value");
            double Positive() => double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{a} needs a positive number");
            switch (a)
            {
                case "--reps":
                    o.Reps = int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r >= 1
                        ? r : throw new ArgumentException("--reps needs an integer ≥ 1");
                    break;
                case "--ngspice-timeout": o.Timeout = Positive(); break;
                case "--budget": o.Budget = Positive(); break;
                case "--bench-dir": o.BenchDir = Next(); break;
                case "--ngspice": o.Ngspice = Next(); break;
                case "--dotnet": o.Dotnet = Next(); break;
                case "--cli": o.Cli = Next(); break;
                case "--no-build": o.NoBuild = true; break;
                case "--results": o.ResultsDir = Next(); break;
                case "--keep": o.Keep = true; break;
                case "--ours-only": o.OursOnly = true; break;
                case "--list": o.List = true; break;
                case "-h" or "--help": o.Help = true; break;
                default:
                    if (a.StartsWith('-')) throw new ArgumentException($"unknown option {a}");
                    o.Targets.Add(a);
                    break;
            }
        }
        return o;
    }
}
