using System.Globalization;
using ScottPlot;

namespace CircuitSim.Output;

/// <summary>
/// A film's state in two panels: the texture (m_z as a blue–white–red map, −1 to +1, with arrows for the in-plane
/// magnetization) and the current density (log₁₀|j| as a grey-to-orange map over three decades below the maximum,
/// with arrows along j). The contacts are drawn on the edges of both panels with their numbers and voltages.
/// </summary>
public sealed class FilmSnapshotChart : Chart
{
    private const double Panel = 360, Margin = 40, Gap = 56, Top = 66, Bottom = 48;

    private readonly MapGrid _grid;
    private readonly double[] _m, _j;
    private readonly IReadOnlyList<EdgeContact> _contacts;
    private readonly double _w, _h;

    /// <param name="grid">The film's cells.</param>
    /// <param name="m">Unit magnetization, x, y, z per cell.</param>
    /// <param name="j">Current density in A/m², x, y per cell.</param>
    /// <param name="contacts">The electrodes, in their numbering order, with their voltages.</param>
    public FilmSnapshotChart(MapGrid grid, ReadOnlySpan<double> m, ReadOnlySpan<double> j, IReadOnlyList<EdgeContact> contacts)
    {
        if (m.Length < 3 * grid.CellCount) throw new ArgumentException($"m has {m.Length} values; the grid needs {3 * grid.CellCount}", nameof(m));
        if (j.Length < 2 * grid.CellCount) throw new ArgumentException($"j has {j.Length} values; the grid needs {2 * grid.CellCount}", nameof(j));
        _grid = grid;
        _m = m.ToArray();
        _j = j.ToArray();
        _contacts = contacts;
        double aspect = grid.Ny * grid.Dy / (grid.Nx * grid.Dx);
        (_w, _h) = aspect <= 1 ? (Panel, Panel * aspect) : (Panel / aspect, Panel);
        Width = (int)Math.Round(2 * _w + Gap + 2 * Margin);
        Height = (int)Math.Round(_h + Top + Bottom);
    }

    /// <summary>Largest |j| in A/m².</summary>
    public double MaxCurrentDensity
    {
        get
        {
            double max = 0;
            for (int c = 0; c < _grid.CellCount; c++) max = Math.Max(max, Math.Sqrt(_j[2 * c] * _j[2 * c] + _j[2 * c + 1] * _j[2 * c + 1]));
            return max;
        }
    }

    public override Plot Build()
    {
        var plot = MapPanel.NewCanvas(Width, Height);
        var texture = new MapPanel(_grid, Margin, Bottom, _w, _h);
        var current = new MapPanel(_grid, Margin + _w + Gap, Bottom, _w, _h);
        double panelTitleY = Bottom + _h + 24;

        texture.AddHeatmap(plot, c => _m[3 * c + 2], new DivergingColormap(), -1, 1);
        plot.Add.Plottable(new ArrowField(texture.MagnetizationArrows(_m, null), Color.FromHex("#202020")));
        texture.AddFrame(plot);
        texture.AddContacts(plot, _contacts);
        ChartStyle.AddText(plot, "m_z (blue −1, red +1), arrows: in-plane m", Margin + _w / 2, panelTitleY, 12, Alignment.LowerCenter);

        double jMax = MaxCurrentDensity;
        current.AddHeatmap(plot, c =>
        {
            double mag = Math.Sqrt(_j[2 * c] * _j[2 * c] + _j[2 * c + 1] * _j[2 * c + 1]);
            return jMax > 0 && mag > 0 ? Math.Clamp(1 + Math.Log10(mag / jMax) / 3, 0, 1) : 0;
        }, new SequentialColormap(), 0, 1);
        plot.Add.Plottable(new ArrowField(current.CurrentArrows(_j, jMax), Color.FromHex("#1a1a60")));
        current.AddFrame(plot);
        current.AddContacts(plot, _contacts);
        ChartStyle.AddText(plot, string.Create(CultureInfo.InvariantCulture, $"log₁₀|j| (max {jMax:0.00e0} A/m²), arrows: j"),
            current.X0 + _w / 2, panelTitleY, 12, Alignment.LowerCenter);

        if (!string.IsNullOrEmpty(Title)) ChartStyle.AddText(plot, Title, Width / 2.0, Height - 10, 14, Alignment.UpperCenter);
        ChartStyle.AddText(plot, $"film {MapPanel.Size(_grid)}; contact labels: number (voltage)", Width / 2.0, 8, 11, Alignment.LowerCenter, ChartStyle.Muted);
        return plot;
    }
}
