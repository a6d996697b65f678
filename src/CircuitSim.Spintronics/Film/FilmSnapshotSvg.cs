using System.Globalization;
using System.Text;
using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;

namespace CircuitSim.Spintronics.Film;

/// <summary>
/// Renders a film's state as an SVG with two panels: the texture (m_z as a blue–white–red colour map, −1 to +1, with
/// arrows for the in-plane magnetization) and the current density (log₁₀|j| as a grey-to-orange map over three
/// decades below the maximum, with arrows along j). Electrodes are drawn on the edges with their numbers and voltages.
/// Plain SVG 1.1, so <c>rsvg-convert</c> turns it into a PNG.
/// </summary>
public static class FilmSnapshotSvg
{
    /// <summary>Writes the snapshot of <paramref name="m"/> and <paramref name="j"/> (A/m², interleaved per cell) to <paramref name="path"/>.</summary>
    public static void Save(string path, Grid2D grid, IReadOnlyList<FilmElectrode> electrodes, ReadOnlySpan<double> m,
        ReadOnlySpan<double> j, ReadOnlySpan<double> voltages, string? title = null)
    {
        string svg = Render(grid, electrodes, m, j, voltages, title);
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        CircuitSim.Output.AtomicFile.WriteAllText(full, svg);
    }

    /// <summary>The SVG text (see the class summary).</summary>
    public static string Render(Grid2D grid, IReadOnlyList<FilmElectrode> electrodes, ReadOnlySpan<double> m,
        ReadOnlySpan<double> j, ReadOnlySpan<double> voltages, string? title = null)
    {
        const double panel = 360, margin = 34, gap = 40, top = 66, bottom = 56;
        double aspect = grid.Ny * grid.Dy / (grid.Nx * grid.Dx);
        double w = aspect <= 1 ? panel : panel / aspect, h = aspect <= 1 ? panel * aspect : panel;
        double width = 2 * w + gap + 2 * margin, height = h + top + bottom;
        var sb = new StringBuilder(200_000);
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:F0}\" height=\"{height:F0}\" viewBox=\"0 0 {width:F0} {height:F0}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
        sb.Append(ci, $"<rect width=\"{width:F0}\" height=\"{height:F0}\" fill=\"white\"/>\n");
        if (!string.IsNullOrEmpty(title)) sb.Append(ci, $"<text x=\"{width / 2:F1}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n");

        double x0 = margin, y0 = top;
        double cw = w / grid.Nx, ch = h / grid.Ny;
        // Panel 1: m_z with in-plane arrows
        sb.Append(ci, $"<text x=\"{x0 + w / 2:F1}\" y=\"{y0 - 24:F1}\" text-anchor=\"middle\" font-size=\"12\">m_z (blue −1, red +1), arrows: in-plane m</text>\n");
        sb.Append("<g shape-rendering=\"crispEdges\">\n");
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
            {
                int c = grid.Index(ix, iy);
                sb.Append(ci, $"<rect x=\"{x0 + ix * cw:F2}\" y=\"{y0 + (grid.Ny - 1 - iy) * ch:F2}\" width=\"{cw + 0.05:F2}\" height=\"{ch + 0.05:F2}\" fill=\"{Diverging(m[3 * c + 2])}\"/>\n");
            }
        sb.Append("</g>\n");
        double[] mm = m.ToArray();
        Arrows(sb, grid, x0, y0, w, h, c => (mm[3 * c], mm[3 * c + 1], Math.Sqrt(mm[3 * c] * mm[3 * c] + mm[3 * c + 1] * mm[3 * c + 1])), "#202020");
        Frame(sb, grid, electrodes, voltages, x0, y0, w, h);

        // Panel 2: log10 |j| with arrows along j
        double x1 = margin + w + gap;
        double jmax = 0;
        for (int c = 0; c < grid.CellCount; c++) jmax = Math.Max(jmax, Math.Sqrt(j[2 * c] * j[2 * c] + j[2 * c + 1] * j[2 * c + 1]));
        sb.Append(ci, $"<text x=\"{x1 + w / 2:F1}\" y=\"{y0 - 24:F1}\" text-anchor=\"middle\" font-size=\"12\">log₁₀|j| (max {jmax:0.00e0} A/m²), arrows: j</text>\n");
        sb.Append("<g shape-rendering=\"crispEdges\">\n");
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
            {
                int c = grid.Index(ix, iy);
                double mag = Math.Sqrt(j[2 * c] * j[2 * c] + j[2 * c + 1] * j[2 * c + 1]);
                double level = jmax > 0 && mag > 0 ? Math.Clamp(1 + Math.Log10(mag / jmax) / 3, 0, 1) : 0;
                sb.Append(ci, $"<rect x=\"{x1 + ix * cw:F2}\" y=\"{y0 + (grid.Ny - 1 - iy) * ch:F2}\" width=\"{cw + 0.05:F2}\" height=\"{ch + 0.05:F2}\" fill=\"{Sequential(level)}\"/>\n");
            }
        sb.Append("</g>\n");
        if (jmax > 0)
        {
            double scale = jmax;
            double[] copy = j.ToArray();
            Arrows(sb, grid, x1, y0, w, h, c =>
            {
                double jx = copy[2 * c], jy = copy[2 * c + 1], mag = Math.Sqrt(jx * jx + jy * jy);
                // arrow length on a log scale too, so the weak current far from the contacts stays visible
                double len = mag > 0 ? Math.Clamp(1 + Math.Log10(mag / scale) / 3, 0.15, 1) : 0;
                return mag > 0 ? (jx / mag, jy / mag, len) : (0, 0, 0);
            }, "#1a1a60");
        }
        Frame(sb, grid, electrodes, voltages, x1, y0, w, h);
        double lx = grid.Nx * grid.Dx, ly = grid.Ny * grid.Dy;
        sb.Append(ci, $"<text x=\"{width / 2:F1}\" y=\"{height - 12:F1}\" text-anchor=\"middle\" font-size=\"11\">film {lx * 1e9:G4} nm × {ly * 1e9:G4} nm, {grid.Nx}×{grid.Ny} cells; electrode labels: number (voltage)</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Arrows(StringBuilder sb, Grid2D grid, double x0, double y0, double w, double h,
        Func<int, (double X, double Y, double Length)> vector, string colour)
    {
        var ci = CultureInfo.InvariantCulture;
        int stride = Math.Max(1, (int)Math.Round(Math.Max(grid.Nx, grid.Ny) / 20.0));
        double cw = w / grid.Nx, ch = h / grid.Ny, arrow = 0.45 * stride * Math.Min(cw, ch);
        sb.Append(ci, $"<g stroke=\"{colour}\" stroke-width=\"1.1\" fill=\"{colour}\">\n");
        for (int iy = stride / 2; iy < grid.Ny; iy += stride)
            for (int ix = stride / 2; ix < grid.Nx; ix += stride)
            {
                var (vx, vy, len) = vector(grid.Index(ix, iy));
                if (len < 0.1) continue;
                double n = Math.Sqrt(vx * vx + vy * vy);
                if (n == 0) continue;
                double ux = vx / n, uy = -vy / n; // SVG y points down
                double cx = x0 + (ix + 0.5) * cw, cy = y0 + (grid.Ny - 0.5 - iy) * ch;
                double l = arrow * len;
                double ax = cx - ux * l, ay = cy - uy * l, bx = cx + ux * l, by = cy + uy * l;
                sb.Append(ci, $"<line x1=\"{ax:F1}\" y1=\"{ay:F1}\" x2=\"{bx:F1}\" y2=\"{by:F1}\"/>");
                double hx = -uy, hy = ux, hl = 0.45 * l;
                sb.Append(ci, $"<polygon points=\"{bx:F1},{by:F1} {bx - ux * hl + hx * hl * 0.5:F1},{by - uy * hl + hy * hl * 0.5:F1} {bx - ux * hl - hx * hl * 0.5:F1},{by - uy * hl - hy * hl * 0.5:F1}\" stroke=\"none\"/>\n");
            }
        sb.Append("</g>\n");
    }

    private static void Frame(StringBuilder sb, Grid2D grid, IReadOnlyList<FilmElectrode> electrodes, ReadOnlySpan<double> voltages,
        double x0, double y0, double w, double h)
    {
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"<rect x=\"{x0:F1}\" y=\"{y0:F1}\" width=\"{w:F1}\" height=\"{h:F1}\" fill=\"none\" stroke=\"#444\" stroke-width=\"1\"/>\n");
        for (int e = 0; e < electrodes.Count; e++)
        {
            var el = electrodes[e];
            double a = el.Center - el.Width / 2, b = el.Center + el.Width / 2;
            double v = e < voltages.Length ? voltages[e] : double.NaN;
            string colour = double.IsNaN(v) || v == 0 ? "#555555" : v > 0 ? "#c0392b" : "#2c5aa0";
            string label = double.IsNaN(v) ? $"{e + 1}" : string.Create(ci, $"{e + 1} ({v:+0.###;-0.###;0} V)");
            double t = 6;
            (double rx, double ry, double rw, double rh, double tx, double ty, string anchor) = el.Side switch
            {
                FilmSide.Left => (x0 - t, y0 + (1 - b) * h, t, (b - a) * h, x0 - t - 3, y0 + (1 - el.Center) * h + 4, "end"),
                FilmSide.Right => (x0 + w, y0 + (1 - b) * h, t, (b - a) * h, x0 + w + t + 3, y0 + (1 - el.Center) * h + 4, "start"),
                FilmSide.Bottom => (x0 + a * w, y0 + h, (b - a) * w, t, x0 + el.Center * w, y0 + h + t + 12, "middle"),
                _ => (x0 + a * w, y0 - t, (b - a) * w, t, x0 + el.Center * w, y0 - t - 3, "middle"),
            };
            sb.Append(ci, $"<rect x=\"{rx:F1}\" y=\"{ry:F1}\" width=\"{rw:F1}\" height=\"{rh:F1}\" fill=\"{colour}\"/>\n");
            if (el.Side is FilmSide.Left or FilmSide.Right)
                sb.Append(ci, $"<text x=\"{tx:F1}\" y=\"{ty:F1}\" text-anchor=\"{anchor}\" font-size=\"9\" transform=\"rotate(-90 {tx:F1} {ty - 4:F1})\">{Escape(label)}</text>\n");
            else
                sb.Append(ci, $"<text x=\"{tx:F1}\" y=\"{ty:F1}\" text-anchor=\"{anchor}\" font-size=\"9\">{Escape(label)}</text>\n");
        }
    }

    /// <summary>Blue (−1) – white (0) – red (+1).</summary>
    private static string Diverging(double v)
    {
        v = Math.Clamp(v, -1, 1);
        (double r, double g, double b) = v >= 0
            ? (1.0, 1 - 0.85 * v, 1 - 0.85 * v)
            : (1 + 0.85 * v, 1 + 0.6 * v, 1.0);
        return Hex(r * 0.95 + 0.05 * (v >= 0 ? 0.7 : 0.2), g, b);
    }

    /// <summary>Dark grey (0) to orange-yellow (1).</summary>
    private static string Sequential(double t)
    {
        t = Math.Clamp(t, 0, 1);
        return Hex(0.12 + 0.88 * t, 0.12 + 0.7 * t * t, 0.16 + 0.1 * t);
    }

    private static string Hex(double r, double g, double b) =>
        string.Create(CultureInfo.InvariantCulture, $"#{Byte(r):x2}{Byte(g):x2}{Byte(b):x2}");

    private static int Byte(double v) => (int)Math.Round(255 * Math.Clamp(v, 0, 1));

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
