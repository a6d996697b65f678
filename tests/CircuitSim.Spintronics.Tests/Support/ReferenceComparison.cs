using System.Globalization;

namespace CircuitSim.Spintronics.Tests.Support;

/// <summary>
/// The tolerance convention of tests/references/ngspice/README.md: per column, the largest |test − ref| over the
/// reference points divided by the reference column's range (max − min, floor 1e-9), the test waveform linearly
/// interpolated onto the reference scale.
/// </summary>
public static class ReferenceComparison
{
    public static (string[] Header, Dictionary<string, double[]> Columns) ReadCsv(string path)
    {
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = rows[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var data = rows.Skip(1).Select(r => r.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var columns = new Dictionary<string, double[]>();
        for (var i = 0; i < header.Length; i++) columns[header[i]] = data.Select(r => r[i]).ToArray();
        return (header, columns);
    }

    /// <summary>max |test − ref| / range(ref), and the scale value where it occurs.</summary>
    public static (double Error, double At) RelativeError(double[] refScale, double[] reference, double[] testScale, double[] test)
    {
        var range = Math.Max(reference.Max() - reference.Min(), 1e-9);
        double worst = 0, at = double.NaN;
        for (var k = 0; k < refScale.Length; k++)
        {
            var e = Math.Abs(Series.Interpolate(testScale, test, refScale[k]) - reference[k]);
            if (e > worst) (worst, at) = (e, refScale[k]);
        }
        return (worst / range, at);
    }

    /// <summary>The value of a "*@key value" metadata line of a netlist.</summary>
    public static string? Meta(string netlistText, string key) => netlistText.Split('\n')
        .Select(l => l.Trim())
        .FirstOrDefault(l => l.StartsWith("*@" + key + " ", StringComparison.OrdinalIgnoreCase))?
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault();
}
