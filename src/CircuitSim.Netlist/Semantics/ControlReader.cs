using System.Globalization;
using CircuitSim.Core.Analyses;
using CircuitSim.Core.Expressions;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>Reads the top-level control statements: analyses, options, .temp, .ic/.nodeset, .save/.print, .meas, .step,
/// .four.</summary>
internal static class ControlReader
{
    private static readonly Dictionary<string, Action<SimulationOptions, double>> NumericOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reltol"] = (o, v) => o.RelTol = v,
        ["abstol"] = (o, v) => o.AbsTol = v,
        ["vntol"] = (o, v) => o.VnTol = v,
        ["chgtol"] = (o, v) => o.ChgTol = v,
        ["trtol"] = (o, v) => o.TrTol = v,
        ["gmin"] = (o, v) => o.Gmin = v,
        ["gshunt"] = (o, v) => o.Gshunt = v,
        ["rshunt"] = (o, v) => o.Rshunt = v,
        ["itl1"] = (o, v) => o.Itl1 = (int)v,
        ["itl2"] = (o, v) => o.Itl2 = (int)v,
        ["itl4"] = (o, v) => o.Itl4 = (int)v,
        ["pivrel"] = (o, v) => o.PivRel = v,
        ["pivtol"] = (o, v) => o.PivTol = v,
        ["temp"] = (o, v) => o.Temperature = v,
        ["tnom"] = (o, v) => o.NominalTemperature = v,
        ["maxord"] = (o, v) => o.MaxOrder = (int)v,
        ["maxstep"] = (o, v) => o.MaxStep = v,
        ["gminsteps"] = (o, v) => o.GminSteps = (int)v,
        ["srcsteps"] = (o, v) => o.SourceSteps = (int)v,
        ["bypass"] = (o, v) => o.Bypass = v != 0,
        ["threads"] = (o, v) => o.Threads = Math.Max(0, (int)v),
    };

    /// <summary>Options ngspice accepts that change nothing here; they are ignored without a warning.</summary>
    private static readonly HashSet<string> Harmless = new(StringComparer.OrdinalIgnoreCase)
    {
        "acct", "noacct", "post", "list", "nomod", "node", "nopage", "opts", "savecurrents", "norefvalue", "noinit", "keepopinfo", "klu", "sparse",
    };

    public static void Read(Statement s, Netlist netlist, ParameterScope scope, DiagnosticBag diagnostics)
    {
        switch (s.Keyword)
        {
            case ".options" or ".option" or ".opt": Options(s, netlist, scope, diagnostics); break;
            case ".temp": Temperatures(s, netlist, scope); break;
            case ".op": netlist.Analyses.Add(new OpSpec(s.Start)); break;
            case ".tran": netlist.Analyses.Add(Tran(s, scope)); break;
            case ".dc": netlist.Analyses.Add(Dc(s, scope)); break;
            case ".ac": netlist.Analyses.Add(Ac(s, scope)); break;
            case ".tf": netlist.Analyses.Add(Tf(s)); break;
            case ".ic": NodeValues(s, netlist.InitialConditions, scope); break;
            case ".nodeset": NodeValues(s, netlist.Nodesets, scope); break;
            case ".save" or ".probe": Save(s, netlist, skipAnalysis: false); break;
            case ".print": Print(s, netlist); break;
            case ".plot": Plot(s, netlist); break;
            case ".meas" or ".measure": Measure(s, netlist, scope); break;
            case ".step": Step(s, netlist, scope); break;
            case ".four" or ".fourier": Fourier(s, netlist, scope); break;
            case ".noise" or ".pz" or ".disto" or ".sens" or ".pss" or ".sp":
                throw new StatementException(s.Start, $"{s.Keyword} analysis is not supported", SupportedAnalyses);
            case ".width" or ".title":
                break;
            default:
                throw new StatementException(s.At(s.Tokens[0]), $"unknown command '{s.Tokens[0].Text}'",
                    ".op, .dc, .tran, .ac, .tf, .four, .param, .model, .subckt, .options, .ic, .nodeset, .save, .print, .plot, .meas, .step, .include, .lib, .func, .global, .temp, .control or .end");
        }
    }

    /// <summary>The analysis an .op/.tran/.dc/.ac statement asks for, evaluated in <paramref name="scope"/> (a .step
    /// run re-reads them with its parameter values, so e.g. tstop can follow a stepped frequency); null for others.</summary>
    public static AnalysisSpec? Analysis(Statement s, ParameterScope scope) => s.Keyword switch
    {
        ".op" => new OpSpec(s.Start),
        ".tran" => Tran(s, scope),
        ".dc" => Dc(s, scope),
        ".ac" => Ac(s, scope),
        ".tf" => Tf(s),
        _ => null,
    };

    /// <summary>The analyses this simulator runs, for messages.</summary>
    internal const string SupportedAnalyses = ".op, .dc, .tran, .ac, .tf or .four (with .tran)";

    private static double Value(Statement s, int index, ParameterScope scope, string syntax)
    {
        if (index >= s.Tokens.Count) throw new StatementException(s.End, $"{s.Keyword}: missing value", syntax);
        return CircuitBuilder.Number(s, s.Tokens[index], scope);
    }

    /// <summary><c>.temp t1 [t2 …]</c> (°C): the first is the run's temperature; a sweep runs each.</summary>
    private static void Temperatures(Statement s, Netlist netlist, ParameterScope scope)
    {
        netlist.Options.Temperature = Value(s, 1, scope, ".temp value");
        netlist.Temperatures.Clear();
        for (var i = 1; i < s.Tokens.Count; i++) netlist.Temperatures.Add(CircuitBuilder.Number(s, s.Tokens[i], scope));
        netlist.TemperatureAt = s.Start;
    }

    internal static void Options(Statement s, Netlist netlist, ParameterScope scope, DiagnosticBag diagnostics)
    {
        var args = ElementArgs.From(s, 1);
        foreach (var flag in args.Positional)
        {
            if (flag.Is("noopiter")) netlist.Options.NoOpIter = true;
            else if (!Harmless.Contains(flag.Text)) diagnostics.Warning(s.At(flag), $"option '{flag.Text}' is not known and is ignored");
        }
        foreach (var (key, value) in args.Named)
        {
            if (NumericOptions.TryGetValue(key.Text, out var set)) set(netlist.Options, CircuitBuilder.Number(s, value, scope));
            else if (key.Is("seed")) { /* read before the circuit is built (NetlistReader.SeedOption) */ }
            else if (key.Is("nfreqs")) netlist.FourierHarmonics = PositiveInteger(s, value, scope, 1, "nfreqs");
            else if (key.Is("fourgridsize")) netlist.FourierGridSize = PositiveInteger(s, value, scope, 2, "fourgridsize");
            else if (key.Is("method"))
            {
                netlist.Options.Method = value.Text.ToLowerInvariant() switch
                {
                    "trap" or "trapezoidal" => IntegrationMethodKind.Trapezoidal,
                    "gear" => IntegrationMethodKind.Gear,
                    _ => throw new StatementException(s.At(value), $"unknown integration method '{value.Text}'", "trap or gear"),
                };
                if (netlist.Options.Method == IntegrationMethodKind.Gear && netlist.Options.MaxOrder == 2) netlist.Options.MaxOrder = 2;
            }
            else if (!Harmless.Contains(key.Text)) diagnostics.Warning(s.At(key), $"option '{key.Text}' is not known and is ignored");
        }
    }

    private static int PositiveInteger(Statement s, Token value, ParameterScope scope, int minimum, string name)
    {
        var v = CircuitBuilder.Number(s, value, scope);
        if (!(v >= minimum && v <= 1_000_000) || v != Math.Floor(v))
            throw new StatementException(s.At(value), $"{name} must be an integer from {minimum} to 1000000", "an integer");
        return (int)v;
    }

    private static readonly string[] TranNames = { "tstep", "tstop", "tstart", "tmax" };

    /// <summary>Most points of a transient's output grid: beyond 2^52 the grid times stop being distinct doubles.</summary>
    public const double MaxTranGridPoints = 4503599627370496; // 2^52

    internal static TranSpec Tran(Statement s, ParameterScope scope)
    {
        const string syntax = ".tran tstep tstop [tstart [tmax]] [uic]";
        var values = new List<double>();
        var uic = false;
        foreach (var t in s.Tokens.Skip(1))
        {
            if (t.Is("uic")) uic = true;
            else values.Add(CircuitBuilder.Number(s, t, scope));
        }
        if (values.Count < 2) throw new StatementException(s.End, ".tran needs tstep and tstop", syntax);
        if (values.Count > 4) throw new StatementException(s.At(s.Tokens[5]), "too many values in .tran", syntax);
        var numbers = s.Tokens.Skip(1).Where(t => !t.Is("uic")).ToList();
        for (var i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new StatementException(s.At(numbers[i]), $"{TranNames[i]} must be finite, not {values[i]:G6}", syntax);
        if (!(values[0] > 0)) throw new StatementException(s.At(s.Tokens[1]), "tstep must be positive", syntax);
        var start = values.Count > 2 ? values[2] : 0;
        if (!(values[1] > start)) throw new StatementException(s.At(s.Tokens[2]), "tstop must be after tstart", syntax);
        // the output grid tstart, tstart+tstep, … is streamed, but its times must stay distinct doubles
        if (values.Count > 3 && values[3] > 0 && !((values[1] - start) / values[3] <= MaxTranGridPoints))
            throw new StatementException(s.At(numbers[3]), $"tmax {values[3]:G3} s is too small for the span {values[1] - start:G3} s: more than {MaxTranGridPoints:G3} steps", syntax);
        var points = (values[1] - start) / values[0];
        if (!(points <= MaxTranGridPoints))
            throw new StatementException(s.At(s.Tokens[1]),
                $"tstep {values[0]:G3} s is too small for the span {values[1] - start:G3} s: {points:G3} output points (at most {MaxTranGridPoints:G3})", syntax);
        return new TranSpec(s.Start, values[0], values[1], start, values.Count > 3 ? values[3] : null, uic);
    }

    internal static DcSpec Dc(Statement s, ParameterScope scope)
    {
        const string syntax = ".dc source start stop step [source2 start2 stop2 step2]";
        var t = s.Tokens;
        var sweeps = new List<SweepSpec>();
        var i = 1;
        while (i < t.Count)
        {
            if (!t[i].IsWord) throw new StatementException(s.At(t[i]), "expected the name of a source, a resistor or temp", syntax);
            var target = t[i].Text;
            if (i + 1 < t.Count && t[i + 1].Is("list"))
            {
                var values = new List<double>();
                i += 2;
                while (i < t.Count && !(t[i].IsWord && char.IsLetter(t[i].Text[0]) && !EngineeringNumber.TryParse(t[i].Text, out _)))
                    values.Add(CircuitBuilder.Number(s, t[i++], scope));
                if (values.Count == 0) throw new StatementException(s.End, $".dc: list of {target} has no values", syntax);
                sweeps.Add(new SweepSpec(target, values));
                continue;
            }
            if (i + 3 >= t.Count) throw new StatementException(s.End, $".dc: sweep of {target} needs start, stop and step", syntax);
            var start = CircuitBuilder.Number(s, t[i + 1], scope);
            var stop = CircuitBuilder.Number(s, t[i + 2], scope);
            var step = CircuitBuilder.Number(s, t[i + 3], scope);
            sweeps.Add(LinearSweep(s, t[i + 3], target, start, stop, step, syntax));
            i += 4;
        }
        if (sweeps.Count == 0) throw new StatementException(s.End, ".dc needs a sweep", syntax);
        return new DcSpec(s.Start, sweeps);
    }

    internal static AcSpec Ac(Statement s, ParameterScope scope)
    {
        const string syntax = ".ac dec|oct|lin points fstart fstop";
        var t = s.Tokens;
        if (t.Count < 5) throw new StatementException(s.End, ".ac needs a sweep type, points, fstart and fstop", syntax);
        var kind = t[1].Text.ToLowerInvariant() switch
        {
            "dec" => AcSweepKind.Decade,
            "oct" => AcSweepKind.Octave,
            "lin" => AcSweepKind.Linear,
            _ => throw new StatementException(s.At(t[1]), $"unknown AC sweep '{t[1].Text}'", "dec, oct or lin"),
        };
        var n = CircuitBuilder.Number(s, t[2], scope);
        if (n < 1 || n != Math.Floor(n)) throw new StatementException(s.At(t[2]), "the number of points must be a positive integer", syntax);
        var f1 = CircuitBuilder.Number(s, t[3], scope);
        var f2 = CircuitBuilder.Number(s, t[4], scope);
        if (kind != AcSweepKind.Linear && !(f1 > 0)) throw new StatementException(s.At(t[3]), "fstart must be above 0 for a logarithmic sweep", syntax);
        if (f2 < f1) throw new StatementException(s.At(t[4]), "fstop must not be below fstart", syntax);
        if (!double.IsFinite(f1) || !double.IsFinite(f2)) throw new StatementException(s.At(t[4]), "fstart and fstop must be finite", syntax);
        var total = kind switch
        {
            AcSweepKind.Linear => n,
            AcSweepKind.Decade => n * Math.Log10(f2 / f1) + 1,
            _ => n * Math.Log2(f2 / f1) + 1,
        };
        if (!(total <= MaxSweepPoints))
            throw new StatementException(s.At(t[2]), $".ac sweep would have {total:G3} points, more than {MaxSweepPoints}", syntax);
        return new AcSpec(s.Start, kind, (int)n, f1, f2);
    }

    /// <summary><c>.tf outvar insrc</c>: outvar is v(node), v(node,node) or i(vsource).</summary>
    internal static TfSpec Tf(Statement s)
    {
        const string syntax = ".tf v(out) vin, .tf v(a,b) iin or .tf i(vout) vin";
        var t = s.Tokens;
        var i = 1;
        if (i >= t.Count) throw new StatementException(s.End, ".tf needs an output and an input source", syntax);
        if (!(t[i].IsWord && t[i].Text.ToLowerInvariant() is "v" or "i" && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Group))
            throw new StatementException(s.At(t[i]), $".tf: the output must be v(node), v(node,node) or i(vsource), got '{t[i]}'", syntax);
        var output = Vector(s, ref i);
        if (output.StartsWith("i(") && output.Contains(','))
            throw new StatementException(s.At(t[1]), ".tf: i() takes one voltage source", syntax);
        i++;
        if (i >= t.Count || !t[i].IsWord) throw new StatementException(i < t.Count ? s.At(t[i]) : s.End, ".tf needs the input source after the output", syntax);
        if (i + 1 < t.Count) throw new StatementException(s.At(t[i + 1]), $"unexpected '{t[i + 1]}'", syntax);
        return new TfSpec(s.Start, output, t[i].Text.ToLowerInvariant());
    }

    /// <summary><c>.print [tran|dc|ac|op|tf] expr …</c>: expressions as the control language's print takes them;
    /// each is checked now.</summary>
    private static void Print(Statement s, Netlist netlist)
    {
        const string syntax = ".print [tran|dc|ac|op] v(node) i(source) … (or expressions of them)";
        var t = s.Tokens;
        var i = 1;
        string? kind = null;
        if (i < t.Count && t[i].IsWord && t[i].Text.ToLowerInvariant() is "tran" or "dc" or "ac" or "op" or "tf") kind = t[i++].Text.ToLowerInvariant();
        if (i >= t.Count) throw new StatementException(s.End, ".print: no vectors", syntax);
        netlist.Prints.Add(new PrintRequest(s.Start, kind, Expressions(s, t[i])));
    }

    /// <summary><c>.four freq ov1 [ov2 …]</c>.</summary>
    private static void Fourier(Statement s, Netlist netlist, ParameterScope scope)
    {
        const string syntax = ".four freq v(out) [i(vx) …]";
        var t = s.Tokens;
        if (t.Count < 3) throw new StatementException(s.End, ".four needs the fundamental frequency and at least one output", syntax);
        var f = CircuitBuilder.Number(s, t[1], scope);
        if (!(f > 0) || !double.IsFinite(f)) throw new StatementException(s.At(t[1]), ".four: the fundamental frequency must be positive", syntax);
        netlist.Fouriers.Add(new FourierRequest(s.Start, f, Expressions(s, t[2])));
    }

    /// <summary>The control-language expressions from <paramref name="first"/> to the end of the line, as their texts
    /// (each checked now).</summary>
    private static List<string> Expressions(Statement s, Token first)
    {
        var text = s.Line.Text[first.Offset..];
        try
        {
            return Control.VectorExpressionParser.ParseList(text).Select(n => text[n.Start..n.End].Trim()).ToList();
        }
        catch (Control.VectorSyntaxException e)
        {
            throw new StatementException(s.Line.Locate(first.Offset + e.Position), $"{s.Keyword}: {e.Message}", e.Expected);
        }
    }

    /// <summary><c>.ic v(a)=1 v(b)=0</c> (also <c>v(a)=1</c> written with spaces).</summary>
    private static void NodeValues(Statement s, Dictionary<string, double> target, ParameterScope scope)
    {
        var t = s.Tokens;
        var i = 1;
        if (t.Count < 2) throw new StatementException(s.End, $"{s.Keyword} needs v(node)=value", "v(node)=value");
        while (i < t.Count)
        {
            if (!(t[i].Is("v") && i + 3 < t.Count + 1 && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Group
                  && i + 2 < t.Count && t[i + 2].Kind == TokenKind.Equals && i + 3 < t.Count))
                throw new StatementException(s.At(t[i]), $"expected v(node)=value, got '{t[i]}'", "v(node)=value");
            var group = t[i + 1].Children;
            if (group.Count != 1 || !group[0].IsWord) throw new StatementException(s.At(t[i + 1]), "v() takes one node here", "v(node)=value");
            target[group[0].Text.ToLowerInvariant()] = CircuitBuilder.Number(s, t[i + 3], scope);
            i += 4;
        }
    }

    private static readonly string[] AnalysisKinds = { "tran", "dc", "ac", "op" };

    private static void Save(Statement s, Netlist netlist, bool skipAnalysis)
    {
        var t = s.Tokens;
        var i = 1;
        if (skipAnalysis && i < t.Count && t[i].IsWord && AnalysisKinds.Contains(t[i].Text.ToLowerInvariant())) i++;
        for (; i < t.Count; i++)
        {
            if (t[i].Is("all"))
            {
                netlist.SaveAll = true;
                continue;
            }
            netlist.Saves.Add(Vector(s, ref i));
        }
    }

    /// <summary><c>.plot [tran|dc|ac] y1 [y2 …] [vs x]</c>: the vectors are saved, and with <c>--plot</c> the run
    /// draws them in one chart, against x when <c>vs</c> is given (ngspice's <c>plot y vs x</c>).</summary>
    private static void Plot(Statement s, Netlist netlist)
    {
        var t = s.Tokens;
        var i = 1;
        string? kind = null;
        if (i < t.Count && t[i].IsWord && AnalysisKinds.Contains(t[i].Text.ToLowerInvariant())) kind = t[i++].Text.ToLowerInvariant();
        var ys = new List<string>();
        string? x = null;
        for (; i < t.Count; i++)
        {
            if (t[i].Is("vs"))
            {
                if (ys.Count == 0) throw new StatementException(s.At(t[i]), ".plot: 'vs' needs vectors before it", ".plot [tran|dc|ac] y1 [y2 …] [vs x]");
                if (i + 1 >= t.Count) throw new StatementException(s.End, ".plot: missing the vector after 'vs'", ".plot [tran|dc|ac] y1 [y2 …] vs x");
                i++;
                x = Vector(s, ref i);
                if (i + 1 < t.Count) throw new StatementException(s.At(t[i + 1]), ".plot: nothing may follow the x vector", ".plot [tran|dc|ac] y1 [y2 …] vs x");
                break;
            }
            ys.Add(Vector(s, ref i));
        }
        if (ys.Count == 0) throw new StatementException(s.End, ".plot: no vectors", ".plot [tran|dc|ac] y1 [y2 …] [vs x]");
        netlist.Saves.AddRange(ys);
        if (x is not null) netlist.Saves.Add(x);
        netlist.Plots.Add(new PlotRequest(kind, ys, x));
    }

    /// <summary>The vector at token <paramref name="i"/> as ngspice names it (v(node), v(a,b), i(source), @dev[q]);
    /// <paramref name="i"/> is left on its last token.</summary>
    private static string Vector(Statement s, ref int i)
    {
        var t = s.Tokens;
        var tok = t[i];
        if (tok.IsWord && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Group)
        {
            var args = t[i + 1].Children;
            if (args.Count is < 1 or > 2 || args.Any(a => !a.IsWord))
                throw new StatementException(s.At(t[i + 1]), $"bad vector '{tok.Text}{t[i + 1]}'", "v(node), v(a,b), i(source) or @device[quantity]");
            i++;
            return $"{tok.Text.ToLowerInvariant()}({string.Join(",", args.Select(a => a.Text.ToLowerInvariant()))})";
        }
        if (tok.IsWord && tok.Text.StartsWith('@')) return tok.Text.ToLowerInvariant();
        if (tok.IsWord) return $"v({tok.Text.ToLowerInvariant()})";
        throw new StatementException(s.At(tok), $"bad vector '{tok}'", "v(node), i(source) or @device[quantity]");
    }

    private static void Measure(Statement s, Netlist netlist, ParameterScope scope)
    {
        var t = s.Tokens;
        if (t.Count < 4 || !t[1].IsWord || !t[2].IsWord)
            throw new StatementException(s.End, ".meas needs an analysis, a name and a measurement", ".meas tran|dc|ac name …");
        var analysis = t[1].Text.ToLowerInvariant();
        if (analysis is not ("tran" or "dc" or "ac"))
            throw new StatementException(s.At(t[1]), $"unknown .meas analysis '{t[1].Text}'", "tran, dc or ac");
        var at = s.At(t[1]);
        // a {…} naming an earlier measure is evaluated after the run, with that measure's result (as in ngspice)
        var measured = netlist.Measures.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var text = CircuitBuilder.SubstituteBraces(s.TextFrom(t[1]), at, scope,
            inner => System.Text.RegularExpressions.Regex.Matches(inner, @"[A-Za-z_][A-Za-z0-9_]*").Any(m => measured.Contains(m.Value) && scope.Lookup(m.Value) is null));
        Measurements.MeasureStatement statement;
        try
        {
            statement = Measurements.MeasureParser.Parse(text);
        }
        catch (Measurements.MeasureSyntaxException e)
        {
            // columns are exact unless a {…} before the problem changed the text's length
            throw new StatementException(at with { Column = at.Column + e.Column }, e.Message, e.Expected);
        }
        netlist.Measures.Add(new MeasureLine(s.Start, analysis, t[2].Text.ToLowerInvariant(), text, statement));
    }

    /// <summary><c>.step param x start stop step</c>, <c>.step param x list …</c>, <c>.step param x dec|oct|lin n start stop</c>, <c>.step temp …</c>.</summary>
    private static void Step(Statement s, Netlist netlist, ParameterScope scope)
    {
        const string syntax = ".step param name start stop step | .step param name list v1 v2 … | .step param name dec|oct|lin n start stop";
        if (netlist.Step is not null) throw new StatementException(s.Start, "only one .step is supported", syntax);
        var t = s.Tokens;
        var i = 1;
        string name;
        if (i < t.Count && t[i].Is("param")) i++;
        if (i >= t.Count || !t[i].IsWord) throw new StatementException(s.End, ".step needs a parameter name", syntax);
        name = t[i++].Text;
        var values = new List<double>();
        if (i < t.Count && t[i].Is("list"))
        {
            for (i++; i < t.Count; i++) values.Add(CircuitBuilder.Number(s, t[i], scope));
        }
        else if (i < t.Count && t[i].IsWord && t[i].Text.ToLowerInvariant() is "dec" or "oct" or "lin")
        {
            var kind = t[i].Text.ToLowerInvariant();
            if (i + 3 >= t.Count) throw new StatementException(s.End, $".step {kind} needs points, start and stop", syntax);
            var n = CircuitBuilder.Number(s, t[i + 1], scope);
            if (!(n >= 1 && n <= int.MaxValue) || n != Math.Floor(n))
                throw new StatementException(s.At(t[i + 1]), "the number of points must be a positive integer", syntax);
            var start = CircuitBuilder.Number(s, t[i + 2], scope);
            var stop = CircuitBuilder.Number(s, t[i + 3], scope);
            if (!double.IsFinite(start) || (kind != "lin" && !(start > 0)))
                throw new StatementException(s.At(t[i + 2]), kind == "lin" ? "start must be a finite number" : "start must be above 0 for a logarithmic sweep", syntax);
            if (!double.IsFinite(stop) || stop < start)
                throw new StatementException(s.At(t[i + 3]), "stop must be a finite number not below start", syntax);
            var count = kind == "lin" ? n : n * Math.Log(stop / start) / Math.Log(kind == "dec" ? 10 : 2) + 1;
            if (count > MaxSweepPoints)
                throw new StatementException(s.At(t[i + 1]), $".step {kind} would have more than {MaxSweepPoints} points", syntax);
            values.AddRange(Ac(kind, (int)n, start, stop));
        }
        else
        {
            if (i + 2 >= t.Count) throw new StatementException(s.End, ".step needs start, stop and step", syntax);
            values.AddRange(LinearSweep(s, t[i + 2], name, CircuitBuilder.Number(s, t[i], scope), CircuitBuilder.Number(s, t[i + 1], scope),
                CircuitBuilder.Number(s, t[i + 2], scope), syntax).Values);
        }
        if (values.Count == 0) throw new StatementException(s.End, ".step has no values", syntax);
        netlist.Step = new StepSpec(s.Start, name, values);
    }

    /// <summary>Most points a .dc or .step sweep may have (its values are listed when the netlist is read).</summary>
    internal const int MaxSweepPoints = 10_000_000;

    private static SweepSpec LinearSweep(Statement s, Token stepToken, string target, double start, double stop, double step, string syntax)
    {
        var points = (stop - start) / step + 1;
        if (step != 0 && (double.IsNaN(points) || points > MaxSweepPoints))
            throw new StatementException(s.At(stepToken),
                $"sweep of {target} from {Format(start)} to {Format(stop)} by {Format(step)} would have more than {MaxSweepPoints} points", syntax);
        try
        {
            return new SweepSpec(target, start, stop, step);
        }
        catch (ArgumentException e)
        {
            throw new StatementException(s.At(stepToken), e.Message, syntax);
        }
    }

    private static IEnumerable<double> Ac(string kind, int n, double start, double stop) => kind switch
    {
        "dec" => CircuitSim.Core.Analyses.Ac.Grid(AcSweepKind.Decade, n, start, stop),
        "oct" => CircuitSim.Core.Analyses.Ac.Grid(AcSweepKind.Octave, n, start, stop),
        _ => CircuitSim.Core.Analyses.Ac.Grid(AcSweepKind.Linear, n, start, stop),
    };

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
