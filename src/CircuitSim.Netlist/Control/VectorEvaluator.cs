using System.Numerics;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// Evaluates a parsed control-language expression over the vectors a lookup provides. Operators work element by
/// element; a one-element operand meets every element of the other; the result keeps the scale of its longer
/// operand. Node names read as v(name) when no vector has that name.
/// </summary>
internal sealed class VectorEvaluator
{
    private readonly Func<string, VectorValue?> _lookup;
    private readonly string _text;

    /// <param name="lookup">A vector or constant by name (case-insensitive), or null.</param>
    /// <param name="text">The expression's source, whose slices name the results.</param>
    public VectorEvaluator(Func<string, VectorValue?> lookup, string text)
    {
        _lookup = lookup;
        _text = text;
    }

    /// <exception cref="ControlEvaluationException">A name does not resolve or an operation does not apply.</exception>
    public VectorValue Evaluate(VectorNode node)
    {
        var name = NameOf(node);
        switch (node)
        {
            case NumberNode n:
                return VectorValue.Scalar(name, n.Value);
            case NameNode n:
                return (_lookup(n.Name) ?? _lookup($"v({n.Name})") ?? throw NoSuchVector(n.Name)).Named(name);
            case AccessorNode a:
                return Accessor(a, name);
            case CallNode c:
                return VectorFunctions.Apply(c.Function, Evaluate(c.Argument), name);
            case UnaryNode u:
            {
                var x = Evaluate(u.Operand);
                if (u.Operator == '-')
                    return x.IsComplex ? new VectorValue(name, x.Complex.Select(v => -v).ToArray(), x.Scale)
                        : new VectorValue(name, x.Real.Select(v => -v).ToArray(), x.Scale);
                return new VectorValue(name, x.Real.Select(v => v == 0 ? 1.0 : 0.0).ToArray(), x.Scale);
            }
            case BinaryNode b:
                return Binary(b.Operator, Evaluate(b.Left), Evaluate(b.Right), name);
            case IndexNode ix:
                return Index(Evaluate(ix.Target), Evaluate(ix.From), ix.To is null ? null : Evaluate(ix.To), name);
            default:
                throw new InvalidOperationException($"unknown node {node}");
        }
    }

    /// <summary>The source text of a node, blanks trimmed (ngspice names a printed expression by its text).</summary>
    public string NameOf(VectorNode node) => _text[node.Start..node.End].Trim();

    private VectorValue Accessor(AccessorNode a, string name)
    {
        if (a.Function == "@")
        {
            var key = $"@{a.Argument}[{a.Reference}]";
            return (_lookup(key) ?? throw NoSuchVector(key)).Named(name);
        }
        VectorValue value;
        if (a.Function[0] == 'v')
        {
            value = Node(a.Argument);
            if (a.Reference is not null && !IsGround(a.Reference)) value = Binary("-", value, Node(a.Reference), name);
        }
        else
        {
            var key = $"i({a.Argument})";
            value = _lookup(key) ?? throw NoSuchVector(key);
        }
        return a.Function[1..] switch
        {
            "" => value.Named(name),
            "db" => VectorFunctions.Apply("db", value, name),
            "m" => VectorFunctions.Apply("mag", value, name),
            "p" => VectorFunctions.Apply("ph", value, name),
            "r" => VectorFunctions.Apply("real", value, name),
            _ => VectorFunctions.Apply("imag", value, name),
        };
    }

    private VectorValue Node(string node)
    {
        var key = $"v({node})";
        return _lookup(key) ?? (IsGround(node) ? VectorValue.Scalar(key, 0) : throw NoSuchVector(key));
    }

    private static bool IsGround(string node) => node is "0" or "gnd";

    private static ControlEvaluationException NoSuchVector(string name) => new($"no such vector '{name}'");

    public static VectorValue Binary(string op, VectorValue a, VectorValue b, string name)
    {
        if (a.Length != b.Length && a.Length != 1 && b.Length != 1)
            throw new ControlEvaluationException($"'{a.Name}' has {a.Length} values and '{b.Name}' {b.Length}: they cannot be combined");
        var n = Math.Max(a.Length, b.Length);
        var scale = a.Length >= b.Length ? a.Scale ?? b.Scale : b.Scale ?? a.Scale;
        if (a.Length == 0 || b.Length == 0) n = 0;
        var arithmetic = op is "+" or "-" or "*" or "/" or "^";
        if (arithmetic && (a.IsComplex || b.IsComplex))
        {
            var result = new Complex[n];
            for (var i = 0; i < n; i++)
            {
                var x = a[a.Length == 1 ? 0 : i];
                var y = b[b.Length == 1 ? 0 : i];
                result[i] = op switch { "+" => x + y, "-" => x - y, "*" => x * y, "/" => x / y, _ => Complex.Pow(x, y) };
            }
            return new VectorValue(name, result, scale);
        }
        var real = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = a.RealAt(a.Length == 1 ? 0 : i);
            var y = b.RealAt(b.Length == 1 ? 0 : i);
            real[i] = op switch
            {
                "+" => x + y,
                "-" => x - y,
                "*" => x * y,
                "/" => x / y,
                "%" => x % y,
                "^" => Math.Pow(x, y),
                "==" => x == y ? 1 : 0,
                "!=" => x != y ? 1 : 0,
                "<" => x < y ? 1 : 0,
                ">" => x > y ? 1 : 0,
                "<=" => x <= y ? 1 : 0,
                ">=" => x >= y ? 1 : 0,
                "&&" => x != 0 && y != 0 ? 1 : 0,
                "||" => x != 0 || y != 0 ? 1 : 0,
                _ => throw new InvalidOperationException($"unknown operator {op}"),
            };
        }
        return new VectorValue(name, real, scale);
    }

    private static VectorValue Index(VectorValue target, VectorValue from, VectorValue? to, string name)
    {
        int At(VectorValue index)
        {
            var i = index.RealAt(0);
            var k = (int)Math.Round(i);
            if (index.Length == 0 || !(k >= 0 && k < target.Length))
                throw new ControlEvaluationException($"index {i:G6} is outside '{target.Name}' (0 to {target.Length - 1})");
            return k;
        }
        var first = At(from);
        var last = to is null ? first : At(to);
        if (to is null)
            return target.IsComplex ? new VectorValue(name, new[] { target[first] }) : VectorValue.Scalar(name, target.RealAt(first));
        if (last < first) (first, last) = (last, first);
        var count = last - first + 1;
        var scale = target.Scale is { } s && s.Length == target.Length ? new VectorValue(s.Name, s.Real.AsSpan(first, count).ToArray()) : null;
        return target.IsComplex
            ? new VectorValue(name, target.Complex.AsSpan(first, count).ToArray(), scale)
            : new VectorValue(name, target.Real.AsSpan(first, count).ToArray(), scale);
    }
}
