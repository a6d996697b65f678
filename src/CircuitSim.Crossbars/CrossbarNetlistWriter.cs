using System.Text;

namespace CircuitSim.Crossbars;

/// <summary>
/// Writes a <see cref="CrossbarDesign"/> as an ordinary netlist: a header that says what the array is, the model cards,
/// the row drivers and wires, the column wires and read-out, the cells, the word lines, <c>.save</c> and the analysis.
/// </summary>
public static class CrossbarNetlistWriter
{
    /// <param name="netlistDirectory">Where the netlist will live (library references are made relative to it; null:
    /// absolute).</param>
    public static string Write(CrossbarDesign d, string? netlistDirectory = null)
    {
        var n = d.Nodes;
        var sb = new StringBuilder();
        Header(sb, d);
        foreach (var line in d.Device.Card?.Lines(netlistDirectory) ?? Array.Empty<string>()) sb.AppendLine(line);
        if (d.Cell == CellStructure.OneTransistorOneR) sb.AppendLine(AccessTransistor.Card);

        sb.AppendLine("* row drivers and row wires");
        for (var i = 1; i <= d.Rows; i++)
        {
            sb.AppendLine(SpiceText.Wrap($"VR{i} {n.Driver(i)} 0 {d.RowSources[i - 1]}"));
            if (d.Wires.Driver > 0) sb.AppendLine($"RD{i} {n.Driver(i)} {n.Row(i, 1)} {SpiceText.Num(d.Wires.Driver)}");
            if (d.Wires.RowSegment > 0)
                for (var j = 1; j < d.PhysicalColumns; j++)
                    sb.AppendLine($"RWR{i}_{j} {n.Row(i, j)} {n.Row(i, j + 1)} {SpiceText.Num(d.Wires.RowSegment)}");
        }

        sb.AppendLine(d.Readout.IsTransimpedance
            ? "* column wires; each column ends in the virtual ground of an ideal transimpedance amplifier (VS<j>, 0 V)"
            : $"* column wires; each column is sensed through {SpiceText.Num(d.Readout.SenseResistance)} Ohm into a 0 V ammeter VS<j>");
        for (var j = 1; j <= d.PhysicalColumns; j++)
        {
            if (d.Wires.ColumnSegment > 0)
                for (var i = 1; i < d.Rows; i++)
                    sb.AppendLine($"RWC{i}_{j} {n.Column(i, j)} {n.Column(i + 1, j)} {SpiceText.Num(d.Wires.ColumnSegment)}");
            if (!d.Readout.IsTransimpedance)
                sb.AppendLine($"RS{j} {n.Column(d.Rows, j)} {n.Sense(j)} {SpiceText.Num(d.Readout.SenseResistance)}");
            sb.AppendLine(SpiceText.Wrap($"VS{j} {n.Sense(j)} 0 {d.ColumnSources?[j - 1] ?? "DC 0"}"));
        }

        sb.AppendLine(d.Cell == CellStructure.OneR
            ? "* cells: device from row wire to column wire"
            : $"* cells: device from row wire to the drain of an access NMOS (W={SpiceText.Num(d.Access!.Width)} L={SpiceText.Num(d.Access.Length)}) whose source is on the column wire");
        var index = 0;
        for (var i = 1; i <= d.Rows; i++)
            for (var j = 1; j <= d.PhysicalColumns; j++, index++)
            {
                var name = d.DeviceName(i, j);
                var lower = d.Cell == CellStructure.OneR ? n.Column(i, j) : CrossbarNodes.CellMid(i, j);
                sb.AppendLine(d.Device.ElementLine(name, n.Row(i, j), lower, d.Conductances[i - 1, j - 1], index, d.VariabilitySeed));
                if (d.Cell == CellStructure.OneTransistorOneR)
                    sb.AppendLine($"MA{i}_{j} {lower} {CrossbarNodes.WordLine(i)} {n.Column(i, j)} 0 {AccessTransistor.ModelName} " +
                                  $"W={SpiceText.Num(d.Access!.Width)} L={SpiceText.Num(d.Access.Length)}");
            }
        if (d.Cell == CellStructure.OneTransistorOneR)
        {
            sb.AppendLine("* word lines");
            for (var i = 1; i <= d.Rows; i++)
                sb.AppendLine(SpiceText.Wrap($"VWL{i} {CrossbarNodes.WordLine(i)} 0 {d.WordLineSources?[i - 1] ?? "DC " + SpiceText.Num(d.Access!.WordLineVoltage)}"));
        }

        var saves = Enumerable.Range(1, d.PhysicalColumns).Select(CrossbarNodes.ColumnCurrent).ToList();
        if (d.SaveDeviceConductances)
            for (var i = 1; i <= d.Rows; i++)
                for (var j = 1; j <= d.PhysicalColumns; j++)
                    if (d.Device.ConductanceVector(d.DeviceName(i, j)) is { } v) saves.Add(v);
        saves.AddRange(d.ExtraSaves);
        sb.AppendLine(SpiceText.Wrap(".save " + string.Join(' ', saves.Distinct(StringComparer.OrdinalIgnoreCase))));
        sb.AppendLine(d.Analysis);
        sb.AppendLine(".end");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, CrossbarDesign d)
    {
        sb.AppendLine(d.Title);
        var cell = d.Cell == CellStructure.OneR ? "1R" : "1T1R";
        var columns = d.Layout.Differential
            ? $"{d.Layout.LogicalColumns} differential column pairs ({d.PhysicalColumns} physical columns: 2j-1 positive, 2j negative)"
            : $"{d.PhysicalColumns} columns";
        sb.AppendLine($"* {d.Rows} rows x {columns}, {cell} cells of {d.Device.Describe()}");
        sb.AppendLine($"* wires: row segment {SpiceText.Num(d.Wires.RowSegment)} Ohm, column segment {SpiceText.Num(d.Wires.ColumnSegment)} Ohm, " +
                      $"driver {SpiceText.Num(d.Wires.Driver)} Ohm; read-out: " +
                      (d.Readout.IsTransimpedance ? "ideal transimpedance (0 V virtual ground)" : $"{SpiceText.Num(d.Readout.SenseResistance)} Ohm sense resistors"));
        sb.AppendLine("* column currents: i(vs<j>), positive from the array into the read-out");
        foreach (var note in d.Notes) sb.AppendLine("* " + note);
        sb.AppendLine("* written by circuitsim crossbar (src/CircuitSim.Crossbars); an ordinary netlist: edit and run it with circuitsim run");
    }
}
