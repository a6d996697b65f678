namespace CircuitSim.Netlist.Syntax;

/// <summary>
/// One netlist statement: an element line or a dot command, its tokens and where it came from. The tokens are made
/// from the line's text when first needed and may be forgotten (<see cref="ForgetTokens"/>) once a top-level element
/// is built, so that a large netlist does not keep a token tree per line while it is simulated (docs/performance.md).
/// </summary>
public sealed class Statement
{
    private List<Token>? _tokens;

    public Statement(LogicalLine line, List<Token> tokens)
    {
        Line = line;
        _tokens = tokens;
        if (line.Text.StartsWith('.')) _command = KeywordOf(line.Text);
    }

    public LogicalLine Line { get; }

    /// <summary>The tokens of the line (tokenized again, identically, if they were forgotten). Safe to read from
    /// several threads: they race to one shared list.</summary>
    public List<Token> Tokens
    {
        get
        {
            var tokens = Volatile.Read(ref _tokens);
            if (tokens is not null) return tokens;
            tokens = LineGrammar.Tokenize(Line.Text);
            return Interlocked.CompareExchange(ref _tokens, tokens, null) ?? tokens;
        }
    }

    /// <summary>Drops the token list; the next <see cref="Tokens"/> tokenizes the line again. Only for a reader that
    /// is the statement's one user at that moment (token identity matters while an element is read).</summary>
    internal void ForgetTokens() => Volatile.Write(ref _tokens, null);

    // a dot command's keyword, kept: the readers look for commands among all statements again and again
    private readonly string? _command;

    /// <summary>The first word, lower case (".tran", "r1", "xbuf"); read from the text, never from the tokens.</summary>
    public string Keyword => _command ?? KeywordOf(Line.Text);

    /// <summary>The first token's text when it is a word (a logical line starts at its first token), lower case.</summary>
    private static string KeywordOf(string text)
    {
        var end = 0;
        while (end < text.Length && LineScanner.IsWordChar(text[end])) end++;
        return text[..end].ToLowerInvariant();
    }

    public bool IsDotCommand => _command is not null;

    /// <summary>The element's name as written (for element lines).</summary>
    public string Name => Tokens[0].Text;

    public SourceLocation Start => Line.Locate(0);

    public SourceLocation At(Token token) => Line.Locate(token.Offset);

    /// <summary>Location just past the last token (for "missing …" errors).</summary>
    public SourceLocation End => Line.Locate(Line.Text.Length);

    /// <summary>The source text from the start of <paramref name="first"/> to the end of the line.</summary>
    public string TextFrom(Token first) => Line.Text[first.Offset..].Trim();

    /// <summary>The source text spanned by tokens [from, to).</summary>
    public string TextBetween(int from, int to)
    {
        if (from >= to) return "";
        var tokens = Tokens;
        var start = tokens[from].Offset;
        var end = tokens[to - 1].Offset + tokens[to - 1].Length;
        return Line.Text[start..end];
    }

    public override string ToString() => Line.Text;
}
