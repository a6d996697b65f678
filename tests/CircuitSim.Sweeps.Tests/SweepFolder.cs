using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Sweeps.Tests;

/// <summary>A netlist in a temporary folder, planned into a sweep directory there; deleted on dispose.</summary>
internal sealed class SweepFolder : IDisposable
{
    public SweepFolder(string netlist, PlanRequest? request = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "circuitsim-sweep-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Root);
        NetlistPath = Path.Combine(Root, "test.cir");
        File.WriteAllText(NetlistPath, netlist);
        Netlist = new NetlistReader().ReadFile(NetlistPath);
        Plan = SweepPlanner.Plan(Netlist, NetlistPath, request ?? new PlanRequest());
        Directory = new SweepDirectory(Path.Combine(Root, "sweep"));
        Directory.WritePlan(Plan);
    }

    public string Root { get; }
    public string NetlistPath { get; }
    public Netlist.Netlist Netlist { get; }
    public SweepPlan Plan { get; }
    public SweepDirectory Directory { get; }

    /// <summary>Runs the given points (all by default) on <paramref name="workers"/> threads, storing each result.</summary>
    public void Run(int workers = 2, IEnumerable<int>? points = null, string executor = "local")
    {
        var runner = new PointRunner(Netlist, Plan) { Executor = executor };
        var chosen = (points ?? Plan.Points.Select(p => p.Index)).Select(i => Plan.Points[i]).ToList();
        new LocalExecutor(workers).Execute(chosen, runner.Run, Directory.WriteResult);
    }

    public string Csv => File.ReadAllText(Path.Combine(Directory.Path, "results.csv"));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>An RC divider with per-instance and per-run draws, 12 Monte Carlo runs, and one measurement.</summary>
    public const string MonteCarlo = """
        divider Monte Carlo
        V1 in 0 DC 1
        R1 in out {agauss(1k, 50, 1)}
        R2 out 0 {agauss(1k, 50, 1)}
        .param rg = gauss(10k, 0.1, 1)
        R3 out 0 {rg}
        .dc V1 1 1 1
        .meas dc vout find v(out) at=1
        .meas dc gain param='vout/1'
        .step param run 1 12 1
        .end
        """;
}
