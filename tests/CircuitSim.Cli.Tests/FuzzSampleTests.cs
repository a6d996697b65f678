using CircuitSim.Tools.Fuzz;
using Xunit.Abstractions;

namespace CircuitSim.Cli.Tests;

/// <summary>
/// The CI slice of the standing fuzz campaign (tools/Fuzz, docs/robustness.md): a seeded sample of mutated netlists,
/// libraries and invocations run in process, from the ngspice reference netlists and the examples that run in under a
/// second (those that relax AMM rings or films take tens of seconds and are left to the full campaign). Each case's budget is three times
/// its seed's time plus 2 s; a case still computing at its budget is interrupted and must stop within 10 s.
/// </summary>
public sealed class FuzzSampleTests : IDisposable
{
    private const int CampaignSeed = 20251213;
    private const int Cases = 300;

    private readonly ITestOutputHelper _output;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "circuitsim-fuzz-ci-" + Guid.NewGuid().ToString("N")[..8]);

    public FuzzSampleTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void SeededSample_HasNoUnhandledExceptionCrashHangOrBrokenInvariant()
    {
        var corpus = Corpus.Load(RobustnessTests.RepositoryRoot());
        var runner = new InProcessRunner { GraceSeconds = 10 };
        var probe = new Mutator(corpus, CampaignSeed);
        var seedTimes = new Dictionary<Seed, double>();
        // a fixed seed set (timing decides only the budgets), so the sample is the same on every machine
        var seeds = corpus.Seeds.Where(s => s.Group == "ngspice" || FastExamples.Contains(s.Name)).ToList();
        foreach (var seed in seeds)
            seedTimes[seed] = runner.Run(probe.Unmutated(seed), Path.Combine(_work, "seed"), 5).Seconds;
        var mutator = new Mutator(corpus, CampaignSeed) { Seeds = seeds };

        var counts = Enum.GetValues<OutcomeClass>().ToDictionary(c => c, _ => 0);
        var defects = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var id = 0; id < Cases; id++)
        {
            var c = mutator.Make(id);
            var workspace = Path.Combine(_work, "case");
            if (Directory.Exists(workspace)) Directory.Delete(workspace, recursive: true);
            var o = runner.Run(c, workspace, 3 * (seedTimes.TryGetValue(c.Seed, out var t) ? t : CommandInputs.NominalSeconds) + 2);
            counts[o.Class]++;
            if (o.IsDefect) defects.Add($"{c.Describe()}: {o.Class}: {o.Detail}");
        }

        _output.WriteLine($"{Cases} cases from {seeds.Count} seeds (campaign seed {CampaignSeed}) in {clock.Elapsed.TotalSeconds:F0} s:");
        foreach (var (cls, n) in counts) _output.WriteLine($"  {cls,-20} {n}");
        foreach (var d in defects) _output.WriteLine(d);
        Assert.Equal(Cases, counts.Values.Sum());
        Assert.True(counts[OutcomeClass.Ran] > 0 && counts[OutcomeClass.CleanError] > 0, "the sample must both run and reject netlists");
        Assert.Empty(defects);
    }

    /// <summary>Examples that run in well under a second (the others relax AMM rings or films, or run long transients).</summary>
    private static readonly HashSet<string> FastExamples = new(StringComparer.Ordinal)
    {
        "netlists/biolek_sine", "netlists/dwmtj_dc_loop", "netlists/dwmtj_depinning", "netlists/memristor_crossbar_vmm",
        "netlists/mtj_1t1r_write", "netlists/mtj_switching",
    };
}
