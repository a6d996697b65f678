using System.CommandLine;
using System.Globalization;
using CircuitSim.Tools;
using CircuitSim.Tools.AmmStudies;

// AMM ring studies too heavy for CI (convergence, sweeps, thresholds, magnetostatics comparison).
// Usage: dotnet run -c Release --project tools/AmmStudies -- [--out dir] [--demag local|full] [--periods n]
//        [--freqs f1,f2,…] [--cells n] [--plot-format png|svg|both] study…
string[] studyNames = ["speed", "vortex", "dw", "demag", "freq", "threshold", "jsweep", "convergence", "stepcheck", "all"];
var outOption = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => Path.Combine("out", "amm-studies") };
var demagOption = new Option<string>("--demag") { Description = "Magnetostatics: local (shape anisotropy) or full.", DefaultValueFactory = _ => "local" };
demagOption.AcceptOnlyFromAmong("local", "full");
var periodsOption = new Option<int?>("--periods") { Description = "Drive periods per run (default 20, 100 with --demag full)." }.AtLeast(1);
var freqsOption = new Option<double[]?>("--freqs")
{
    Description = "Frequencies of the freq study, Hz, comma-separated (e.g. 2e8,6e8,1e9).",
    CustomParser = r => Frequencies(r),
};
var cellsOption = new Option<int>("--cells") { Description = "Base cell count N of the convergence study (N, 2N, N/2 and h/2 at N).", DefaultValueFactory = _ => 128 }
    .AtLeast(8);
var plotFormatOption = new Option<string>("--plot-format") { Description = "Chart files: png, svg or both.", DefaultValueFactory = _ => "png" };
plotFormatOption.AcceptOnlyFromAmong(CircuitSim.Output.PlotFormats.Names.ToArray());
var studiesArgument = new Argument<string[]>("study") { Description = "Studies to run: " + string.Join(", ", studyNames) + ".", Arity = ArgumentArity.OneOrMore };
studiesArgument.AcceptOnlyFromAmong(studyNames);

var root = new RootCommand("AMM ring studies too heavy for CI: speed, convergence, sweeps, thresholds, magnetostatics comparison.")
{
    outOption, demagOption, periodsOption, freqsOption, cellsOption, plotFormatOption, studiesArgument,
};
root.SetAction(parse =>
{
    Charts.Format = CircuitSim.Output.PlotFormats.Parse(parse.GetValue(plotFormatOption)!);
    var demag = parse.GetValue(demagOption)!;
    var studies = parse.GetValue(studiesArgument)!.Select(n => n.ToLowerInvariant()).ToList();
    if (studies.Contains("all")) studies = ["speed", "vortex", "dw", "convergence", "demag", "freq", "threshold", "jsweep"];
    // full magnetostatics couples the walls into a pair with a weakly damped breathing mode: longer runs
    var s = new Studies(parse.GetValue(outOption)!, demag, parse.GetValue(periodsOption) ?? (demag == "full" ? 100 : 20));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    foreach (var name in studies)
    {
        switch (name)
        {
            case "speed": s.Speed(); break;
            case "vortex": s.Vortex(); break;
            case "dw": s.DomainWalls(); break;
            case "demag": s.Magnetostatics(); break;
            case "freq": s.Frequency(frequencies: parse.GetValue(freqsOption)); break;
            case "threshold": s.Threshold(); break;
            case "jsweep": s.CurrentSweep(); break;
            case "convergence": s.Convergence(parse.GetValue(cellsOption)); break;
            case "stepcheck": s.StepCheck(); break;
        }
        Console.WriteLine($"[{clock.Elapsed.TotalMinutes:F1} min]");
    }
    return 0;
});
return ToolCommandLine.Run(root, args);

static double[]? Frequencies(System.CommandLine.Parsing.ArgumentResult result)
{
    var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
    var values = new List<double>();
    foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
    {
        if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) || f <= 0)
        {
            result.AddError($"--freqs needs positive numbers separated by commas, not '{part}'");
            return null;
        }
        values.Add(f);
    }
    return values.ToArray();
}
