using System.Globalization;
using System.Text;

namespace CircuitSim.Output;

/// <summary>Small helpers for writing SVG text.</summary>
internal static class Svg
{
    public const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string N(double v)
    {
        if (!double.IsFinite(v)) v = 0;
        var s = Math.Round(v, 2).ToString("0.##", Inv);
        return s == "-0" ? "0" : s;
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    if (c < 0x20 && c is not ('\t' or '\n' or '\r')) sb.Append(' ');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Draws a chart title centred at (<paramref name="x"/>, <paramref name="y"/>) within <paramref name="maxWidth"/>:
    /// a long title is drawn smaller (down to 10 px), and cut with an ellipsis if it still does not fit.
    /// </summary>
    public static void Title(StringBuilder sb, double x, double y, string title, double fontSize, double maxWidth)
    {
        const double smallest = 10;
        var size = fontSize;
        var width = TextWidth(title, size) * 1.18; // bold is wider than the regular-weight estimate
        if (width > maxWidth) size = Math.Max(smallest, size * maxWidth / width);
        var text = title;
        while (text.Length > 4 && TextWidth(text, size) * 1.18 > maxWidth) text = text[..^2];
        if (text.Length < title.Length) text = text.TrimEnd() + "…";
        Text(sb, x, y, text, "middle", size, "title", "bold");
    }

    /// <summary>Approximate rendered width of <paramref name="s"/> in DejaVu Sans / Helvetica at <paramref name="fontSize"/>.</summary>
    public static double TextWidth(string s, double fontSize)
    {
        double w = 0;
        foreach (char c in s)
        {
            w += c switch
            {
                ' ' => 0.32,
                '.' or ',' or ':' or ';' or '|' or '!' or '\'' => 0.32,
                'i' or 'j' or 'l' => 0.28,
                '(' or ')' or '[' or ']' or 'f' or 't' or 'r' => 0.40,
                'm' or 'M' or 'W' or 'w' => 0.90,
                '@' => 1.0,
                '−' or '-' => 0.45,
                >= 'A' and <= 'Z' => 0.70,
                >= '0' and <= '9' => 0.64,
                _ => 0.60,
            };
        }
        return w * fontSize;
    }

    /// <summary>Replaces a leading hyphen-minus with a typographic minus sign.</summary>
    public static string Minus(string s) => s.StartsWith('-') ? "−" + s[1..] : s;

    public static void Header(StringBuilder sb, int width, int height, string? title)
    {
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ")
          .Append($"font-family=\"{FontFamily}\" font-size=\"12\">\n");
        if (!string.IsNullOrEmpty(title)) sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
        sb.Append($"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
    }

    public static void Text(StringBuilder sb, double x, double y, string text, string anchor = "middle", double size = 12,
        string? cls = null, string weight = "normal", double rotate = double.NaN, string fill = "#222222")
    {
        sb.Append("<text");
        if (cls is not null) sb.Append(" class=\"").Append(cls).Append('"');
        sb.Append(" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor != "start") sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (size != 12) sb.Append(" font-size=\"").Append(N(size)).Append('"');
        if (weight != "normal") sb.Append(" font-weight=\"").Append(weight).Append('"');
        sb.Append(" fill=\"").Append(fill).Append('"');
        if (!double.IsNaN(rotate)) sb.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        sb.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    public static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string stroke, double width = 1, string? extra = null)
    {
        sb.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
          .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
          .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append('"');
        if (extra is not null) sb.Append(' ').Append(extra);
        sb.Append("/>\n");
    }
}
