using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using CircuitSim.Cli;
using CircuitSim.Output;
using Spectre.Console;

LastChance.Debug |= args.Contains("--debug");
LastChance.Install(Console.Error);
var stdout = Terminal.Create(Console.Out, Console.IsOutputRedirected);
var stderr = Terminal.Create(Console.Error, Console.IsErrorRedirected);
AnsiConsole.Console = stdout; // what AnsiConsole.MarkupLine writes to

Command RunCommandTree()
{
    var netlistArgument = new Argument<FileInfo>("netlist") { Description = "The netlist to simulate (ngspice dialect)." };
    var outputOption = new Option<string>("--output", "-o") { Description = "Directory for the output files.", DefaultValueFactory = _ => "out" };
    var formatOption = new Option<string>("--format") { Description = "Waveform files to write: raw, csv or both.", DefaultValueFactory = _ => "both" };
    formatOption.AcceptOnlyFromAmong("raw", "csv", "both");
    var plotOption = new Option<bool>("--plot") { Description = "Also write a chart of each analysis (PNG unless --plot-format says otherwise)." };
    var plotFormatOption = PlotFormatOption.Create();
    var quietOption = new Option<bool>("--quiet", "-q") { Description = "Print only warnings, errors and .meas results." };
    var asciiOption = new Option<bool>("--ascii") { Description = "Write the raw file in ascii instead of binary." };
    var statsOption = new Option<bool>("--stats") { Description = "Also print where the time went (load, device solvers, factor, solve, truncation)." };
    var jobsOption = JobsOption.Create(".step points");
    var anywhereOption = new Option<bool>("--device-files-anywhere") { Description = "Let devices (film save=, snapdir=) and .control write/wrdata write files outside the output directory." };
    var run = new Command("run", "Simulate a netlist and write its waveforms.") { netlistArgument, outputOption, formatOption, plotOption, plotFormatOption, quietOption, asciiOption, statsOption, jobsOption, anywhereOption };
    run.SetAction(parse =>
    {
        var file = parse.GetValue(netlistArgument)!;
        if (!file.Exists)
        {
            stderr.MarkupLine($"[red]netlist not found: {Markup.Escape(file.FullName)}[/]");
            return ExitCodes.BadInput;
        }
        return RunCommand.Execute(file, parse.GetValue(outputOption)!, parse.GetValue(formatOption)!, parse.GetValue(plotOption),
            parse.GetValue(quietOption), parse.GetValue(asciiOption), stdout, stderr, parse.GetValue(statsOption), parse.GetValue(jobsOption),
            PlotFormats.Parse(parse.GetValue(plotFormatOption)!), parse.GetValue(anywhereOption));
    });
    return run;
}

Command PlotCommandTree()
{
    var inputArgument = new Argument<FileInfo>("file") { Description = "A SPICE raw file or a CSV written by circuitsim or ngspice." };
    var vectorsArgument = new Argument<string[]>("vectors") { Description = "Vectors to draw (default: the node voltages, up to eight).", Arity = ArgumentArity.ZeroOrMore };
    var xyOption = new Option<string?>("--xy") { Description = "Draw one vector against another: --xy x,y (e.g. v(p),i(vam))." };
    var svgOption = new Option<string?>("--output", "-o") { Description = "The chart to write: .png or .svg (default: next to the input, as --plot-format says)." };
    var plotFileFormatOption = PlotFormatOption.Create("Without -o: png, svg or both.");
    var titleOption = new Option<string?>("--title") { Description = "Plot title." };
    var indexOption = new Option<int>("--plot-index") { Description = "Which plot of a raw file with several (1-based; default: the last one that is not an operating point)." };
    var plot = new Command("plot", "Draw waveforms from a raw or CSV file as a PNG or SVG chart.") { inputArgument, vectorsArgument, xyOption, svgOption, plotFileFormatOption, titleOption, indexOption };
    plot.SetAction(parse => PlotCommand.Execute(parse.GetValue(inputArgument)!, parse.GetValue(vectorsArgument) ?? Array.Empty<string>(),
        parse.GetValue(xyOption), parse.GetValue(svgOption), parse.GetValue(titleOption), parse.GetValue(indexOption), stdout, stderr,
        PlotFormats.Parse(parse.GetValue(plotFileFormatOption)!)));
    return plot;
}

// Start-up (docs/performance.md): the root is a plain command named after the executable, with help and version
// options, because RootCommand looks its name up through the entry assembly, which costs a native executable more than
// a small run does; and when the first argument names a subcommand only that one is built (the others' options, the
// crossbar's cell catalogue, ... are not needed to parse or run it), while anything else (--help, a typo) builds them all.
// The help and version options are added only when an argument could ask for them (HelpRequest).
var debugOption = new Option<bool>("--debug") { Description = "Show the stack trace of an internal error.", Recursive = true };
var root = new Command("circuitsim", "CircuitSim: a SPICE-style circuit simulator with magnetization-physics memristors.") { debugOption };
if (HelpRequest.MayAsk(args))
{
    root.Options.Insert(0, new VersionOption());
    root.Options.Insert(0, new HelpOption());
}
var subcommands = new (string Name, Func<Command> Create)[]
{
    ("run", RunCommandTree), ("plot", PlotCommandTree), ("crossbar", () => CrossbarCommand.Create(stdout, stderr)),
    ("magnet", () => MagnetCommand.Create(stdout, stderr)), ("sweep", () => SweepCommand.Create(stdout, stderr)),
};
var named = args.Length > 0 ? Array.Find(subcommands, c => c.Name == args[0]) : default;
foreach (var c in subcommands)
    if (named.Create is null || c.Name == named.Name) root.Subcommands.Add(c.Create());
// "@dev[param]" is a vector name here, not a response file
var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (result.Errors.Count > 0)
{
    foreach (var e in result.Errors) stderr.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    stderr.MarkupLine("run [blue]circuitsim --help[/] for usage");
    return ExitCodes.BadInput;
}
try
{
    // our own handlers: the last-chance one below, and SIGINT/SIGTERM in the run command
    return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception e)
{
    return LastChance.Report(e, Console.Error);
}
