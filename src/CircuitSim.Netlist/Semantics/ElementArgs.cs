using CircuitSim.Netlist.Syntax;

namespace CircuitSim.Netlist.Semantics;

/// <summary>An element line split into positional tokens and <c>name=value</c> pairs (a bare <c>params:</c> is dropped).</summary>
internal sealed class ElementArgs
{
    public List<Token> Positional { get; } = new();
    public List<(Token Key, Token Value)> Named { get; } = new();

    public static ElementArgs From(Statement s, int start)
    {
        var args = new ElementArgs();
        var t = s.Tokens;
        var i = start;
        while (i < t.Count)
        {
            var tok = t[i];
            if (tok.IsWord && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals)
            {
                if (i + 2 >= t.Count || t[i + 2].Kind == TokenKind.Equals)
                    throw new StatementException(s.At(t[i + 1]), $"missing value after '{tok.Text}='", "a value");
                args.Named.Add((tok, t[i + 2]));
                i += 3;
                continue;
            }
            if (tok.Kind == TokenKind.Equals)
                throw new StatementException(s.At(tok), "unexpected '='", "a name before '='");
            if (!tok.Is("params:")) args.Positional.Add(tok);
            i++;
        }
        return args;
    }

    /// <summary>The first <c>key=value</c> pair named <paramref name="key"/> (default when none): a loop, as a lambda
    /// capturing the key made a closure per element.</summary>
    public (Token Key, Token Value) Find(string key)
    {
        foreach (var pair in Named)
            if (pair.Key.Is(key)) return pair;
        return default;
    }

    public Token? Get(string key) => Find(key).Value;
}
