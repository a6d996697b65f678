using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Writes one plot of a SPICE3 raw file to a seekable stream, in the layout of ngspice's
/// <c>-r</c> output: header, then points; the <c>No. Points:</c> field is reserved as
/// <c>0</c> padded to 8 characters and patched by <see cref="Finish"/>.
/// </summary>
internal sealed class RawPlotEncoder
{
    /// <summary>Width of the point-count field (ngspice: 8). Larger counts still work: the rest of the
    /// file is shifted to make room.</summary>
    internal const int DefaultCountFieldWidth = 8;

    private readonly Stream _stream;
    private readonly RawEncoding _encoding;
    private readonly bool _complex;
    private readonly int _count;
    private int _fieldWidth;
    private readonly byte[] _buf;
    private long _countPos;
    private long _points;

    public RawPlotEncoder(Stream stream, WaveformHeader header, RawEncoding encoding, int countFieldWidth = DefaultCountFieldWidth)
    {
        _stream = stream;
        _encoding = encoding;
        _complex = header.IsComplex;
        _count = header.VectorCount;
        _fieldWidth = Math.Max(1, countFieldWidth);
        int perValue = encoding == RawEncoding.Binary ? (_complex ? 16 : 8) : (_complex ? 2 * MaxNumberBytes + 3 : MaxNumberBytes + 2);
        _buf = new byte[16 + _count * perValue];
        WriteHeader(header);
    }

    private const int MaxNumberBytes = 32;

    public long Points => _points;

    private void WriteHeader(WaveformHeader h)
    {
        var sb = new StringBuilder();
        sb.Append("Title: ").Append(OneLine(h.Title)).Append('\n');
        sb.Append("Date: ").Append(SpiceDate.Format(h.Date ?? DateTime.Now)).Append('\n');
        sb.Append("Plotname: ").Append(OneLine(h.PlotName)).Append('\n');
        sb.Append("Flags: ").Append(_complex ? "complex" : "real").Append('\n');
        sb.Append("No. Variables: ").Append(_count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("No. Points: ");
        var pre = Encoding.UTF8.GetBytes(sb.ToString());
        _stream.Write(pre);
        _countPos = _stream.Position;
        sb.Clear();
        sb.Append('0'.ToString().PadRight(_fieldWidth)).Append('\n');
        sb.Append("Variables:\n");
        for (int i = 0; i < _count; i++)
        {
            var v = h.Vectors[i];
            sb.Append('\t').Append(i.ToString(CultureInfo.InvariantCulture))
              .Append('\t').Append(v.Name)
              .Append('\t').Append(VectorKinds.RawTypeName(v.Kind));
            if (i == 0 && h.LogScale) sb.Append("\tgrid=3");
            sb.Append('\n');
        }
        sb.Append(_encoding == RawEncoding.Binary ? "Binary:\n" : "Values:\n");
        _stream.Write(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>A header value on one line without control characters: a NUL (a netlist title may hold one) ends the
    /// header for ngspice and our reader, which then find no plot.</summary>
    private static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ");
        return line.Any(char.IsControl) ? string.Concat(line.Select(c => char.IsControl(c) ? ' ' : c)) : line;
    }

    public void WritePoint(ReadOnlySpan<double> values)
    {
        var b = _buf.AsSpan();
        int p = 0;
        if (_encoding == RawEncoding.Binary)
        {
            foreach (var v in values)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(b.Slice(p, 8), v);
                p += 8;
                if (_complex)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(b.Slice(p, 8), 0.0);
                    p += 8;
                }
            }
        }
        else
        {
            p = WriteIndex(b);
            foreach (var v in values)
            {
                b[p++] = (byte)'\t';
                p += FormatC(v, b[p..]);
                if (_complex)
                {
                    b[p++] = (byte)',';
                    p += FormatC(0.0, b[p..]);
                }
                b[p++] = (byte)'\n';
            }
        }
        _stream.Write(b[..p]);
        _points++;
    }

    public void WritePoint(ReadOnlySpan<Complex> values)
    {
        if (!_complex) throw new InvalidOperationException("Complex point in a real plot.");
        var b = _buf.AsSpan();
        int p = 0;
        if (_encoding == RawEncoding.Binary)
        {
            foreach (var v in values)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(b.Slice(p, 8), v.Real);
                BinaryPrimitives.WriteDoubleLittleEndian(b.Slice(p + 8, 8), v.Imaginary);
                p += 16;
            }
        }
        else
        {
            p = WriteIndex(b);
            foreach (var v in values)
            {
                b[p++] = (byte)'\t';
                p += FormatC(v.Real, b[p..]);
                b[p++] = (byte)',';
                p += FormatC(v.Imaginary, b[p..]);
                b[p++] = (byte)'\n';
            }
        }
        _stream.Write(b[..p]);
        _points++;
    }

    private int WriteIndex(Span<byte> b)
    {
        _points.TryFormat(b, out int n, default, CultureInfo.InvariantCulture);
        b[n++] = (byte)'\t';
        return n;
    }

    /// <summary>Patches the point count; leaves the stream positioned at its end.</summary>
    public void Finish() => PatchCount();

    /// <summary>Writes the number of points written so far into the header (the points reach the stream first, so a
    /// file cut short after a patch holds at least as many points as its header says); leaves the stream at its end.</summary>
    public void PatchCount()
    {
        long end = _stream.Position;
        var digits = _points.ToString(CultureInfo.InvariantCulture);
        if (digits.Length > _fieldWidth)
        {
            int delta = digits.Length - _fieldWidth;
            ShiftTail(_stream, _countPos + _fieldWidth, end, delta);
            end += delta;
            _fieldWidth = digits.Length;
        }
        _stream.Position = _countPos;
        _stream.Write(Encoding.ASCII.GetBytes(digits.PadRight(_fieldWidth)));
        _stream.Position = end;
    }

    /// <summary>Moves bytes [from, end) right by <paramref name="delta"/> bytes (copying from the end backwards).</summary>
    private static void ShiftTail(Stream s, long from, long end, int delta)
    {
        var chunk = new byte[1 << 16];
        long pos = end;
        while (pos > from)
        {
            int len = (int)Math.Min(chunk.Length, pos - from);
            long start = pos - len;
            s.Position = start;
            s.ReadExactly(chunk, 0, len);
            s.Position = start + delta;
            s.Write(chunk, 0, len);
            pos = start;
        }
    }

    /// <summary>
    /// C <c>printf("%.15e")</c>: 16 significant digits, exponent with sign and at least two digits;
    /// <c>nan</c>, <c>inf</c>, <c>-inf</c> for the non-finite values. Returns the bytes written.
    /// </summary>
    internal static int FormatC(double v, Span<byte> dst)
    {
        if (double.IsNaN(v)) return Ascii("nan", dst);
        if (double.IsPositiveInfinity(v)) return Ascii("inf", dst);
        if (double.IsNegativeInfinity(v)) return Ascii("-inf", dst);
        v.TryFormat(dst, out int n, "e15", CultureInfo.InvariantCulture);
        // .NET writes at least three exponent digits (e+001); C writes at least two.
        int e = dst[..n].IndexOf((byte)'e');
        int digitsStart = e + 2;
        int zeros = 0;
        while (n - (digitsStart + zeros) > 2 && dst[digitsStart + zeros] == (byte)'0') zeros++;
        if (zeros > 0)
        {
            dst[(digitsStart + zeros)..n].CopyTo(dst[digitsStart..]);
            n -= zeros;
        }
        return n;
    }

    private static int Ascii(string s, Span<byte> dst)
    {
        for (int i = 0; i < s.Length; i++) dst[i] = (byte)s[i];
        return s.Length;
    }
}
