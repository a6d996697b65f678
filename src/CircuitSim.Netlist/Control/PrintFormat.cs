using System.Text;
using CircuitSim.Output;

namespace CircuitSim.Netlist.Control;

/// <summary>
/// ngspice's <c>print</c> layout: one-value vectors as <c>name = value</c> lines; longer ones as a table under the
/// centred circuit title and the analysis name with its date, an Index column, the scale and the vectors, 16
/// characters a real column and 32 a complex one, split into several tables when wider than the line width. Numbers
/// are <c>%.*e</c> with 6 digits (or numdgt), one fewer for a negative value. Tables are not paginated.
/// </summary>
internal static class PrintFormat
{
    public const int DefaultDigits = 6;
    public const int DefaultWidth = 80;

    /// <summary>A number as ngspice's printnum writes it.</summary>
    public static string Number(double value, int digits) => CNumberFormat.E(value, value < 0 ? digits - 1 : digits);

    /// <summary><c>name = value</c> for each one-element vector (a complex one as <c>re,im</c>).</summary>
    public static string Scalars(IEnumerable<VectorValue> vectors, int digits)
    {
        var sb = new StringBuilder();
        foreach (var v in vectors)
        {
            sb.Append(v.Name).Append(" = ");
            if (v.Length == 0) sb.Append("(empty)");
            else if (v.IsComplex) sb.Append(Number(v[0].Real, digits)).Append(',').Append(Number(v[0].Imaginary, digits));
            else sb.Append(Number(v.RealAt(0), digits));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary><c>name = ( v0 v1 … )</c>, ngspice's <c>print line</c>, five values a line.</summary>
    public static string Line(IEnumerable<VectorValue> vectors, int digits)
    {
        var sb = new StringBuilder();
        foreach (var v in vectors)
        {
            sb.Append(v.Name).Append(" = (  ");
            for (var i = 0; i < v.Length; i++)
            {
                if (i > 0) sb.Append(i % 5 == 0 ? "\n\t" : "\t");
                sb.Append(v.IsComplex ? Number(v[i].Real, digits) + "," + Number(v[i].Imaginary, digits) : Number(v.RealAt(i), digits));
            }
            sb.Append(v.Length > 0 ? "\t)" : ")").Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The table of <paramref name="columns"/> against <paramref name="scale"/> (null: none, as for an
    /// operating point), titled with the plot's circuit title, analysis name and date.</summary>
    public static string Table(string title, string analysis, DateTime date, VectorValue? scale, IReadOnlyList<VectorValue> columns,
        int digits, int width)
    {
        var sb = new StringBuilder();
        var rows = Math.Max(scale?.Length ?? 0, columns.Count == 0 ? 0 : columns.Max(c => c.Length));
        var scaleWidth = scale is null ? 0 : scale.IsComplex ? 32 : 16;
        var start = 0;
        do
        {
            // as many columns as fit in the width (at least one)
            var used = 8 + scaleWidth;
            var end = start;
            while (end < columns.Count && (end == start || used + ColumnWidth(columns[end]) <= width))
            {
                used += ColumnWidth(columns[end]);
                end++;
            }
            var indent = new string(' ', Math.Max(0, (width - title.Length) / 2));
            sb.Append(indent).Append(title).Append('\n');
            sb.Append(indent).Append(analysis).Append("  ").Append(SpiceDate.Format(date)).Append('\n');
            var rule = new string('-', width);
            sb.Append(rule).Append('\n');
            sb.Append("Index".PadRight(8));
            if (scale is not null) sb.Append(scale.Name.PadRight(scaleWidth));
            for (var c = start; c < end; c++) sb.Append(columns[c].Name.PadRight(ColumnWidth(columns[c])));
            sb.Append('\n').Append(rule).Append('\n');
            for (var i = 0; i < rows; i++)
            {
                sb.Append(i).Append('\t');
                if (scale is not null) Cell(sb, scale, i, digits);
                for (var c = start; c < end; c++) Cell(sb, columns[c], i, digits);
                sb.Append('\n');
            }
            start = end;
        }
        while (start < columns.Count);
        return sb.ToString();
    }

    private static int ColumnWidth(VectorValue v) => v.IsComplex ? 32 : 16;

    private static void Cell(StringBuilder sb, VectorValue v, int i, int digits)
    {
        if (i >= v.Length) sb.Append(v.IsComplex ? "\t\t" : "\t");
        else if (v.IsComplex) sb.Append(Number(v[i].Real, digits)).Append(",\t").Append(Number(v[i].Imaginary, digits)).Append('\t');
        else sb.Append(Number(v.RealAt(i), digits)).Append('\t');
    }
}
