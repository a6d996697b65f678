using CircuitSim.Crossbars.Tests.Support;
using CircuitSim.Netlist.Tests.Support;

namespace CircuitSim.Crossbars.Tests;

/// <summary>
/// Generated netlists against ngspice 39 on the same circuits (tests/references/bench: gen_bench.py's netlists and
/// ngspice's output), within the tolerances written in those netlists (*@tol, *@time_tol) and measured the way
/// compare_csv.py measures them.
/// </summary>
public sealed class NgspiceReferenceTests
{
    /// <summary>ngspice runs the memristors as behavioural sources and a state capacitor; ours are YMEMRISTOR elements
    /// with the same Biolek card. Reference tolerances: 1e-2 of each vector's range, with a 10 ms timing allowance.</summary>
    [Fact]
    public void BiolekCrossbar8_MatchesNgspiceWaveforms()
    {
        var reference = ReferenceCase.Load("bench", "memristor_crossbar_8");
        var (_, columns) = reference.ReadCsv();
        var plot = Simulate.Design(CrossbarBuilder.Build(GenBench.MemristorCrossbar(8)));
        var ours = new Dictionary<string, string>
        {
            ["v(d1)"] = "v(d1)", ["i(vs1)"] = "i(vs1)", ["i(vs8)"] = "i(vs8)", ["v(xm1_1.x)"] = "@m1_1[x]", ["v(xm8_8.x)"] = "@m8_8[x]",
        };
        Assert.Equal(reference.Outputs.OrderBy(o => o), ours.Keys.OrderBy(o => o));
        foreach (var (refName, ourName) in ours)
        {
            var e = WaveformComparison.Compare(refName, columns["time"], columns[refName], plot.Scale, plot[ourName], reference.TimeTolerance, operatingPoint: false);
            Assert.True(e.Error <= reference.Tolerance, $"{refName}: error {e.Error:G3} of the range at t = {e.At:G4} s (tolerance {reference.Tolerance:G2})");
        }
    }

    /// <summary>A linear .op: every saved vector within the reference's 1e-5 relative tolerance.</summary>
    [Fact]
    public void ResistiveCrossbar32_MatchesNgspiceOperatingPoint()
    {
        var reference = ReferenceCase.Load("bench", "resistor_crossbar_32");
        var (_, columns) = reference.ReadCsv();
        var plot = Simulate.Design(CrossbarBuilder.Build(GenBench.ResistorCrossbar(32)));
        foreach (var name in reference.Outputs)
        {
            var e = WaveformComparison.Compare(name, Array.Empty<double>(), columns[name], Array.Empty<double>(), plot[name], 0, operatingPoint: true);
            Assert.True(e.Error <= reference.Tolerance, $"{name}: relative error {e.Error:G3} (tolerance {reference.Tolerance:G2})");
        }
    }
}
