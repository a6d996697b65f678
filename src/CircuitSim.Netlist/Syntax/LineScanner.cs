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
        var tokens = new List<Token>();
        return Scan(text, tokens) ? tokens : null;
    }

    /// <summary>Whether <see cref="TryScan"/> would give tokens, at least one, without making them (the nesting must be
    /// checked first: the scan recurses per level).</summary>
    public static bool HasTokens(string text)
    {
        var position = 0;
        SkipSeparators(text, ref position);
        return position < text.Length && Scan(text, null);
    }

    /// <summary>Scans the whole text, adding its tokens to <paramref name="tokens"/> unless it is null; false when the
    /// line is not well formed.</summary>
    private static bool Scan(string text, List<Token>? tokens)
    {
        var position = 0;
        if (!Items(text, ref position, tokens)) return false;
        SkipSeparators(text, ref position);
        return position == text.Length;
    }

    /// <summary>Tokens up to the end of the text or a closing parenthesis (not consumed), into
    /// <paramref name="tokens"/> unless it is null; false on a malformed token.</summary>
    private static bool Items(string text, ref int position, List<Token>? tokens)
    {
        while (true)
        {
            var start = position;
            SkipSeparators(text, ref position);
            if (position == text.Length || text[position] == ')')
            {
                position = start; // as the grammar's Many: the separators before the end belong to the caller
                return true;
            }
            if (!Next(text, ref position, tokens)) return false;
        }
    }

    /// <summary>One token, added to <paramref name="tokens"/> unless it is null; false when malformed.</summary>
    private static bool Next(string text, ref int position, List<Token>? tokens)
    {
        var start = position;
        switch (text[position])
        {
            case '(':
            {
                position++;
                var children = tokens is null ? null : new List<Token>();
                if (!Items(text, ref position, children)) return false;
                SkipSeparators(text, ref position);
                if (position == text.Length || text[position] != ')') return false;
                position++;
                tokens?.Add(new Token(TokenKind.Group, "", start, position - start, children!));
                return true;
            }
            case '{':
            {
                var depth = 0;
                for (; position < text.Length; position++)
                {
                    if (text[position] == '{') depth++;
                    else if (text[position] == '}' && --depth == 0) break;
                }
                if (position == text.Length) return false;
                position++;
                tokens?.Add(new Token(TokenKind.Brace, text[(start + 1)..(position - 1)], start, position - start, Array.Empty<Token>()));
                return true;
            }
            case '\'' or '"':
            {
                var end = text.IndexOf(text[position], position + 1);
                if (end < 0) return false;
                position = end + 1;
                tokens?.Add(new Token(TokenKind.Quoted, text[(start + 1)..end], start, position - start, Array.Empty<Token>()));
                return true;
            }
            case '=':
                position++;
                tokens?.Add(new Token(TokenKind.Equals, "=", start, 1, Array.Empty<Token>()));
                return true;
            default:
            {
                while (position < text.Length && IsWordChar(text[position])) position++;
                if (position == start) return false;
                tokens?.Add(new Token(TokenKind.Word, text[start..position], start, position - start, Array.Empty<Token>()));
                return true;
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
