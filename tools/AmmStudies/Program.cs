using CircuitSim.Tools.AmmStudies;

// AMM ring studies too heavy for CI (convergence, sweeps, thresholds, magnetostatics comparison).
// Usage: dotnet run -c Release --project tools/AmmStudies -- [--out dir] [--demag local|full] [--periods n]
//        [--freqs f1,f2,…] [--cells n] [--plot-format png|svg|both] study…
// studies: speed vortex dw demag freq threshold jsweep convergence stepcheck all
// --freqs replaces the frequency grid of freq (Hz); --cells the base N of convergence (N, 2N, N/2 and h/2 at N).
var outDir = Path.Combine("out", "amm-studies");
var demag = "local";
int? periods = null;
double[]? freqs = null;
int cells = 128;
var studies = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outDir = args[++i]; break;
        case "--demag": demag = args[++i]; break;
        case "--periods": periods = int.Parse(args[++i]); break;
        case "--freqs": freqs = args[++i].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(); break;
        case "--cells": cells = int.Parse(args[++i]); break;
        case "--plot-format": Charts.Format = CircuitSim.Output.PlotFormats.Parse(args[++i]); break;
        default: studies.Add(args[i].ToLowerInvariant()); break;
    }
}
if (studies.Count == 0)
{
    Console.WriteLine("usage: AmmStudies [--out dir] [--demag local|full] [--periods n] [--freqs f1,f2,…] [--cells n] [--plot-format png|svg|both] speed|vortex|dw|demag|freq|threshold|jsweep|convergence|stepcheck|all …");
    return 2;
}
if (studies.Contains("all")) studies = new() { "speed", "vortex", "dw", "convergence", "demag", "freq", "threshold", "jsweep" };
// full magnetostatics couples the walls into a pair with a weakly damped breathing mode: longer runs
var s = new Studies(outDir, demag, periods ?? (demag == "full" ? 100 : 20));
var clock = System.Diagnostics.Stopwatch.StartNew();
foreach (var name in studies)
{
    switch (name)
    {
        case "speed": s.Speed(); break;
        case "vortex": s.Vortex(); break;
        case "dw": s.DomainWalls(); break;
        case "demag": s.Magnetostatics(); break;
        case "freq": s.Frequency(frequencies: freqs); break;
        case "threshold": s.Threshold(); break;
        case "jsweep": s.CurrentSweep(); break;
        case "convergence": s.Convergence(cells); break;
        case "stepcheck": s.StepCheck(); break;
        default:
            Console.Error.WriteLine($"unknown study '{name}'");
            return 2;
    }
    Console.WriteLine($"[{clock.Elapsed.TotalMinutes:F1} min]");
}
return 0;
