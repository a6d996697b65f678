using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>Exit codes of the CLI.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A simulation failed, or an output could not be written during the run (the data up to the failure is
    /// written, when it can be).</summary>
    public const int SimulationFailed = 1;
    /// <summary>The input is bad (netlist errors, missing file, invalid circuit, no analysis) or the invocation is
    /// (an output directory that cannot be written): nothing was simulated.</summary>
    public const int BadInput = 2;
    /// <summary>An internal error (a bug): one line on stderr; <c>--debug</c> shows the stack trace.</summary>
    public const int InternalError = 3;
    /// <summary>Stopped by SIGINT (Ctrl-C) after completing the present point: the outputs hold the data so far (128 + 2).</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM (kill, a batch time limit) after completing the present point (128 + 15).</summary>
    public const int Terminated = 143;
}

/// <summary><c>circuitsim run file.cir</c>: read, simulate every analysis, write raw/CSV/charts (PNG/SVG), print a summary.</summary>
public static class RunCommand
{
    /// <summary>Bytes allocated while reading beyond which a collection before setup pays (a page fault here costs
    /// about 8 µs; the collection about 0.3 ms).</summary>
    private const long ReadingGarbageWorthCollecting = 1 << 20;

    /// <param name="jobs">Workers for .step points.</param>
    /// <param name="plotFormat">The chart files: PNG, SVG or both.</param>
    /// <param name="deviceFilesAnywhere">Let devices and .control write/wrdata write files outside the output directory
    /// (film save=, snapdir=).</param>
    /// <param name="cancel">Stops the run after the present point, like a signal (the in-process fuzz's time budget).</param>
    /// <param name="families">The device families netlists may use (default: <see cref="DeviceCatalog.Families"/>).</param>
    public static int Execute(FileInfo netlistFile, string outputDirectory, string format, bool plot, bool quiet, bool ascii, IAnsiConsole console, IAnsiConsole errors, bool stats = false,
        int jobs = 1, PlotFormat plotFormat = PlotFormat.Png, bool deviceFilesAnywhere = false, CancellationToken cancel = default,
        IReadOnlyList<IDeviceFamily>? families = null)
    {
        LastChance.InjectFaultIfAsked();
        families ??= DeviceCatalog.Families;
        var clock = Stopwatch.StartNew();
        Netlist.Netlist netlist;
        try
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            netlist = new NetlistReader(DeviceCatalog.Create(families)).ReadFile(netlistFile.FullName);
            // most of what reading allocated (tokens, expanded subcircuit text, expression trees) is garbage now; one
            // young-generation collection lets setup and the analysis reuse that memory instead of touching fresh pages
            // (a 16×16 memristor crossbar: 750 of 2 260 page faults fewer, about 12 ms; docs/performance.md). Not worth
            // its 0.3 ms after a small netlist.
            if (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore > ReadingGarbageWorthCollecting)
                GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        catch (NetlistException e)
        {
            foreach (var d in DiagnosticDisplay.Select(e.Diagnostics, netlistFile.FullName)) Report(errors, d);
            var count = e.Errors.Count();
            errors.MarkupLine($"[red]{count} error{(count == 1 ? "" : "s")} in {Markup.Escape(netlistFile.Name)}; nothing was simulated.[/]");
            return ExitCodes.BadInput;
        }
        if (netlist.Analyses.Count == 0 && netlist.Control is null)
        {
            foreach (var w in netlist.Warnings.Where(w => w.Location.Line > 0)) Report(errors, w);
            Line(errors, Color.Red, $"{netlistFile.Name}: no analysis (.op, .dc, .tran, .ac or .tf) and no .control block in the netlist; nothing was simulated.");
            return ExitCodes.BadInput;
        }
        foreach (var w in netlist.Warnings) Report(errors, w);
        // a run without .step or .control simulates the circuit read, once: nothing builds another, and the statements
        // kept for that are most of a large netlist's memory
        if (netlist.Step is null && netlist.Control is null) netlist.ReleaseStatements();

        var baseName = Path.GetFileNameWithoutExtension(netlistFile.Name);
        OutputFolder folder;
        try
        {
            folder = OutputFolder.Open(outputDirectory, baseName);
        }
        catch (OutputFolderException e)
        {
            Line(errors, Color.Red, $"{e.Message}; nothing was simulated.");
            return ExitCodes.BadInput;
        }
        using (folder)
        using (var interruption = Interruption.Listen(Console.Error))
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(interruption.Token, cancel))
        {
            if (!quiet && folder.RemovedTemporaries.Count > 0)
                Line(errors, Color.Yellow, $"removed {folder.RemovedTemporaries.Count} temporary file(s) left in {folder.Directory} by a run that was killed");
            netlist.Options.DeviceFiles = new CircuitSim.Core.Files.DeviceFiles(folder.Directory, deviceFilesAnywhere);
            var code = Run(netlist, folder, format, plot, quiet, ascii, console, errors, stats, jobs, plotFormat, families, stop, clock);
            if (code == ExitCodes.Interrupted && interruption.Signal is { } signal) return Interruption.ExitCode(signal);
            return code;
        }
    }

    private static int Run(Netlist.Netlist netlist, OutputFolder folder, string format, bool plot, bool quiet, bool ascii,
        IAnsiConsole console, IAnsiConsole errors, bool stats, int jobs, PlotFormat plotFormat, IReadOnlyList<IDeviceFamily> families,
        CancellationTokenSource stop, Stopwatch clock)
    {
        var outputDirectory = folder.Directory;
        var request = new OutputRequest(outputDirectory, folder.BaseName,
            Raw: format is "raw" or "both", Csv: format is "csv" or "both", AsciiRaw: ascii, Plot: plot) { Charts = netlist.Plots, PlotFormat = plotFormat };
        var runner = new NetlistRunner(netlist) { Parallelism = jobs, OutputDirectory = outputDirectory, Cancellation = stop.Token };
        // .print tables, .four results and .control output; held back while a progress bar is drawn
        var live = quiet || !console.Profile.Capabilities.Interactive;
        runner.Terminal = live ? console.Profile.Out.Writer : new StringWriter();
        List<PlotOutcome> outcomes;
        List<string> files;
        List<string> notes;
        // the families' own analyses of the run (the AMM ring's loops with --plot)
        var runOutput = new RunOutput(outputDirectory, request.BaseName, plot, plotFormat);
        // a loop, not OfType().Select(): LINQ's Select on its own iterators is a generic virtual method, which the
        // native executable resolves at run time (0.7 ms of a one-resistor run)
        var analyses = new List<IRunAnalysis>();
        foreach (var f in families)
            if (f is IRunAnalysisFamily family && family.CreateRunAnalysis(netlist.Circuit, runOutput) is { } analysis) analyses.Add(analysis);
        var output = new FileOutputObserver(request, stop.Cancel);
        using (output)
        {
            IRunObserver[] observers = analyses.Prepend<IRunObserver>(output).ToArray();
            if (quiet || !console.Profile.Capabilities.Interactive)
                outcomes = runner.Run(observers);
            else
            {
                List<PlotOutcome>? result = null;
                console.Progress().AutoClear(true).HideCompleted(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .Start(ctx => result = runner.Run(observers.Append(new ProgressObserver(ctx)).ToArray()));
                outcomes = result!;
            }
            output.Dispose();
            files = output.FilesWritten;
            files.AddRange(runner.FilesWritten);
            notes = output.Notes;
        }
        if (!live) console.Profile.Out.Writer.Write(runner.Terminal.ToString());
        if (output.Failure is { } writeFailure)
        {
            if (files.Count > 0) folder.Finish(files); // else leave the folder as it was (a full disk stays as full as before)
            var kept = files.Count > 0 ? $" Kept the files of the analyses completed before: {string.Join(", ", files.Select(Path.GetFileName))}." : "";
            Line(errors, Color.Red, $"{writeFailure.Message}; the run was stopped and its temporary files removed.{kept}");
            return ExitCodes.SimulationFailed;
        }
        var measures = outcomes.SelectMany(o => o.Measures).ToList();
        try
        {
            foreach (var analysis in analyses)
            {
                analysis.Finish();
                files.AddRange(analysis.FilesWritten);
            }
            if (measures.Count > 0)
            {
                var json = Path.Combine(outputDirectory, request.BaseName + ".meas.json");
                WriteMeasures(json, measures);
                files.Add(json);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folder.Finish(files);
            Line(errors, Color.Red, $"cannot write the output files in {outputDirectory}: {e.Message}");
            return ExitCodes.SimulationFailed;
        }
        folder.Finish(files);

        var interrupted = stop.IsCancellationRequested;
        var failed = outcomes.Where(o => o.Failure is not null and not OperationCanceledException).ToList();
        if (!quiet) Summary(console, netlist, outcomes, files, measures, notes, clock.Elapsed);
        else MeasureTable(console, measures); // results, not chatter: -q keeps them
        if (!quiet) foreach (var line in analyses.SelectMany(a => a.Lines)) console.WriteLine(line);
        if (stats) TimeSplit(console, outcomes);
        // the engine's own warnings (floating nodes, single-terminal nodes), once each however many analyses saw them
        foreach (var w in outcomes.SelectMany(o => o.Warnings).Distinct()) PlainText.Line(errors, $"warning: {w}", new Style(Color.Yellow));
        foreach (var f in failed)
        {
            var kept = f.Points > 0 ? $" The {f.Points} points computed before the failure are in the output files." : "";
            errors.MarkupLine($"[red]{Markup.Escape(f.Info.PlotName)}{(f.Info.StepLabel is null ? "" : $" ({Markup.Escape(f.Info.StepLabel)})")} failed:[/] {Markup.Escape(f.Failure!.Message)}{Markup.Escape(kept)}");
        }
        if (interrupted)
        {
            Line(errors, Color.Yellow, InterruptedAt(output) + "; the points computed so far are in the output files.");
            return ExitCodes.Interrupted;
        }
        if (runner.ScriptError is { } scriptError)
        {
            Report(errors, scriptError);
            errors.MarkupLine("[red]the .control script stopped here; what ran before it is in the output files.[/]");
            return ExitCodes.BadInput;
        }
        if (failed.Any(f => f.Failure is CircuitException)) return ExitCodes.BadInput;
        return failed.Count > 0 ? ExitCodes.SimulationFailed : ExitCodes.Success;
    }

    /// <summary>"interrupted at t = 1.25 ms" (the last point written), or the analysis it stopped in or before.</summary>
    private static string InterruptedAt(FileOutputObserver output)
    {
        if (output.CurrentPlot is not { } plot) return "interrupted before the first analysis";
        if (double.IsNaN(output.LastScale)) return $"interrupted in the {plot.PlotName}";
        var value = plot.Analysis is TranSpec
            ? "t = " + EngineeringFormat.Format(output.LastScale, "s")
            : $"{plot.ScaleName} = {output.LastScale.ToString("G6", CultureInfo.InvariantCulture)}";
        return $"interrupted at {value} ({plot.PlotName}{(plot.StepLabel is null ? "" : ", " + plot.StepLabel)})";
    }

    /// <summary>One line in a colour, taken literally (no markup and no emoji codes such as ":man:" in quoted text).</summary>
    internal static void Line(IAnsiConsole console, Color color, string text) =>
        console.Write(new Text(text + Environment.NewLine, new Style(color)));

    private static void Report(IAnsiConsole errors, NetlistDiagnostic d)
    {
        var lines = d.Format().Split('\n');
        Line(errors, d.Severity == Severity.Error ? Color.Red : Color.Yellow, lines[0]);
        foreach (var l in lines.Skip(1)) errors.Write(new Text(l.TrimEnd('\r') + Environment.NewLine));
    }

    private static void Summary(IAnsiConsole console, Netlist.Netlist netlist, List<PlotOutcome> outcomes, List<string> files,
        List<MeasureOutcome> measures, List<string> notes, TimeSpan elapsed)
    {
        PlainText.Line(console, netlist.Title, new Style(decoration: Decoration.Bold));
        var table = new Table().Border(TableBorder.Rounded)
            .Column("analysis").Column("points", rightAligned: true).Column("accepted / rejected", rightAligned: true)
            .Column("Newton its", rightAligned: true).Column("time", rightAligned: true).Column("status");
        foreach (var o in outcomes)
        {
            var name = o.Info.PlotName + (o.Info.StepLabel is null ? "" : $" ({o.Info.StepLabel})");
            var steps = o.Info.Analysis is TranSpec ? $"{o.Statistics.AcceptedSteps} / {o.Statistics.RejectedSteps}" : "–";
            var status = o.Failure is null ? PlainText.Cell("ok", new Style(Color.Green)) : PlainText.Cell("failed", new Style(Color.Red));
            table.AddRow(PlainText.Cell(name), PlainText.Cell(o.Points.ToString(CultureInfo.InvariantCulture)), PlainText.Cell(steps),
                PlainText.Cell(o.Statistics.NewtonIterations.ToString(CultureInfo.InvariantCulture)),
                PlainText.Cell(EngineeringFormat.Format(o.Statistics.TotalSeconds, "s")), status);
        }
        console.Write(table);
        OperatingPointTable.Write(console, outcomes);
        MeasureTable(console, measures);
        foreach (var n in notes) PlainText.Line(console, n);
        foreach (var f in files)
        {
            console.Write(new Text("wrote "));
            PlainText.Line(console, f, new Style(Color.Blue));
        }
        PlainText.Line(console, $"done in {EngineeringFormat.Format(elapsed.TotalSeconds, "s")}");
    }

    private static void MeasureTable(IAnsiConsole console, List<MeasureOutcome> measures)
    {
        if (measures.Count == 0) return;
        var mt = new Table().Border(TableBorder.Rounded).Column(".meas").Column("value", rightAligned: true);
        foreach (var m in measures)
            mt.AddRow(PlainText.Cell(m.Name + (m.StepLabel is null ? "" : $" ({m.StepLabel})")),
                m.Value is { } v ? PlainText.Cell(v.ToString("G6", CultureInfo.InvariantCulture)) : PlainText.Cell(m.Failure ?? "failed", new Style(Color.Yellow)));
        console.Write(mt);
    }

    /// <summary>Where each analysis spent its time (the engine's stopwatch splits), one column per analysis.</summary>
    private static void TimeSplit(IAnsiConsole console, List<PlotOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("time split");
        foreach (var o in outcomes)
            table.AddColumn(new TableColumn(Markup.Escape(o.Info.PlotName + (o.Info.StepLabel is null ? "" : $" ({o.Info.StepLabel})"))).RightAligned());
        string Part(SimulationStatistics s, double seconds) => s.TotalSeconds > 0
            ? $"{EngineeringFormat.Format(seconds, "s")} ({100 * seconds / s.TotalSeconds:F0} %)"
            : EngineeringFormat.Format(seconds, "s");
        void Row(string label, Func<SimulationStatistics, string> cell) =>
            table.AddRow(new[] { label }.Concat(outcomes.Select(o => cell(o.Statistics))).ToArray());
        Row("total", s => EngineeringFormat.Format(s.TotalSeconds, "s"));
        Row("load", s => Part(s, s.LoadSeconds));
        Row("  in device solvers", s => Part(s, s.DeviceSolverSeconds));
        Row("factor", s => Part(s, s.FactorSeconds));
        Row("solve", s => Part(s, s.SolveSeconds));
        Row("truncation", s => Part(s, s.TruncationSeconds));
        Row("accept", s => Part(s, s.AcceptSeconds));
        Row("other", s => Part(s, Math.Max(0, s.TotalSeconds - s.LoadSeconds - s.FactorSeconds - s.SolveSeconds - s.TruncationSeconds - s.AcceptSeconds)));
        Row("Newton iterations", s => s.NewtonIterations.ToString(CultureInfo.InvariantCulture));
        Row("time points (rejected)", s => $"{s.AcceptedSteps.ToString(CultureInfo.InvariantCulture)} ({s.RejectedSteps.ToString(CultureInfo.InvariantCulture)})");
        Row("factorizations", s => s.Factorizations.ToString(CultureInfo.InvariantCulture));
        Row("device advances", s => s.DeviceAdvances.ToString(CultureInfo.InvariantCulture));
        Row("device loads (bypassed)", s => $"{s.DeviceLoads.ToString(CultureInfo.InvariantCulture)} ({s.DeviceBypasses.ToString(CultureInfo.InvariantCulture)})");
        Row("batch loads on several threads", s => s.ParallelBatchLoads.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
    }

    private static void WriteMeasures(string path, List<MeasureOutcome> measures)
    {
        // JSON has no infinity or NaN: such a value is written as null with the reason (fuzz seed 26, case 959)
        var items = measures.Select(m => m.Value is { } v && !double.IsFinite(v)
            ? new MeasureRecord(m.Name, m.StepLabel, null, m.Failure ?? $"the value {v.ToString(CultureInfo.InvariantCulture)} is not a finite number")
            : new MeasureRecord(m.Name, m.StepLabel, m.Value, m.Failure)).ToList();
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(items, MeasuresJson.Default.ListMeasureRecord));
    }
}
