namespace CircuitSim.Core.Expressions;

/// <summary>An expression that does not parse; <see cref="Position"/> is the 0-based offset of the problem.</summary>
public sealed class ExpressionSyntaxException : FormatException
{
    public ExpressionSyntaxException(string message, int position, string expected) : base(message)
    {
        Position = position;
        Expected = expected;
    }

    public int Position { get; }
    public string Expected { get; }
}

/// <summary>
/// The expression grammar, with C-like precedence: <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, comparisons,
/// <c>+ -</c>, <c>* / %</c>, unary <c>- + !</c>, then <c>**</c> / <c>^</c> grouping from the left (as ngspice). Numbers take SPICE
/// suffixes. <c>v(a)</c>, <c>v(a,b)</c> and <c>i(vx)</c> read the circuit.
/// <para>
/// A hand-written recursive descent: operator chains are loops, and only what nests (parentheses, unary operators,
/// powers, calls, <c>?:</c>) recurses, each level counted. A tree deeper than <see cref="MaxDepth"/> (10 000 minus
/// signs, a sum of 5000 terms) is refused with a message instead of overflowing the stack here or in whatever walks
/// the tree later (evaluation, derivatives, compilation).
/// </para>
/// </summary>
public static class ExpressionParser
{
    /// <summary>Deepest expression tree accepted: operators applied to operators, counted along the deepest path
    /// (a sum of n terms is n − 1 deep, each parenthesis or unary operator adds one).</summary>
    public const int MaxDepth = 1000;

    /// <summary>Deepest nesting of parentheses, calls, exponents and <c>?:</c> branches (what the parser recurses on).</summary>
    public const int MaxNesting = 250;

    /// <summary>What a too-deep expression's error expects.</summary>
    public const string LessNesting = "a less deeply nested expression";

    /// <summary>Parses a whole expression.</summary>
    /// <exception cref="ExpressionSyntaxException">With the offset of the problem and what was expected.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var (e, _) = parser.Expr(0);
        parser.SkipSpace();
        if (!parser.AtEnd) throw parser.Error("end of input");
        return e;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        public ExpressionSyntaxException Error(string expected) => Error(expected, _pos);

        private ExpressionSyntaxException Error(string expected, int at)
        {
            at = Math.Min(at, text.Length);
            var found = at < text.Length ? $"'{text[at]}'" : "the end of the expression";
            return new ExpressionSyntaxException($"unexpected {found}; expected {expected}", at, expected);
        }

        private ExpressionSyntaxException TooDeep() =>
            new($"expression nested too deeply (at most {MaxDepth} operators along one path and {MaxNesting} levels of " +
                "parentheses, calls and exponents); split it into several .param definitions", Math.Min(_pos, text.Length), LessNesting);

        private int Checked(int depth) => depth > MaxDepth ? throw TooDeep() : depth;

        /// <summary>Consumes <paramref name="symbol"/> (after whitespace) when it comes next.</summary>
        private bool Accept(string symbol)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) != 0) return false;
            _pos += symbol.Length;
            return true;
        }

        private bool Peek(char c)
        {
            SkipSpace();
            return _pos < text.Length && text[_pos] == c;
        }

        private void Expect(char c, string expected)
        {
            if (!Peek(c)) throw Error(expected);
            _pos++;
        }

        // each level returns the tree and its depth

        public (Expression, int) Expr(int nesting)
        {
            if (nesting > MaxNesting) throw TooDeep();
            SkipSpace();
            var pos = _pos;
            var (c, depth) = Or(nesting);
            if (!Accept("?")) return (c, depth);
            var (a, da) = Expr(nesting + 1);
            Expect(':', "':'");
            var (b, db) = Expr(nesting + 1);
            return (new ConditionalExpression(c, a, b, pos), Checked(1 + Math.Max(depth, Math.Max(da, db))));
        }

        /// <summary>A left-associative chain <c>operand (op operand)*</c>, as a loop: the tree deepens by one per operator.</summary>
        private (Expression, int) Chain(int nesting, Func<int, (Expression, int)> operand, Func<BinaryOperator?> op)
        {
            var (l, dl) = operand(nesting);
            while (op() is { } o)
            {
                var (r, dr) = operand(nesting);
                (l, dl) = (new BinaryExpression(o, l, r, l.Position), Checked(1 + Math.Max(dl, dr)));
            }
            return (l, dl);
        }

        private (Expression, int) Or(int nesting) => Chain(nesting, And, () => Accept("||") ? BinaryOperator.Or : null);

        private (Expression, int) And(int nesting) => Chain(nesting, Comparison, () => Accept("&&") ? BinaryOperator.And : null);

        private (Expression, int) Comparison(int nesting) => Chain(nesting, Additive, () =>
            Accept("==") ? BinaryOperator.Equal
            : Accept("!=") ? BinaryOperator.NotEqual
            : Accept("<=") ? BinaryOperator.LessEqual
            : Accept(">=") ? BinaryOperator.GreaterEqual
            : Accept("<") ? BinaryOperator.Less
            : Accept(">") ? BinaryOperator.Greater
            : null);

        private (Expression, int) Additive(int nesting) => Chain(nesting, Multiplicative, () =>
            Accept("+") ? BinaryOperator.Add : Accept("-") ? BinaryOperator.Subtract : null);

        private (Expression, int) Multiplicative(int nesting) => Chain(nesting, Unary, () =>
        {
            if (Peek('*') && !(_pos + 1 < text.Length && text[_pos + 1] == '*'))
            {
                _pos++;
                return BinaryOperator.Multiply;
            }
            return Accept("/") ? BinaryOperator.Divide : Accept("%") ? BinaryOperator.Modulo : null;
        });

        /// <summary>A run of unary signs is a loop; the operand's tree is wrapped once per sign.</summary>
        private (Expression, int) Unary(int nesting)
        {
            List<(UnaryOperator Op, int Pos)>? signs = null;
            while (true)
            {
                SkipSpace();
                if (_pos >= text.Length) break;
                var op = text[_pos] switch
                {
                    '-' => UnaryOperator.Negate,
                    '+' => UnaryOperator.Plus,
                    '!' when !(_pos + 1 < text.Length && text[_pos + 1] == '=') => UnaryOperator.Not,
                    _ => (UnaryOperator?)null,
                };
                if (op is null) break;
                (signs ??= new()).Add((op.Value, _pos));
                if (signs.Count > MaxDepth) throw TooDeep();
                _pos++;
            }
            var (e, depth) = Power(nesting);
            if (signs is null) return (e, depth);
            for (var k = signs.Count - 1; k >= 0; k--)
                (e, depth) = (new UnaryExpression(signs[k].Op, e, signs[k].Pos), Checked(depth + 1));
            return (e, depth);
        }

        /// <summary><c>**</c> and <c>^</c> group from the left, as in ngspice 39 (<c>2^3^2</c> is 64 there, in B sources
        /// and in .param alike), and bind tighter than a leading minus (<c>-2^2</c> is −4); an exponent is a primary that
        /// may carry signs (<c>2^-1</c>). A chain is a loop, its depth counted.</summary>
        private (Expression, int) Power(int nesting)
        {
            if (nesting > MaxNesting) throw TooDeep();
            SkipSpace();
            var pos = _pos;
            var (l, dl) = Primary(nesting);
            while (Accept("**") || Accept("^"))
            {
                var (e, de) = SignedPrimary(nesting);
                (l, dl) = (new BinaryExpression(BinaryOperator.Power, l, e, pos), Checked(1 + Math.Max(dl, de)));
            }
            return (l, dl);
        }

        /// <summary>An exponent: a primary after any run of <c>-</c> and <c>+</c> signs (a loop, each sign counted).</summary>
        private (Expression, int) SignedPrimary(int nesting)
        {
            List<(UnaryOperator Op, int Pos)>? signs = null;
            while (true)
            {
                SkipSpace();
                if (_pos >= text.Length || text[_pos] is not ('-' or '+')) break;
                (signs ??= new()).Add((text[_pos] == '-' ? UnaryOperator.Negate : UnaryOperator.Plus, _pos));
                if (signs.Count > MaxDepth) throw TooDeep();
                _pos++;
            }
            var (e, depth) = Primary(nesting);
            if (signs is null) return (e, depth);
            for (var k = signs.Count - 1; k >= 0; k--)
                (e, depth) = (new UnaryExpression(signs[k].Op, e, signs[k].Pos), Checked(depth + 1));
            return (e, depth);
        }

        private (Expression, int) Primary(int nesting)
        {
            SkipSpace();
            var pos = _pos;
            if (_pos >= text.Length) throw Error(Operand);
            var c = text[_pos];
            if (char.IsAsciiDigit(c) || c == '.') return (Number(), 1);
            if (c == '(')
            {
                _pos++;
                var (e, depth) = Expr(nesting + 1);
                Expect(')', "')'");
                return (e, depth);
            }
            if (char.IsLetter(c) || c == '_')
            {
                if ((c is 'v' or 'V' or 'i' or 'I') && TryCircuitQuantity(pos) is { } quantity) return (quantity, 1);
                var name = Identifier();
                if (!Peek('(')) return (new VariableExpression(name, pos), 1);
                _pos++;
                var args = new List<Expression>();
                var depth = 1;
                if (!Accept(")"))
                {
                    while (true)
                    {
                        var (a, da) = Expr(nesting + 1);
                        args.Add(a);
                        depth = Checked(Math.Max(depth, da + 1));
                        if (Accept(",")) continue;
                        Expect(')', "',' or ')'");
                        break;
                    }
                }
                return (new CallExpression(name.ToLowerInvariant(), args, pos), depth);
            }
            throw Error(Operand);
        }

        private const string Operand = "a number, a name, a call or '('";

        private Expression Number()
        {
            var pos = _pos;
            var length = EngineeringNumber.MantissaLength(text, pos);
            if (length == 0) throw Error("number");
            var end = pos + length;
            while (end < text.Length && char.IsLetter(text[end])) end++;
            if (!EngineeringNumber.TryParse(text[pos..end], out var value))
                throw new ExpressionSyntaxException($"'{text[pos..end]}' is not a number", pos, "number");
            _pos = end;
            return new NumberExpression(value, pos);
        }

        private string Identifier()
        {
            var start = _pos;
            _pos++;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.' or '$')) _pos++;
            return text[start.._pos];
        }

        /// <summary><c>v(a)</c>, <c>v(a,b)</c> or <c>i(x)</c>, node and element names being anything but separators;
        /// null (position unchanged) when the text is not one, so that <c>vdd</c>, <c>int(…)</c> or <c>i(a,b)</c> read
        /// as a name or a call.</summary>
        private Expression? TryCircuitQuantity(int pos)
        {
            var voltage = text[pos] is 'v' or 'V';
            _pos = pos + 1;
            if (!Peek('('))
            {
                _pos = pos;
                return null;
            }
            _pos++;
            var a = CircuitName();
            string? b = null;
            if (a is not null && voltage && Accept(","))
            {
                b = CircuitName();
                if (b is null) a = null;
            }
            if (a is null || !Accept(")"))
            {
                _pos = pos;
                return null;
            }
            return voltage ? new VoltageExpression(a, b, pos) : new CurrentExpression(a, pos);
        }

        private string? CircuitName()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && !(char.IsWhiteSpace(text[_pos]) || text[_pos] is ',' or '(' or ')')) _pos++;
            return _pos > start ? text[start.._pos] : null;
        }
    }
}
