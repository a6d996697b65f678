using System.Globalization;
using System.Text;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>
/// Reads the plots of a SPICE3 raw file as ngspice writes it (<c>-r file</c>): an ASCII header per plot
/// (Title, Plotname, Flags, No. Variables, No. Points, Variables) followed by <c>Binary:</c> (little-endian doubles,
/// point by point) or <c>Values:</c> (text). Real plots only; a complex plot is skipped.
/// </summary>
internal static class RawFile
{
    public sealed record Plot(string Name, Waveforms Data);

    /// <exception cref="FormatException">The file is not a raw file this reader understands.</exception>
    public static List<Plot> Read(string path, int maxPlots = int.MaxValue)
    {
        var bytes = File.ReadAllBytes(path);
        var plots = new List<Plot>();
        var pos = 0;
        while (pos < bytes.Length && plots.Count < maxPlots)
        {
            string plotName = "", flags = "real";
            int nVars = -1, nPoints = -1;
            var names = new List<string>();
            var binary = false;
            var sawHeader = false;
            while (true)
            {
                var line = ReadLine(bytes, ref pos);
                if (line is null)
                {
                    if (!sawHeader) return plots;
                    throw new FormatException($"{path}: raw file ends inside a header");
                }
                if (line.Trim().Length == 0) continue;
                sawHeader = true;
                var colon = line.IndexOf(':');
                var key = colon < 0 ? line.Trim() : line[..colon].Trim();
                var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
                if (key.Equals("Plotname", StringComparison.OrdinalIgnoreCase)) plotName = value;
                else if (key.Equals("Flags", StringComparison.OrdinalIgnoreCase)) flags = value.ToLowerInvariant();
                else if (key.Equals("No. Variables", StringComparison.OrdinalIgnoreCase)) nVars = int.Parse(value, CultureInfo.InvariantCulture);
                else if (key.Equals("No. Points", StringComparison.OrdinalIgnoreCase)) nPoints = int.Parse(value, CultureInfo.InvariantCulture);
                else if (key.Equals("Variables", StringComparison.OrdinalIgnoreCase))
                {
                    if (nVars < 0) throw new FormatException($"{path}: Variables before No. Variables");
                    for (var i = 0; i < nVars; i++)
                    {
                        var v = ReadLine(bytes, ref pos) ?? throw new FormatException($"{path}: too few variables");
                        var parts = v.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                        if (parts.Length < 2) throw new FormatException($"{path}: bad variable line '{v}'");
                        names.Add(parts[1]);
                    }
                }
                else if (key.Equals("Binary", StringComparison.OrdinalIgnoreCase)) { binary = true; break; }
                else if (key.Equals("Values", StringComparison.OrdinalIgnoreCase)) break;
            }
            if (nVars <= 0 || nPoints < 0 || names.Count != nVars) throw new FormatException($"{path}: incomplete header of plot '{plotName}'");
            var complex = flags.Contains("complex", StringComparison.Ordinal);
            var width = complex ? 2 : 1;
            var columns = new double[nVars][];
            for (var i = 0; i < nVars; i++) columns[i] = new double[nPoints];
            if (binary)
            {
                var need = (long)nPoints * nVars * width * 8;
                if (pos + need > bytes.Length) throw new FormatException($"{path}: binary data of plot '{plotName}' is truncated");
                for (var p = 0; p < nPoints; p++)
                    for (var i = 0; i < nVars; i++)
                    {
                        columns[i][p] = BitConverter.ToDouble(bytes, pos);
                        pos += 8 * width;
                    }
            }
            else
            {
                for (var p = 0; p < nPoints; p++)
                    for (var i = 0; i < nVars; i++)
                    {
                        var line = ReadLine(bytes, ref pos) ?? throw new FormatException($"{path}: values of plot '{plotName}' are truncated");
                        var parts = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                        var text = parts[^1].Split(',')[0];
                        columns[i][p] = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                    }
            }
            if (complex) continue;
            var isTime = names[0].Equals("time", StringComparison.OrdinalIgnoreCase);
            var data = new Waveforms(isTime ? "time" : null, isTime ? columns[0] : new double[nPoints]);
            for (var i = isTime ? 1 : 0; i < nVars; i++) data.Add(names[i], columns[i]);
            plots.Add(new Plot(plotName, data));
        }
        return plots;
    }

    private static string? ReadLine(byte[] bytes, ref int pos)
    {
        if (pos >= bytes.Length) return null;
        var end = Array.IndexOf(bytes, (byte)'\n', pos);
        if (end < 0) end = bytes.Length;
        var line = Encoding.Latin1.GetString(bytes, pos, end - pos).TrimEnd('\r');
        pos = Math.Min(end + 1, bytes.Length);
        return line;
    }
}
