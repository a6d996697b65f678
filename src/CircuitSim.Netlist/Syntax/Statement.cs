namespace CircuitSim.Netlist.Syntax;

/// <summary>One netlist statement: an element line or a dot command, its tokens and where it came from.</summary>
public sealed class Statement
{
    public Statement(LogicalLine line, List<Token> tokens)
    {
        Line = line;
        Tokens = tokens;
    }

    public LogicalLine Line { get; }
    public List<Token> Tokens { get; }

    /// <summary>The first word, lower case (".tran", "r1", "xbuf").</summary>
    public string Keyword => Tokens.Count > 0 && Tokens[0].IsWord ? Tokens[0].Text.ToLowerInvariant() : "";

    public bool IsDotCommand => Keyword.StartsWith('.');

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
        var start = Tokens[from].Offset;
        var end = Tokens[to - 1].Offset + Tokens[to - 1].Length;
        return Line.Text[start..end];
    }

    public override string ToString() => Line.Text;
}
