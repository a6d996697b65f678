namespace CircuitSim.Netlist.Syntax;

/// <summary>
/// The token grammar of <see cref="LineGrammar"/> as one hand-written pass over the text: the same tokens (kinds,
/// texts, offsets, lengths, group children) for every line the grammar accepts, without the combinators' per-character
/// allocations. A line it cannot scan (unbalanced or unterminated, a stray character) is left to the grammar, which
/// explains what is wrong. Parsing a 100 000-element netlist allocated 1.3 GB through the grammar alone.
/// </summary>
internal static class LineScanner
{
    /// <summary>The tokens of <paramref name="text"/>, or null when the line is not well formed.</summary>
    public static List<Token>? TryScan(string text)
    {
        var position = 0;
        var tokens = Items(text, ref position);
        if (tokens is null) return null;
        SkipSeparators(text, ref position);
        return position == text.Length ? tokens : null;
    }

    /// <summary>Tokens up to the end of the text or a closing parenthesis (not consumed); null on a malformed token.</summary>
    private static List<Token>? Items(string text, ref int position)
    {
        var tokens = new List<Token>();
        while (true)
        {
            var start = position;
            SkipSeparators(text, ref position);
            if (position == text.Length || text[position] == ')')
            {
                position = start; // as the grammar's Many: the separators before the end belong to the caller
                return tokens;
            }
            var token = Next(text, ref position);
            if (token is null) return null;
            tokens.Add(token);
        }
    }

    private static Token? Next(string text, ref int position)
    {
        var start = position;
        switch (text[position])
        {
            case '(':
            {
                position++;
                var children = Items(text, ref position);
                if (children is null) return null;
                SkipSeparators(text, ref position);
                if (position == text.Length || text[position] != ')') return null;
                position++;
                return new Token(TokenKind.Group, "", start, position - start, children);
            }
            case '{':
            {
                var depth = 0;
                for (; position < text.Length; position++)
                {
                    if (text[position] == '{') depth++;
                    else if (text[position] == '}' && --depth == 0) break;
                }
                if (position == text.Length) return null;
                position++;
                return new Token(TokenKind.Brace, text[(start + 1)..(position - 1)], start, position - start, Array.Empty<Token>());
            }
            case '\'' or '"':
            {
                var end = text.IndexOf(text[position], position + 1);
                if (end < 0) return null;
                position = end + 1;
                return new Token(TokenKind.Quoted, text[(start + 1)..end], start, position - start, Array.Empty<Token>());
            }
            case '=':
                position++;
                return new Token(TokenKind.Equals, "=", start, 1, Array.Empty<Token>());
            default:
            {
                while (position < text.Length && IsWordChar(text[position])) position++;
                return position == start ? null : new Token(TokenKind.Word, text[start..position], start, position - start, Array.Empty<Token>());
            }
        }
    }

    private static void SkipSeparators(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or ',') position++;
    }

    internal static bool IsWordChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('=' or '(' or ')' or ',' or '{' or '}' or '\'' or '"');
}
