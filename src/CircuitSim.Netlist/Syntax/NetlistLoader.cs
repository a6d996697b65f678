using System.Text;
using CircuitSim.Core.Files;

namespace CircuitSim.Netlist.Syntax;

/// <summary>A netlist read from disk: title, statements in order (includes expanded), diagnostics so far.</summary>
public sealed class NetlistSource
{
    public NetlistSource(string title, string file, List<Statement> statements, DiagnosticBag diagnostics, List<LogicalLine>? controlLines = null)
    {
        Title = title;
        File = file;
        Statements = statements;
        Diagnostics = diagnostics;
        ControlLines = controlLines ?? new();
    }

    public string Title { get; }
    /// <summary>The top-level file (or a name for text input).</summary>
    public string File { get; }
    public List<Statement> Statements { get; }
    public DiagnosticBag Diagnostics { get; }
    /// <summary>The lines inside <c>.control</c> … <c>.endc</c> blocks, in order (not tokenized: the control language
    /// has its own syntax).</summary>
    public List<LogicalLine> ControlLines { get; }
}

/// <summary>
/// Reads netlist files: the title line, logical lines, tokens; expands <c>.include</c> and <c>.lib file section</c>
/// (paths relative to the including file, cycles reported), keeps the lines of <c>.control … .endc</c> blocks for the
/// control-language reader and stops at <c>.end</c>.
/// </summary>
public static class NetlistLoader
{
    /// <summary>Longest physical line read, characters; a longer one is an error (and is not read).</summary>
    public const int MaxLineLength = 1_000_000;

    public static NetlistSource Load(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
            if (!File.Exists(full) && !Directory.Exists(full)) throw new InputFileException($"netlist file not found: {path}");
            InputFile.Check(full, "netlist");
        }
        catch (Exception e) when (e is InputFileException or ArgumentException or NotSupportedException or IOException)
        {
            throw new NetlistException(new[] { new NetlistDiagnostic(Severity.Error, new SourceLocation(path, 0, 0, ""), e.Message) });
        }
        // a buffer no larger than the file: a 64 KB one (192 KB with its characters) is all fresh pages, which cost a
        // small netlist's run more than its reading does
        var bufferSize = (int)Math.Clamp(new FileInfo(full).Length, 1 << 10, 1 << 16);
        using var reader = new StreamReader(full, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize);
        return FromReader(reader, full);
    }

    /// <param name="file">Name used in messages; includes are resolved relative to its directory.</param>
    public static NetlistSource FromText(string text, string file = "<netlist>") => FromReader(new StringReader(text), file);

    /// <summary>Line by line, each line capped (<see cref="BoundedLines"/>): a large netlist is never held as one string.</summary>
    private static NetlistSource FromReader(TextReader reader, string file)
    {
        var diagnostics = new DiagnosticBag();
        using var lines = BoundedLines.Read(reader, file, diagnostics).GetEnumerator();
        var title = lines.MoveNext() ? lines.Current.Trim() : "";
        return Read(title, file, LineJoiner.Join(file, Rest(lines), firstLine: 2), diagnostics);
    }

    private static IEnumerable<string> Rest(IEnumerator<string> lines)
    {
        while (lines.MoveNext()) yield return lines.Current;
    }

    private static NetlistSource Read(string title, string file, List<LogicalLine> lines, DiagnosticBag diagnostics)
    {
        var statements = new List<Statement>();
        var stack = new Stack<(string Path, string? Section)>();
        stack.Push((SafeFullPath(file), null));
        var control = new List<LogicalLine>();
        ReadBody(file, lines, statements, diagnostics, stack, section: null, control);
        return new NetlistSource(title, file, statements, diagnostics, control);
    }

    /// <summary>Replaces every physical line longer than <see cref="MaxLineLength"/> by an empty one (keeping the line
    /// numbers) and reports it.</summary>

    private static string SafeFullPath(string file)
    {
        try { return Path.GetFullPath(file); }
        catch { return file; }
    }

    /// <summary>Reads logical lines of one file into <paramref name="output"/>. With <paramref name="section"/>, only
    /// the lines between <c>.lib section</c> and <c>.endl</c> are read.</summary>
    private static void ReadBody(string file, List<LogicalLine> lines, List<Statement> output, DiagnosticBag diagnostics,
        Stack<(string Path, string? Section)> includeStack, string? section, List<LogicalLine> control)
    {
        var inControl = false;
        LogicalLine? controlStart = null;
        var inSection = section is null;
        var sectionFound = section is null;
        var sections = new List<string>();
        foreach (var line in lines)
        {
            var head = FirstWord(line.Text).ToLowerInvariant();
            if (inControl)
            {
                if (head == ".endc") inControl = false;
                else if (head == ".end")
                {
                    diagnostics.Error(controlStart!.Locate(0), ".control block is not closed before .end", ".endc");
                    inControl = false;
                    if (section is null && includeStack.Count == 1) break;
                }
                else control.Add(line);
                continue;
            }
            if (section is not null)
            {
                if (head == ".lib" && !inSection)
                {
                    var words = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length == 2) sections.Add(words[1]);
                    if (words.Length == 2 && string.Equals(words[1], section, StringComparison.OrdinalIgnoreCase))
                    {
                        inSection = true;
                        sectionFound = true;
                    }
                    continue;
                }
                if (head == ".endl")
                {
                    if (inSection) break;
                    continue;
                }
                if (!inSection) continue;
            }
            if (head == ".control")
            {
                inControl = true;
                controlStart = line;
                continue;
            }
            if (head == ".endc") continue;
            if (head == ".end")
            {
                if (section is null && includeStack.Count == 1) break;
                continue;
            }
            if (line.Text.TrimStart().StartsWith('+'))
            {
                diagnostics.Error(line.Locate(0), "continuation line '+' with no statement before it");
                continue;
            }

            // an element line is only checked here: its tokens are made when it is built (a large netlist never holds
            // them all at once, and they are not made twice); a dot command keeps its tokens
            var dotCommand = line.Text.StartsWith('.');
            List<Token>? tokens = null;
            if (dotCommand || !LineGrammar.HasTokens(line.Text))
            {
                try
                {
                    tokens = LineGrammar.Tokenize(line.Text);
                }
                catch (LineSyntaxException e)
                {
                    diagnostics.Error(line.Locate(e.Position), e.Message, e.Expected);
                    continue;
                }
                if (tokens.Count == 0) continue;
            }
            var statement = new Statement(line, dotCommand ? tokens : null);
            switch (statement.Keyword)
            {
                case ".include" or ".inc":
                    Include(statement, output, diagnostics, includeStack, null, control);
                    continue;
                case ".lib" when statement.Tokens.Count >= 3:
                    Include(statement, output, diagnostics, includeStack, statement.Tokens[2].Text, control);
                    continue;
                case ".lib":
                    diagnostics.Error(statement.Start, ".lib needs a file and a section name", ".lib file section");
                    continue;
                case ".endl":
                    continue;
            }
            output.Add(statement);
        }
        if (inControl) diagnostics.Error(controlStart!.Locate(0), ".control block is not closed", ".endc");
        if (section is not null && !sectionFound)
            throw new StatementException(SourceLocation.Unknown, $"section '{section}' not found in {file}",
                sections.Count > 0 ? "one of " + string.Join(", ", sections) : "a file with .lib name … .endl sections");
    }

    private static string FirstWord(string text)
    {
        var t = text.TrimStart();
        var end = 0;
        while (end < t.Length && !char.IsWhiteSpace(t[end])) end++;
        return t[..end];
    }

    /// <remarks>A file may be read again for another .lib section (libraries often pull one section from another of the
    /// same file); only reading the same file and section while it is being read is a cycle.</remarks>
    private static void Include(Statement statement, List<Statement> output, DiagnosticBag diagnostics,
        Stack<(string Path, string? Section)> includeStack, string? section, List<LogicalLine> control)
    {
        if (statement.Tokens.Count < 2 || !(statement.Tokens[1].IsWord || statement.Tokens[1].Kind == TokenKind.Quoted))
        {
            diagnostics.Error(statement.End, $"{statement.Keyword} needs a file name", "a file name");
            return;
        }
        var nameToken = statement.Tokens[1];
        var baseDir = Path.GetDirectoryName(includeStack.Peek().Path) ?? ".";
        string path;
        try
        {
            path = Path.GetFullPath(Path.Combine(baseDir, nameToken.Text));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
        {
            diagnostics.Error(statement.At(nameToken), $"bad file name '{nameToken.Text}': {e.Message}", "a file name");
            return;
        }
        if (!File.Exists(path))
        {
            diagnostics.Error(statement.At(nameToken), $"included file not found: {nameToken.Text} (looked for {path})");
            return;
        }
        try
        {
            InputFile.Check(path, "included file");
        }
        catch (InputFileException e)
        {
            diagnostics.Error(statement.At(nameToken), e.Message);
            return;
        }
        if (includeStack.Any(e => e.Path == path && string.Equals(e.Section, section, StringComparison.OrdinalIgnoreCase)))
        {
            static string Name((string Path, string? Section) e) => Path.GetFileName(e.Path) + (e.Section is null ? "" : " " + e.Section);
            diagnostics.Error(statement.At(nameToken), $"include cycle: {string.Join(" -> ", includeStack.Reverse().Select(Name))} -> {Name((path, section))}");
            return;
        }
        includeStack.Push((path, section));
        try
        {
            ReadBody(path, LineJoiner.Join(path, BoundedLines.Read(path, diagnostics), firstLine: 1), output, diagnostics, includeStack, section, control);
        }
        catch (StatementException e)
        {
            diagnostics.Error(statement.At(statement.Tokens[^1]), e.Message, e.Expected);
        }
        finally
        {
            includeStack.Pop();
        }
    }
}
