using Sprache;
using P = Sprache.Parse;

namespace CircuitSim.Netlist.Syntax;

/// <summary>
/// The token grammar of a netlist line (Sprache): words, {expressions}, 'expressions', "strings", ( groups ),
/// '=' and ',' (a separator, like whitespace, as SPICE allows in <c>PULSE(0, 1, …)</c>). Statement meaning is
/// positional and is given by the statement readers, so a new device type needs no grammar change.
/// </summary>
public static class LineGrammar
{
    private static readonly Parser<int> Position = input => Result.Success(input.Position, input);

    /// <summary>Blanks, tabs and commas between tokens (consumed in one step).</summary>
    private static readonly Parser<int> Separators = input =>
    {
        var text = input.Source;
        var end = input.Position;
        while (end < text.Length && text[end] is ' ' or '\t' or ',') end++;
        return Result.Success(end - input.Position, Jump(input, end - input.Position));
    };

    private static bool IsWordChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('=' or '(' or ')' or ',' or '{' or '}' or '\'' or '"');

    /// <summary>A run of word characters, scanned in one step.</summary>
    private static readonly Parser<Token> Word = input =>
    {
        var text = input.Source;
        var start = input.Position;
        var end = start;
        while (end < text.Length && IsWordChar(text[end])) end++;
        return end == start
            ? Result.Failure<Token>(input, "unexpected character", new[] { "a name or number" })
            : Result.Success(new Token(TokenKind.Word, text[start..end], start, end - start, Array.Empty<Token>()), Jump(input, end - start));
    };

    private static IInput Jump(IInput input, int count)
    {
        if (input is LineInput line) return line.Skip(count);
        for (var i = 0; i < count; i++) input = input.Advance();
        return input;
    }

    /// <summary>Balanced braces; the inside may hold nested braces.</summary>
    private static readonly Parser<string> BraceBody =
        from open in P.Char('{')
        from parts in P.Ref(() => BraceBody!).Select(b => "{" + b + "}").Or(P.CharExcept("{}").AtLeastOnce().Text()).Many()
        from close in P.Char('}')
        select string.Concat(parts);

    private static readonly Parser<Token> Brace =
        from start in Position
        from body in BraceBody
        from end in Position
        select new Token(TokenKind.Brace, body, start, end - start, Array.Empty<Token>());

    private static Parser<Token> QuotedBy(char q) =>
        from start in Position
        from open in P.Char(q)
        from body in P.CharExcept(q).Many().Text()
        from close in P.Char(q)
        from end in Position
        select new Token(TokenKind.Quoted, body, start, end - start, Array.Empty<Token>());

    private static readonly Parser<Token> Equal =
        from start in Position
        from eq in P.Char('=')
        select new Token(TokenKind.Equals, "=", start, 1, Array.Empty<Token>());

    private static readonly Parser<Token> Group =
        from start in Position
        from open in P.Char('(')
        from items in P.Ref(() => Item!).Many()
        from sep in Separators
        from close in P.Char(')').Named("')'")
        from end in Position
        select new Token(TokenKind.Group, "", start, end - start, items.ToList());

    private static readonly Parser<Token> SingleQuoted = QuotedBy('\'');
    private static readonly Parser<Token> DoubleQuoted = QuotedBy('"');

    /// <summary>A token of the kind its first character announces (no trial and error over the alternatives).</summary>
    private static readonly Parser<Token> AnyToken = input =>
        input.AtEnd ? Word(input) : input.Current switch
        {
            '(' => Group!(input),
            '{' => Brace(input),
            '\'' => SingleQuoted(input),
            '"' => DoubleQuoted(input),
            '=' => Equal(input),
            _ => Word(input),
        };

    private static readonly Parser<Token> Item =
        from sep in Separators
        from token in AnyToken
        select token;

    private static readonly Parser<List<Token>> Line =
        from items in Item.Many()
        from sep in Separators
        from end in P.LineEnd.Many().End()
        select items.ToList();

    /// <summary>Tokenizes one logical line.</summary>
    /// <exception cref="LineSyntaxException">Unbalanced parentheses or braces, an unterminated quote...</exception>
    public static List<Token> Tokenize(string text)
    {
        CheckNesting(text);
        // the scanner takes every well-formed line; a line it refuses goes through the grammar for the message
        if (LineScanner.TryScan(text) is { } tokens) return tokens;
        var result = Line(new LineInput(text));
        if (result.WasSuccessful) return result.Value;
        var pos = Math.Min(result.Remainder.Position, text.Length);
        var expected = result.Expectations.Any() ? string.Join(" or ", result.Expectations.Distinct()) : "a token";
        var (message, what) = Explain(text, pos, expected);
        throw new LineSyntaxException(message, pos, what);
    }

    /// <summary>The grammar's own tokens, or null where it fails (what the scanner is tested against).</summary>
    internal static List<Token>? TokenizeWithGrammar(string text)
    {
        var result = Line(new LineInput(text));
        return result.WasSuccessful ? result.Value : null;
    }

    /// <summary>Deepest nesting of parentheses and braces a line may have (the grammars recurse per level).</summary>
    public const int MaxNesting = 200;

    private static void CheckNesting(string text)
    {
        var i = NestedTooDeepAt(text);
        if (i >= 0) throw new LineSyntaxException($"parentheses and braces nested more than {MaxNesting} deep", i, "less nesting");
    }

    /// <summary>Where the line first nests deeper than <see cref="MaxNesting"/>, or -1.</summary>
    private static int NestedTooDeepAt(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '(' or '{')
            {
                if (++depth > MaxNesting) return i;
            }
            else if (text[i] is ')' or '}' && depth > 0) depth--;
        }
        return -1;
    }

    /// <summary>Whether <see cref="Tokenize"/> would give at least one token without an error, found without making
    /// the tokens (a netlist's element lines are checked when it is loaded and tokenized when they are built).</summary>
    public static bool HasTokens(string text) => NestedTooDeepAt(text) < 0 && LineScanner.HasTokens(text);

    /// <summary>What is wrong with a line that does not tokenize, and what was expected.</summary>
    private static (string Message, string Expected) Explain(string text, int pos, string expected)
    {
        var opens = text.Count(c => c == '(') - text.Count(c => c == ')');
        if (opens > 0) return ("unbalanced parentheses: a '(' is never closed", "')'");
        if (opens < 0) return ("unbalanced parentheses: ')' without '('", "'(' before ')'");
        var braces = text.Count(c => c == '{') - text.Count(c => c == '}');
        if (braces > 0) return ("unbalanced braces in an expression", "'}'");
        if (braces < 0) return ("unbalanced braces in an expression", "'{' before '}'");
        if (text.Count(c => c == '\'') % 2 != 0 || text.Count(c => c == '"') % 2 != 0) return ("unterminated quote", "a closing quote");
        return (pos < text.Length ? $"unexpected '{text[pos]}'" : "unexpected end of line", expected);
    }
}

public sealed class LineSyntaxException : FormatException
{
    public LineSyntaxException(string message, int position, string expected) : base(message)
    {
        Position = position;
        Expected = expected;
    }

    public int Position { get; }
    public string Expected { get; }
}
