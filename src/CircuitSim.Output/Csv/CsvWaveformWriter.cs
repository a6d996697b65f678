using System.Globalization;
using System.Numerics;
using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Streaming CSV writer: a header row of vector names, then one row per point with every value in
/// shortest round-trip form ("R", invariant culture; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>).
/// Complex vectors take two columns, see <see cref="CsvComplexFormat"/>; the scale of a complex plot
/// (frequency) takes one. One plot per file; written under a temporary name, renamed on Complete.
/// </summary>
public sealed class CsvWaveformWriter : FileWaveformWriter
{
    private readonly CsvOptions _options;
    private byte[] _line = [];
    private bool[] _single = [];

    public CsvWaveformWriter(string path, CsvOptions? options = null) : base(path)
    {
        _options = options ?? CsvOptions.Default;
        char sep = _options.Separator;
        if (sep > 127 || char.IsLetterOrDigit(sep) || sep is '.' or '-' or '+' or '"' or '\n' or '\r')
            throw new ArgumentException($"Unusable CSV separator '{sep}'.", nameof(options));
    }

    protected override void OnBegin(WaveformHeader header)
    {
        OpenTempFile();
        char sep = _options.Separator;
        var names = new List<string>();
        _single = new bool[header.VectorCount];
        for (int i = 0; i < header.VectorCount; i++)
        {
            var name = header.Vectors[i].Name;
            if (!header.IsComplex || CsvColumns.IsSingleColumnScale(header, i))
            {
                _single[i] = true;
                names.Add(name);
            }
            else
            {
                var (a, b) = CsvColumns.ComplexNames(name, _options.ComplexFormat);
                names.Add(a);
                names.Add(b);
            }
        }
        Stream.Write(new UTF8Encoding(false).GetBytes(string.Join(sep, names.Select(n => CsvColumns.Quote(n, sep))) + "\n"));
        _line = new byte[names.Count * 32 + 8];
    }

    protected override void OnPoint(ReadOnlySpan<double> values)
    {
        var buf = _line.AsSpan();
        int p = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) buf[p++] = (byte)_options.Separator;
            p += Format(values[i], buf[p..]);
        }
        buf[p++] = (byte)'\n';
        Stream.Write(buf[..p]);
    }

    protected override void OnPoint(ReadOnlySpan<Complex> values)
    {
        var buf = _line.AsSpan();
        int p = 0;
        bool polar = _options.ComplexFormat == CsvComplexFormat.MagnitudePhase;
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) buf[p++] = (byte)_options.Separator;
            var v = values[i];
            if (_single[i])
            {
                p += Format(v.Real, buf[p..]);
                continue;
            }
            p += Format(polar ? v.Magnitude : v.Real, buf[p..]);
            buf[p++] = (byte)_options.Separator;
            p += Format(polar ? v.Phase : v.Imaginary, buf[p..]);
        }
        buf[p++] = (byte)'\n';
        Stream.Write(buf[..p]);
    }

    /// <summary>Shortest round-trip form (what "R" means since .NET Core 3.0; the empty format
    /// string gives the same digits without allocating).</summary>
    private static int Format(double v, Span<byte> dst)
    {
        v.TryFormat(dst, out int n, default, CultureInfo.InvariantCulture);
        return n;
    }
}
