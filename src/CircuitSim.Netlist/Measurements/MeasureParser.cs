using CircuitSim.Core.Expressions;

namespace CircuitSim.Netlist.Measurements;

/// <summary>
/// Parses the text of a <c>.meas</c>/<c>.measure</c> line after the keyword, ngspice 39 style (keywords are
/// case-insensitive; <c>KEY=value</c> may have blanks around <c>=</c>; commas outside brackets act as blanks):
/// <code>
/// {TRAN|DC|AC} name TRIG sig VAL=v [TD=t] [RISE=n|FALL=n|CROSS=n|…=LAST|LAST] [FROM=f] [TO=t] | TRIG AT=x
///                   TARG sig VAL=v [TD=t] [RISE=…] [FROM=f] [TO=t]                           | TARG AT=x
/// {TRAN|DC|AC} name WHEN sig=val|sig2 [TD=t] [RISE=…] [FROM=f] [TO=t]
/// {TRAN|DC|AC} name FIND sig WHEN sig2=val|sig3 [TD=t] [RISE=…] [FROM=f] [TO=t]
/// {TRAN|DC|AC} name FIND sig AT=x
/// {TRAN|DC|AC} name {MIN|MAX|MIN_AT|MAX_AT|PP|AVG|RMS|INTEG} sig [FROM=f] [TO=t] [TD=t]
/// {TRAN|DC|AC} name PARAM='expression'
/// </code>
/// At most one of RISE/FALL/CROSS/LAST may be given (ngspice silently keeps the last one); none means the first
/// crossing in either direction, also for TRIG/TARG (where ngspice insists on one). Each other option may appear once.
/// Numbers take SPICE suffixes; a bare name, <c>{expr}</c> or <c>'expr'</c> where a number is expected is kept as a
/// symbol for the evaluator's parameter callback.
/// </summary>
public static class MeasureParser
{
    /// <exception cref="MeasureSyntaxException">The text is not a valid measure statement.</exception>
    public static MeasureStatement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(text).ParseStatement();
    }

    private const string FunctionList = "TRIG, FIND, WHEN, MIN, MAX, MIN_AT, MAX_AT, PP, AVG, RMS, INTEG or PARAM";
    private const string SignalExpected = "an output variable such as v(out)";

    private static readonly Dictionary<string, MeasureKind> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TRIG"] = MeasureKind.TrigTarg,
        ["TARG"] = MeasureKind.TrigTarg,
        ["FIND"] = MeasureKind.FindAt, // FindAt or FindWhen, decided later
        ["WHEN"] = MeasureKind.When,
        ["MIN"] = MeasureKind.Min,
        ["MAX"] = MeasureKind.Max,
        ["MIN_AT"] = MeasureKind.MinAt,
        ["MAX_AT"] = MeasureKind.MaxAt,
        ["PP"] = MeasureKind.PeakToPeak,
        ["AVG"] = MeasureKind.Avg,
        ["RMS"] = MeasureKind.Rms,
        ["INTEG"] = MeasureKind.Integ,
        ["INTEGRAL"] = MeasureKind.Integ,
        ["PARAM"] = MeasureKind.Param,
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        "DERIV", "DERIVATIVE", "ERR", "ERR1", "ERR2", "ERR3", "DELAY",
    };

    private static readonly string[] CrossingKeys = ["VAL", "TD", "FROM", "TO"];
    private static readonly string[] WhenKeys = ["TD", "FROM", "TO"];
    private static readonly string[] IntervalKeys = ["FROM", "TO", "TD"];
    private static readonly HashSet<string> AllKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "VAL", "TD", "FROM", "TO", "AT", "RISE", "FALL", "CROSS",
    };

    private enum TokenKind { Word, Equals }

    private readonly record struct Token(TokenKind Kind, string Text, int Column, int End, bool Quoted, bool Braced)
    {
        public bool IsWord(string keyword) =>
            Kind == TokenKind.Word && !Quoted && !Braced && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

        public string Upper => Text.ToUpperInvariant();
    }

    private sealed class Options
    {
        public readonly Dictionary<string, MeasureNumber> Values = new(StringComparer.OrdinalIgnoreCase);
        public CrossingSelector? Selector;

        public MeasureNumber? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;
    }

    private sealed class Parser
    {
        private readonly string _text;
        private readonly List<Token> _tokens;
        private int _pos;
        private readonly List<string> _variables = [];

        public Parser(string text)
        {
            _text = text;
            _tokens = Tokenize(text);
        }

        private bool AtEnd => _pos >= _tokens.Count;

        private Token? Peek(int ahead = 0) => _pos + ahead < _tokens.Count ? _tokens[_pos + ahead] : null;

        /// <summary>Column just after the last token (where something missing would go).</summary>
        private int EndColumn => _text.TrimEnd().Length;

        private int ColumnAfterPrevious => _pos > 0 ? _tokens[_pos - 1].End : 0;

        private static MeasureSyntaxException Error(string message, int column, string expected) => new(message, column, expected);

        private Token NextWord(string missingMessage, string expected)
        {
            var t = Peek();
            if (t is null) throw Error(missingMessage, EndColumn, expected);
            if (t.Value.Kind != TokenKind.Word) throw Error($"unexpected '=' ({missingMessage})", t.Value.Column, expected);
            _pos++;
            return t.Value;
        }

        private void ExpectEquals(string what)
        {
            var t = Peek();
            if (t is null || t.Value.Kind != TokenKind.Equals)
                throw Error($"{what} must be followed by '='", t?.Column ?? ColumnAfterPrevious, "'='");
            _pos++;
        }

        public MeasureStatement ParseStatement()
        {
            var analysisTok = NextWord("missing analysis type", "TRAN, DC or AC");
            MeasureAnalysis analysis = analysisTok.Upper switch
            {
                "TRAN" => MeasureAnalysis.Tran,
                "DC" => MeasureAnalysis.Dc,
                "AC" => MeasureAnalysis.Ac,
                _ => throw Error($"unknown analysis type '{analysisTok.Text}'", analysisTok.Column, "TRAN, DC or AC"),
            };

            var nameTok = NextWord("missing measurement name", "a measurement name");
            if (!nameTok.Quoted && !nameTok.Braced && Functions.ContainsKey(nameTok.Text))
            {
                bool nextIsFunction = Peek() is { Kind: TokenKind.Word } n && (Functions.ContainsKey(n.Text) || Unsupported.Contains(n.Text));
                if (!nextIsFunction)
                    throw Error($"missing measurement name before {nameTok.Upper}", nameTok.Column, "a measurement name");
            }

            var fnTok = NextWord($"missing measure function after '{nameTok.Text}'", FunctionList);
            if (Unsupported.Contains(fnTok.Text))
                throw Error($"{fnTok.Upper} measures are not supported", fnTok.Column, FunctionList);
            if (fnTok.Quoted || fnTok.Braced || !Functions.TryGetValue(fnTok.Text, out var kind))
                throw Error($"unknown measure function '{fnTok.Text}'", fnTok.Column, FunctionList);

            var name = nameTok.Text;
            MeasureStatement statement = kind switch
            {
                MeasureKind.TrigTarg => ParseTrigTarg(analysis, name, fnTok),
                MeasureKind.FindAt => ParseFind(analysis, name),
                MeasureKind.When => new MeasureStatement(_text, name, analysis, MeasureKind.When) { When = ParseWhenCondition("WHEN") },
                MeasureKind.Param => ParseParam(analysis, name),
                _ => ParseInterval(analysis, name, kind, fnTok),
            };

            if (Peek() is { } extra)
                throw Error($"unexpected '{(extra.Kind == TokenKind.Equals ? "=" : extra.Text)}' after the end of the statement", extra.Column, "end of statement");

            statement.OutputVariables = _variables.Distinct(StringComparer.Ordinal).ToArray();
            return statement;
        }

        private MeasureStatement ParseTrigTarg(MeasureAnalysis analysis, string name, Token fnTok)
        {
            bool trigFirst = fnTok.IsWord("TRIG");
            string first = trigFirst ? "TRIG" : "TARG", second = trigFirst ? "TARG" : "TRIG";
            var a = ParseEndpoint(first, stopWord: second);
            var t = Peek();
            if (t is null || !t.Value.IsWord(second))
                throw Error($"missing {second} clause", t?.Column ?? EndColumn, second);
            _pos++;
            var b = ParseEndpoint(second, stopWord: null);
            return new MeasureStatement(_text, name, analysis, MeasureKind.TrigTarg)
            {
                Trig = trigFirst ? a : b,
                Targ = trigFirst ? b : a,
            };
        }

        private MeasureEndpoint ParseEndpoint(string which, string? stopWord)
        {
            if (Peek() is { } t && t.IsWord("AT") && Peek(1) is { Kind: TokenKind.Equals })
            {
                _pos++;
                ExpectEquals("AT");
                return new MeasureEndpoint(ParseNumberValue("AT"), null);
            }
            var (signal, _) = ParseSignal(which);
            var options = ParseOptions(CrossingKeys, allowSelector: true, stopWord);
            var val = options.Get("VAL") ?? throw Error($"{which} {signal} needs VAL=", ColumnAfterPrevious, "VAL=");
            return new MeasureEndpoint(null, new CrossingCondition(signal, val, null, options.Selector ?? CrossingSelector.Default,
                options.Get("TD"), options.Get("FROM"), options.Get("TO")));
        }

        private MeasureStatement ParseFind(MeasureAnalysis analysis, string name)
        {
            var (signal, _) = ParseSignal("FIND");
            var t = Peek();
            if (t is { } at && at.IsWord("AT"))
            {
                _pos++;
                ExpectEquals("AT");
                return new MeasureStatement(_text, name, analysis, MeasureKind.FindAt) { Signal = signal, At = ParseNumberValue("AT") };
            }
            if (t is { } when && when.IsWord("WHEN"))
            {
                _pos++;
                return new MeasureStatement(_text, name, analysis, MeasureKind.FindWhen) { Signal = signal, When = ParseWhenCondition("WHEN") };
            }
            throw Error($"FIND {signal} needs AT= or WHEN", t?.Column ?? EndColumn, "AT= or WHEN");
        }

        private CrossingCondition ParseWhenCondition(string context)
        {
            var (signal, signalTok) = ParseSignal(context);
            if (Peek() is not { Kind: TokenKind.Equals })
                throw Error($"{context} {signal} must be followed by '=' and a value", Peek()?.Column ?? signalTok.End, "'='");
            _pos++;
            var rhs = Peek();
            if (rhs is null || rhs.Value.Kind != TokenKind.Word || (Peek(1) is { Kind: TokenKind.Equals } && AllKeys.Contains(rhs.Value.Text)))
                throw Error($"missing value after '{signal}='", rhs?.Column ?? EndColumn, "a number or an output variable");
            var r = rhs.Value;
            _pos++;
            MeasureNumber? level = null;
            string? levelSignal = null;
            if (r.Braced || r.Quoted) level = new MeasureNumber(null, r.Text.Trim());
            else if (EngineeringNumber.TryParse(r.Text, out var v) && double.IsFinite(v)) level = MeasureNumber.Literal(v);
            else
            {
                levelSignal = NormalizeName(r.Text);
                _variables.Add(levelSignal);
            }
            var options = ParseOptions(WhenKeys, allowSelector: true, stopWord: null);
            return new CrossingCondition(signal, level, levelSignal, options.Selector ?? CrossingSelector.Default,
                options.Get("TD"), options.Get("FROM"), options.Get("TO"));
        }

        private MeasureStatement ParseInterval(MeasureAnalysis analysis, string name, MeasureKind kind, Token fnTok)
        {
            var (signal, _) = ParseSignal(fnTok.Upper);
            var options = ParseOptions(IntervalKeys, allowSelector: false, stopWord: null);
            return new MeasureStatement(_text, name, analysis, kind)
            {
                Signal = signal,
                From = options.Get("FROM"),
                To = options.Get("TO"),
                Td = options.Get("TD"),
            };
        }

        private MeasureStatement ParseParam(MeasureAnalysis analysis, string name)
        {
            var eq = Peek();
            if (eq is null || eq.Value.Kind != TokenKind.Equals)
                throw Error("PARAM must be followed by '=' and an expression", eq?.Column ?? ColumnAfterPrevious, "'='");
            var expression = _text[eq.Value.End..].Trim();
            if (expression.Length >= 2 && ((expression[0] == '\'' && expression[^1] == '\'') || (expression[0] == '"' && expression[^1] == '"')
                                           || (expression[0] == '{' && expression[^1] == '}')))
                expression = expression[1..^1].Trim();
            if (expression.Length == 0)
                throw Error("PARAM= needs an expression", EndColumn, "an expression");
            _pos = _tokens.Count;
            return new MeasureStatement(_text, name, analysis, MeasureKind.Param) { Expression = expression };
        }

        private (string Name, Token Token) ParseSignal(string context)
        {
            var t = Peek();
            if (t is null)
                throw Error($"missing output variable after {context}", EndColumn, SignalExpected);
            var tok = t.Value;
            if (tok.Kind == TokenKind.Equals || tok.Braced
                || (AllKeys.Contains(tok.Text) && !tok.Quoted && Peek(1) is { Kind: TokenKind.Equals }))
                throw Error($"missing output variable after {context}", tok.Column, SignalExpected);
            _pos++;
            var name = NormalizeName(tok.Text);
            _variables.Add(name);
            return (name, tok);
        }

        private Options ParseOptions(string[] keys, bool allowSelector, string? stopWord)
        {
            var options = new Options();
            while (Peek() is { } t)
            {
                if (stopWord is not null && t.IsWord(stopWord)) break;
                if (t.Kind == TokenKind.Equals)
                    throw Error("unexpected '='", t.Column, ExpectedOptions(keys, allowSelector, stopWord));
                var key = t.Upper;
                bool isSelector = allowSelector && !t.Quoted && !t.Braced && key is "RISE" or "FALL" or "CROSS" or "LAST";
                bool isKey = !t.Quoted && !t.Braced && keys.Contains(key);
                if (!isSelector && !isKey)
                    throw Error($"unexpected '{t.Text}'", t.Column, ExpectedOptions(keys, allowSelector, stopWord));
                _pos++;

                if (key == "LAST" && Peek() is not { Kind: TokenKind.Equals })
                {
                    SetSelector(options, new CrossingSelector(CrossingEdge.Cross, null), t);
                    continue;
                }
                ExpectEquals(key);
                if (isSelector)
                {
                    var edge = key switch
                    {
                        "RISE" => CrossingEdge.Rise,
                        "FALL" => CrossingEdge.Fall,
                        "CROSS" => CrossingEdge.Cross,
                        _ => throw Error("LAST takes no value", t.Column, "RISE=, FALL= or CROSS="),
                    };
                    var v = NextWord($"missing value after {key}=", "a positive integer or LAST");
                    int? occurrence;
                    if (v.IsWord("LAST")) occurrence = null;
                    else if (!v.Quoted && !v.Braced && EngineeringNumber.TryParse(v.Text, out var n) && double.IsFinite(n) && n >= 1 && n <= int.MaxValue && n == Math.Floor(n))
                        occurrence = (int)n;
                    else throw Error($"{key}= needs a positive whole number or LAST, not '{v.Text}'", v.Column, "a positive integer or LAST");
                    SetSelector(options, new CrossingSelector(edge, occurrence), t);
                }
                else
                {
                    if (options.Values.ContainsKey(key))
                        throw Error($"{key}= is given twice", t.Column, ExpectedOptions(keys.Where(k => !options.Values.ContainsKey(k)).ToArray(), allowSelector && options.Selector is null, stopWord));
                    options.Values[key] = ParseNumberValue(key);
                }
            }
            return options;
        }

        private static void SetSelector(Options options, CrossingSelector selector, Token at)
        {
            if (options.Selector is not null)
                throw Error($"only one of RISE, FALL, CROSS or LAST may be given (already {options.Selector})", at.Column, "one crossing selector");
            options.Selector = selector;
        }

        private MeasureNumber ParseNumberValue(string key)
        {
            var v = NextWord($"missing value after {key}=", "a number");
            if (v.Braced || v.Quoted) return new MeasureNumber(null, v.Text.Trim());
            if (EngineeringNumber.TryParse(v.Text, out var d) && double.IsFinite(d)) return MeasureNumber.Literal(d);
            if (IsIdentifier(v.Text) && !AllKeys.Contains(v.Text)) return new MeasureNumber(null, v.Text);
            throw Error($"'{v.Text}' is not a number", v.Column, "a number");
        }

        private static string ExpectedOptions(string[] keys, bool allowSelector, string? stopWord)
        {
            var items = keys.Select(k => k + "=").ToList();
            if (allowSelector) items.AddRange(["RISE=", "FALL=", "CROSS=", "LAST"]);
            if (stopWord is not null) items.Add(stopWord);
            items.Add("end of statement");
            return items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];
        }
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    /// <summary>Output variable names are compared lower-case without blanks: <c>V( A , B )</c> → <c>v(a,b)</c>.</summary>
    internal static string NormalizeName(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }
            if (c == '=')
            {
                tokens.Add(new Token(TokenKind.Equals, "=", i, i + 1, false, false));
                i++;
                continue;
            }
            if (c is '\'' or '"')
            {
                int close = text.IndexOf(c, i + 1);
                if (close < 0) throw new MeasureSyntaxException("unterminated quoted text", i, $"a closing {c}");
                tokens.Add(new Token(TokenKind.Word, text[(i + 1)..close], i, close + 1, Quoted: true, Braced: false));
                i = close + 1;
                continue;
            }
            if (c == '{')
            {
                int depth = 0, j = i;
                for (; j < text.Length; j++)
                {
                    if (text[j] == '{') depth++;
                    else if (text[j] == '}' && --depth == 0) break;
                }
                if (j >= text.Length) throw new MeasureSyntaxException("'{' is never closed", i, "'}'");
                tokens.Add(new Token(TokenKind.Word, text[(i + 1)..j], i, j + 1, Quoted: false, Braced: true));
                i = j + 1;
                continue;
            }

            int start = i;
            var open = new Stack<(char Bracket, int Column)>();
            for (; i < text.Length; i++)
            {
                c = text[i];
                if (open.Count == 0 && (char.IsWhiteSpace(c) || c is ',' or '=')) break;
                if (c is '(' or '[') open.Push((c, i));
                else if (c is ')' or ']')
                {
                    char want = c == ')' ? '(' : '[';
                    if (open.Count == 0)
                        throw new MeasureSyntaxException($"'{c}' without a matching '{want}'", i, "blank or '='");
                    if (open.Peek().Bracket != want)
                        throw new MeasureSyntaxException($"'{c}' does not match '{open.Peek().Bracket}'", i, open.Peek().Bracket == '(' ? "')'" : "']'");
                    open.Pop();
                }
            }
            if (open.Count > 0)
            {
                var (bracket, column) = open.Peek();
                throw new MeasureSyntaxException($"'{bracket}' is never closed", column, bracket == '(' ? "')'" : "']'");
            }
            tokens.Add(new Token(TokenKind.Word, text[start..i], start, i, false, false));
        }
        return tokens;
    }
}
