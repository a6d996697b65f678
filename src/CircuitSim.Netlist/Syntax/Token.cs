namespace CircuitSim.Netlist.Syntax;

public enum TokenKind
{
    /// <summary>A name or number: anything up to whitespace, '=', ',', parentheses, braces or quotes.</summary>
    Word,
    /// <summary><c>{expression}</c>; <see cref="Token.Text"/> is the inside.</summary>
    Brace,
    /// <summary><c>'expression'</c> or <c>"text"</c>; <see cref="Token.Text"/> is the inside.</summary>
    Quoted,
    /// <summary><c>( … )</c> with child tokens.</summary>
    Group,
    Equals,
}

/// <summary>A token of a logical line; <see cref="Offset"/> and <see cref="Length"/> locate it in the line's text.</summary>
public sealed record Token(TokenKind Kind, string Text, int Offset, int Length, IReadOnlyList<Token> Children)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a token that can be a value (a word, a braced or quoted expression).</summary>
    public bool IsValue => Kind is TokenKind.Word or TokenKind.Brace or TokenKind.Quoted;

    public override string ToString() => Kind switch
    {
        TokenKind.Brace => "{" + Text + "}",
        TokenKind.Quoted => "'" + Text + "'",
        TokenKind.Group => "(" + string.Join(" ", Children) + ")",
        TokenKind.Equals => "=",
        _ => Text,
    };
}
