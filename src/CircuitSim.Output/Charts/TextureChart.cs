using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// A magnetic texture: m_z as a blue–white–red map (−1 blue, 0 white, +1 red) with black arrows of the in-plane
/// component on a coarser lattice; cells outside the magnet are grey. y points up.
/// </summary>
public sealed class TextureChart : Chart
{
    private const double Panel = 520, Margin = 24, Top = 44, Bottom = 30;

    private readonly MapGrid _grid;
    private readonly double[] _m;
    private readonly Func<int, bool>? _inside;
    private readonly double _w, _h;

    /// <param name="grid">The cells.</param>
    /// <param name="m">Unit magnetization, x, y, z per cell.</param>
    /// <param name="inside">Whether a cell belongs to the magnet (null: all do).</param>
    public TextureChart(MapGrid grid, ReadOnlySpan<double> m, Func<int, bool>? inside = null)
    {
        if (m.Length < 3 * grid.CellCount) throw new ArgumentException($"m has {m.Length} values; the grid needs {3 * grid.CellCount}", nameof(m));
        _grid = grid;
        _m = m.ToArray();
        _inside = inside;
        double aspect = grid.Ny * grid.Dy / (grid.Nx * grid.Dx);
        (_w, _h) = aspect <= 1 ? (Panel, Panel * aspect) : (Panel / aspect, Panel);
        Width = (int)Math.Round(Math.Max(_w + 2 * Margin, 380));
        Height = (int)Math.Round(_h + Top + Bottom);
    }

    public override Plot Build()
    {
        var plot = MapPanel.NewCanvas(Width, Height);
        var panel = new MapPanel(_grid, (Width - _w) / 2, Bottom, _w, _h);
        panel.AddHeatmap(plot, c => _inside is null || _inside(c) ? _m[3 * c + 2] : double.NaN, new DivergingColormap(), -1, 1);
        plot.Add.Plottable(new ArrowField(panel.MagnetizationArrows(_m, _inside), Color.FromHex("#111111")));
        panel.AddFrame(plot);
        string caption = "m_z (blue −1, red +1), arrows: in-plane m";
        if (!string.IsNullOrEmpty(Title))
        {
            ChartStyle.AddText(plot, Title, Width / 2.0, Height - 6, 14, Alignment.UpperCenter);
            ChartStyle.AddText(plot, caption, Width / 2.0, Bottom + _h + 4, 11.5f, Alignment.LowerCenter);
        }
        else ChartStyle.AddText(plot, caption, Width / 2.0, Bottom + _h + 12, 12.5f, Alignment.LowerCenter);
        ChartStyle.AddText(plot, MapPanel.Size(_grid), Width / 2.0, 8, 11, Alignment.LowerCenter, ChartStyle.Muted);
        return plot;
    }
}
