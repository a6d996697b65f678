using System.Text.RegularExpressions;
using CircuitSim.Core.Expressions;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// Parses control-language expressions by precedence climbing: <c>||</c> (or), <c>&amp;&amp;</c> (and), comparisons
/// (<c>= == != &lt;&gt; &lt; &gt; &lt;= &gt;=</c> and eq ne lt gt le ge; a single '=' compares, as in ngspice), <c>+ -</c>, <c>* / %</c>, unary <c>- + !</c>
/// (not), right-associative <c>^</c>/<c>**</c>, then indexing <c>x[i]</c>, <c>x[i,j]</c>. A list of expressions
/// separated by blanks is split where the grammar allows, as ngspice does (<c>v(a) -v(b)</c> is one difference).
/// Nesting deeper than <see cref="MaxNesting"/> or more than <see cref="MaxTerms"/> operators and operands in one
/// expression is an error, so neither parsing nor evaluating can overflow the stack.
/// </summary>
internal sealed partial class VectorExpressionParser
{
    public const int MaxNesting = 200;
    public const int MaxTerms = 2000;

    private readonly string _text;
    private int _pos;
    private int _depth;
    private int _terms;

    private VectorExpressionParser(string text) => _text = text;

    /// <summary>Parses the whole text as one expression.</summary>
    /// <exception cref="VectorSyntaxException">It does not parse.</exception>
    public static VectorNode Parse(string text)
    {
        var p = new VectorExpressionParser(text);
        var node = p.Expression();
        p.SkipBlanks();
        if (p._pos < text.Length) throw p.Unexpected("an operator or the end of the expression");
        return node;
    }

    /// <summary>Parses a blank-separated list of expressions (at least one).</summary>
    /// <exception cref="VectorSyntaxException">Something does not parse.</exception>
    public static List<VectorNode> ParseList(string text)
    {
        var p = new VectorExpressionParser(text);
        var list = new List<VectorNode>();
        p.SkipBlanks();
        while (p._pos < text.Length)
        {
            list.Add(p.Expression());
            p.SkipBlanks();
        }
        if (list.Count == 0) throw new VectorSyntaxException("no expression", 0, "a vector or an expression");
        return list;
    }

    [GeneratedRegex("^[vi](db|m|p|r|i)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AccessorName();

    private static readonly string[][] Operators =
    [
        ["||", "or"],
        ["&&", "and"],
        ["==", "!=", "<>", "<=", ">=", "<", ">", "=", "eq", "ne", "le", "ge", "lt", "gt"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private VectorNode Expression() => Binary(0);

    private VectorNode Binary(int level)
    {
        if (level == Operators.Length) return Unary();
        var left = Binary(level + 1);
        while (TryOperator(level, out var op))
        {
            Count();
            var right = Binary(level + 1);
            left = new BinaryNode(op, left, right, left.Start, right.End);
        }
        return left;
    }

    /// <summary>Consumes an operator of the level, normalized to its symbol.</summary>
    private bool TryOperator(int level, out string op)
    {
        var save = _pos;
        SkipBlanks();
        foreach (var candidate in Operators[level])
        {
            if (string.Compare(_text, _pos, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            var end = _pos + candidate.Length;
            if (char.IsLetter(candidate[0]))
            {
                // a word operator stands alone: blank before it, no name character after it
                if (save == _pos || end < _text.Length && IsNameChar(_text[end])) continue;
            }
            else if (candidate == "*" && end < _text.Length && _text[end] == '*') continue;
            _pos = end;
            op = candidate.ToLowerInvariant() switch
            {
                "or" => "||", "and" => "&&", "eq" or "=" => "==", "ne" or "<>" => "!=", "le" => "<=", "ge" => ">=", "lt" => "<", "gt" => ">",
                var s => s,
            };
            return true;
        }
        _pos = save;
        op = "";
        return false;
    }

    private VectorNode Unary()
    {
        SkipBlanks();
        var start = _pos;
        char? op = null;
        if (Peek() is '-' or '+' or '!') op = _text[_pos++];
        else if (MatchWord("not")) op = '!';
        if (op is null) return Power();
        Enter();
        var operand = Unary();
        Leave();
        return op == '+' ? operand : new UnaryNode(op.Value, operand, start, operand.End);
    }

    private VectorNode Power()
    {
        var b = Postfix();
        var save = _pos;
        SkipBlanks();
        if (Peek() == '^' || (Peek() == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '*'))
        {
            _pos += _text[_pos] == '^' ? 1 : 2;
            Enter();
            var e = Unary();
            Leave();
            return new BinaryNode("^", b, e, b.Start, e.End);
        }
        _pos = save;
        return b;
    }

    private VectorNode Postfix()
    {
        var node = Primary();
        while (Peek() == '[')
        {
            _pos++;
            Enter();
            var from = Expression();
            VectorNode? to = null;
            SkipBlanks();
            if (Peek() is ',' or ':')
            {
                _pos++;
                to = Expression();
                SkipBlanks();
            }
            Expect(']');
            Leave();
            node = new IndexNode(node, from, to, node.Start, _pos);
        }
        return node;
    }

    private VectorNode Primary()
    {
        Count();
        SkipBlanks();
        var start = _pos;
        if (_pos >= _text.Length) throw Unexpected("a vector, a number or '('");
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            Enter();
            var inner = Expression();
            SkipBlanks();
            Expect(')');
            Leave();
            return inner with { Start = start, End = _pos };
        }
        if (char.IsDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]))) return Number();
        if (c == '@') return DeviceQuantity();
        if (!(char.IsLetter(c) || c == '_')) throw Unexpected("a vector, a number or '('");
        while (_pos < _text.Length && IsNameChar(_text[_pos])) _pos++;
        var name = _text[start.._pos];
        if (Peek() != '(') return new NameNode(name, start, _pos);
        if (AccessorName().IsMatch(name)) return Accessor(name.ToLowerInvariant(), start);
        _pos++;
        Enter();
        var argument = Expression();
        SkipBlanks();
        Expect(')');
        Leave();
        return new CallNode(name.ToLowerInvariant(), argument, start, _pos);
    }

    /// <summary><c>v(a)</c>, <c>v(a,b)</c>, <c>i(vx)</c>…: node and element names are read as written.</summary>
    private VectorNode Accessor(string function, int start)
    {
        _pos++;
        var close = _text.IndexOf(')', _pos);
        if (close < 0) throw new VectorSyntaxException($"'{function}(' is not closed", _pos, "')'");
        var parts = _text[_pos..close].Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
            throw new VectorSyntaxException($"bad argument of {function}(): '{_text[_pos..close]}'", _pos, function[0] == 'v' ? "v(node) or v(node1,node2)" : "i(source)");
        if (function[0] == 'i' && parts.Length == 2)
            throw new VectorSyntaxException($"{function}() takes one element name", _pos, "i(source)");
        _pos = close + 1;
        return new AccessorNode(function, parts[0].ToLowerInvariant(), parts.Length == 2 ? parts[1].ToLowerInvariant() : null, start, _pos);
    }

    private VectorNode DeviceQuantity()
    {
        var start = _pos;
        var close = _text.IndexOf(']', _pos);
        var open = _text.IndexOf('[', _pos);
        if (open < 0 || close < open || open == _pos + 1)
            throw new VectorSyntaxException("expected @device[quantity]", _pos, "@device[quantity]");
        _pos = close + 1;
        return new AccessorNode("@", _text[(start + 1)..open].ToLowerInvariant(), _text[(open + 1)..close].Trim().ToLowerInvariant(), start, _pos);
    }

    private VectorNode Number()
    {
        var start = _pos;
        var length = EngineeringNumber.MantissaLength(_text, _pos);
        var end = _pos + Math.Max(length, 1);
        while (end < _text.Length && char.IsLetter(_text[end])) end++;
        var word = _text[start..end];
        if (!EngineeringNumber.TryParse(word, out var value))
            throw new VectorSyntaxException($"'{word}' is not a number", start, "a number");
        _pos = end;
        return new NumberNode(value, start, end);
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '#';

    private bool MatchWord(string word)
    {
        if (string.Compare(_text, _pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var end = _pos + word.Length;
        if (end < _text.Length && IsNameChar(_text[end])) return false;
        _pos = end;
        return true;
    }

    private char? Peek() => _pos < _text.Length ? _text[_pos] : null;

    private void SkipBlanks()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Unexpected($"'{c}'");
        _pos++;
    }

    private void Enter()
    {
        if (++_depth > MaxNesting)
            throw new VectorSyntaxException($"expression nested more than {MaxNesting} deep", _pos, "less nesting");
    }

    private void Leave() => _depth--;

    private void Count()
    {
        if (++_terms > MaxTerms)
            throw new VectorSyntaxException($"expression longer than {MaxTerms} terms", _pos, "a shorter expression");
    }

    private VectorSyntaxException Unexpected(string expected) =>
        new(_pos < _text.Length ? $"unexpected '{_text[_pos]}'" : "unexpected end of the expression", _pos, expected);
}
