using System.Collections.Concurrent;
using System.Globalization;
using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Tests.Support;
using CircuitSim.Netlist.Tests.Support;
using CircuitSim.Output;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// Every reference netlist (the public ngspice set, the benchmark instances, the tight "digits" set) and the two
/// crossbars of gen_bench.py, run through <c>circuitsim run</c> as a user runs them, match ngspice 39 in the files the
/// CLI writes: the CSV row for row (same scale points as ngspice's CSV, which is what a user diffs against), and the
/// raw file at its own time points. Tolerances are the ones written in each netlist (*@tol, *@time_tol), measured the
/// way compare_csv.py measures them; the in-memory path is checked by the netlist and crossbar test projects.
/// </summary>
public sealed class ReferenceOutputTests : IClassFixture<ReferenceOutputTests.Runs>
{
    private readonly Runs _runs;

    public ReferenceOutputTests(Runs runs) => _runs = runs;

    public static IEnumerable<object[]> Cases =>
        new[] { "ngspice", "bench", "ngspice-digits" }.SelectMany(set => ReferenceCase.All(set).Select(c => new[] { set, c[0] }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReferenceNetlist_CsvWrittenByTheCli_MatchesNgspicesCsvRowForRow(string set, string name)
    {
        var reference = ReferenceCase.Load(set, name);
        var folder = _runs.Output(set, name);
        CheckCsv(reference, ReadCsv(Directory.GetFiles(folder, name + ".*.csv").Single()), o => o);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReferenceNetlist_RawFileWrittenByTheCli_MatchesNgspice(string set, string name)
    {
        var reference = ReferenceCase.Load(set, name);
        CheckRaw(reference, RawFile.ReadFirst(Path.Combine(_runs.Output(set, name), name + ".raw")), o => o);
    }

    /// <summary>ngspice runs the memristors as behavioural sources with a state capacitor, ours are YMEMRISTOR
    /// elements with the same Biolek card; the state is probed as @m&lt;i&gt;_&lt;j&gt;[x].</summary>
    private static string MemristorName(string reference) => reference switch
    {
        "v(xm1_1.x)" => "@m1_1[x]",
        "v(xm8_8.x)" => "@m8_8[x]",
        _ => reference,
    };

    [Fact]
    public void BiolekCrossbar8_GeneratedAndRunThroughTheCli_MatchesNgspiceInTheCsv()
    {
        var folder = _runs.Crossbar("memristor_crossbar_8", GenBench.MemristorCrossbar(8));
        CheckCsv(ReferenceCase.Load("bench", "memristor_crossbar_8"), ReadCsv(Path.Combine(folder, "memristor_crossbar_8.tran.csv")), MemristorName);
    }

    [Fact]
    public void BiolekCrossbar8_GeneratedAndRunThroughTheCli_MatchesNgspiceInTheRawFile()
    {
        var folder = _runs.Crossbar("memristor_crossbar_8", GenBench.MemristorCrossbar(8));
        CheckRaw(ReferenceCase.Load("bench", "memristor_crossbar_8"), RawFile.ReadFirst(Path.Combine(folder, "memristor_crossbar_8.raw")), MemristorName);
    }

    [Fact]
    public void ResistiveCrossbar32_GeneratedAndRunThroughTheCli_MatchesNgspiceInTheCsv()
    {
        var folder = _runs.Crossbar("resistor_crossbar_32", GenBench.ResistorCrossbar(32));
        CheckCsv(ReferenceCase.Load("bench", "resistor_crossbar_32"), ReadCsv(Path.Combine(folder, "resistor_crossbar_32.op.csv")), o => o);
    }

    [Fact]
    public void ResistiveCrossbar32_GeneratedAndRunThroughTheCli_MatchesNgspiceInTheRawFile()
    {
        var folder = _runs.Crossbar("resistor_crossbar_32", GenBench.ResistorCrossbar(32));
        CheckRaw(ReferenceCase.Load("bench", "resistor_crossbar_32"), RawFile.ReadFirst(Path.Combine(folder, "resistor_crossbar_32.raw")), o => o);
    }

    /// <summary>The CSV has ngspice's rows: the same scale points (to rounding: ngspice accumulates the step, we
    /// compute start + k·step, and it prints 13 digits), then every output within the netlist's tolerance.</summary>
    private static void CheckCsv(ReferenceCase reference, Dictionary<string, double[]> csv, Func<string, string> ours)
    {
        var (header, columns) = reference.ReadCsv();
        var isOp = !IsScale(header[0]);
        var refScale = isOp ? Array.Empty<double>() : columns[header[0]];
        var testScale = isOp ? Array.Empty<double>() : csv[header[0]];
        if (isOp) Assert.Single(csv.Values.First());
        else
        {
            Assert.True(refScale.Length == testScale.Length,
                $"{reference.Name}: the CSV has {testScale.Length} rows, ngspice's {refScale.Length} (first scale values: ours {Head(testScale)}, ngspice {Head(refScale)})");
            var range = Math.Max(refScale.Max() - refScale.Min(), 1e-300);
            for (var k = 0; k < refScale.Length; k++)
                Assert.True(Math.Abs(testScale[k] - refScale[k]) <= 1e-9 * range, $"{reference.Name}: row {k} is at {testScale[k]:R}, ngspice's at {refScale[k]:R}");
        }
        Compare(reference, refScale, columns, testScale, o => csv.TryGetValue(ours(o), out var v) ? v : throw new Xunit.Sdk.XunitException(
            $"{reference.Name}: the CSV has no column '{ours(o)}' (it has {string.Join(", ", csv.Keys)})"), isOp);
    }

    private static void CheckRaw(ReferenceCase reference, WaveformSet raw, Func<string, string> ours)
    {
        var (header, columns) = reference.ReadCsv();
        var isOp = !IsScale(header[0]);
        var refScale = isOp ? Array.Empty<double>() : columns[header[0]];
        var testScale = isOp ? Array.Empty<double>() : raw.Scale!.Real!;
        Compare(reference, refScale, columns, testScale, o => raw[ours(o)].Real!, isOp);
    }

    private static void Compare(ReferenceCase reference, double[] refScale, Dictionary<string, double[]> columns, double[] testScale,
        Func<string, double[]> test, bool isOp)
    {
        var errors = reference.Outputs
            .Select(o => WaveformComparison.Compare(o, refScale, columns[o], testScale, test(o), reference.TimeTolerance, isOp))
            .ToList();
        var worst = errors.MaxBy(e => e.Error)!;
        Assert.True(worst.Error <= reference.Tolerance,
            $"{reference.Name}: {worst.Name} err/range = {worst.Error:E3} at {worst.At:G6} exceeds {reference.Tolerance:G3}; all: " +
            string.Join(", ", errors.Select(e => $"{e.Name}={e.Error:E2}")));
    }

    /// <summary>The reference CSV's first column is a scale for .tran (time) and .dc (the swept source), an output
    /// vector (v(…), i(…), @…) for .op.</summary>
    private static bool IsScale(string column) => !(column.Contains('(') || column.StartsWith('@'));

    private static string Head(double[] values) => string.Join(", ", values.Take(3).Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));

    /// <summary>The CSV as a user's script reads it: a header row and columns of numbers.</summary>
    private static Dictionary<string, double[]> ReadCsv(string path)
    {
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = rows[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var data = rows.Skip(1).Select(r => r.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => data.Select(r => r[x.i]).ToArray());
    }

    /// <summary>One CLI run per netlist, shared by the CSV and raw checks and removed after the class.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly ConcurrentDictionary<string, Lazy<CliRun>> _runs = new();

        public string Output(string set, string name) => Run($"{set}/{name}", name, () => File.ReadAllText(ReferenceCase.Load(set, name).Netlist));

        public string Crossbar(string name, CrossbarRequest request) =>
            Run("crossbar/" + name, name, () => CrossbarNetlistWriter.Write(CrossbarBuilder.Build(request)));

        private string Run(string key, string name, Func<string> netlist) => _runs.GetOrAdd(key, _ => new Lazy<CliRun>(() =>
        {
            var cli = new CliRun();
            cli.Write(name + ".cir", netlist());
            var code = cli.Run(name + ".cir", quiet: true);
            Assert.True(code == ExitCodes.Success, $"{key}: circuitsim run exited {code}: {cli.Stderr}");
            return cli;
        })).Value.OutputFolder;

        public void Dispose()
        {
            foreach (var run in _runs.Values.Where(r => r.IsValueCreated)) run.Value.Dispose();
        }
    }
}
