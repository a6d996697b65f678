using System.CommandLine;
using System.Globalization;
using System.Text;
using CircuitSim.Core.Expressions;
using CircuitSim.Magnetics.Film;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output;
using CircuitSim.Spintronics.Film;
using CircuitSim.Tools;
using CircuitSim.Tools.Hopfield;

// circuitsim-hopfield: trains the four-electrode film of netlists/film_hopfield_train.cir on each pattern, then
// evaluates E' of all 16 inputs and recall from random starts. Run from the repository root:
//   dotnet run --project tools/Hopfield -c Release -- [--patterns +-+-,+--+,++-+] [--time 20n] [--out out/hopfield]
Option<double?> NumberOption(string name, string description) =>
    new Option<double?>(name) { Description = description }.Number(t => EngineeringNumber.TryParse(t, out var x) ? x : null);
var netlistOption = new Option<string>("--netlist") { Description = "Training netlist.", DefaultValueFactory = _ => "netlists/film_hopfield_train.cir" };
var patternsOption = new Option<string>("--patterns") { Description = "Comma-separated patterns (default: the paper's three).", DefaultValueFactory = _ => "+-+-,+--+,++-+" };
patternsOption.Validators.Add(r =>
{
    foreach (var p in (r.GetValueOrDefault<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        if (p.Any(c => c is not ('+' or '-'))) r.AddError($"--patterns: '{p}' is not a string of signs such as +-+-");
});
var timeOption = NumberOption("--time", "Training time, s (default: the netlist's .tran stop, 20n).");
var v0Option = NumberOption("--v0", "Electrode amplitude V0, V (default 0.05).");
var outOption = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "out/hopfield" };
var startsOption = new Option<int>("--starts") { Description = "Random starts for asynchronous recall.", DefaultValueFactory = _ => 1000 }.AtLeast(1);
var seedOption = new Option<ulong>("--seed") { Description = "Seed of the recall starts.", DefaultValueFactory = _ => 1 };
var mazeSeedOption = NumberOption("--maze-seed", "Seed of the film's maze (default: the netlist's).");
var cellsOption = new Option<int?>("--cells") { Description = "Grid override (N x N cells) for the scaling study." }.AtLeast(4);
var amrOption = NumberOption("--amr", "AMR ratio override.");
var thresholdOption = NumberOption("--threshold", "Current-refresh threshold override (RMS |dm|).");
var plotFormatOption = new Option<string>("--plot-format") { Description = "Chart files: png, svg or both.", DefaultValueFactory = _ => "png" };
plotFormatOption.AcceptOnlyFromAmong(PlotFormats.Names.ToArray());
var root = new RootCommand("Trains the four-electrode magnetic film on Hopfield patterns, then evaluates E' of all 16 inputs and recall from random starts.")
{
    netlistOption, patternsOption, timeOption, v0Option, outOption, startsOption, seedOption, mazeSeedOption, cellsOption, amrOption,
    thresholdOption, plotFormatOption,
};
root.SetAction(parse => Train(parse.GetValue(netlistOption)!, parse.GetValue(outOption)!,
    parse.GetValue(patternsOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Patterns.Parse).ToList(),
    new TrainingSettings
    {
        Time = parse.GetValue(timeOption),
        V0 = parse.GetValue(v0Option) ?? 0.05,
        Cells = parse.GetValue(cellsOption),
        Amr = parse.GetValue(amrOption),
        RefreshThreshold = parse.GetValue(thresholdOption),
        Seed = parse.GetValue(mazeSeedOption),
    },
    parse.GetValue(startsOption), parse.GetValue(seedOption), PlotFormats.Parse(parse.GetValue(plotFormatOption)!)));
return ToolCommandLine.Run(root, args);

static int Train(string netlistPath, string outDir, List<int[]> patterns, TrainingSettings settings, int starts, ulong recallSeed, PlotFormat plotFormat)
{
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
        var report = Report.Write(r, dir, starts, recallSeed, plotFormat);
        Console.Write(report);
        summary.Append(report).AppendLine();
    }
    File.WriteAllText(Path.Combine(outDir, "summary.md"), summary.ToString());
    Console.WriteLine($"wrote {Path.Combine(outDir, "summary.md")}");
    return 0;
}

