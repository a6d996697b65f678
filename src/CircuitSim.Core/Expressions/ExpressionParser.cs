using Sprache;
using P = Sprache.Parse;

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
/// The expression grammar (Sprache), with C-like precedence: <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, comparisons,
/// <c>+ -</c>, <c>* / %</c>, unary <c>- + !</c>, then <c>**</c> / <c>^</c> grouping from the left (as ngspice). Numbers take SPICE
/// suffixes. <c>v(a)</c>, <c>v(a,b)</c> and <c>i(vx)</c> read the circuit.
/// </summary>
public static class ExpressionParser
{
    private static readonly Parser<int> Position = input => Result.Success(input.Position, input);

    // Sprache backtracks out of optional parts and operator chains, so the failure it returns is often at the start
    // of the construct; the furthest failure of any token is where the text actually stopped making sense.
    [ThreadStatic] private static int _furthest;
    [ThreadStatic] private static IEnumerable<string>? _furthestExpected;

    private static Parser<T> Tok<T>(Parser<T> p)
    {
        var token = p.Token();
        return input =>
        {
            var r = token(input);
            if (!r.WasSuccessful && r.Remainder.Position >= _furthest)
            {
                _furthest = r.Remainder.Position;
                _furthestExpected = r.Expectations;
            }
            return r;
        };
    }

    /// <summary>A SPICE number at the input: mantissa with optional exponent, then any scale-suffix letters.</summary>
    private static readonly Parser<double> NumberText = input =>
    {
        var source = input.Source;
        var pos = input.Position;
        var length = EngineeringNumber.MantissaLength(source, pos);
        if (length == 0) return Result.Failure<double>(input, "number expected", new[] { "number" });
        var end = pos + length;
        while (end < source.Length && char.IsLetter(source[end])) end++;
        if (!EngineeringNumber.TryParse(source[pos..end], out var value))
            return Result.Failure<double>(input, $"'{source[pos..end]}' is not a number", new[] { "number" });
        var rest = input;
        for (var i = pos; i < end; i++) rest = rest.Advance();
        return Result.Success(value, rest);
    };

    private static readonly Parser<Expression> Number =
        from pos in Position
        from value in NumberText
        select (Expression)new NumberExpression(value, pos);

    private static readonly Parser<string> Identifier =
        P.Identifier(P.Letter.Or(P.Char('_')), P.LetterOrDigit.Or(P.Char('_')).Or(P.Char('.')).Or(P.Char('$')));

    /// <summary>A node or element name inside v( ) / i( ): anything but separators.</summary>
    private static readonly Parser<string> CircuitName =
        Tok(P.CharExcept(c => char.IsWhiteSpace(c) || c == ',' || c == '(' || c == ')', "node name").AtLeastOnce().Text());

    private static readonly Parser<Expression> Voltage =
        from pos in Position
        from _ in Tok(P.IgnoreCase('v'))
        from open in Tok(P.Char('('))
        from a in CircuitName
        from b in (from comma in Tok(P.Char(',')) from n in CircuitName select n).Optional()
        from close in Tok(P.Char(')'))
        select (Expression)new VoltageExpression(a, b.GetOrDefault(), pos);

    private static readonly Parser<Expression> Current =
        from pos in Position
        from _ in Tok(P.IgnoreCase('i'))
        from open in Tok(P.Char('('))
        from a in CircuitName
        from close in Tok(P.Char(')'))
        select (Expression)new CurrentExpression(a, pos);

    private static readonly Parser<Expression> CallOrVariable =
        from pos in Position
        from name in Tok(Identifier)
        from args in (
            from open in Tok(P.Char('('))
            from list in P.Ref(() => Expr!).DelimitedBy(Tok(P.Char(','))).Optional()
            from close in Tok(P.Char(')'))
            select list.GetOrElse(Array.Empty<Expression>()).ToList()).Optional()
        select args.IsDefined
            ? new CallExpression(name.ToLowerInvariant(), args.Get(), pos)
            : (Expression)new VariableExpression(name, pos);

    private static readonly Parser<Expression> Parenthesized =
        from open in Tok(P.Char('('))
        from e in P.Ref(() => Expr!)
        from close in Tok(P.Char(')'))
        select e;

    private static readonly Parser<Expression> Primary =
        Tok(Number).Or(Parenthesized).Or(Voltage).Or(Current).Or(CallOrVariable);

    /// <summary>An exponent: a primary, which may carry signs (<c>2^-1</c>).</summary>
    private static readonly Parser<Expression> Exponent =
        (from pos in Position
         from op in Tok(P.Chars('-', '+'))
         from operand in P.Ref(() => Exponent!)
         select (Expression)new UnaryExpression(op == '-' ? UnaryOperator.Negate : UnaryOperator.Plus, operand, pos))
        .Or(Primary);

    /// <summary><c>**</c> and <c>^</c> group from the left, as in ngspice 39 (<c>2^3^2</c> is 64 there, in B sources and
    /// in .param alike), and bind tighter than a leading minus (<c>-2^2</c> is −4).</summary>
    private static readonly Parser<Expression> Power =
        from pos in Position
        from b in Primary
        from exponents in (
            from op in Tok(P.String("**").Or(P.String("^")))
            from rhs in Exponent
            select rhs).Many()
        select exponents.Aggregate(b, (l, r) => new BinaryExpression(BinaryOperator.Power, l, r, pos));

    private static readonly Parser<Expression> Unary =
        (from pos in Position
         from op in Tok(P.Chars('-', '+', '!'))
         from operand in P.Ref(() => Unary!)
         select (Expression)new UnaryExpression(op switch { '-' => UnaryOperator.Negate, '+' => UnaryOperator.Plus, _ => UnaryOperator.Not }, operand, pos))
        .Or(Power);

    private static Parser<BinaryOperator> Op(string symbol, BinaryOperator op) => Tok(P.String(symbol)).Return(op);

    private static readonly Parser<Expression> Multiplicative = P.ChainOperator(
        Op("*", BinaryOperator.Multiply).Except(P.String("**")).Or(Op("/", BinaryOperator.Divide)).Or(Op("%", BinaryOperator.Modulo)),
        Unary, (op, l, r) => new BinaryExpression(op, l, r, l.Position));

    private static readonly Parser<Expression> Additive = P.ChainOperator(
        Op("+", BinaryOperator.Add).Or(Op("-", BinaryOperator.Subtract)),
        Multiplicative, (op, l, r) => new BinaryExpression(op, l, r, l.Position));

    private static readonly Parser<Expression> Comparison = P.ChainOperator(
        Op("==", BinaryOperator.Equal).Or(Op("!=", BinaryOperator.NotEqual))
            .Or(Op("<=", BinaryOperator.LessEqual)).Or(Op(">=", BinaryOperator.GreaterEqual))
            .Or(Op("<", BinaryOperator.Less)).Or(Op(">", BinaryOperator.Greater)),
        Additive, (op, l, r) => new BinaryExpression(op, l, r, l.Position));

    private static readonly Parser<Expression> And = P.ChainOperator(
        Op("&&", BinaryOperator.And), Comparison, (op, l, r) => new BinaryExpression(op, l, r, l.Position));

    private static readonly Parser<Expression> Or = P.ChainOperator(
        Op("||", BinaryOperator.Or), And, (op, l, r) => new BinaryExpression(op, l, r, l.Position));

    private static readonly Parser<Expression> Expr =
        from pos in Position
        from c in Or
        from rest in (
            from q in Tok(P.Char('?'))
            from a in P.Ref(() => Expr!)
            from colon in Tok(P.Char(':'))
            from b in P.Ref(() => Expr!)
            select (a, b)).Optional()
        select rest.IsDefined ? new ConditionalExpression(c, rest.Get().a, rest.Get().b, pos) : c;

    private static readonly Parser<Expression> Complete = Expr.Token().End();

    /// <summary>Parses a whole expression.</summary>
    /// <exception cref="ExpressionSyntaxException">With the offset of the problem and what was expected.</exception>
    public static Expression Parse(string text)
    {
        _furthest = -1;
        _furthestExpected = null;
        var result = Complete.TryParse(text);
        if (result.WasSuccessful) return result.Value;
        var pos = result.Remainder.Position;
        var expectations = result.Expectations;
        if (_furthest > pos && _furthestExpected is not null)
        {
            pos = _furthest;
            expectations = _furthestExpected;
        }
        pos = Math.Min(pos, text.Length);
        var expected = expectations.Any() ? string.Join(" or ", expectations.Distinct()) : "an expression";
        var found = pos < text.Length ? $"'{text[pos]}'" : "the end of the expression";
        throw new ExpressionSyntaxException($"unexpected {found}; expected {expected}", pos, expected);
    }
}
