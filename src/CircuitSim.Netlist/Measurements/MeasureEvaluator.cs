using System.Globalization;

namespace CircuitSim.Netlist.Measurements;

/// <summary>
/// Evaluates a parsed <c>.meas</c> statement on recorded data. Semantics follow ngspice 39 with these choices:
/// <list type="bullet">
/// <item>Waveforms are piecewise linear between samples: crossings, AT values and FROM/TO/TD cuts are interpolated.</item>
/// <item>A crossing is a change of side, where "above" means value ≥ level; one landing exactly on a sample is counted
///   once, at that sample. No RISE/FALL/CROSS means the first crossing either way; <c>…=LAST</c> (or <c>LAST</c>) the last.</item>
/// <item>TD and FROM both drop everything before them, TO everything after; the scale is compared by value (for a DC
///   sweep, FROM/TO may be given in either order). A segment where a DC scale jumps back (nested sweep) is skipped.</item>
/// <item>AVG, RMS and INTEG use the trapezoidal rule (RMS on the squared samples) over the cut interval; MIN_AT/MAX_AT
///   give the first location on ties.</item>
/// <item>Symbols (parameter names as written, <c>{expr}</c>/<c>'expr'</c> contents, PARAM expressions, and a WHEN
///   right-hand side that names no recorded vector, lower-cased) go to the <c>parameters</c> callback, which should
///   compare names case-insensitively; a callback that throws or returns NaN makes the measure fail.</item>
/// </list>
/// Every problem with the data is reported as a failed <see cref="MeasureResult"/>, never thrown.
/// </summary>
public static class MeasureEvaluator
{
    public static MeasureResult Evaluate(MeasureStatement m, IWaveformTable data, Func<string, double>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            var result = new Evaluation(m, data, parameters).Run();
            if (result.Value is double.NaN)
                return MeasureResult.Fail(m.Name, "the result is NaN (does the data contain NaN?)");
            return result;
        }
        catch (MeasureFailure f)
        {
            return MeasureResult.Fail(m.Name, f.Message);
        }
    }

    private sealed class MeasureFailure(string message) : Exception(message);

    private sealed class Evaluation
    {
        private readonly MeasureStatement _m;
        private readonly IWaveformTable _data;
        private readonly Func<string, double>? _parameters;
        private readonly double[] _x;
        private readonly Dictionary<string, double[]> _cache = new(StringComparer.Ordinal);

        public Evaluation(MeasureStatement m, IWaveformTable data, Func<string, double>? parameters)
        {
            _m = m;
            _data = data;
            _parameters = parameters;
            _x = data.Scale.ToArray();
        }

        private string ScaleName => string.IsNullOrEmpty(_data.ScaleName) ? "scale" : _data.ScaleName;

        private string AnalysisName => _m.Analysis.ToString().ToUpperInvariant();

        private static MeasureFailure Fail(string message) => new(message);

        private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

        public MeasureResult Run()
        {
            if (_m.Kind == MeasureKind.Param) return Param();
            if (_x.Length == 0) throw Fail($"the {AnalysisName} results have no points");
            return _m.Kind switch
            {
                MeasureKind.TrigTarg => TrigTarg(),
                MeasureKind.FindAt => FindAt(),
                MeasureKind.FindWhen => FindWhen(),
                MeasureKind.When => When(),
                _ => Interval(),
            };
        }

        // ---- the measure kinds ----------------------------------------------------------------------------------

        private MeasureResult Param()
        {
            var expression = _m.Expression!;
            if (SpiceNumber.TryParse(expression, out var v)) return new MeasureResult(_m.Name, v, null);
            if (_parameters is null)
                throw Fail($"PARAM='{expression}' needs an expression evaluator, and none was given");
            return new MeasureResult(_m.Name, Number(new MeasureNumber(null, expression), "PARAM"), null);
        }

        private MeasureResult TrigTarg()
        {
            double trig = Endpoint(_m.Trig!, "TRIG");
            double targ = Endpoint(_m.Targ!, "TARG");
            return new MeasureResult(_m.Name, targ - trig, null) { Trig = trig, Targ = targ };
        }

        private double Endpoint(MeasureEndpoint e, string role)
        {
            if (e.At is { } at) return Number(at, $"{role} AT");
            return FindCrossing(e.Crossing!, role + ": ").Of(_x);
        }

        private MeasureResult FindAt()
        {
            var y = Vector(_m.Signal!);
            double at = Number(_m.At!, "AT");
            var runs = Sampling.Runs(_x, at, at);
            if (runs.Count == 0)
                throw Fail($"AT={G(at)} is outside the {ScaleName} range [{G(_x.Min())}, {G(_x.Max())}]");
            return new MeasureResult(_m.Name, runs[0][0].Of(y), null) { At = at };
        }

        private MeasureResult FindWhen()
        {
            var y = Vector(_m.Signal!);
            var pos = FindCrossing(_m.When!, "");
            return new MeasureResult(_m.Name, pos.Of(y), null) { At = pos.Of(_x) };
        }

        private MeasureResult When()
        {
            var pos = FindCrossing(_m.When!, "");
            double at = pos.Of(_x);
            return new MeasureResult(_m.Name, at, null) { At = at };
        }

        private MeasureResult Interval()
        {
            var y = Vector(_m.Signal!);
            var (lo, hi) = Window(_m.From, _m.To, _m.Td);
            var runs = Sampling.Runs(_x, lo, hi);
            if (runs.Count == 0)
                throw Fail($"no {ScaleName} points in{WindowText(_m.From, _m.To, _m.Td)}; the {ScaleName} range is [{G(_x.Min())}, {G(_x.Max())}]");
            double from = runs[0][0].Of(_x), to = runs[^1][^1].Of(_x);

            switch (_m.Kind)
            {
                case MeasureKind.Min:
                case MeasureKind.Max:
                case MeasureKind.MinAt:
                case MeasureKind.MaxAt:
                case MeasureKind.PeakToPeak:
                {
                    bool wantMax = _m.Kind is MeasureKind.Max or MeasureKind.MaxAt;
                    double min = double.PositiveInfinity, max = double.NegativeInfinity, minAt = 0, maxAt = 0;
                    foreach (var run in runs)
                        foreach (var p in run)
                        {
                            double v = p.Of(y);
                            if (v < min) { min = v; minAt = p.Of(_x); }
                            if (v > max) { max = v; maxAt = p.Of(_x); }
                        }
                    double value = _m.Kind switch
                    {
                        MeasureKind.Min => min,
                        MeasureKind.Max => max,
                        MeasureKind.MinAt => minAt,
                        MeasureKind.MaxAt => maxAt,
                        _ => max - min,
                    };
                    return new MeasureResult(_m.Name, value, null)
                    {
                        At = _m.Kind == MeasureKind.PeakToPeak ? null : wantMax ? maxAt : minAt,
                        From = from,
                        To = to,
                    };
                }
                default:
                {
                    double integral = 0, squares = 0, width = 0;
                    foreach (var run in runs)
                        for (int k = 1; k < run.Count; k++)
                        {
                            double h = Math.Abs(run[k].Of(_x) - run[k - 1].Of(_x));
                            double ya = run[k - 1].Of(y), yb = run[k].Of(y);
                            integral += h * (ya + yb) / 2;
                            squares += h * (ya * ya + yb * yb) / 2;
                            width += h;
                        }
                    if (_m.Kind == MeasureKind.Integ)
                        return new MeasureResult(_m.Name, integral, null) { From = from, To = to };
                    if (width == 0)
                        throw Fail($"{_m.Kind.ToString().ToUpperInvariant()} needs an interval of nonzero length (got [{G(from)}, {G(to)}])");
                    double value = _m.Kind == MeasureKind.Avg ? integral / width : Math.Sqrt(squares / width);
                    return new MeasureResult(_m.Name, value, null) { From = from, To = to };
                }
            }
        }

        // ---- crossings -----------------------------------------------------------------------------------------

        private SamplePos FindCrossing(CrossingCondition c, string role)
        {
            var y = Vector(c.Signal);
            Func<SamplePos, double> d;
            string levelText;
            if (c.LevelSignal is { } other)
            {
                if (TryVector(other, out var y2, out var why))
                {
                    d = p => p.Of(y) - p.Of(y2);
                    levelText = other;
                }
                else
                {
                    bool couldBeParameter = !other.Contains('(') && !other.StartsWith('@');
                    double level = couldBeParameter ? ParameterOrFail(other, why) : throw Fail(why);
                    d = p => p.Of(y) - level;
                    levelText = G(level);
                }
            }
            else
            {
                double level = Number(c.Level!, "VAL");
                d = p => p.Of(y) - level;
                levelText = G(level);
            }

            var (lo, hi) = Window(c.From, c.To, c.Td);
            var runs = Sampling.Runs(_x, lo, hi);
            string window = WindowText(c.From, c.To, c.Td);
            if (runs.Count == 0)
                throw Fail($"{role}no {ScaleName} points in{window}; the {ScaleName} range is [{G(_x.Min())}, {G(_x.Max())}]");

            var selector = c.Selector;
            int count = 0;
            SamplePos? last = null;
            foreach (var crossing in Sampling.Crossings(runs, d))
            {
                if (selector.Edge == CrossingEdge.Rise && !crossing.Rising) continue;
                if (selector.Edge == CrossingEdge.Fall && crossing.Rising) continue;
                count++;
                if (selector.Occurrence == count) return crossing.Pos;
                last = crossing.Pos;
            }
            if (selector.IsLast && last is { } found) return found;

            string verb = selector.Edge switch
            {
                CrossingEdge.Rise => "rises through",
                CrossingEdge.Fall => "falls through",
                _ => "crosses",
            };
            string where = window.Length > 0 ? " in" + window : "";
            if (count == 0)
                throw Fail($"{role}{c.Signal} never {verb} {levelText}{where}");
            throw Fail($"{role}{c.Signal} {verb} {levelText} only {count} time{(count == 1 ? "" : "s")}{where}, but {selector} was asked for");
        }

        private double ParameterOrFail(string name, string vectorFailure)
        {
            if (_parameters is null)
                throw Fail(vectorFailure);
            double v;
            try
            {
                v = _parameters(name);
            }
            catch (Exception ex)
            {
                throw Fail($"'{name}' is neither a recorded vector nor a known parameter ({ex.Message}); {vectorFailure}");
            }
            if (double.IsNaN(v)) throw Fail($"'{name}' is neither a recorded vector nor a parameter with a value; {vectorFailure}");
            return v;
        }

        // ---- numbers and windows -------------------------------------------------------------------------------

        private double Number(MeasureNumber n, string what)
        {
            if (n.Value is { } v) return v;
            var symbol = n.Symbol ?? "";
            if (_parameters is null)
                throw Fail($"{what}={symbol}: cannot evaluate '{symbol}' (no parameter values were given)");
            double r;
            try
            {
                r = _parameters(symbol);
            }
            catch (Exception ex)
            {
                throw Fail($"{what}={symbol}: cannot evaluate '{symbol}': {ex.Message}");
            }
            if (double.IsNaN(r)) throw Fail($"{what}={symbol} evaluates to NaN");
            return r;
        }

        private (double Lo, double Hi) Window(MeasureNumber? from, MeasureNumber? to, MeasureNumber? td)
        {
            double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
            if (from is not null) lo = Number(from, "FROM");
            if (to is not null) hi = Number(to, "TO");
            if (_m.Analysis == MeasureAnalysis.Dc && from is not null && to is not null && lo > hi)
                (lo, hi) = (hi, lo);
            if (td is not null) lo = Math.Max(lo, Number(td, "TD"));
            if (lo > hi)
                throw Fail($"the interval is empty:{WindowText(from, to, td)}");
            return (lo, hi);
        }

        private string WindowText(MeasureNumber? from, MeasureNumber? to, MeasureNumber? td)
        {
            var parts = new List<string>();
            if (td is not null) parts.Add($"TD={Show(td)}");
            if (from is not null) parts.Add($"FROM={Show(from)}");
            if (to is not null) parts.Add($"TO={Show(to)}");
            return parts.Count == 0 ? "" : " " + string.Join(" ", parts);

            string Show(MeasureNumber n) => n.Value is { } v ? G(v) : n.Symbol ?? "";
        }

        // ---- vectors -------------------------------------------------------------------------------------------

        private double[] Vector(string name) =>
            TryVector(name, out var values, out var failure) ? values : throw Fail(failure);

        private bool TryVector(string name, out double[] values, out string failure)
        {
            failure = "";
            if (_cache.TryGetValue(name, out values!)) return true;
            if (TryResolve(name, out values, out var why))
            {
                if (values.Length != _x.Length)
                {
                    failure = $"vector '{name}' has {values.Length} points but the {ScaleName} scale has {_x.Length}";
                    return false;
                }
                _cache[name] = values;
                return true;
            }
            failure = MissingMessage(name, why);
            return false;
        }

        private bool TryGet(string name, out double[] values)
        {
            if (name.Equals(_data.ScaleName, StringComparison.OrdinalIgnoreCase))
            {
                values = _x;
                return true;
            }
            return _data.TryGetVector(name, out values) && values is not null;
        }

        private static readonly string[] VoltageForms = ["v", "vm", "vdb", "vp", "vr", "vi"];

        private bool TryResolve(string name, out double[] values, out string? why)
        {
            why = null;
            if (TryGet(name, out values)) return true;

            int open = name.IndexOf('(');
            if (open > 0 && name[^1] == ')' && !name.StartsWith('@'))
            {
                string form = name[..open];
                string[] args = name[(open + 1)..^1].Split(',');
                if (form == "i" && args.Length == 1 && TryGet(args[0] + "#branch", out values)) return true;
                if (VoltageForms.Contains(form) && args.Length is 1 or 2 && args.All(a => a.Length > 0))
                {
                    if (args.Length == 1 && args[0] == "0")
                    {
                        values = new double[_x.Length];
                        return true;
                    }
                    return _m.Analysis == MeasureAnalysis.Ac
                        ? TryAcVoltage(form, args, out values, out why)
                        : TryRealDifference(form, args, out values, out why);
                }
                return false;
            }
            if (open < 0 && !name.StartsWith('@'))
                return TryGet($"v({name})", out values); // ngspice lets a bare node name stand for its voltage
            return false;
        }

        /// <summary>TRAN/DC: v(a,b) = v(a) − v(b), with node 0 as ground.</summary>
        private bool TryRealDifference(string form, string[] args, out double[] values, out string? why)
        {
            values = [];
            why = null;
            if (args.Length != 2 || form != "v") return false;
            if (!TryNode("v", args[0], out var a) || !TryNode("v", args[1], out var b))
            {
                why = $"it is v({args[0]}) - v({args[1]}), and one of them is not recorded";
                return false;
            }
            values = new double[_x.Length];
            for (int k = 0; k < values.Length; k++) values[k] = a[k] - b[k];
            return true;
        }

        /// <summary>AC: derive magnitude/dB/phase (radians)/real/imaginary parts of v(a) or v(a,b) from vr() and vi().</summary>
        private bool TryAcVoltage(string form, string[] args, out double[] values, out string? why)
        {
            values = [];
            why = null;
            if (args.Length == 1 && form is "vr" or "vi") return false;
            double[]? re = null, im = null;
            var terms = args.Length == 1 ? new[] { (Node: args[0], Sign: 1.0) } : new[] { (Node: args[0], Sign: 1.0), (Node: args[1], Sign: -1.0) };
            foreach (var (node, sign) in terms)
            {
                if (!TryNode("vr", node, out var r) || !TryNode("vi", node, out var i))
                {
                    why = $"it is derived from vr() and vi() of {(args.Length == 1 ? "the node" : "both nodes")}, and vr({node})/vi({node}) are not recorded";
                    return false;
                }
                re ??= new double[_x.Length];
                im ??= new double[_x.Length];
                for (int k = 0; k < re.Length; k++)
                {
                    re[k] += sign * r[k];
                    im[k] += sign * i[k];
                }
            }
            values = new double[_x.Length];
            for (int k = 0; k < values.Length; k++)
            {
                double a = re![k], b = im![k];
                values[k] = form switch
                {
                    "vr" => a,
                    "vi" => b,
                    "vdb" => 20 * Math.Log10(Math.Sqrt(a * a + b * b)),
                    "vp" => Math.Atan2(b, a), // radians, as ngspice 39 measures vp()
                    _ => Math.Sqrt(a * a + b * b), // v, vm: magnitude, as the AC table's v() is
                };
            }
            return true;
        }

        private bool TryNode(string form, string node, out double[] values)
        {
            if (node == "0")
            {
                values = new double[_x.Length];
                return true;
            }
            return TryGet($"{form}({node})", out values) && values.Length == _x.Length;
        }

        private string MissingMessage(string name, string? why)
        {
            var text = $"no vector '{name}' in the {AnalysisName} results";
            if (why is not null) text += $" ({why})";
            var names = _data.VectorNames.ToList();
            if (names.Count > 0)
            {
                const int shown = 6;
                var closest = names
                    .Select((n, index) => (n, index, distance: Semantics.NameSuggestions.Distance(name, n.ToLowerInvariant())))
                    .OrderBy(t => t.distance).ThenBy(t => t.index)
                    .Take(shown).Select(t => t.n);
                text += "; available: " + string.Join(", ", closest);
                if (names.Count > shown) text += $", … ({names.Count} in all)";
            }
            return text;
        }
    }
}
