using System.Text;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// ngspice's <c>wrdata</c> columns: for every vector its scale value then its value (a complex one as real and
/// imaginary columns), or the scale once with <c>wr_singlescale</c>; a header of names with <c>wr_vecnames</c>. Each
/// number is <c>% .{numdgt}e</c> followed by a blank (8 digits unless numdgt is set); a name is written in the same
/// width. A vector shorter than the longest leaves its cells blank.
/// </summary>
internal static class WrdataFormat
{
    public const int DefaultDigits = 8;

    public static string Format(IReadOnlyList<VectorValue> vectors, bool singleScale, bool names, int digits)
    {
        var sb = new StringBuilder();
        var field = digits + 7;
        var columns = new List<(VectorValue Vector, bool Imaginary, bool Scale)>();
        for (var k = 0; k < vectors.Count; k++)
        {
            var v = vectors[k];
            if (v.Scale is { } s && (!singleScale || k == 0)) columns.Add((s, false, true));
            columns.Add((v, false, false));
            if (v.IsComplex) columns.Add((v, true, false));
        }
        if (names)
        {
            foreach (var (v, _, _) in columns) sb.Append(' ').Append(v.Name.PadRight(field));
            sb.Append('\n');
        }
        var rows = columns.Count == 0 ? 0 : columns.Max(c => c.Vector.Length);
        for (var i = 0; i < rows; i++)
        {
            foreach (var (v, imaginary, _) in columns)
            {
                if (i >= v.Length)
                {
                    sb.Append(new string(' ', field + 1));
                    continue;
                }
                var x = imaginary ? v[i].Imaginary : v.RealAt(i);
                var text = CNumberFormat.E(x, digits);
                sb.Append(x < 0 || text.StartsWith('-') ? "" : " ").Append(text).Append(' ');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
