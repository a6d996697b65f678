using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace CircuitSim.Output;

/// <summary>
/// Reads SPICE3 raw files as written by ngspice (<c>-r</c> or <c>write</c>) and by
/// <see cref="RawFileWriter"/>: binary or ascii, real or complex, any number of plots one after
/// the other. Truncated data (a run that died while writing) give the complete points present; binary data after
/// the points a header announces (written after the header's last patch) are ignored.
/// In a complex plot the scale of kind <see cref="VectorKind.Frequency"/> is returned as a real
/// vector (ngspice leaves its imaginary part undefined); all other vectors are complex.
/// </summary>
public static class RawFileReader
{
    public static IReadOnlyList<WaveformSet> Read(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        return Read(fs);
    }

    public static IReadOnlyList<WaveformSet> Read(Stream stream)
    {
        var r = new ByteReader(stream);
        var plots = new List<WaveformSet>();
        while (TryReadPlot(r, out var plot)) plots.Add(plot);
        if (plots.Count == 0) throw new InvalidDataException("No plot found in the raw file.");
        return plots;
    }

    private static bool TryReadPlot(ByteReader r, out WaveformSet plot)
    {
        plot = null!;
        string title = "", plotName = "", dateText = "";
        bool complex = false, logScale = false, sawAny = false;
        int nVars = -1, nPoints = -1;
        var names = new List<string>();
        var kinds = new List<VectorKind>();
        RawEncoding? encoding = null;

        while (encoding is null)
        {
            var line = r.ReadLine();
            if (line is null)
            {
                if (!sawAny) return false;
                throw new InvalidDataException("Raw file ends inside a header.");
            }
            if (line.Trim().Length == 0) continue;
            // points beyond the last header patch of a run that was killed: not a new plot
            if (!sawAny && line.Any(c => char.IsControl(c) && c != '\t')) return false;
            sawAny = true;
            int colon = line.IndexOf(':');
            if (colon < 0) throw new InvalidDataException($"Unexpected line in raw header: '{line}'.");
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "title": title = value; break;
                case "date": dateText = value; break;
                case "plotname": plotName = value; break;
                case "flags":
                    foreach (var f in value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (f.Equals("complex", StringComparison.OrdinalIgnoreCase)) complex = true;
                        else if (f.Equals("real", StringComparison.OrdinalIgnoreCase)) complex = false;
                    }
                    break;
                case "no. variables": nVars = ParseInt(value, line); break;
                case "no. points": nPoints = ParseInt(value, line); break;
                case "variables":
                    if (nVars < 0) throw new InvalidDataException("'Variables:' before 'No. Variables:'.");
                    var pending = value.Length > 0 ? value : null;
                    for (int i = 0; i < nVars; i++)
                    {
                        var vl = pending ?? r.ReadLine() ?? throw new InvalidDataException("Raw file ends inside 'Variables:'.");
                        pending = null;
                        var t = vl.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                        if (t.Length == 0) { i--; continue; }
                        if (t.Length < 3) throw new InvalidDataException($"Bad variable line: '{vl}'.");
                        names.Add(t[1]);
                        kinds.Add(VectorKinds.FromRawTypeName(t[2]));
                        for (int k = 3; k < t.Length; k++)
                        {
                            if (t[k].StartsWith("grid=", StringComparison.OrdinalIgnoreCase) && i == 0 &&
                                int.TryParse(t[k].AsSpan(5), NumberStyles.Integer, CultureInfo.InvariantCulture, out int g))
                                logScale = g is 2 or 3; // GRID_LOGLOG, GRID_XLOG
                        }
                    }
                    break;
                case "values": encoding = RawEncoding.Ascii; break;
                case "binary": encoding = RawEncoding.Binary; break;
                default: break; // Command:, Option:, Dimensions:, ... are ignored
            }
        }

        if (nVars <= 0 || names.Count != nVars) throw new InvalidDataException("Raw header without variables.");
        if (nPoints < 0) throw new InvalidDataException("Raw header without 'No. Points:'.");

        int got;
        double[][]? re = null;
        Complex[][]? cx = null;
        if (complex)
        {
            cx = new Complex[nVars][];
            for (int i = 0; i < nVars; i++) cx[i] = new Complex[nPoints];
        }
        else
        {
            re = new double[nVars][];
            for (int i = 0; i < nVars; i++) re[i] = new double[nPoints];
        }

        got = encoding == RawEncoding.Binary ? ReadBinary(r, nVars, nPoints, re, cx) : ReadAscii(r, nVars, nPoints, re, cx);

        DateTime? date = SpiceDate.TryParse(dateText, out var d) ? d : null;
        plot = new WaveformSet(title, plotName, date: date) { LogScale = logScale };
        for (int i = 0; i < nVars; i++)
        {
            if (re is not null)
            {
                var a = re[i];
                if (got < nPoints) Array.Resize(ref a, got);
                plot.Vectors.Add(new WaveformVector(names[i], kinds[i], a));
            }
            else
            {
                var a = cx![i];
                if (got < nPoints) Array.Resize(ref a, got);
                if (i == 0 && kinds[i] == VectorKind.Frequency)
                    plot.Vectors.Add(new WaveformVector(names[i], kinds[i], Array.ConvertAll(a, c => c.Real)));
                else
                    plot.Vectors.Add(new WaveformVector(names[i], kinds[i], a));
            }
        }
        return true;
    }

    private static int ReadBinary(ByteReader r, int nVars, int nPoints, double[][]? re, Complex[][]? cx)
    {
        int width = cx is null ? 8 : 16;
        var point = new byte[nVars * width];
        for (int p = 0; p < nPoints; p++)
        {
            if (!r.TryReadExactly(point)) return p;
            var s = point.AsSpan();
            for (int i = 0; i < nVars; i++)
            {
                if (re is not null)
                {
                    re[i][p] = BinaryPrimitives.ReadDoubleLittleEndian(s.Slice(i * 8, 8));
                }
                else
                {
                    cx![i][p] = new Complex(BinaryPrimitives.ReadDoubleLittleEndian(s.Slice(i * 16, 8)),
                                            BinaryPrimitives.ReadDoubleLittleEndian(s.Slice(i * 16 + 8, 8)));
                }
            }
        }
        return nPoints;
    }

    private static int ReadAscii(ByteReader r, int nVars, int nPoints, double[][]? re, Complex[][]? cx)
    {
        for (int p = 0; p < nPoints; p++)
        {
            var idx = r.ReadToken();
            if (idx is null) return p;
            if (!int.TryParse(idx, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                throw new InvalidDataException($"Expected a point index, found '{idx}'.");
            for (int i = 0; i < nVars; i++)
            {
                var tok = r.ReadToken();
                if (tok is null) return p;
                if (re is not null)
                {
                    re[i][p] = ParseDouble(tok);
                    continue;
                }
                int comma = tok.IndexOf(',');
                double a, b;
                if (comma < 0)
                {
                    a = ParseDouble(tok);
                    b = 0; // tolerate a real value in a complex file
                }
                else
                {
                    a = ParseDouble(tok[..comma]);
                    var rest = tok[(comma + 1)..];
                    if (rest.Length == 0) rest = r.ReadToken() ?? throw new InvalidDataException("Truncated complex value.");
                    b = ParseDouble(rest);
                }
                cx![i][p] = new Complex(a, b);
            }
        }
        return nPoints;
    }

    private static int ParseInt(string value, string line)
    {
        var first = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null || !int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 0)
            throw new InvalidDataException($"Bad number in raw header: '{line}'.");
        return n;
    }

    /// <summary>Parses a C-style number (also <c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>infinity</c>).</summary>
    internal static double ParseDouble(string s)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        var t = s.Trim().ToLowerInvariant();
        bool neg = t.StartsWith('-');
        t = t.TrimStart('+', '-');
        if (t is "nan" or "nan(ind)" || t.StartsWith("nan(", StringComparison.Ordinal)) return double.NaN;
        if (t is "inf" or "infinity") return neg ? double.NegativeInfinity : double.PositiveInfinity;
        throw new InvalidDataException($"Bad number '{s}' in raw data.");
    }

    /// <summary>Minimal buffered reader that mixes text lines, tokens and raw bytes.</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly byte[] _buf = new byte[1 << 16];
        private int _pos, _len;
        private readonly List<byte> _acc = new();

        private bool Fill()
        {
            if (_pos < _len) return true;
            _len = stream.Read(_buf, 0, _buf.Length);
            _pos = 0;
            return _len > 0;
        }

        public string? ReadLine()
        {
            _acc.Clear();
            bool any = false;
            while (Fill())
            {
                any = true;
                byte c = _buf[_pos++];
                if (c == (byte)'\n') return Decode(trimCr: true);
                _acc.Add(c);
            }
            return any ? Decode(trimCr: true) : null;
        }

        public string? ReadToken()
        {
            _acc.Clear();
            while (Fill())
            {
                byte c = _buf[_pos];
                if (!IsSpace(c)) break;
                _pos++;
            }
            while (Fill())
            {
                byte c = _buf[_pos];
                if (IsSpace(c)) break;
                _acc.Add(c);
                _pos++;
            }
            return _acc.Count == 0 ? null : Decode(trimCr: false);
        }

        public bool TryReadExactly(byte[] dst)
        {
            int off = 0;
            while (off < dst.Length)
            {
                if (!Fill()) return false;
                int n = Math.Min(dst.Length - off, _len - _pos);
                Buffer.BlockCopy(_buf, _pos, dst, off, n);
                _pos += n;
                off += n;
            }
            return true;
        }

        private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v';

        private string Decode(bool trimCr)
        {
            int n = _acc.Count;
            if (trimCr && n > 0 && _acc[n - 1] == (byte)'\r') n--;
            return Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_acc)[..n]);
        }
    }
}
