using CircuitSim.Netlist.Tests.Support;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// The BSIM4 reference netlists run unchanged through <c>circuitsim run</c>: the CSV the command writes matches
/// ngspice 39's CSV within the tolerance written in each netlist (*@tol, *@time_tol; tests/references/ngspice-bsim4).
/// </summary>
public class Bsim4ReferenceRunTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    public static IEnumerable<object[]> Cases => ReferenceCase.All("ngspice-bsim4");

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunCommandCsv_MatchesNgspice(string name)
    {
        var reference = ReferenceCase.Load("ngspice-bsim4", name);
        _cli.Write(name + ".cir", File.ReadAllText(reference.Netlist));

        Assert.Equal(0, _cli.Run(name + ".cir", format: "csv", quiet: true));

        var csv = Directory.GetFiles(_cli.OutputFolder, name + ".*.csv").Single();
        var (testHeader, testColumns) = ReferenceCase.ReadCsv(csv);
        var (refHeader, refColumns) = reference.ReadCsv();
        var refScale = refColumns[refHeader[0]];
        var testScale = testColumns[testHeader[0]];
        foreach (var output in reference.Outputs)
        {
            Assert.True(testColumns.ContainsKey(output), $"{name}: the CSV has no column '{output}' ({string.Join(", ", testHeader)})");
            var error = WaveformComparison.Compare(output, refScale, refColumns[output], testScale, testColumns[output],
                reference.TimeTolerance, operatingPoint: false);
            Assert.True(error.Error <= reference.Tolerance,
                $"{name}: {output} err/range = {error.Error:E3} at {error.At:G6} exceeds {reference.Tolerance:G3}");
        }
    }
}
