using System.Globalization;

namespace CircuitSim.Crossbars;

/// <summary>
/// Reads a weight (or conductance) matrix and an input vector from CSV: one matrix row per line, values separated by
/// commas (spaces around them are ignored); blank lines and lines starting with <c>#</c> are skipped. Every row must
/// have the same number of values, and every value must be a finite number (invariant culture: 0.5, 1e-3).
/// </summary>
public static class MatrixCsv
{
    /// <exception cref="CrossbarInputException">The file is missing, empty, ragged or has a value that is not a number.</exception>
    public static double[,] ReadMatrix(string path, string what = "weight matrix")
    {
        var rows = ReadRows(path, what);
        var width = rows[0].Values.Length;
        foreach (var (line, values) in rows)
            if (values.Length != width)
                throw new CrossbarInputException($"{path}:{line}: the {what} row has {values.Length} value{(values.Length == 1 ? "" : "s")}, but the first row has {width}");
        var m = new double[rows.Count, width];
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < width; j++) m[i, j] = rows[i].Values[j];
        return m;
    }

    /// <summary>A vector written as one line of values or as one value per line.</summary>
    /// <exception cref="CrossbarInputException">As for <see cref="ReadMatrix"/>, or the file is neither one row nor one column.</exception>
    public static double[] ReadVector(string path, string what = "input vector")
    {
        var rows = ReadRows(path, what);
        if (rows.Count == 1) return rows[0].Values;
        if (rows.All(r => r.Values.Length == 1)) return rows.Select(r => r.Values[0]).ToArray();
        throw new CrossbarInputException($"{path}: the {what} must be one line of values or one value per line (found {rows.Count} lines, line {rows.First(r => r.Values.Length != 1).Line} has several values)");
    }

    /// <summary>Parses "0.1,0.2, 0.3" (the command line's inline form of a vector).</summary>
    /// <exception cref="CrossbarInputException">A value is not a number.</exception>
    public static double[] ParseList(string text, string what) =>
        Split(text).Select((cell, k) => Number(cell, () => $"{what}: value {k + 1} '{cell}' is not a number")).ToArray();

    private static List<(int Line, double[] Values)> ReadRows(string path, string what)
    {
        if (!File.Exists(path)) throw new CrossbarInputException($"{what} file not found: {path}");
        var rows = new List<(int, double[])>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = Split(line);
            var values = new double[cells.Length];
            for (var k = 0; k < cells.Length; k++)
            {
                var (n, position) = (lineNumber, k + 1);
                values[k] = Number(cells[k], () => $"{path}:{n}: value {position} '{cells[position - 1]}' in the {what} is not a number");
            }
            rows.Add((lineNumber, values));
        }
        if (rows.Count == 0) throw new CrossbarInputException($"{path}: the {what} file has no values");
        return rows;
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim()).ToArray();

    private static double Number(string cell, Func<string> message) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new CrossbarInputException(message());
}
