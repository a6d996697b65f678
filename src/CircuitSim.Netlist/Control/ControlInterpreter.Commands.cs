using CircuitSim.Core.Circuits;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Sources;
using CircuitSim.Netlist.Measurements;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output;

namespace CircuitSim.Netlist.Control;

/// <summary>The commands: analyses and run, output (print, wrdata, write, echo), vectors (let, unlet, meas,
/// linearize, fourier, setplot) and settings (set, unset, option, alter, altermod, save).</summary>
internal sealed partial class ControlInterpreter
{
    private void Run(ControlCommand c)
    {
        var arguments = Substitute(c.Arguments, c.Line, c.ArgumentsOffset);
        if (c.Arguments.Contains('$') && ControlCommands.Checker(c.Name) is { } check)
        {
            try
            {
                check(arguments);
            }
            catch (ControlSyntaxException e)
            {
                throw Failure(c.Line, c.ArgumentsOffset + e.Position, e.Message, e.Expected);
            }
        }
        switch (c.Name)
        {
            case "op" or "dc" or "tran" or "ac" or "tf": Analysis(c, arguments); break;
            case "run": RunNetlist(c); break;
            case "print": PrintCommand(c, arguments); break;
            case "wrdata": Wrdata(c, arguments); break;
            case "write": Write(c, arguments); break;
            case "echo": Print(Echo(arguments) + "\n"); break;
            case "let": Let(c, arguments); break;
            case "unlet": foreach (var (name, _) in ControlCommands.Words(arguments)) (_current ?? _constants).Remove(name); break;
            case "meas" or "measure": Measure(c, arguments); break;
            case "linearize": Linearize(c, arguments); break;
            case "fourier": Fourier(c, arguments); break;
            case "setplot": SetPlot(c, arguments); break;
            case "set":
                foreach (var (name, value) in SetArguments.Parse(arguments)) _variables[name] = value;
                break;
            case "unset": foreach (var (name, _) in ControlCommands.Words(arguments)) _variables.Remove(name); break;
            case "option" or "options" or "opt": Option(c, arguments); break;
            case "alter" or "altermod": Alter(c, arguments, c.Name == "altermod"); break;
            case "save": Save(c, arguments); break;
            case "quit" or "exit": _quit = true; break;
            default: throw Failure(c, $"not supported in .control: {c.Name}; supported: {ControlCommands.SupportedList}");
        }
    }

    // ---- analyses ----

    private void Analysis(ControlCommand c, string arguments)
    {
        AnalysisSpec spec;
        if (c.Name == "op")
        {
            if (arguments.Trim().Length > 0) throw Failure(c, $"unexpected '{arguments.Trim()}'", "op without arguments");
            spec = new OpSpec(c.Line.Locate(0));
        }
        else spec = BuildAnalysis(c, arguments, _netlist.Scope);
        var recorder = new PlotRecorder();
        var outcome = _runner.RunAnalysis(spec, _observers.Append(recorder).ToArray());
        Keep(outcome, recorder.Plots.Count > 0 ? recorder.Plots[^1] : null);
    }

    /// <summary>The analysis a tran/dc/ac/tf command asks for, read as its dot line would be.</summary>
    internal static AnalysisSpec BuildAnalysis(ControlCommand c, string arguments, ParameterScope scope)
    {
        var s = ControlCommands.Statement(c, arguments);
        return c.Name switch
        {
            "tran" => ControlReader.Tran(s, scope),
            "dc" => ControlReader.Dc(s, scope),
            "ac" => ControlReader.Ac(s, scope),
            "tf" => ControlReader.Tf(s),
            _ => new OpSpec(c.Line.Locate(0)),
        };
    }

    /// <summary><c>run</c>: the netlist's analysis lines (and its .step), each becoming a plot.</summary>
    private void RunNetlist(ControlCommand c)
    {
        if (_netlist.Analyses.Count == 0)
            throw Failure(c.Line, 0, "run: the netlist has no analysis line", ".op, .dc, .tran, .ac or .tf in the netlist, or an analysis command");
        var recorder = new PlotRecorder();
        foreach (var outcome in _runner.RunAnalyses(_observers.Append(recorder).ToArray()))
            Keep(outcome, recorder.Plots.FirstOrDefault(p => ReferenceEquals(p.Info, outcome.Info)));
    }

    /// <summary>Records an analysis' outcome and makes its vectors the current plot.</summary>
    private void Keep(PlotOutcome outcome, PlotRecorder.RecordedPlot? recorded)
    {
        Outcomes.Add(outcome);
        if (recorded is null) return;
        var kind = outcome.Info.Analysis.Kind;
        var n = _plotCounts[kind] = _plotCounts.GetValueOrDefault(kind) + 1;
        var plot = VectorPlot.FromRecording(recorded, kind + n, DateTime.Now);
        _plots.Add(plot);
        _outcomes[plot] = outcome;
        _current = plot;
    }

    private VectorPlot CurrentPlot(ControlCommand c) =>
        _current ?? throw Failure(c.Line, 0, $"{c.Name}: no analysis has run yet", "an analysis command (op, dc, tran, ac, tf) or run first");

    // ---- output ----

    private void PrintCommand(ControlCommand c, string arguments)
    {
        var (mode, offset) = ControlCommands.PrintMode(arguments);
        var digits = IntegerVariable("numdgt", PrintFormat.DefaultDigits);
        if (digits < 2) digits = PrintFormat.DefaultDigits;
        var rest = arguments[offset..].Trim();
        List<VectorValue> values;
        if (rest.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var plot = CurrentPlot(c);
            values = plot.Vectors.Where(v => !ReferenceEquals(v, plot.Scale)).ToList();
        }
        else values = EvaluateList(arguments[offset..], c.Line, c.ArgumentsOffset + offset);
        if (mode == "line") Print(PrintFormat.Line(values, digits));
        else if (values.All(v => v.Length == 1)) Print(PrintFormat.Scalars(values, digits));
        else
        {
            var plot = _current ?? _constants;
            var scale = values.FirstOrDefault(v => v.Scale is not null)?.Scale ?? plot.Scale;
            Print(PrintFormat.Table(plot.Title, plot.TypeName, plot.Date, scale, values, digits, IntegerVariable("width", PrintFormat.DefaultWidth)));
        }
    }

    private void Wrdata(ControlCommand c, string arguments)
    {
        var words = ControlCommands.Words(arguments);
        var values = EvaluateList(arguments[words[1].Offset..], c.Line, c.ArgumentsOffset + words[1].Offset);
        var digits = IntegerVariable("numdgt", WrdataFormat.DefaultDigits);
        var text = WrdataFormat.Format(values, _variables.ContainsKey("wr_singlescale"), _variables.ContainsKey("wr_vecnames"), digits);
        var path = OutputPath(c, words[0].Text);
        AtomicFile.WriteAllText(path, text);
        _runner.FilesWritten.Add(path);
    }

    /// <summary><c>write [file] [expr …]</c>: the current plot (or those vectors) as a raw file, binary unless
    /// <c>set filetype=ascii</c>.</summary>
    private void Write(ControlCommand c, string arguments)
    {
        var plot = CurrentPlot(c);
        var words = ControlCommands.Words(arguments);
        var file = words.Count > 0 ? words[0].Text : "rawspice.raw";
        var vectors = words.Count > 1 ? EvaluateList(arguments[words[1].Offset..], c.Line, c.ArgumentsOffset + words[1].Offset) : null;
        var set = plot.ToWaveforms(vectors);
        if (set.Vectors.Count == 0) throw Failure(c, "write: nothing to write (no vector has the plot's length)");
        var encoding = _variables.TryGetValue("filetype", out var type) && type.Equals("ascii", StringComparison.OrdinalIgnoreCase)
            ? RawEncoding.Ascii : RawEncoding.Binary;
        var path = OutputPath(c, file);
        RawFile.Write(path, set, encoding);
        _runner.FilesWritten.Add(path);
    }

    /// <summary>A file name of the script, relative names under the run's output directory; a name that leaves it (an
    /// absolute path, a <c>..</c>, a symbolic link) is refused when the run confines its files (the CLI does, see
    /// <see cref="Core.Files.DeviceFiles"/>).</summary>
    private string OutputPath(ControlCommand c, string name)
    {
        string path;
        try
        {
            path = new Core.Files.DeviceFiles(_runner.OutputDirectory, _netlist.Options.DeviceFiles.AllowOutside).Resolve(name, c.Name);
        }
        catch (Core.Files.DeviceFileException e)
        {
            throw Failure(c, e.Message, "a file name inside the output directory");
        }
        var directory = Path.GetDirectoryName(path);
        if (directory is not null) Directory.CreateDirectory(directory);
        return path;
    }

    /// <summary>The words of echo with quotes removed.</summary>
    private static string Echo(string arguments) =>
        string.Join(' ', ControlCommands.Words(arguments).Select(w => w.Text.Trim('"', '\'')));

    // ---- vectors ----

    private void Let(ControlCommand c, string arguments)
    {
        var (name, offset) = ControlCommands.SplitLet(arguments);
        var value = Evaluate(arguments[offset..], c.Line, c.ArgumentsOffset + offset);
        (_current ?? _constants).Set(value.Named(name));
    }

    private void Measure(ControlCommand c, string arguments)
    {
        var plot = CurrentPlot(c);
        MeasureStatement statement;
        try
        {
            statement = MeasureParser.Parse(arguments);
        }
        catch (MeasureSyntaxException e)
        {
            throw Failure(c.Line, c.ArgumentsOffset + e.Column, e.Message, e.Expected);
        }
        var analysis = ControlCommands.Words(arguments)[0].Text.ToLowerInvariant();
        if (plot.Analysis?.Kind != analysis)
            throw Failure(c, $"meas {analysis}: the current plot {plot.Name} is {plot.TypeName}", $"a {analysis} analysis before the meas");
        var result = MeasureEvaluator.Evaluate(statement, MeasureTable(plot), name => Lookup(name)?.RealAt(0)
            ?? throw new InvalidOperationException($"no vector '{name}'"));
        var measureName = ControlCommands.Words(arguments)[1].Text.ToLowerInvariant();
        if (result.Value is { } value)
        {
            Print($"{measureName,-20}=  {CNumberFormat.E(value, 6)}\n");
            plot.Set(VectorValue.Scalar(measureName, value));
        }
        else Print($" meas {analysis} {measureName} failed: {result.Failure}\n");
        if (_outcomes.TryGetValue(plot, out var outcome))
            outcome.Measures.Add(new MeasureOutcome(measureName, outcome.Info.StepLabel, result.Value, result.Failure));
    }

    /// <summary>The plot as .meas sees it: real vectors; a complex one as its magnitude under its own name and its
    /// real and imaginary parts as vr(…)/vi(…).</summary>
    private static IWaveformTable MeasureTable(VectorPlot plot)
    {
        var scale = plot.Scale?.Real ?? [0.0];
        var table = new WaveformTable(plot.Scale?.Name ?? "point", scale);
        foreach (var v in plot.Vectors)
        {
            if (ReferenceEquals(v, plot.Scale) || v.Length != scale.Length) continue;
            if (!v.IsComplex)
            {
                table.Add(v.Name, v.Real);
                continue;
            }
            table.Add(v.Name, v.Complex.Select(z => z.Magnitude).ToArray());
            var open = v.Name.IndexOf('(');
            if (open <= 0) continue;
            table.Add(v.Name[..open] + "r" + v.Name[open..], v.Real);
            table.Add(v.Name[..open] + "i" + v.Name[open..], v.Complex.Select(z => z.Imaginary).ToArray());
        }
        return table;
    }

    /// <summary><c>linearize [expr …]</c>: a new plot on the transient's tstep grid (ngspice's linearize).</summary>
    private void Linearize(ControlCommand c, string arguments)
    {
        var plot = CurrentPlot(c);
        if (plot.Analysis is not TranSpec tran || plot.Scale is null)
            throw Failure(c, $"linearize: the current plot {plot.Name} is not a transient");
        var vectors = arguments.Trim().Length > 0 ? EvaluateList(arguments, c.Line, c.ArgumentsOffset) : null;
        var resampled = Output.Linearize.Resample(plot.ToWaveforms(vectors), tran.Step, tran.Stop, tran.Start);
        var n = _plotCounts["tran"] = _plotCounts.GetValueOrDefault("tran") + 1;
        var result = VectorPlot.FromWaveforms(resampled, "tran" + n, DateTime.Now, tran);
        _plots.Add(result);
        _current = result;
    }

    private void Fourier(ControlCommand c, string arguments)
    {
        var plot = CurrentPlot(c);
        var words = ControlCommands.Words(arguments);
        Core.Expressions.EngineeringNumber.TryParse(words[0].Text, out var f);
        if (plot.Analysis is not TranSpec || plot.Scale is null) throw Failure(c, $"fourier: the current plot {plot.Name} is not a transient");
        foreach (var v in EvaluateList(arguments[words[1].Offset..], c.Line, c.ArgumentsOffset + words[1].Offset))
        {
            var result = FourierAnalysis.Analyze(v.Name, plot.Scale.Real, v.Real, f,
                IntegerVariable("nfreqs", _netlist.FourierHarmonics), IntegerVariable("fourgridsize", _netlist.FourierGridSize));
            Print(FourierAnalysis.Format(result, Math.Max(2, IntegerVariable("numdgt", PrintFormat.DefaultDigits))));
        }
    }

    private void SetPlot(ControlCommand c, string arguments)
    {
        var name = arguments.Trim();
        _current = _plots.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? (name.Equals("const", StringComparison.OrdinalIgnoreCase) ? _constants : null)
            ?? throw Failure(c, $"no plot named '{name}' (there are: {string.Join(", ", _plots.Select(p => p.Name).Append("const"))})");
    }

    // ---- settings ----

    private void Option(ControlCommand c, string arguments)
    {
        var bag = new DiagnosticBag();
        ControlReader.Options(ControlCommands.Statement(c, arguments), _netlist, _netlist.Scope, bag);
        foreach (var w in bag.Items) Print(w.Format() + "\n");
    }

    private void Alter(ControlCommand c, string arguments, bool model)
    {
        (string Target, int TargetOffset, List<AlterArguments.Change> Changes) parsed;
        try
        {
            parsed = AlterArguments.Parse(arguments, model);
        }
        catch (ControlSyntaxException e)
        {
            throw Failure(c.Line, c.ArgumentsOffset + e.Position, e.Message, e.Expected);
        }
        var changes = parsed.Changes.Select(ch => (ch.Parameter,
            Value: Evaluate(ch.Value, c.Line, c.ArgumentsOffset + ch.ValueOffset).RealAt(0), ch.ValueOffset)).ToList();
        var circuit = _netlist.Circuit;
        Entity entity;
        if (model)
            entity = circuit.TryGetModel(parsed.Target, out var m) ? m
                : throw Failure(c.Line, c.ArgumentsOffset + parsed.TargetOffset, $"altermod: no model named '{parsed.Target}'");
        else
            entity = circuit.TryGetComponent(parsed.Target, out var component) ? component
                : throw Failure(c.Line, c.ArgumentsOffset + parsed.TargetOffset, $"alter: no device named '{parsed.Target}'");
        foreach (var (parameter, value, offset) in changes)
        {
            var name = parameter.Length > 0 ? parameter : DefaultParameter(entity)
                ?? throw Failure(c.Line, c.ArgumentsOffset + parsed.TargetOffset,
                    $"alter: say which parameter of {entity.Name} to change", $"one of {string.Join(", ", ParameterRegistry.NamesOf(entity.GetType()))}");
            bool known;
            try
            {
                known = entity.SetParameter(name, value);
            }
            catch (ArgumentException e)
            {
                throw Failure(c.Line, c.ArgumentsOffset + offset, $"{c.Name}: {e.Message}");
            }
            if (!known)
                throw Failure(c.Line, c.ArgumentsOffset + offset, $"{c.Name}: {entity.Name} has no parameter '{name}'",
                    $"one of {string.Join(", ", ParameterRegistry.NamesOf(entity.GetType()))}");
            var (target, key) = (entity.Name, name);
            _runner.Alterations.Add(model
                ? built => { if (built.TryGetModel(target, out var bm)) bm.SetParameter(key, value); }
                : built => { if (built.TryGetComponent(target, out var bc)) bc.SetParameter(key, value); });
        }
    }

    /// <summary>The parameter <c>alter dev value</c> changes: a resistance, capacitance, inductance or DC value.</summary>
    private static string? DefaultParameter(Entity entity) => entity switch
    {
        Resistor => "r",
        Capacitor => "c",
        Inductor => "l",
        IndependentSource => "dc",
        _ => null,
    };

    private void Save(ControlCommand c, string arguments)
    {
        var words = ControlCommands.Words(arguments);
        if (words.Count == 0) throw Failure(c, "save needs vectors or all", "save v(node) i(source) … or save all");
        _netlist.Saves.Clear();
        _netlist.SaveAll = false;
        foreach (var (word, _) in words)
        {
            if (word.Equals("all", StringComparison.OrdinalIgnoreCase)) _netlist.SaveAll = true;
            else _netlist.Saves.Add(word.Contains('(') || word.StartsWith('@') ? word.ToLowerInvariant() : $"v({word.ToLowerInvariant()})");
        }
    }
}
