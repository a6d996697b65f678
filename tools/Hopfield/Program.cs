using System.Globalization;
using System.Text;
using CircuitSim.Core.Expressions;
using CircuitSim.Magnetics.Film;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output;
using CircuitSim.Spintronics.Film;
using CircuitSim.Tools.Hopfield;

// circuitsim-hopfield: trains the four-electrode film of netlists/film_hopfield_train.cir on each pattern, then
// evaluates E' of all 16 inputs and recall from random starts. Run from the repository root:
//   dotnet run --project tools/Hopfield -c Release -- [--patterns +-+-,+--+,++-+] [--time 20n] [--out out/hopfield]
var ci = CultureInfo.InvariantCulture;
var options = ParseOptions(args);
if (options.ContainsKey("help"))
{
    Console.WriteLine("""
        circuitsim-hopfield [options]
          --netlist PATH     training netlist (default netlists/film_hopfield_train.cir)
          --patterns LIST    comma-separated patterns (default +-+-,+--+,++-+, the paper's three)
          --time T           training time (default: the netlist's .tran stop, 20n)
          --v0 V             electrode amplitude V0 (default 0.05)
          --out DIR          output directory (default out/hopfield)
          --starts N         random starts for asynchronous recall (default 1000)
          --seed S           seed of the recall starts (default 1)
          --maze-seed S      seed of the film's maze (default: the netlist's)
          --cells N          grid override (N×N cells) for the scaling study
          --amr A            AMR ratio override
          --threshold X      current-refresh threshold override (RMS |Δm|)
        """);
    return 0;
}
string netlistPath = options.GetValueOrDefault("netlist", "netlists/film_hopfield_train.cir");
string outDir = options.GetValueOrDefault("out", "out/hopfield");
var patterns = options.GetValueOrDefault("patterns", "+-+-,+--+,++-+").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Patterns.Parse).ToList();
var settings = new TrainingSettings
{
    Time = options.TryGetValue("time", out var t) ? Number(t) : null,
    V0 = options.TryGetValue("v0", out var v) ? Number(v) : 0.05,
    Cells = options.TryGetValue("cells", out var c) ? (int)Number(c) : null,
    Amr = options.TryGetValue("amr", out var a) ? Number(a) : null,
    RefreshThreshold = options.TryGetValue("threshold", out var th) ? Number(th) : null,
    Seed = options.TryGetValue("maze-seed", out var ms) ? Number(ms) : null,
};
int starts = options.TryGetValue("starts", out var st) ? (int)Number(st) : 1000;
ulong recallSeed = options.TryGetValue("seed", out var sd) ? (ulong)Number(sd) : 1;

if (!File.Exists(netlistPath))
{
    Console.Error.WriteLine($"training netlist not found: {netlistPath} (run from the repository root or pass --netlist)");
    return 2;
}
var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadFile(netlistPath);
Directory.CreateDirectory(outDir);
var summary = new StringBuilder();
summary.AppendLine($"# Hopfield training on the magnetic film ({netlistPath})").AppendLine();

foreach (var pattern in patterns)
{
    string name = Patterns.Name(pattern), dir = Path.Combine(outDir, Patterns.FileName(pattern));
    Directory.CreateDirectory(dir);
    Console.WriteLine($"== training {name} ...");
    var r = TrainingRun.Run(netlist, pattern, settings);
    var report = Report.Write(r, dir, starts, recallSeed);
    Console.Write(report);
    summary.Append(report).AppendLine();
}
File.WriteAllText(Path.Combine(outDir, "summary.md"), summary.ToString());
Console.WriteLine($"wrote {Path.Combine(outDir, "summary.md")}");
return 0;

static double Number(string text) =>
    EngineeringNumber.TryParse(text, out var x) ? x : throw new ArgumentException($"not a number: '{text}'");

static Dictionary<string, string> ParseOptions(string[] args)
{
    var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (int i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}' (see --help)");
        string key = args[i][2..];
        if (key == "help") { map[key] = ""; continue; }
        if (i + 1 >= args.Length) throw new ArgumentException($"--{key} needs a value");
        map[key] = args[++i];
    }
    return map;
}
