using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Netlist.Tests.Support;

namespace CircuitSim.Netlist.Tests.References;

/// <summary>
/// Every netlist of the ngspice reference set (and the small benchmark instances) runs unchanged and matches
/// ngspice 39's waveform within the tolerance written in the netlist (*@tol, *@time_tol; the reasons for each value
/// are in tests/references/ngspice/README.md). A failure here is an engine regression.
/// </summary>
public class NgspiceReferenceTests
{
    public static IEnumerable<object[]> NgspiceCases => ReferenceCase.All("ngspice");
    public static IEnumerable<object[]> BenchCases => ReferenceCase.All("bench");
    public static IEnumerable<object[]> DigitsCases => ReferenceCase.All("ngspice-digits");
    public static IEnumerable<object[]> Bsim4Cases => ReferenceCase.All("ngspice-bsim4");

    [Theory]
    [MemberData(nameof(NgspiceCases))]
    public void ReferenceNetlist_MatchesNgspice(string name) => Check(ReferenceCase.Load("ngspice", name));

    [Theory]
    [MemberData(nameof(BenchCases))]
    public void BenchmarkInstance_MatchesNgspice(string name) => Check(ReferenceCase.Load("bench", name));

    /// <summary>The tight set (tests/references/ngspice-digits/README.md): constants and DC-sweep convergence.</summary>
    [Theory]
    [MemberData(nameof(DigitsCases))]
    public void ReferenceNetlist_MatchesNgspiceDigitForDigit(string name) => Check(ReferenceCase.Load("ngspice-digits", name));
    /// <summary>The BSIM4 4.8 set (45 nm-class cards inlined, everything else at BSIM4's defaults): DC output and
    /// transfer characteristics, a ring oscillator and a 1T1R write, within each netlist's *@tol.</summary>
    [Theory]
    [MemberData(nameof(Bsim4Cases))]
    public void Bsim4ReferenceNetlist_MatchesNgspice(string name) => Check(ReferenceCase.Load("ngspice-bsim4", name));

    private static void Check(ReferenceCase reference)
    {
        var netlist = new NetlistReader().ReadFile(reference.Netlist);
        var (outcomes, recorder) = new NetlistRunner(netlist).RunToMemory();
        Assert.Single(outcomes);
        Assert.Null(outcomes[0].Failure);
        var plot = recorder.Plots[0];
        var (header, columns) = reference.ReadCsv();
        var isOp = plot.Info.ScaleName is null;
        var refScale = isOp ? Array.Empty<double>() : columns[header[0]];
        var testScale = plot.Scale;
        var errors = reference.Outputs
            .Select(o => WaveformComparison.Compare(o, refScale, columns[o], testScale, plot[o], reference.TimeTolerance, isOp))
            .ToList();
        var worst = errors.MaxBy(e => e.Error)!;
        Assert.True(worst.Error <= reference.Tolerance,
            $"{reference.Name}: {worst.Name} err/range = {worst.Error:E3} at {worst.At:G6} exceeds {reference.Tolerance:G3}; all: " +
            string.Join(", ", errors.Select(e => $"{e.Name}={e.Error:E2}")));
    }
}
