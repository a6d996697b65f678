using System.Globalization;
using System.Numerics;
using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Whole-file CSV reading and writing. Reading recognises the complex column pairs written by
/// <see cref="CsvWaveformWriter"/> (<c>real(x)</c>+<c>imag(x)</c>, <c>mag(x)</c>+<c>ph(x)</c>) and
/// guesses vector kinds from the names (<see cref="VectorKinds.Guess"/>); it also reads the ngspice
/// reference CSVs (<c>%.12e</c> numbers). Lines starting with <c>#</c> and blank lines are skipped.
/// </summary>
public static class CsvFile
{
    public static void Write(string path, WaveformSet plot, CsvOptions? options = null)
    {
        using var w = new CsvWaveformWriter(path, options);
        RawFile.WritePlot(w, plot);
        w.Complete();
    }

    /// <summary>Reads a CSV file into one plot. <paramref name="plotName"/> null: guessed from the first
    /// column (time → Transient, frequency → AC, a single row → Operating Point, else DC transfer).</summary>
    public static WaveformSet Read(string path, string? plotName = null, string title = "", char separator = ',')
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var unterminated = false;
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            unterminated = stream.ReadByte() != '\n';
            stream.Seek(0, SeekOrigin.Begin);
        }
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, plotName, title, separator, lastLineMayBeCut: unterminated);
    }

    /// <param name="lastLineMayBeCut">The text does not end with a newline. Our writers end every line with one, so
    /// such a file was cut while it was written: a run killed (SIGKILL) in the middle of a write leaves the temporary
    /// file's last row short, since the kernel stops a write between pages. A last line with fewer fields than the
    /// header is then dropped instead of failing the read.</param>
    public static WaveformSet Read(TextReader reader, string? plotName = null, string title = "", char separator = ',',
        bool lastLineMayBeCut = false)
    {
        List<string>? header = null;
        var rows = new List<double[]>();
        string? line;
        int lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var fields = Split(line, separator);
            if (header is null)
            {
                header = fields;
                continue;
            }
            if (fields.Count != header.Count)
            {
                if (lastLineMayBeCut && fields.Count < header.Count && reader.Peek() < 0) break;
                throw new InvalidDataException($"CSV line {lineNo} has {fields.Count} fields, the header has {header.Count}.");
            }
            var row = new double[fields.Count];
            for (int i = 0; i < row.Length; i++) row[i] = RawFileReader.ParseDouble(fields[i].Trim());
            rows.Add(row);
        }
        if (header is null) throw new InvalidDataException("Empty CSV file.");

        var set = new WaveformSet(title, plotName ?? GuessPlotName(header, rows.Count));
        int col = 0;
        while (col < header.Count)
        {
            var name = header[col].Trim();
            if (col + 1 < header.Count && TryPair(name, header[col + 1].Trim(), out var inner, out bool polar))
            {
                var data = new Complex[rows.Count];
                for (int r = 0; r < rows.Count; r++)
                {
                    double a = rows[r][col], b = rows[r][col + 1];
                    data[r] = polar ? Complex.FromPolarCoordinates(a, b) : new Complex(a, b);
                }
                set.Vectors.Add(new WaveformVector(inner, VectorKinds.Guess(inner, set.Vectors.Count == 0), data));
                col += 2;
            }
            else
            {
                var data = new double[rows.Count];
                for (int r = 0; r < rows.Count; r++) data[r] = rows[r][col];
                set.Vectors.Add(new WaveformVector(name, VectorKinds.Guess(name, set.Vectors.Count == 0), data));
                col++;
            }
        }
        return set;
    }

    private static string GuessPlotName(List<string> header, int rows)
    {
        var first = header.Count > 0 ? header[0].Trim().ToLowerInvariant() : "";
        if (first == "time") return PlotNames.Transient;
        if (first == "frequency") return PlotNames.Ac;
        return rows == 1 ? PlotNames.OperatingPoint : PlotNames.DcTransfer;
    }

    private static bool TryPair(string a, string b, out string inner, out bool polar)
    {
        inner = "";
        polar = false;
        if (Unwrap(a, "real", out var x) && Unwrap(b, "imag", out var y) && x == y) { inner = x; return true; }
        if (Unwrap(a, "mag", out x) && Unwrap(b, "ph", out y) && x == y) { inner = x; polar = true; return true; }
        return false;
    }

    private static bool Unwrap(string s, string fn, out string inner)
    {
        inner = "";
        if (s.Length > fn.Length + 2 && s.StartsWith(fn + "(", StringComparison.OrdinalIgnoreCase) && s.EndsWith(')'))
        {
            inner = s[(fn.Length + 1)..^1];
            return true;
        }
        return false;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting, no embedded line breaks).</summary>
    internal static List<string> Split(string line, char sep)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == sep) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
