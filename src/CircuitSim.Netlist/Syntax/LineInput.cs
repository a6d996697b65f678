using Sprache;

namespace CircuitSim.Netlist.Syntax;

/// <summary>
/// Sprache input over one logical line. Sprache's own <see cref="Input"/> creates a memo dictionary at every
/// position it advances to, which made tokenizing cost ~100 µs a line; our grammar memoizes nothing, so the
/// dictionary is made only if a parser ever asks for it.
/// </summary>
internal sealed class LineInput : IInput
{
    private IDictionary<object, object>? _memos;

    public LineInput(string source) : this(source, 0) { }

    private LineInput(string source, int position)
    {
        Source = source;
        Position = position;
    }

    public string Source { get; }
    public int Position { get; }
    public bool AtEnd => Position == Source.Length;
    public char Current => Source[Position];
    /// <summary>Logical lines are single lines: the column is the position plus one.</summary>
    public int Line => 1;
    public int Column => Position + 1;
    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("the end of the line has been reached");
        return new LineInput(Source, Position + 1);
    }

    /// <summary>The input <paramref name="count"/> characters further on, in one step.</summary>
    public LineInput Skip(int count) => count == 0 ? this : new LineInput(Source, Math.Min(Source.Length, Position + count));

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;
    public override bool Equals(object? obj) => obj is IInput other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Source, Position);
    public override string ToString() => $"position {Position}";
}
