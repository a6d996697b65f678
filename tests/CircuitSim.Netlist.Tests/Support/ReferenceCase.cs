using System.Globalization;

namespace CircuitSim.Netlist.Tests.Support;

/// <summary>A reference netlist with its ngspice CSV and the tolerances written in it (*@output, *@tol, *@time_tol).</summary>
public sealed class ReferenceCase
{
    private ReferenceCase(string netlist, string csv, IReadOnlyList<string> outputs, double tolerance, double timeTolerance)
    {
        Netlist = netlist;
        Csv = csv;
        Outputs = outputs;
        Tolerance = tolerance;
        TimeTolerance = timeTolerance;
    }

    public string Netlist { get; }
    public string Csv { get; }
    public IReadOnlyList<string> Outputs { get; }
    /// <summary>Largest allowed error relative to the reference column's range.</summary>
    public double Tolerance { get; }
    /// <summary>Timing allowance of the tube comparison, s (0: pointwise).</summary>
    public double TimeTolerance { get; }
    public string Name => Path.GetFileNameWithoutExtension(Netlist);

    public static string Directory(string set) => Path.Combine(AppContext.BaseDirectory, "references", set);

    public static ReferenceCase Load(string set, string name)
    {
        var cir = Path.Combine(Directory(set), name + ".cir");
        var lines = File.ReadAllLines(cir);
        string[] Meta(string key) => lines.FirstOrDefault(l => l.StartsWith("*@" + key + " ", StringComparison.OrdinalIgnoreCase))
            ?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray() ?? Array.Empty<string>();
        var tol = Meta("tol") is { Length: > 0 } t ? double.Parse(t[0], CultureInfo.InvariantCulture) : 1e-3;
        var timeTol = Meta("time_tol") is { Length: > 0 } tt ? double.Parse(tt[0], CultureInfo.InvariantCulture) : 0;
        return new ReferenceCase(cir, Path.ChangeExtension(cir, ".csv"), Meta("output").Select(o => o.ToLowerInvariant()).ToList(), tol, timeTol);
    }

    public static IEnumerable<object[]> All(string set) =>
        System.IO.Directory.GetFiles(Directory(set), "*.cir").OrderBy(f => f).Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    /// <summary>The reference CSV: header names (lower case) and columns.</summary>
    public (string[] Header, Dictionary<string, double[]> Columns) ReadCsv() => ReadCsv(Csv);

    /// <summary>A CSV of waveforms (ngspice's or CircuitSim's): header names (lower case) and columns.</summary>
    public static (string[] Header, Dictionary<string, double[]> Columns) ReadCsv(string path)
    {
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = rows[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var data = rows.Skip(1).Select(r => r.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var columns = new Dictionary<string, double[]>();
        for (var i = 0; i < header.Length; i++) columns[header[i]] = data.Select(r => r[i]).ToArray();
        return (header, columns);
    }
}
