using System.Globalization;
using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// One square-celled map drawn into a frameless plot whose data units are layout pixels (y up): a heat map of a
/// per-cell value, arrows on a coarser lattice, a frame, and contacts on the edges with their numbers and voltages.
/// </summary>
internal sealed class MapPanel(MapGrid grid, double x0, double y0, double width, double height)
{
    /// <summary>Left, bottom, width and height of the panel in layout pixels.</summary>
    public double X0 { get; } = x0;
    public double Y0 { get; } = y0;
    public double Width { get; } = width;
    public double Height { get; } = height;

    private double CellWidth => Width / grid.Nx;
    private double CellHeight => Height / grid.Ny;

    /// <summary>Cells per arrow along each side: about twenty arrows across the longer side.</summary>
    private int Stride => Math.Max(1, (int)Math.Round(Math.Max(grid.Nx, grid.Ny) / 20.0));

    /// <summary>Per-cell values (NaN cells, outside the magnet, are drawn in the heatmap's NaN colour) over the panel.</summary>
    public ScottPlot.Plottables.Heatmap AddHeatmap(Plot plot, Func<int, double> value, IColormap colormap, double min, double max)
    {
        var intensities = new double[grid.Ny, grid.Nx];
        for (int iy = 0; iy < grid.Ny; iy++)
            for (int ix = 0; ix < grid.Nx; ix++)
                intensities[grid.Ny - 1 - iy, ix] = value(ix + grid.Nx * iy); // row 0 is the top
        var map = plot.Add.Heatmap(intensities);
        map.Colormap = colormap;
        map.ManualRange = new ScottPlot.Range(min, max);
        map.Rectangle = new CoordinateRect(X0, X0 + Width, Y0, Y0 + Height);
        map.Smooth = false;
        map.NaNCellColor = Color.FromHex("#a0a0a0");
        return map;
    }

    /// <summary>Arrows of the in-plane magnetization (m interleaved x, y, z per cell), each the mean over its block of
    /// cells inside the magnet, with a length ∝ |m_in-plane| (a full-length arrow for |m_in-plane| = 1).</summary>
    public List<FieldArrow> MagnetizationArrows(ReadOnlySpan<double> m, Func<int, bool>? inside)
    {
        var arrows = new List<FieldArrow>();
        int s = Stride;
        double full = 0.45 * s * Math.Min(CellWidth, CellHeight);
        for (int by = 0; by < grid.Ny; by += s)
            for (int bx = 0; bx < grid.Nx; bx += s)
            {
                double sx = 0, sy = 0;
                int n = 0;
                for (int iy = by; iy < Math.Min(grid.Ny, by + s); iy++)
                    for (int ix = bx; ix < Math.Min(grid.Nx, bx + s); ix++)
                    {
                        int c = ix + grid.Nx * iy;
                        if (inside is not null && !inside(c)) continue;
                        sx += m[3 * c];
                        sy += m[3 * c + 1];
                        n++;
                    }
                if (n == 0) continue;
                sx /= n;
                sy /= n;
                if (Math.Sqrt(sx * sx + sy * sy) < 0.1) continue; // out of plane: the colour says it
                double cx = X0 + (bx + 0.5 * Math.Min(s, grid.Nx - bx)) * CellWidth;
                double cy = Y0 + (by + 0.5 * Math.Min(s, grid.Ny - by)) * CellHeight;
                arrows.Add(new FieldArrow(cx, cy, full * sx, full * sy));
            }
        return arrows;
    }

    /// <summary>Arrows along j (interleaved x, y per cell, A/m²) at the block centres, their length on a log scale over
    /// three decades below <paramref name="jMax"/> so that the weak current far from the contacts stays visible.</summary>
    public List<FieldArrow> CurrentArrows(ReadOnlySpan<double> j, double jMax)
    {
        var arrows = new List<FieldArrow>();
        if (!(jMax > 0)) return arrows;
        int s = Stride;
        double full = 0.45 * s * Math.Min(CellWidth, CellHeight);
        for (int iy = s / 2; iy < grid.Ny; iy += s)
            for (int ix = s / 2; ix < grid.Nx; ix += s)
            {
                int c = ix + grid.Nx * iy;
                double jx = j[2 * c], jy = j[2 * c + 1], mag = Math.Sqrt(jx * jx + jy * jy);
                if (!(mag > 0)) continue;
                double length = Math.Clamp(1 + Math.Log10(mag / jMax) / 3, 0.15, 1);
                arrows.Add(new FieldArrow(X0 + (ix + 0.5) * CellWidth, Y0 + (iy + 0.5) * CellHeight, full * length * jx / mag, full * length * jy / mag));
            }
        return arrows;
    }

    public void AddFrame(Plot plot)
    {
        var frame = plot.Add.Rectangle(X0, X0 + Width, Y0, Y0 + Height);
        frame.FillColor = Colors.Transparent;
        frame.LineColor = ChartStyle.Frame;
        frame.LineWidth = 1;
    }

    /// <summary>Contacts as bars just outside the frame (red for a positive voltage, blue negative, grey zero or
    /// unknown), labelled "number (voltage)".</summary>
    public void AddContacts(Plot plot, IReadOnlyList<EdgeContact> contacts)
    {
        const double t = 6;
        for (int e = 0; e < contacts.Count; e++)
        {
            var c = contacts[e];
            double a = c.Center - c.Width / 2, b = c.Center + c.Width / 2, v = c.Voltage;
            var colour = Color.FromHex(double.IsNaN(v) || v == 0 ? "#555555" : v > 0 ? "#c0392b" : "#2c5aa0");
            string label = double.IsNaN(v) ? $"{e + 1}" : string.Create(CultureInfo.InvariantCulture, $"{e + 1} ({v:+0.###;-0.###;0} V)");
            (double l, double r, double bot, double top, double tx, double ty, Alignment align, float rotation) = c.Side switch
            {
                EdgeSide.Left => (X0 - t, X0, Y0 + a * Height, Y0 + b * Height, X0 - t - 3, Y0 + c.Center * Height, Alignment.LowerCenter, -90f),
                EdgeSide.Right => (X0 + Width, X0 + Width + t, Y0 + a * Height, Y0 + b * Height, X0 + Width + t + 3, Y0 + c.Center * Height, Alignment.LowerCenter, 90f),
                EdgeSide.Bottom => (X0 + a * Width, X0 + b * Width, Y0 - t, Y0, X0 + c.Center * Width, Y0 - t - 2, Alignment.UpperCenter, 0f),
                _ => (X0 + a * Width, X0 + b * Width, Y0 + Height, Y0 + Height + t, X0 + c.Center * Width, Y0 + Height + t + 2, Alignment.LowerCenter, 0f),
            };
            var bar = plot.Add.Rectangle(l, r, bot, top);
            bar.FillColor = colour;
            bar.LineWidth = 0;
            var text = ChartStyle.AddText(plot, label, tx, ty, 10, align);
            text.LabelRotation = rotation;
        }
    }

    /// <summary>A frameless plot whose data units are the figure's layout pixels, y up.</summary>
    public static Plot NewCanvas(int width, int height)
    {
        var plot = ChartStyle.NewPlot();
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(0, width, 0, height);
        return plot;
    }

    /// <summary>"400 nm × 400 nm, 64×64 cells".</summary>
    public static string Size(MapGrid grid) =>
        $"{EngineeringFormat.Format(grid.Nx * grid.Dx, "m", 4)} × {EngineeringFormat.Format(grid.Ny * grid.Dy, "m", 4)}, {grid.Nx}×{grid.Ny} cells";
}
