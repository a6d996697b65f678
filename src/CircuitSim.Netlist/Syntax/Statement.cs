namespace CircuitSim.Netlist.Syntax;

/// <summary>
/// One netlist statement: an element line or a dot command, its tokens and where it came from. The tokens are made
/// from the line's text when first needed and may be forgotten (<see cref="ForgetTokens"/>) once a top-level element
/// is built, so that a large netlist does not keep a token tree per line while it is simulated (docs/performance.md).
/// </summary>
public sealed class Statement
{
    private List<Token>? _tokens;

    // A line that is one whole physical line (most of a large netlist's) is kept as its file, text, line and column,
    // without a LogicalLine object: 40 bytes less per statement, 8 MB on a 200 000-line netlist. Any other line is
    // kept as its LogicalLine.
    private readonly object _source;
    private readonly string _text;
    private readonly int _line;
    private readonly int _column;

    /// <param name="line">The logical line.</param>
    /// <param name="tokens">Its tokens, or null to make them when first read.</param>
    public Statement(LogicalLine line, List<Token>? tokens)
    {
        _text = line.Text;
        if (line.IsWholePhysicalLine)
        {
            _source = line.File;
            _line = line.FirstLine;
            _column = line.FirstColumn;
        }
        else _source = line;
        _tokens = tokens;
        if (_text.StartsWith('.')) _command = KeywordOf(_text);
    }

    /// <summary>The statement's logical line (made anew on each call for a line kept without one).</summary>
    public LogicalLine Line => _source as LogicalLine ?? new LogicalLine((string)_source, _text, _line, _column);

    /// <summary>Where character <paramref name="offset"/> of the line's text came from.</summary>
    private SourceLocation Locate(int offset) =>
        _source is LogicalLine line ? line.Locate(offset) : new SourceLocation((string)_source, _line, _column + Math.Max(0, offset), _text);

    /// <summary>The tokens of the line (tokenized again, identically, if they were forgotten). Safe to read from
    /// several threads: they race to one shared list.</summary>
    public List<Token> Tokens
    {
        get
        {
            var tokens = Volatile.Read(ref _tokens);
            if (tokens is not null) return tokens;
            tokens = LineGrammar.Tokenize(_text);
            return Interlocked.CompareExchange(ref _tokens, tokens, null) ?? tokens;
        }
    }

    /// <summary>Drops the token list; the next <see cref="Tokens"/> tokenizes the line again. Only for a reader that
    /// is the statement's one user at that moment (token identity matters while an element is read).</summary>
    internal void ForgetTokens() => Volatile.Write(ref _tokens, null);

    // a dot command's keyword, kept: the readers look for commands among all statements again and again
    private readonly string? _command;

    /// <summary>The first word, lower case (".tran", "r1", "xbuf"); read from the text, never from the tokens.</summary>
    public string Keyword => _command ?? KeywordOf(_text);

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

    public SourceLocation Start => Locate(0);

    public SourceLocation At(Token token) => Locate(token.Offset);

    /// <summary>Location just past the last token (for "missing …" errors).</summary>
    public SourceLocation End => Locate(_text.Length);

    /// <summary>The source text from the start of <paramref name="first"/> to the end of the line.</summary>
    public string TextFrom(Token first) => _text[first.Offset..].Trim();

    /// <summary>The source text spanned by tokens [from, to).</summary>
    public string TextBetween(int from, int to)
    {
        if (from >= to) return "";
        var tokens = Tokens;
        var start = tokens[from].Offset;
        var end = tokens[to - 1].Offset + tokens[to - 1].Length;
        return _text[start..end];
    }

    public override string ToString() => _text;
}
