using CircuitSim.Core.Circuits;
using CircuitSim.Core.Expressions;
using CircuitSim.Devices.Behavioral;
using CircuitSim.Devices.Controlled;
using CircuitSim.Devices.Passive;
using CircuitSim.Devices.Semiconductors;
using CircuitSim.Devices.Sources;
using CircuitSim.Devices.Switches;
using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

internal sealed partial class CircuitBuilder
{
    private void ReadElement(Statement s, ExpansionContext ctx)
    {
        if (!s.Tokens[0].IsWord)
            throw new StatementException(s.Start, $"expected an element name or a dot command, got '{s.Tokens[0]}'",
                "an element (R C L K V I E F G H B D M S W X Y…) or a dot command");
        var letter = char.ToLowerInvariant(s.Name[0]);
        switch (letter)
        {
            case 'r': ReadTwoTerminal(s, ctx, "resistance", (n, a, b, v) => new Resistor(n, a, b, v)); break;
            case 'c': ReadTwoTerminal(s, ctx, "capacitance", (n, a, b, v) => new Capacitor(n, a, b, v)); break;
            case 'l': ReadTwoTerminal(s, ctx, "inductance", (n, a, b, v) => new Inductor(n, a, b, v)); break;
            case 'k': ReadCoupling(s, ctx); break;
            case 'v':
            case 'i': ReadSource(s, ctx, letter == 'v'); break;
            case 'e':
            case 'g': ReadVoltageControlled(s, ctx, letter == 'e'); break;
            case 'f':
            case 'h': ReadCurrentControlled(s, ctx, letter == 'h'); break;
            case 'b': ReadBehavioral(s, ctx); break;
            case 'd': ReadDiode(s, ctx); break;
            case 'm': ReadMosfet(s, ctx); break;
            case 's': ReadSwitch(s, ctx, voltage: true); break;
            case 'w': ReadSwitch(s, ctx, voltage: false); break;
            case 'x': ReadInstance(s, ctx); break;
            case 'y': ReadYDevice(s, ctx); break;
            default:
                throw new StatementException(s.Start, $"unknown element type '{s.Name[0]}' in '{s.Name}'",
                    "an element (R C L K V I E F G H B D M S W X Y…) or a dot command");
        }
    }

    private void Require(Statement s, ElementArgs args, int count, string syntax)
    {
        if (args.Positional.Count < count)
            throw new StatementException(s.End, $"{s.Name}: too few fields", syntax);
    }

    private void ReadTwoTerminal(Statement s, ExpansionContext ctx, string quantity, Func<string, string, string, double, Component> create)
    {
        var kind = char.ToUpperInvariant(s.Name[0]);
        // constants: an interpolated syntax hint was garbage on every line of a large netlist
        var (syntax, valueKey) = kind switch
        {
            'R' => ("Rname n+ n- resistance", "r"),
            'C' => ("Cname n+ n- capacitance", "c"),
            _ => ("Lname n+ n- inductance", "l"),
        };
        var args = ElementArgs.From(s, 1);
        Require(s, args, 2, syntax);
        var a = Node(ctx, s, args.Positional[0]);
        var b = Node(ctx, s, args.Positional[1]);
        double value;
        var named = args.Named; // this element's own list
        Token valueToken;
        if (args.Positional.Count >= 3) value = Number(s, valueToken = args.Positional[2], ctx.Scope);
        else if (args.Find(valueKey) is { Key: not null } given)
        {
            valueToken = given.Value;
            value = Number(s, given.Value, ctx.Scope);
            named.Remove(given);
        }
        else throw new StatementException(s.End, $"{s.Name}: missing {quantity}", syntax);
        // 1e999 or {1/0}: an infinite capacitance made the transient step forever, deaf to SIGTERM (fuzz seed 25, case 133)
        if (!double.IsFinite(value)) throw new StatementException(s.At(valueToken), $"{s.Name}: the {quantity} must be a finite number, not {value}", syntax);
        if (args.Positional.Count > 3) throw new StatementException(s.At(args.Positional[3]), $"unexpected '{args.Positional[3]}'", "name=value");
        var c = create(ElementName(ctx, s.Name), a, b, value);
        // tc=tc1,tc2 arrives as tc=tc1 followed by a positional tc2; accept the SPICE form tc1=…, tc2=…
        SetParameters(c, s, named, ctx.Scope, s.Name);
        Add(s, c);
    }

    private void ReadCoupling(Statement s, ExpansionContext ctx)
    {
        var args = ElementArgs.From(s, 1);
        Require(s, args, 2, "Kname L1 L2 k");
        var k = args.Positional.Count >= 3 ? Number(s, args.Positional[2], ctx.Scope)
            : args.Get("k") is { } kt ? Number(s, kt, ctx.Scope)
            : throw new StatementException(s.End, $"{s.Name}: missing coupling coefficient", "Kname L1 L2 k");
        foreach (var l in args.Positional.Take(2))
            if (!l.IsWord || char.ToLowerInvariant(l.Text[0]) != 'l')
                throw new StatementException(s.At(l), $"{s.Name}: '{l}' is not an inductor name", "an inductor name (L…)");
        if (args.Positional.Count > 3) throw new StatementException(s.At(args.Positional[3]), $"unexpected '{args.Positional[3]}'", "Kname L1 L2 k");
        var coupling = new MutualInductance(ElementName(ctx, s.Name), ElementName(ctx, args.Positional[0].Text), ElementName(ctx, args.Positional[1].Text), k);
        SetParameters(coupling, s, args.Named, ctx.Scope, s.Name);
        Add(s, coupling);
    }

    private static readonly HashSet<string> WaveformNames = new(StringComparer.OrdinalIgnoreCase) { "pulse", "sin", "exp", "pwl", "sffm" };

    private void ReadSource(Statement s, ExpansionContext ctx, bool voltage)
    {
        var syntax = $"{(voltage ? 'V' : 'I')}name n+ n- [dc] value [ac mag [phase]] [pulse(…)|sin(…)|exp(…)|pwl(…)|sffm(…)]";
        var args = ElementArgs.From(s, 1);
        Require(s, args, 2, syntax);
        var pos = Node(ctx, s, args.Positional[0]);
        var neg = Node(ctx, s, args.Positional[1]);
        double? dc = null;
        double acMag = 0, acPhase = 0;
        Waveform? waveform = null;
        var p = args.Positional;
        var i = 2;
        while (i < p.Count)
        {
            var t = p[i];
            if (t.Is("dc"))
            {
                if (i + 1 >= p.Count) throw new StatementException(s.End, $"{s.Name}: missing value after 'dc'", "a number");
                dc = Number(s, p[i + 1], ctx.Scope);
                i += 2;
            }
            else if (t.Is("ac"))
            {
                acMag = 1;
                i++;
                if (i < p.Count && IsPlainValue(p[i])) acMag = Number(s, p[i++], ctx.Scope);
                if (i < p.Count && IsPlainValue(p[i])) acPhase = Number(s, p[i++], ctx.Scope);
            }
            else if (t.IsWord && WaveformNames.Contains(t.Text))
            {
                List<double> values;
                if (i + 1 < p.Count && p[i + 1].Kind == TokenKind.Group)
                {
                    values = p[i + 1].Children.Select(c => Number(s, c, ctx.Scope)).ToList();
                    i += 2;
                }
                else
                {
                    values = new();
                    i++;
                    while (i < p.Count && IsPlainValue(p[i])) values.Add(Number(s, p[i++], ctx.Scope));
                }
                if (waveform is not null) throw new StatementException(s.At(t), $"{s.Name}: a source takes one time function", syntax);
                waveform = MakeWaveform(s, t, values, args, ctx.Scope);
            }
            else if (t.IsWord && t.Text.Length > 0 && char.IsLetter(t.Text[0]) && !EngineeringNumber.TryParse(t.Text, out _) && ctx.Scope.Lookup(t.Text) is null)
            {
                throw new StatementException(s.At(t), $"{s.Name}: unknown source keyword '{t.Text}'", "dc, ac, pulse, sin, exp, pwl or sffm");
            }
            else if (t.Kind == TokenKind.Group)
            {
                throw new StatementException(s.At(t), $"{s.Name}: unexpected parenthesized list", syntax);
            }
            else
            {
                if (dc.HasValue) throw new StatementException(s.At(t), $"{s.Name}: more than one DC value", syntax);
                dc = Number(s, t, ctx.Scope);
                i++;
            }
        }
        foreach (var (key, value) in args.Named)
        {
            if (key.Is("dc")) dc = Number(s, value, ctx.Scope);
            else if (key.Is("ac")) acMag = Number(s, value, ctx.Scope);
            else if (key.Is("r") || key.Is("td")) { /* PWL options, read by MakeWaveform */ }
            else throw new StatementException(s.At(key), $"unknown parameter '{key.Text}' for source {s.Name}", "dc, ac, or r/td after pwl");
        }
        var name = ElementName(ctx, s.Name);
        IndependentSource source = voltage
            ? waveform is null ? new VoltageSource(name, pos, neg, dc ?? 0) : new VoltageSource(name, pos, neg, waveform, dc)
            : waveform is null ? new CurrentSource(name, pos, neg, dc ?? 0) : new CurrentSource(name, pos, neg, waveform, dc);
        source.AcMagnitude = acMag;
        source.AcPhase = acPhase;
        Add(s, source);
    }

    private static bool IsPlainValue(Token t) =>
        t.Kind is TokenKind.Brace or TokenKind.Quoted || (t.IsWord && (EngineeringNumber.TryParse(t.Text, out _) || t.Text.StartsWith('-') || t.Text.StartsWith('+') || t.Text.StartsWith('.')));

    private static Waveform MakeWaveform(Statement s, Token name, List<double> v, ElementArgs args, ParameterScope scope)
    {
        double At(int i) => i < v.Count ? v[i] : 0;
        void Range(int min, int max, string syntax)
        {
            if (v.Count < min || v.Count > max)
                throw new StatementException(s.At(name), $"{name.Text.ToUpperInvariant()} takes {min}–{max} values, got {v.Count}", syntax);
        }
        switch (name.Text.ToLowerInvariant())
        {
            case "pulse":
                Range(2, 8, "PULSE(V1 V2 TD TR TF PW PER [NP])");
                return new Pulse(At(0), At(1), At(2), At(3), At(4), At(5), At(6), (int)At(7));
            case "sin":
                Range(2, 6, "SIN(VO VA FREQ TD THETA PHASE)");
                return new Sine(At(0), At(1), At(2), At(3), At(4), At(5));
            case "exp":
                Range(2, 6, "EXP(V1 V2 TD1 TAU1 TD2 TAU2)");
                return new Exponential(At(0), At(1), At(2), At(3), At(4), At(5));
            case "sffm":
                Range(2, 7, "SFFM(VO VA FC MDI FS [PHASEC PHASES])");
                return new FrequencyModulated(At(0), At(1), At(2), At(3), At(4), At(5), At(6));
            default:
                if (v.Count < 2 || v.Count % 2 != 0)
                    throw new StatementException(s.At(name), $"PWL needs time/value pairs, got {v.Count} numbers", "PWL(t1 v1 t2 v2 …)");
                var r = args.Get("r") is { } rt ? Number(s, rt, scope) : (double?)null;
                var td = args.Get("td") is { } tdt ? Number(s, tdt, scope) : 0;
                try
                {
                    return new PiecewiseLinear(v.Where((_, i) => i % 2 == 0).ToList(), v.Where((_, i) => i % 2 == 1).ToList(), r, td);
                }
                catch (ArgumentException e)
                {
                    throw new StatementException(s.At(name), e.Message);
                }
        }
    }

    private void ReadVoltageControlled(Statement s, ExpansionContext ctx, bool voltageOutput)
    {
        var kind = voltageOutput ? 'E' : 'G';
        var syntax = $"{kind}name n+ n- nc+ nc- gain, {kind}name n+ n- value={{expression}}, … TABLE {{expression}} = (x1,y1) … or … POLY(n) nc1+ nc1- … p0 p1 …";
        if (s.Tokens.Count > 3 && s.Tokens[3].Is("table") && s.Tokens[1].IsWord && s.Tokens[2].IsWord)
        {
            ReadTable(s, ctx, voltageOutput);
            return;
        }
        var args = ElementArgs.From(s, 1);
        Require(s, args, 2, syntax);
        var pos = Node(ctx, s, args.Positional[0]);
        var neg = Node(ctx, s, args.Positional[1]);
        var name = ElementName(ctx, s.Name);
        var valueToken = args.Get("value") ?? args.Get(voltageOutput ? "vol" : "cur");
        if (valueToken is not null)
        {
            if (args.Positional.Count > 2) throw new StatementException(s.At(args.Positional[2]), $"unexpected '{args.Positional[2]}'", syntax);
            var (expr, text) = InstanceExpression(s, valueToken, ctx);
            var behavioral = new BehavioralSource(name, pos, neg, voltageOutput ? BehavioralKind.Voltage : BehavioralKind.Current, expr, text);
            SetParameters(behavioral, s, args.Named.Where(n => !n.Key.Is("value") && !n.Key.Is(voltageOutput ? "vol" : "cur")), ctx.Scope, s.Name);
            Add(s, behavioral);
            return;
        }
        if (args.Positional.Count >= 3 && args.Positional[2].Is("poly"))
        {
            ReadPoly(s, ctx, args, 2, voltageOutput, currentControlled: false);
            return;
        }
        Require(s, args, 5, syntax);
        var cp = Node(ctx, s, args.Positional[2]);
        var cn = Node(ctx, s, args.Positional[3]);
        var gain = Number(s, args.Positional[4], ctx.Scope);
        if (args.Positional.Count > 5) throw new StatementException(s.At(args.Positional[5]), $"unexpected '{args.Positional[5]}'", syntax);
        Component c = voltageOutput
            ? new VoltageControlledVoltageSource(name, pos, neg, cp, cn, gain)
            : new VoltageControlledCurrentSource(name, pos, neg, cp, cn, gain);
        SetParameters(c, s, args.Named.Where(n => !n.Key.Is("value")), ctx.Scope, s.Name);
        Add(s, c);
    }

    private void ReadCurrentControlled(Statement s, ExpansionContext ctx, bool voltageOutput)
    {
        var kind = voltageOutput ? 'H' : 'F';
        var syntax = $"{kind}name n+ n- vcontrol {(voltageOutput ? "transresistance" : "gain")} or {kind}name n+ n- POLY(n) v1 … p0 p1 …";
        var args = ElementArgs.From(s, 1);
        Require(s, args, 4, syntax);
        if (args.Positional[2].Is("poly"))
        {
            ReadPoly(s, ctx, args, 2, voltageOutput, currentControlled: true);
            return;
        }
        var pos = Node(ctx, s, args.Positional[0]);
        var neg = Node(ctx, s, args.Positional[1]);
        if (!args.Positional[2].IsWord) throw new StatementException(s.At(args.Positional[2]), "expected the name of the controlling voltage source", syntax);
        var control = ElementName(ctx, args.Positional[2].Text);
        var gain = Number(s, args.Positional[3], ctx.Scope);
        if (args.Positional.Count > 4) throw new StatementException(s.At(args.Positional[4]), $"unexpected '{args.Positional[4]}'", syntax);
        var name = ElementName(ctx, s.Name);
        Component c = voltageOutput
            ? new CurrentControlledVoltageSource(name, pos, neg, control, gain)
            : new CurrentControlledCurrentSource(name, pos, neg, control, gain);
        SetParameters(c, s, args.Named, ctx.Scope, s.Name);
        Add(s, c);
    }

    /// <summary><c>Bname n+ n- V = expression</c> or <c>I = expression</c>; the expression runs to the end of the line.</summary>
    private void ReadBehavioral(Statement s, ExpansionContext ctx)
    {
        const string syntax = "Bname n+ n- V={expression} or I={expression}";
        var t = s.Tokens;
        if (t.Count < 6 || !t[3].IsWord || t[4].Kind != TokenKind.Equals)
            throw new StatementException(t.Count > 3 ? s.At(t[3]) : s.End, $"{s.Name}: expected V= or I= after the nodes", syntax);
        var kind = t[3].Text.ToLowerInvariant() switch
        {
            "v" => BehavioralKind.Voltage,
            "i" => BehavioralKind.Current,
            _ => throw new StatementException(s.At(t[3]), $"{s.Name}: '{t[3].Text}=' is neither V= nor I=", syntax),
        };
        var pos = Node(ctx, s, t[1]);
        var neg = Node(ctx, s, t[2]);
        var text = s.TextFrom(t[5]);
        var at = s.At(t[5]);
        if (t.Count == 6 && t[5].Kind is TokenKind.Brace or TokenKind.Quoted)
        {
            text = t[5].Text;
            at = at with { Column = at.Column + 1 };
        }
        var (expr, _) = Prepare(text, at, ctx);
        Add(s, new BehavioralSource(ElementName(ctx, s.Name), pos, neg, kind, expr, text));
    }

    private (Expression Expression, string Text) InstanceExpression(Statement s, Token token, ExpansionContext ctx)
    {
        var at = s.At(token);
        if (token.Kind is TokenKind.Brace or TokenKind.Quoted) at = at with { Column = at.Column + 1 };
        return Prepare(token.Text, at, ctx);
    }

    /// <summary>Substitutes {…} by their values, parses, then maps parameters, functions and names for this instance.</summary>
    private (Expression Expression, string Text) Prepare(string text, SourceLocation at, ExpansionContext ctx)
    {
        var substituted = SubstituteBraces(text, at, ctx.Scope);
        var parsed = ctx.Scope.ParseShared(substituted, at);
        var rewriter = new ExpressionRewriter(ctx.Scope.Lookup, ctx.FindFunction,
            n => MapNodeName(ctx, _globalNodes, n), e => ElementName(ctx, e), at, substituted);
        return (rewriter.Rewrite(parsed), substituted);
    }

    /// <summary>Replaces every {expression} in <paramref name="text"/> by its value (ngspice's parameter preprocessing).</summary>
    /// <param name="keep">Whether a {…} is to be left for later (its inner text), e.g. one naming a .meas result.</param>
    internal static string SubstituteBraces(string text, SourceLocation at, ParameterScope scope, Func<string, bool>? keep = null)
    {
        if (!text.Contains('{')) return text;
        var sb = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '{')
            {
                sb.Append(text[i++]);
                continue;
            }
            var depth = 0;
            var j = i;
            for (; j < text.Length; j++)
            {
                if (text[j] == '{') depth++;
                else if (text[j] == '}' && --depth == 0) break;
            }
            if (j >= text.Length) throw new StatementException(at with { Column = at.Column + i }, "unbalanced '{'", "'}'");
            var inner = text[(i + 1)..j];
            if (keep?.Invoke(inner) == true)
            {
                sb.Append(text, i, j + 1 - i);
                i = j + 1;
                continue;
            }
            var value = scope.Evaluate(inner, at with { Column = at.Column + i + 1 });
            var formatted = ParameterScope.Format(value);
            // keep a negative value grouped, so "a*{x}" with x = −2 stays a*(−2)
            sb.Append(value < 0 ? "(" + formatted + ")" : formatted);
            i = j + 1;
        }
        return sb.ToString();
    }

    private void ReadDiode(Statement s, ExpansionContext ctx)
    {
        const string syntax = "Dname anode cathode model [area] [off] [ic=v]";
        var args = ElementArgs.From(s, 1);
        Require(s, args, 3, syntax);
        var d = new Diode(ElementName(ctx, s.Name), Node(ctx, s, args.Positional[0]), Node(ctx, s, args.Positional[1]),
            ModelName(ctx, s, args.Positional[2]));
        var areaGiven = false;
        foreach (var extra in args.Positional.Skip(3))
        {
            if (extra.Is("off")) d.Off = true;
            else if (!areaGiven) (d.Area, areaGiven) = (Number(s, extra, ctx.Scope), true);
            else throw new StatementException(s.At(extra), $"unexpected '{extra}'", syntax);
        }
        SetParameters(d, s, args.Named, ctx.Scope, s.Name);
        Add(s, d);
    }

    private void ReadSwitch(Statement s, ExpansionContext ctx, bool voltage)
    {
        var syntax = voltage ? "Sname n+ n- nc+ nc- model [on|off]" : "Wname n+ n- vcontrol model [on|off]";
        var args = ElementArgs.From(s, 1);
        var p = args.Positional;
        Require(s, args, voltage ? 5 : 4, syntax);
        var name = ElementName(ctx, s.Name);
        Component c;
        int used;
        if (voltage)
        {
            var sw = new VoltageSwitch(name, Node(ctx, s, p[0]), Node(ctx, s, p[1]), Node(ctx, s, p[2]), Node(ctx, s, p[3]), ModelName(ctx, s, p[4]));
            c = sw;
            used = 5;
        }
        else
        {
            if (!p[2].IsWord) throw new StatementException(s.At(p[2]), "expected the controlling voltage source", syntax);
            c = new CurrentSwitch(name, Node(ctx, s, p[0]), Node(ctx, s, p[1]), ElementName(ctx, p[2].Text), ModelName(ctx, s, p[3]));
            used = 4;
        }
        foreach (var extra in p.Skip(used))
        {
            if (extra.Is("on")) c.SetParameter("on", true);
            else if (extra.Is("off")) c.SetParameter("on", false);
            else throw new StatementException(s.At(extra), $"unexpected '{extra}'", syntax);
        }
        SetParameters(c, s, args.Named, ctx.Scope, s.Name);
        Add(s, c);
    }

    /// <summary>The flattened name of the model a model token names; it must be defined at this level or above.</summary>
    private static string ModelName(ExpansionContext ctx, Statement s, Token t) =>
        ctx.FindModel(ModelWord(s, t)) ?? throw new StatementException(s.At(t), $"unknown model '{t.Text}'", "a model defined with .model");

    private static string ModelWord(Statement s, Token t) =>
        t.IsWord ? t.Text : throw new StatementException(s.At(t), $"expected a model name, got '{t}'", "a model name");

    /// <summary><c>Ytype name nodes… model [k=v…]</c>, resolved through the device registry.</summary>
    private void ReadYDevice(Statement s, ExpansionContext ctx)
    {
        var type = s.Name[1..];
        if (!_registry.TryGetDevice(type, out var reg))
            throw new StatementException(s.At(s.Tokens[0]), $"unknown device type 'Y{type}'",
                _registry.DeviceTypes.Any() ? "one of " + string.Join(", ", _registry.DeviceTypes.Select(d => "Y" + d.ToUpperInvariant())) : "a registered device type");
        var syntax = $"Y{type.ToUpperInvariant()} name node×{(reg.MinNodes == reg.MaxNodes ? reg.MinNodes.ToString() : $"{reg.MinNodes}–{reg.MaxNodes}")} model [name=value …]";
        var args = ElementArgs.From(s, 1);
        var p = args.Positional;
        if (p.Count < 2 + reg.MinNodes) throw new StatementException(s.End, $"{s.Name}: too few fields", syntax);
        if (!p[0].IsWord) throw new StatementException(s.At(p[0]), "expected the device name", syntax);
        var nodeCount = p.Count - 2;
        if (nodeCount > reg.MaxNodes)
            throw new StatementException(s.At(p[1 + reg.MaxNodes]), $"Y{type} takes at most {reg.MaxNodes} nodes", syntax);
        var nodes = p.Skip(1).Take(nodeCount).Select(n => Node(ctx, s, n)).ToList();
        var model = ModelName(ctx, s, p[^1]);
        var c = reg.Create(ElementName(ctx, p[0].Text), nodes, model);
        SetParameters(c, s, args.Named, ctx.Scope, $"Y{type} {p[0].Text}");
        Add(s, c);
    }

    /// <summary><c>Xname nodes… subckt [params:] [p=v…]</c>: expands the subcircuit with its own scope.</summary>
    private void ReadInstance(Statement s, ExpansionContext ctx)
    {
        const string syntax = "Xname node… subcircuit [p=value …]";
        var args = ElementArgs.From(s, 1);
        var p = args.Positional;
        if (p.Count < 1) throw new StatementException(s.End, $"{s.Name}: missing subcircuit name", syntax);
        var subToken = p[^1];
        if (!subToken.IsWord) throw new StatementException(s.At(subToken), "expected a subcircuit name", syntax);
        var def = ctx.Block.Find(subToken.Text)
            ?? throw new StatementException(s.At(subToken), $"unknown subcircuit '{subToken.Text}'", "a subcircuit defined with .subckt");
        var nodes = p.Take(p.Count - 1).ToList();
        if (nodes.Count != def.Ports.Count)
            throw new StatementException(s.At(subToken), $"subcircuit '{def.Name}' has {def.Ports.Count} ports ({string.Join(" ", def.Ports)}), {s.Name} connects {nodes.Count}",
                $"{def.Ports.Count} nodes");
        for (var c = ctx; c is not null; c = c.Parent)
            if (ReferenceEquals(c.Block, def.Body) || c.Depth > 50)
                throw new StatementException(s.Start, $"subcircuit '{def.Name}' instantiates itself (directly or indirectly)");

        // the new scope sits in the scope the subcircuit was defined in; instance values are evaluated by the caller
        var prefix = ctx.Prefix + s.Name + ".";
        var scope = new ParameterScope(DefinitionScope(ctx, def)) { Path = prefix.ToLowerInvariant() };
        var known = new HashSet<string>(def.Parameters.Select(q => q.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in args.Named)
        {
            if (!known.Contains(key.Text))
                throw new StatementException(s.At(key), $"subcircuit '{def.Name}' has no parameter '{key.Text}'",
                    known.Count > 0 ? "one of " + string.Join(", ", known) : "no parameters");
            scope.Set(key.Text, Number(s, value, ctx.Scope));
        }
        foreach (var q in def.Parameters)
        {
            if (scope.DefinesLocally(q.Name)) continue;
            if (q.Default is null)
                throw new StatementException(s.Start, $"{s.Name}: parameter '{q.Name}' of subcircuit '{def.Name}' has no default and is not given");
            var at = q.Statement.At(q.Default);
            if (q.Default.Kind is TokenKind.Brace or TokenKind.Quoted) at = at with { Column = at.Column + 1 };
            var text = q.Default.Kind == TokenKind.Word ? q.Default.Text : q.Default.Text;
            if (q.Default.Kind == TokenKind.Word && EngineeringNumber.TryParse(text, out var number)) scope.Set(q.Name, number);
            else scope.Define(q.Name, ParameterScope.Parse(text, at), at, text);
        }

        var ports = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < nodes.Count; i++) ports[def.Ports[i]] = Node(ctx, s, nodes[i]);
        var child = new ExpansionContext
        {
            Prefix = prefix.ToLowerInvariant(),
            Ports = ports,
            Scope = scope,
            Block = def.Body,
            Parent = ctx,
            Depth = ctx.Depth + 1,
        };
        Expand(child, topLevel: false);
    }

    /// <summary>The scope of the level where <paramref name="def"/> was defined (lexical scoping).</summary>
    private static ParameterScope DefinitionScope(ExpansionContext ctx, SubcircuitDefinition def)
    {
        for (var c = ctx; c is not null; c = c.Parent)
            if (c.Block.Subcircuits.ContainsKey(def.Name) && ReferenceEquals(c.Block.Subcircuits[def.Name], def))
                return c.Scope;
        var top = ctx;
        while (top.Parent is not null) top = top.Parent;
        return top.Scope;
    }
}
