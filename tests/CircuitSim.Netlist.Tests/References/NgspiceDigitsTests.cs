using System.Globalization;
using System.Text.RegularExpressions;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.References;

/// <summary>
/// Numbers that must be ngspice 39's to the last printed digit: the physical constants of the junction models and a
/// DC sweep at default tolerances, against values obtained from ngspice (the command is in each comment) and, where
/// ngspice is installed, against a live run.
/// </summary>
public class NgspiceDigitsTests
{
    private const string Diode = """
        diode operating point at reltol 1e-9
        .model dm D (IS=1e-14 N=1)
        V1 in 0 DC 1
        R1 in a 1k
        D1 a 0 dm
        .options reltol=1e-9
        .op
        .end
        """;

    private const string NmosWithLoad = """
        NMOS with a 10 kOhm load
        .model NM NMOS (LEVEL=1 VTO=0.5 KP=100u LAMBDA=0.02)
        VDD vdd 0 DC 1.8
        VIN in 0 DC 0.9
        RL vdd out 10k
        M1 out in 0 0 NM W=2u L=1u
        .dc VIN 0 1.8 0.01
        .meas dc vx WHEN v(out)=0.9
        .end
        """;

    private static (List<PlotOutcome> Outcomes, PlotRecorder Recorder) Run(string text) =>
        new NetlistRunner(new NetlistReader().ReadText(text, "<test>")).RunToMemory();

    [Fact]
    public void DiodeOperatingPoint_AtReltol1e9_HasNgspicesJunctionVoltage()
    {
        // `ngspice -b` on the deck above with `.control / set numdgt=12 / op / print v(a) / .endc`:
        //     v(a) = 6.294407107718e-01
        // vt = k·T/q with CODATA 2014 k = 1.38064852e-23 J/K and q = 1.6021766208e-19 C; SPICE3's 1973 values give
        // 0.6294240906 V (1.7e-5 V off). Newton at RELTOL = 1e-9 leaves < 1e-12 V; the print rounds to 5e-14 V.
        var (outcomes, recorder) = Run(Diode);
        Assert.Null(Assert.Single(outcomes).Failure);
        Assert.Equal(0.6294407107718, recorder.Plots[0]["v(a)"][0], 1e-12);
    }

    [NgspiceFact]
    public void DiodeOperatingPoint_AtReltol1e9_MatchesLiveNgspice()
    {
        var ngspice = NgspicePrint(Diode, "op", "v(a)", "i(v1)");
        var (_, recorder) = Run(Diode);
        // ngspice prints 16 significant digits here; the same Newton path leaves ~1e-16 V
        Assert.Equal(ngspice["v(a)"], recorder.Plots[0]["v(a)"][0], 1e-12);
        Assert.Equal(ngspice["i(v1)"], recorder.Plots[0]["i(v1)"][0], 1e-15);
    }

    [Fact]
    public void DcSweepWhenMeasure_AtDefaultTolerances_IsNgspicesCrossing()
    {
        // ngspice 39.3 on the deck above (without the .meas) with `.control / run / meas dc vx when v(out)=0.9 /
        // print vx / .endc`: vx = 1.441193 (ngspice keeps 7 significant digits of a measure: ±5e-7). A sweep that
        // starts every point from the last solution instead of the devices' predictor gave 1.4408.
        var (outcomes, _) = Run(NmosWithLoad);
        var vx = Assert.Single(Assert.Single(outcomes).Measures);
        Assert.Null(vx.Failure);
        Assert.Equal(1.441193, vx.Value!.Value, 1e-6);
    }

    [NgspiceFact]
    public void DcSweep_AtDefaultTolerances_MatchesLiveNgspiceAtEveryPoint()
    {
        var deck = NmosWithLoad.Replace(".meas dc vx WHEN v(out)=0.9\n", "");
        var ngspice = NgspiceSweep(deck, "v(out)");
        var (_, recorder) = Run(deck);
        var ours = recorder.Plots[0]["v(out)"];
        Assert.Equal(181, ngspice.Length);
        Assert.Equal(ngspice.Length, ours.Length);
        // both follow the same Newton path from the same predicted start: 4e-13 V apart
        for (var k = 0; k < ours.Length; k++) Assert.True(Math.Abs(ngspice[k] - ours[k]) < 1e-9, $"VIN = {k * 0.01:F2} V: ngspice {ngspice[k]:R}, ours {ours[k]:R}");
    }

    /// <summary>Runs the deck's analysis in ngspice and prints the vectors with 16 digits.</summary>
    private static Dictionary<string, double> NgspicePrint(string deck, string analysis, params string[] vectors)
    {
        var output = RunNgspice(deck, $"set numdgt=16\n{analysis}\nprint {string.Join(' ', vectors)}");
        return vectors.ToDictionary(v => v, v => Ngspice.PrintedReal(output, v));
    }

    /// <summary>Runs the deck's sweep in ngspice and returns one vector at every point (wrdata, 16 digits).</summary>
    private static double[] NgspiceSweep(string deck, string vector)
    {
        var dir = Path.Combine(Path.GetTempPath(), "circuitsim-digits-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        try
        {
            var data = Path.Combine(dir, "data.txt");
            RunNgspice(deck, $"set numdgt=16\nrun\nwrdata {data} {vector}", dir);
            return File.ReadAllLines(data).Where(l => l.Trim().Length > 0)
                .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).ToArray();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string RunNgspice(string deck, string control, string? dir = null)
    {
        var folder = dir ?? Path.Combine(Path.GetTempPath(), "circuitsim-digits-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "deck.cir");
            var body = Regex.Replace(deck, @"^\.end\s*$", "", RegexOptions.Multiline).TrimEnd();
            File.WriteAllText(path, $"{body}\n.control\n{control}\nquit\n.endc\n.end\n");
            return Ngspice.RunDeck(path);
        }
        finally
        {
            if (dir is null) Directory.Delete(folder, recursive: true);
        }
    }
}
