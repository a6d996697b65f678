using System.Globalization;
using System.Text;
using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// Writes a magnetization as an OVF 2.0 text file (rectangular mesh, one layer, the reduced m per cell, x fastest),
/// which OOMMF's mmDisp/avf2* tools and mumax3-convert read. Cells outside the magnet are written as 0 0 0.
/// </summary>
public static class OvfWriter
{
    public static string Text(Magnet magnet, ReadOnlySpan<double> m, double time, string title)
    {
        var g = magnet.Grid;
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append("# OOMMF OVF 2.0\n# Segment count: 1\n# Begin: Segment\n# Begin: Header\n");
        sb.Append("# Title: ").Append(title).Append('\n');
        sb.Append(c, $"# Desc: Total simulation time: {time:R} s\n");
        sb.Append("# meshtype: rectangular\n# meshunit: m\n");
        sb.Append(c, $"# xmin: 0\n# ymin: 0\n# zmin: 0\n# xmax: {g.Nx * g.Dx:R}\n# ymax: {g.Ny * g.Dy:R}\n# zmax: {g.Thickness:R}\n");
        sb.Append("# valuedim: 3\n# valuelabels: m_x m_y m_z\n# valueunits: 1 1 1\n");
        sb.Append(c, $"# xbase: {g.Dx / 2:R}\n# ybase: {g.Dy / 2:R}\n# zbase: {g.Thickness / 2:R}\n");
        sb.Append(c, $"# xnodes: {g.Nx}\n# ynodes: {g.Ny}\n# znodes: 1\n");
        sb.Append(c, $"# xstepsize: {g.Dx:R}\n# ystepsize: {g.Dy:R}\n# zstepsize: {g.Thickness:R}\n");
        sb.Append("# End: Header\n# Begin: Data Text\n");
        for (int cell = 0; cell < magnet.CellCount; cell++)
            sb.Append(c, $"{m[3 * cell]:R} {m[3 * cell + 1]:R} {m[3 * cell + 2]:R}\n");
        sb.Append("# End: Data Text\n# End: Segment\n");
        return sb.ToString();
    }

    /// <summary>Reads back the values of an OVF 2.0 text file written by <see cref="Text"/> (for checks and restarts).</summary>
    public static double[] ReadValues(string text)
    {
        var values = new List<double>();
        bool data = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("# Begin: Data Text", StringComparison.Ordinal)) { data = true; continue; }
            if (line.StartsWith("# End: Data", StringComparison.Ordinal)) break;
            if (!data || line.Length == 0 || line[0] == '#') continue;
            foreach (var t in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                values.Add(double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return values.ToArray();
    }
}
