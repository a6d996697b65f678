using System.Globalization;
using System.Text.RegularExpressions;
using CircuitSim.Netlist.Measurements;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Measurements;

/// <summary>Runs ngspice (when it is on PATH) on a deck with .meas lines and returns both its printed measure results
/// and its own waveforms at full precision (wrdata with numdgt=17, which round-trips doubles).</summary>
internal static class NgspiceMeasure
{
    public const string SkipReason = "ngspice not found on PATH: ngspice .meas cross-check skipped";

    public static bool Available => Ngspice.Available;

    public sealed record Run(IReadOnlyDictionary<string, double> Printed, WaveformTable Waveforms, string Output);

    /// <param name="circuit">Title line plus elements and the analysis card.</param>
    /// <param name="measures">The text after ".meas" of each measure.</param>
    /// <param name="wrdata">Expressions to write (after "wrdata file"), e.g. "v(in) v(out)".</param>
    /// <param name="lets">Optional .control "let" lines run before wrdata (to write real/imag parts of AC vectors).</param>
    /// <param name="rename">Maps a written column name to the name the table should use.</param>
    public static Run Simulate(string circuit, IEnumerable<string> measures, string wrdata,
        IEnumerable<string>? lets = null, IReadOnlyDictionary<string, string>? rename = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "circuitsim-meas-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        try
        {
            var data = Path.Combine(dir, "data.txt");
            var deck = circuit.TrimEnd() + "\n"
                + string.Concat(measures.Select(m => ".meas " + m + "\n"))
                + ".control\nset wr_vecnames\nset wr_singlescale\nset numdgt=17\nrun\n"
                + string.Concat((lets ?? []).Select(l => l + "\n"))
                + $"wrdata {data} {wrdata}\n.endc\n.end\n";
            var deckPath = Path.Combine(dir, "deck.cir");
            File.WriteAllText(deckPath, deck);

            // honoured by some measure kinds; others print 7 digits
            var output = Ngspice.RunDeck(deckPath, new Dictionary<string, string> { ["NGSPICE_MEAS_PRECISION"] = "15" }, dir);
            Assert.True(File.Exists(data), $"ngspice wrote no data. Output:\n{output}");
            return new Run(ParsePrinted(output), ReadWrdata(data, rename), output);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>"name = value ..." lines of the measure printout; the first occurrence of each name wins.</summary>
    private static Dictionary<string, double> ParsePrinted(string output)
    {
        var printed = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(output, @"^([a-z_][a-z0-9_]*)\s+=\s+(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase))
            if (double.TryParse(m.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                printed.TryAdd(m.Groups[1].Value, v);
        return printed;
    }

    private static WaveformTable ReadWrdata(string path, IReadOnlyDictionary<string, string>? rename)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var table = new WaveformTable(names[0], rows.Select(r => r[0]).ToArray());
        for (int c = 1; c < names.Length; c++)
        {
            var name = rename is not null && rename.TryGetValue(names[c], out var renamed) ? renamed : names[c];
            table.Add(name, rows.Select(r => r[c]).ToArray());
        }
        return table;
    }
}

/// <summary>A fact that is skipped (with a visible reason) when ngspice is not on PATH.</summary>
public sealed class NgspiceMeasureFactAttribute : FactAttribute
{
    public NgspiceMeasureFactAttribute()
    {
        if (!NgspiceMeasure.Available) Skip = NgspiceMeasure.SkipReason;
    }
}
