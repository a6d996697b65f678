using CircuitSim.Netlist.Control;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>
/// .four and the fourier command: the last period of the transient resampled on fourgridsize points and the DC term
/// plus harmonics 1 … nfreqs−1, as ngspice 39 computes and prints them (recorded tables; live cross-checks when
/// ngspice is installed).
/// </summary>
public class FourierTests
{
    /// <summary>A sine clipped at +0.8 V and −1.2 V: a DC term and even harmonics as well as odd ones.</summary>
    private const string ClippedSine = """
        clipped sine fourier
        V1 in 0 SIN(0 2 1k)
        B1 a 0 V = min(max(v(in), -1.2), 0.8)
        R1 a 0 1k
        .tran 10u 5m
        .four 1k v(a)
        .end
        """;

    /// <summary><c>ngspice -b clipped.cir</c> on <see cref="ClippedSine"/>.</summary>
    private const string ClippedSineTable = """
        Fourier analysis for v(a):
          No. Harmonics: 10, THD: 24.1774 %, Gridsize: 200, Interpolation Degree: 1

        Harmonic Frequency   Magnitude   Phase       Norm. Mag   Norm. Phase
        -------- ---------   ---------   -----       ---------   -----------
         0       0           -0.13319    0           0           0          
         1       1000        1.21019     0.00542049  1           0          
         2       2000        0.109268    90.1349     0.0902902   90.1295    
         3       3000        0.26025     -0.01891    0.215049    -0.02433   
         4       4000        0.0527574   90.1886     0.0435942   90.1832    
         5       5000        0.047635    -0.19763    0.0393615   -0.20305   
         6       6000        0.000274319 -63.046     0.000226674 -63.051    
         7       7000        0.0123804   179.866     0.0102301   179.861    
         8       8000        0.023377    -89.428     0.0193168   -89.434    
         9       9000        0.0137189   179.07      0.0113361   179.064    


        """;

    [Fact]
    public void Four_OfAClippedSine_PrintsNgspicesTable()
    {
        using var run = new ScriptRun(ClippedSine);

        Assert.Equal(ClippedSineTable.ReplaceLineEndings("\n"), run.Terminal);
        var result = Assert.Single(run.Outcomes[0].Fourier);
        Assert.Equal((10, 200), (result.Harmonics, result.GridSize));
    }

    [Fact]
    public void FourOptions_SetTheHarmonicsAndTheGrid()
    {
        using var run = new ScriptRun(ClippedSine.Replace(".four 1k v(a)", ".four 1k v(a)\n.options nfreqs=5 fourgridsize=100"));

        // ngspice -b with the same .options line: 5 harmonics (DC to 4th), 100 grid points
        var r = Assert.Single(run.Outcomes[0].Fourier);
        Assert.Equal((5, 100), (r.Harmonics, r.GridSize));
        Assert.Contains("  No. Harmonics: 5, THD: 23.7221 %, Gridsize: 100, Interpolation Degree: 1\n", run.Terminal);
        Assert.Contains(" 3       3000        0.260181    -0.012981   0.214998    -0.018621  \n", run.Terminal);
    }

    private const string SquareWave = """
        square wave fourier
        V1 in 0 PULSE(-1 1 0 1n 1n 0.5m 1m)
        R1 in out 1k
        C1 out 0 100n
        .tran 1u 3m
        .four 1k v(in) v(out)
        .end
        """;

    /// <summary>ngspice 39's harmonics 0–9 of <see cref="SquareWave"/> (<c>ngspice -b square.cir</c>): magnitude and phase
    /// of v(in), then of the RC-filtered v(out). The even harmonics of v(in) are round-off (1e-16) and left out.</summary>
    private static readonly (double Magnitude, double Phase)[] SquareIn =
        [(0, 0), (1.27329, -0.9), (0, 0), (0.42457, -2.7), (0, 0), (0.25491, -4.5), (0, 0), (0.182258, -6.3), (0, 0), (0.141943, -8.1)];

    private static readonly (double Magnitude, double Phase)[] SquareOut =
    [
        (1.95406e-06, 0), (1.07818, -32.15), (2.4339e-06, 36.697), (0.199049, -62.078), (1.44578e-06, 18.0669),
        (0.0773976, -72.384), (1.0035e-06, 9.41073), (0.0404892, -77.248), (7.64568e-07, 3.9912), (0.0247999, -80.046),
    ];

    [Fact]
    public void Four_OfASquareWaveAndItsRcFilteredOutput_MatchesNgspice()
    {
        using var run = new ScriptRun(SquareWave);

        var results = run.Outcomes[0].Fourier;
        Assert.Equal(new[] { "v(in)", "v(out)" }, results.Select(r => r.Vector));
        // ngspice printed 6 significant digits: 1e-5 relative covers the rounding; a round-off-sized harmonic is
        // compared as zero
        foreach (var (result, expected) in new[] { (results[0], SquareIn), (results[1], SquareOut) })
            for (var k = 0; k < 10; k++)
            {
                Assert.True(Math.Abs(result.Magnitude[k] - expected[k].Magnitude) <= 1e-5 * Math.Abs(expected[k].Magnitude) + 1e-12,
                    $"{result.Vector} harmonic {k}: {result.Magnitude[k]:R}, ngspice {expected[k].Magnitude}");
                if (expected[k].Magnitude > 1e-12)
                    Assert.True(Math.Abs(result.Phase[k] - expected[k].Phase) <= 1e-5 * Math.Abs(expected[k].Phase) + 1e-6,
                        $"{result.Vector} harmonic {k} phase: {result.Phase[k]:R}, ngspice {expected[k].Phase}");
            }
    }

    [Fact]
    public void SquareWave_HarmonicsAreThoseOfTheSampledWave()
    {
        using var run = new ScriptRun(SquareWave);

        // a ±1 square wave has odd harmonics 4/(πk); sampled on N = 200 points a period (an edge on a sample, which
        // the 1 ns edges make half-way) the discrete sums give 4/(N·sin(πk/N)), 0.03 % above 4/(πk) at k = 1 and
        // 0.3 % at k = 9; the samples are the source's exact values, so 1e-6 relative
        var r = run.Outcomes[0].Fourier[0];
        for (var k = 1; k < 10; k += 2)
        {
            var sampled = 4 / (200 * Math.Sin(Math.PI * k / 200));
            Assert.Equal(sampled, r.Magnitude[k], 1e-6 * sampled);
        }
    }

    [NgspiceFact]
    public void Four_PrintsWhatNgspicePrintsNow()
    {
        foreach (var deck in new[] { ClippedSine, SquareWave })
        {
            using var run = new ScriptRun(deck);
            var output = run.RunNgspice().ReplaceLineEndings("\n");
            var tables = System.Text.RegularExpressions.Regex.Matches(output, @"Fourier analysis for [^\n]*\n(?:[^\n]*\n){14}")
                .Select(m => m.Value).ToArray();

            Assert.Equal(string.Concat(tables.Select(t => t + "\n")), run.Terminal);
        }
    }

    [Fact]
    public void FourierCommand_AnalysesTheCurrentTransient()
    {
        using var run = new ScriptRun(ClippedSine.Replace(".four 1k v(a)", ".control\nset nfreqs=4\ntran 10u 5m\nfourier 1k v(a)\n.endc"));

        // ngspice: the same table's first four rows, nfreqs set in the script
        Assert.Contains("  No. Harmonics: 4, THD: 23.3235 %, Gridsize: 200, Interpolation Degree: 1\n", run.Terminal);
        Assert.Contains(" 3       3000        0.26025     -0.01891    0.215049    -0.02433   \n", run.Terminal);
    }

    [Fact]
    public void ShorterThanOnePeriod_IsReported()
    {
        var e = Assert.Throws<ControlEvaluationException>(() => FourierAnalysis.Analyze("v(a)", [0, 1e-4], [0, 1], 1e3));

        Assert.Equal("v(a): the transient (0.0001 s) is shorter than one period of 1000 Hz (0.001 s)", e.Message);
    }
}
