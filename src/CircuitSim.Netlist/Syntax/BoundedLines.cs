using System.Text;

namespace CircuitSim.Netlist.Syntax;

/// <summary>
/// The physical lines of a netlist file, read as a stream (a large netlist is never held whole) with a cap on each line:
/// a line longer than <see cref="NetlistLoader.MaxLineLength"/> characters is reported and read as empty, so line numbers
/// stay right and memory stays bounded. LF, CR LF and a lone CR each end a line.
/// </summary>
internal static class BoundedLines
{
    /// <summary>The lines of <paramref name="path"/>, which the caller has checked is a bounded regular file.</summary>
    public static IEnumerable<string> Read(string path, DiagnosticBag diagnostics)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var line in Read(reader, path, diagnostics)) yield return line;
    }

    /// <summary>The lines <paramref name="reader"/> gives; <paramref name="path"/> names the source in messages.</summary>
    public static IEnumerable<string> Read(TextReader reader, string path, DiagnosticBag diagnostics)
    {
        var line = new StringBuilder();
        var buffer = new char[1 << 16];
        var number = 1;
        long length = 0;
        string? head = null;
        var pendingCr = false;
        var any = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n') continue; // the LF of a CR LF pair
                }
                if (c is '\n' or '\r')
                {
                    pendingCr = c == '\r';
                    yield return Finish(path, diagnostics, line, ref length, ref head, number++);
                    any = false;
                    continue;
                }
                any = true;
                length++;
                if (length <= NetlistLoader.MaxLineLength) line.Append(c);
                else if (head is null)
                {
                    head = line.ToString(0, Math.Min(200, line.Length));
                    line.Clear();
                }
            }
        }
        if (any || line.Length > 0) yield return Finish(path, diagnostics, line, ref length, ref head, number);
    }

    private static string Finish(string path, DiagnosticBag diagnostics, StringBuilder line, ref long length, ref string? head, int number)
    {
        string text;
        if (head is not null)
        {
            diagnostics.Error(new SourceLocation(path, number, 1, head),
                $"line {number} has {length} characters; a line may have at most {NetlistLoader.MaxLineLength} (split it with '+' continuation lines)");
            text = "";
        }
        else text = line.ToString();
        line.Clear();
        length = 0;
        head = null;
        return text;
    }
}
