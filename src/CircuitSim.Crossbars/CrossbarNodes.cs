namespace CircuitSim.Crossbars;

/// <summary>
/// Node and element names of a generated array (1-based indices): rows <c>r{i}_{j}</c> (or <c>r{i}</c> with ideal row
/// wires), columns <c>c{i}_{j}</c> (or <c>c{j}</c>), drivers <c>d{i}</c>, sense nodes <c>s{j}</c>, 1T1R mid-points
/// <c>m{i}_{j}</c> and word lines <c>wl{i}</c>; sources <c>VR{i}</c> (rows), <c>VS{j}</c> (column ammeters/drivers),
/// <c>VWL{i}</c>. The same names as shared/bench/gen_bench.py's crossbars.
/// </summary>
public sealed class CrossbarNodes
{
    private readonly CrossbarDesign _d;

    public CrossbarNodes(CrossbarDesign design) => _d = design;

    public string Row(int i, int j) => _d.Wires.RowSegment > 0 ? $"r{i}_{j}" : $"r{i}";

    public string Column(int i, int j) => _d.Wires.ColumnSegment > 0 ? $"c{i}_{j}" : $"c{j}";

    public string Driver(int i) => _d.Wires.Driver > 0 ? $"d{i}" : Row(i, 1);

    public string Sense(int j) => _d.Readout.IsTransimpedance ? Column(_d.Rows, j) : $"s{j}";

    public static string CellMid(int i, int j) => $"m{i}_{j}";

    public static string WordLine(int i) => $"wl{i}";

    /// <summary>The vector of the current of physical column <paramref name="j"/> (positive from the array into the read-out).</summary>
    public static string ColumnCurrent(int j) => $"i(vs{j})";
}
