namespace CircuitSim.Netlist.Control;

/// <summary>
/// An expression over vectors as the control language writes them (<c>v(out)*2</c>, <c>db(v(out))</c>,
/// <c>mean(i(vdd))</c>, <c>time[3]</c>); <see cref="Start"/>/<see cref="End"/> delimit it in its source text.
/// </summary>
internal abstract record VectorNode(int Start, int End);

internal sealed record NumberNode(double Value, int Start, int End) : VectorNode(Start, End);

/// <summary>A vector or constant by name: <c>time</c>, <c>x</c>, a node name (read as v(name)).</summary>
internal sealed record NameNode(string Name, int Start, int End) : VectorNode(Start, End);

/// <summary><c>v(a)</c>, <c>v(a,b)</c>, <c>i(vx)</c> and their AC forms (<c>vdb</c> <c>vm</c> <c>vp</c> <c>vr</c>
/// <c>vi</c>, the same for i), or <c>@dev[quantity]</c> (<see cref="Function"/> "@").</summary>
internal sealed record AccessorNode(string Function, string Argument, string? Reference, int Start, int End) : VectorNode(Start, End);

internal sealed record CallNode(string Function, VectorNode Argument, int Start, int End) : VectorNode(Start, End);

/// <summary>Unary '-' or '!'.</summary>
internal sealed record UnaryNode(char Operator, VectorNode Operand, int Start, int End) : VectorNode(Start, End);

/// <summary>An arithmetic, comparison or logical operator: + - * / % ^ == != &lt; &gt; &lt;= &gt;= &amp;&amp; ||.</summary>
internal sealed record BinaryNode(string Operator, VectorNode Left, VectorNode Right, int Start, int End) : VectorNode(Start, End);

/// <summary><c>x[i]</c> or the range <c>x[i,j]</c> (also <c>x[i:j]</c>), 0-based, inclusive.</summary>
internal sealed record IndexNode(VectorNode Target, VectorNode From, VectorNode? To, int Start, int End) : VectorNode(Start, End);

/// <summary>An expression that does not parse; <see cref="Position"/> is the offset of the problem in its text.</summary>
public sealed class VectorSyntaxException : FormatException
{
    public VectorSyntaxException(string message, int position, string expected) : base(message)
    {
        Position = position;
        Expected = expected;
    }

    public int Position { get; }
    public string Expected { get; }
}
