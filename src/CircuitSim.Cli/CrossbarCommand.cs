using System.CommandLine;
using System.Globalization;
using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>
/// <c>circuitsim crossbar generate|analyze|sweep</c>: write a crossbar netlist; write it, simulate it and compare the
/// column currents with G·V (Markdown report and chart); or sweep the VMM error over array size and wire resistance.
/// </summary>
public static class CrossbarCommand
{
    /// <param name="families">The device families whose cells <c>--device</c> offers (default: <see cref="DeviceCatalog.Families"/>).</param>
    public static Command Create(IAnsiConsole stdout, IAnsiConsole stderr, IReadOnlyList<IDeviceFamily>? families = null)
    {
        var cells = new CellCatalog(families ?? DeviceCatalog.Families);
        var command = new Command("crossbar", "Generate crossbar netlists (any two-terminal device, 1R or 1T1R) and analyse their VMM accuracy.");
        command.Subcommands.Add(Generate(stdout, stderr, cells));
        command.Subcommands.Add(Analyze(stdout, stderr, cells));
        command.Subcommands.Add(Sweep(stdout, stderr, cells));
        return command;
    }

    private static Command Generate(IAnsiConsole stdout, IAnsiConsole stderr, CellCatalog cells)
    {
        var o = new CrossbarOptions(cells);
        var output = new Option<string>("--output", "-o") { Description = "The netlist to write.", Required = true };
        var c = new Command("generate", "Write the netlist of a crossbar (read, waveform transient, or write-then-read).") { output };
        foreach (var opt in o.All) c.Options.Add(opt);
        c.SetAction(p => Guard(stderr, () =>
        {
            var path = Path.GetFullPath(p.GetValue(output)!);
            var design = CrossbarBuilder.Build(o.ToRequest(p));
            design = design with { Notes = design.Notes.Concat(HowToRun(design, p.Tokens.Select(t => t.Value).ToList(), p.GetValue(output)!)).ToList() };
            WriteFile(path, CrossbarNetlistWriter.Write(design, Path.GetDirectoryName(path)));
            stdout.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/] ({design.Rows}x{design.PhysicalColumns} {Markup.Escape(design.Device.TypeName)} cells, {Markup.Escape(design.Analysis)})");
            return ExitCodes.Success;
        }));
        return c;
    }

    private static Command Analyze(IAnsiConsole stdout, IAnsiConsole stderr, CellCatalog cells)
    {
        var o = new CrossbarOptions(cells);
        var output = new Option<string>("--output", "-o") { Description = "Directory for the netlist, the report (.md) and the charts.", DefaultValueFactory = _ => "out" };
        var name = new Option<string>("--name") { Description = "Base name of the files written.", DefaultValueFactory = _ => "crossbar" };
        var plotFormat = PlotFormatOption.Create();
        var c = new Command("analyze", "Generate a crossbar, simulate its read and compare the column currents with the ideal G·V.") { output, name, plotFormat };
        foreach (var opt in o.All) c.Options.Add(opt);
        c.SetAction(p => Guard(stderr, () =>
        {
            var dir = Path.GetFullPath(p.GetValue(output)!);
            Directory.CreateDirectory(dir);
            var baseName = p.GetValue(name)!;
            var design = CrossbarBuilder.Build(o.ToRequest(p));
            var netlist = Path.Combine(dir, baseName + ".cir");
            WriteFile(netlist, CrossbarNetlistWriter.Write(design, dir));
            var result = VmmAnalysis.Run(design);
            var report = Path.Combine(dir, baseName + ".vmm.md");
            WriteFile(report, VmmReport.Markdown(design, result));
            var format = PlotFormats.Parse(p.GetValue(plotFormat)!);
            var files = new List<string> { netlist, report };
            files.AddRange(VmmReport.ColumnCurrents(design, result).Save(Path.Combine(dir, baseName + ".vmm"), format));
            if (design.ColumnSources is not null)
                files.AddRange(VmmReport.ProgrammedConductances(design, result).Save(Path.Combine(dir, baseName + ".program"), format));
            stdout.MarkupLine($"[bold]{Markup.Escape(design.Title)}[/]");
            stdout.MarkupLine($"worst-case relative error {Markup.Escape(VmmReport.Percent(result.WorstRelativeError))}, RMS {Markup.Escape(VmmReport.Percent(result.RmsRelativeError))} " +
                              $"over {result.Logical.Count} output columns (simulated in {result.SimulationSeconds.ToString("F2", CultureInfo.InvariantCulture)} s)");
            foreach (var f in files) stdout.MarkupLine($"wrote [blue]{Markup.Escape(f)}[/]");
            return ExitCodes.Success;
        }));
        return c;
    }

    private static Command Sweep(IAnsiConsole stdout, IAnsiConsole stderr, CellCatalog cells)
    {
        var o = new CrossbarOptions(cells);
        var output = new Option<string>("--output", "-o") { Description = "Directory for the sweep's table (.md, .csv) and chart.", DefaultValueFactory = _ => "out" };
        var plotFormat = PlotFormatOption.Create();
        var sizes = new Option<string>("--sizes") { Description = "Array sizes N (N x N), e.g. 8,16,32,64.", DefaultValueFactory = _ => "8,16,32,64" };
        var wires = new Option<string>("--wires") { Description = "Wire-segment resistances, Ohm, e.g. 0,0.5,1,2.", DefaultValueFactory = _ => "0,0.5,1,2,5" };
        var jobs = JobsOption.Create("array sizes and wire resistances");
        var c = new Command("sweep", "VMM error against array size and wire resistance (table and chart).") { output, sizes, wires, jobs, plotFormat };
        foreach (var opt in o.All) c.Options.Add(opt);
        c.SetAction(p => Guard(stderr, () =>
        {
            var dir = Path.GetFullPath(p.GetValue(output)!);
            Directory.CreateDirectory(dir);
            var ns = MatrixCsv.ParseList(p.GetValue(sizes)!, "--sizes").Select(x => x >= 1 && x == Math.Floor(x) ? (int)x
                : throw new CrossbarInputException($"--sizes: {x} is not a whole number ≥ 1")).ToList();
            if (SweptSize(p.GetValue(o.Size), p.GetResult(sizes) is { Implicit: false }) is { } n) ns = new List<int> { n };
            var rs = p.GetValue(wires)!.Split(',').Select(t => CrossbarOptions.Number(t, "--wires")!.Value).ToList();
            var sweep = new VmmErrorSweep(o.ToRequest(p), ns, rs);
            var points = sweep.Run(pt => stdout.MarkupLine(Markup.Escape(
                $"N = {pt.Size,4}, wire {pt.WireResistance.ToString("G4", CultureInfo.InvariantCulture),6} Ohm: worst {VmmReport.Percent(pt.WorstRelativeError)}, RMS {VmmReport.Percent(pt.RmsRelativeError)} ({pt.Seconds.ToString("F2", CultureInfo.InvariantCulture)} s)")),
                parallelism: p.GetValue(jobs));
            var title = $"VMM error of {sweep.Template.Device.Create(sweep.Template.Card).TypeName} crossbars ({(sweep.Template.Cell == CellStructure.OneR ? "1R" : "1T1R")}) against size and wire resistance";
            var files = new[] { ("vmm_sweep.md", VmmErrorSweep.Markdown(points, title)), ("vmm_sweep.csv", VmmErrorSweep.Csv(points)) };
            var written = new List<string>();
            foreach (var (file, text) in files)
            {
                WriteFile(Path.Combine(dir, file), text);
                written.Add(Path.Combine(dir, file));
            }
            written.AddRange(VmmErrorSweep.Chart(points, title).Save(Path.Combine(dir, "vmm_sweep"), PlotFormats.Parse(p.GetValue(plotFormat)!)));
            foreach (var f in written) stdout.MarkupLine($"wrote [blue]{Markup.Escape(f)}[/]");
            return ExitCodes.Success;
        }));
        return c;
    }

    /// <summary>
    /// <c>--size NxN</c> given to <c>sweep</c>, which sweeps square arrays over <c>--sizes</c>: one size to sweep the
    /// wires at; null when not given.
    /// </summary>
    /// <exception cref="CrossbarInputException">Not square, or given together with <c>--sizes</c>.</exception>
    internal static int? SweptSize(string? size, bool sizesGiven)
    {
        if (size is null) return null;
        if (sizesGiven)
            throw new CrossbarInputException($"crossbar sweep: --size {size} and --sizes both given; the sweep's array sizes are --sizes (N x N arrays, e.g. --sizes 8,16)");
        var parts = size.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && parts[0] == parts[1] && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            return n;
        throw new CrossbarInputException($"crossbar sweep sweeps square N x N arrays: --size {size} is not one; give --size NxN or the sizes with --sizes (e.g. --sizes 8,16)");
    }

    /// <summary>
    /// The header lines that say how the netlist was made and how to use it: the generate command, the run command,
    /// the <c>analyze</c> command (same options) that reports the error against G·V with a chart, and for a read the
    /// ideal outputs Σ G·V of the programmed conductances, to compare with a plain run's column currents.
    /// </summary>
    internal static IEnumerable<string> HowToRun(CrossbarDesign design, IReadOnlyList<string> tokens, string outputAsGiven)
    {
        // the options after "generate" (the tokens start at the root command or at the subcommand)
        var after = tokens.Select((t, k) => (t, k)).Where(x => x.t == "generate").Select(x => x.k + 1).FirstOrDefault();
        var given = tokens.Skip(after).ToList();
        yield return "command: circuitsim crossbar generate " + string.Join(' ', given.Select(Quote));
        var baseName = Path.GetFileNameWithoutExtension(outputAsGiven);
        yield return $"Run:   circuitsim run {Quote(outputAsGiven)} -o out" + (design.IsTransient ? " --plot" : $"   (column currents in out/{baseName}.op.csv)");
        if (design.ReadVoltages is null) yield break;
        // the same options without the netlist path
        var options = new List<string>();
        var skipping = false;
        foreach (var t in given)
        {
            if (skipping) { skipping = false; continue; }
            if (t is "-o" or "--output") { skipping = true; continue; }
            if (t.StartsWith("-o=", StringComparison.Ordinal) || t.StartsWith("--output=", StringComparison.Ordinal) || t.StartsWith("-o:", StringComparison.Ordinal)
                || t.StartsWith("--output:", StringComparison.Ordinal)) continue;
            options.Add(t);
        }
        yield return "Error against the ideal G*V (report out/" + baseName + ".vmm.md, chart out/" + baseName + ".vmm.png):";
        yield return "       circuitsim crossbar analyze " + string.Join(' ', options.Select(Quote)) + " -o out --name " + Quote(baseName);
        if (design.IsTransient) yield break;
        var v = design.ReadVoltages;
        var layout = design.Layout;
        double Ideal(int physical)
        {
            double sum = 0;
            for (var i = 0; i < design.Rows; i++) sum += design.Conductances[i, physical - 1] * v[i];
            return sum;
        }
        if (layout.LogicalColumns > 64) yield break; // a long list helps nobody: the analyze report has them
        var outputs = Enumerable.Range(1, layout.LogicalColumns).Select(j =>
            $"{j}: {EngineeringFormat.Format(layout.Differential ? Ideal(layout.Plus(j)) - Ideal(layout.Minus(j)!.Value) : Ideal(layout.Plus(j)), "A", 5, asciiMicro: true)}").ToList();
        yield return layout.Differential ? "ideal outputs I(vs<2j-1>) - I(vs<2j>) = sum G V (programmed G), output j:" : "ideal outputs I(vs<j>) = sum G V (programmed G), output j:";
        for (var k = 0; k < outputs.Count; k += 8) yield return "  " + string.Join(", ", outputs.Skip(k).Take(8));
    }

    /// <summary>Bad input (exit 2) and failed simulations (exit 1) as messages, not stack traces.</summary>
    private static int Guard(IAnsiConsole stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CrossbarInputException e)
        {
            stderr.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.BadInput;
        }
        catch (NetlistException e)
        {
            stderr.MarkupLine($"[red]the generated netlist does not read: {Markup.Escape(e.Message)}[/]");
            return ExitCodes.BadInput;
        }
        catch (InvalidOperationException e)
        {
            stderr.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.SimulationFailed;
        }
    }

    private static string Quote(string token) => token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? $"\"{token}\"" : token;

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, text);
    }
}
