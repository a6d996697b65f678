namespace CircuitSim.Netlist;

/// <summary>
/// One statement's text after joining '+' continuation lines and removing comments, with a map from every
/// character back to its file, line and column.
/// </summary>
public sealed class LogicalLine
{
    // most lines are one physical line: its place is kept inline, and continuation lines in an array
    private readonly int _line;
    private readonly int _firstColumn;
    private readonly string _physicalText;
    private readonly Segment[]? _continuations;

    private readonly record struct Segment(int Start, int Line, int FirstColumn, string PhysicalText);

    /// <param name="line">The first physical line's number.</param>
    /// <param name="firstColumn">Where <paramref name="text"/> starts in it.</param>
    /// <param name="physicalText">The first physical line as written.</param>
    /// <param name="continuations">The '+' lines joined to it: where each starts in <paramref name="text"/>, its line,
    /// the column its part starts in and its text as written (null for none).</param>
    internal LogicalLine(string file, string text, int line, int firstColumn, string physicalText,
        List<(int Start, int Line, int FirstColumn, string PhysicalText)>? continuations)
        : this(file, text, line, firstColumn, physicalText,
            continuations?.Select(s => new Segment(s.Start, s.Line, s.FirstColumn, s.PhysicalText)).ToArray())
    {
    }

    private LogicalLine(string file, string text, int line, int firstColumn, string physicalText, Segment[]? continuations)
    {
        File = file;
        Text = text;
        _line = line;
        _firstColumn = firstColumn;
        _physicalText = physicalText;
        _continuations = continuations;
    }

    /// <summary>A line that is one physical line, <paramref name="text"/> itself, starting in column
    /// <paramref name="firstColumn"/>.</summary>
    internal LogicalLine(string file, string text, int line, int firstColumn)
    {
        File = file;
        Text = text;
        _line = line;
        _firstColumn = firstColumn;
        _physicalText = text;
    }

    public string File { get; }
    public string Text { get; }
    public int FirstLine => _line;
    internal int FirstColumn => _firstColumn;

    /// <summary>Whether the line is one physical line whose text is <see cref="Text"/> itself (no indent, comment or
    /// trailing blank removed): then its file, text, line and first column say everything about it.</summary>
    internal bool IsWholePhysicalLine => _continuations is null && ReferenceEquals(_physicalText, Text);

    /// <summary>Where character <paramref name="offset"/> of <see cref="Text"/> came from.</summary>
    public SourceLocation Locate(int offset)
    {
        var seg = new Segment(0, _line, _firstColumn, _physicalText);
        if (_continuations is not null)
            foreach (var s in _continuations)
                if (s.Start <= offset) seg = s;
        var col = seg.FirstColumn + Math.Max(0, offset - seg.Start);
        return new SourceLocation(File, seg.Line, col, seg.PhysicalText);
    }

    /// <summary>A copy whose text is replaced (same location map), for parameter substitution.</summary>
    internal LogicalLine WithText(string text) => new(File, text, _line, _firstColumn, _physicalText, _continuations);

    public override string ToString() => Text;
}

/// <summary>Splits netlist text into logical lines: '*' comment lines, ';' and ' $ ' inline comments, '+' continuations.
/// Inside <c>.control</c> … <c>.endc</c> a '$' starts a comment only when a blank follows it, since <c>$name</c> is a
/// variable there.</summary>
public static class LineJoiner
{
    public static List<LogicalLine> Join(string file, string content) =>
        Join(file, content.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'), firstLine: 1);

    /// <summary>Joins physical lines numbered from <paramref name="firstLine"/> (read one by one: a large file is never
    /// held as one string).</summary>
    public static List<LogicalLine> Join(string file, IEnumerable<string> physical, int firstLine)
    {
        var result = new List<LogicalLine>();
        string? text = null;
        // the statement's first physical line (number, column its text starts in, text as written), and the '+' lines
        // joined to it (most statements have none: no list for them)
        var first = (Line: 0, Column: 0, Raw: "");
        List<(int, int, int, string)>? continuations = null;
        var inControl = false;

        void Flush()
        {
            if (!string.IsNullOrWhiteSpace(text)) result.Add(new LogicalLine(file, text, first.Line, first.Column, first.Raw, continuations));
            text = null;
            continuations = null;
        }

        var i = firstLine - 2;
        foreach (var raw in physical)
        {
            i++;
            var line = StripComment(raw, inControl);
            if (line.AsSpan().TrimStart().StartsWith('.'))
            {
                var head = line.TrimStart().Split((char[]?)null, 2)[0].ToLowerInvariant();
                if (head == ".control") inControl = true;
                else if (head == ".endc") inControl = false;
            }
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.Length == 0) continue;
            if (trimmed[0] == '*') continue;
            if (trimmed[0] == '+')
            {
                if (text is null)
                {
                    // a continuation with nothing to continue: keep it with its '+', the loader reports it
                    text = trimmed.TrimEnd();
                    first = (i + 1, indent + 1, raw);
                    continue;
                }
                var rest = trimmed[1..];
                var start = text.Length + 1;
                text += " " + rest;
                (continuations ??= new()).Add((start, i + 1, indent + 2, raw));
                continue;
            }
            Flush();
            text = trimmed.TrimEnd();
            first = (i + 1, indent + 1, raw);
        }
        Flush();
        return result;
    }

    /// <summary>Removes ';' comments and ' $ ' comments (a '$' starting a word; in a control block a '$' followed by a
    /// blank), outside quotes and braces.</summary>
    internal static string StripComment(string line, bool control = false)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '{': depth++; break;
                case '}': depth--; break;
                case ';' when depth == 0: return line[..i];
                case '$' when depth == 0 && (i == 0 || char.IsWhiteSpace(line[i - 1]))
                              && (!control || i + 1 == line.Length || char.IsWhiteSpace(line[i + 1])): return line[..i];
            }
        }
        return line;
    }
}
