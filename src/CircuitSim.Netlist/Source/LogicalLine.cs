namespace CircuitSim.Netlist;

/// <summary>
/// One statement's text after joining '+' continuation lines and removing comments, with a map from every
/// character back to its file, line and column.
/// </summary>
public sealed class LogicalLine
{
    private readonly List<Segment> _segments;

    private readonly record struct Segment(int Start, int Line, int FirstColumn, string PhysicalText);

    internal LogicalLine(string file, string text, List<(int Start, int Line, int FirstColumn, string PhysicalText)> segments)
    {
        File = file;
        Text = text;
        _segments = segments.Select(s => new Segment(s.Start, s.Line, s.FirstColumn, s.PhysicalText)).ToList();
    }

    public string File { get; }
    public string Text { get; }
    public int FirstLine => _segments[0].Line;

    /// <summary>Where character <paramref name="offset"/> of <see cref="Text"/> came from.</summary>
    public SourceLocation Locate(int offset)
    {
        var seg = _segments[0];
        foreach (var s in _segments)
            if (s.Start <= offset) seg = s;
        var col = seg.FirstColumn + Math.Max(0, offset - seg.Start);
        return new SourceLocation(File, seg.Line, col, seg.PhysicalText);
    }

    /// <summary>A copy whose text is replaced (same location map), for parameter substitution.</summary>
    internal LogicalLine WithText(string text) =>
        new(File, text, _segments.Select(s => (s.Start, s.Line, s.FirstColumn, s.PhysicalText)).ToList());

    public override string ToString() => Text;
}

/// <summary>Splits netlist text into logical lines: '*' comment lines, ';' and ' $ ' inline comments, '+' continuations.
/// Inside <c>.control</c> … <c>.endc</c> a '$' starts a comment only when a blank follows it, since <c>$name</c> is a
/// variable there.</summary>
public static class LineJoiner
{
    public static List<LogicalLine> Join(string file, string content)
    {
        var physical = content.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var result = new List<LogicalLine>();
        string? text = null;
        List<(int, int, int, string)>? segments = null;
        var inControl = false;

        void Flush()
        {
            if (text is not null && text.Trim().Length > 0) result.Add(new LogicalLine(file, text, segments!));
            text = null;
            segments = null;
        }

        for (var i = 0; i < physical.Length; i++)
        {
            var raw = physical[i];
            var line = StripComment(raw, inControl);
            var head = line.TrimStart().Split((char[]?)null, 2)[0].ToLowerInvariant();
            if (head == ".control") inControl = true;
            else if (head == ".endc") inControl = false;
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
                    segments = new() { (0, i + 1, indent + 1, raw) };
                    continue;
                }
                var rest = trimmed[1..];
                var start = text.Length + 1;
                text += " " + rest;
                segments!.Add((start, i + 1, indent + 2, raw));
                continue;
            }
            Flush();
            text = trimmed.TrimEnd();
            segments = new() { (0, i + 1, indent + 1, raw) };
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
