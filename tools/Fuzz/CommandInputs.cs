using System.Security.Cryptography;

namespace CircuitSim.Tools.Fuzz;

/// <summary>
/// Inputs of the commands other than <c>run</c>: a sweep directory whose <c>plan.json</c> is mutated (run with
/// <c>circuitsim sweep run-points</c>, then <c>merge</c>), and a micromagnetic problem file (<c>circuitsim magnet
/// run</c>) on a mesh small enough to finish in a fraction of a second. The text mutations are the netlist ones.
/// </summary>
public static class CommandInputs
{
    /// <summary>What the sweep and magnet cases are drawn from in tables (no netlist of the corpus).</summary>
    public static readonly Seed SweepSeed = new("command/sweep", "", "command");

    public static readonly Seed MagnetSeed = new("command/magnet", "", "command");

    /// <summary>The unmutated time assumed for their budgets, s (measured: well under a second each on a quiet core).</summary>
    public const double NominalSeconds = 3;

    /// <summary>A three-point .step sweep of an RC divider with one measurement.</summary>
    private const string SweepNetlist = "sweep seed\nV1 in 0 1\nR1 in out {r}\nR2 out 0 1k\n.param r=1k\n.step param r 1k 3k 1k\n.dc V1 1 1 1\n.meas dc vout find v(out) at=1\n.end\n";

    /// <summary>plan.json as <c>circuitsim sweep plan</c> writes it, for <paramref name="netlist"/> (hash filled in).</summary>
    private static string Plan(string netlistPath, string netlistHash) => $$"""
        {
          "format": "circuitsim-sweep-plan/1",
          "netlist": "{{netlistPath}}",
          "netlistSha256": "{{netlistHash}}",
          "seed": 1,
          "parameters": [ "r" ],
          "measures": [ "vout" ],
          "vectors": [ "v(out)" ],
          "limits": [ { "name": "vout", "min": 0.1, "max": 0.9 } ],
          "points": [
            { "index": 0, "run": null, "seed": 1, "temperature": null, "parameters": { "r": 1000 } },
            { "index": 1, "run": null, "seed": 1, "temperature": 27, "parameters": { "r": 2000 } },
            { "index": 2, "run": 5, "seed": 2, "temperature": null, "parameters": { "r": 3000 } }
          ]
        }
        """;

    /// <summary>A problem file of 8 × 8 cells: relax, a 50 ps run, every output kind.</summary>
    private const string Problem = """
        mesh:
          cells: [8, 8]
          size: [40 nm, 40 nm]
          thickness: 3 nm
        geometry:
          shape: disk
        material:
          Ms: 8e5
          A: 1.3e-11
          alpha: 0.5
          demag: true
        field:
          B: [10, 0, 0]
        current:
          J: [1e11, 0]
          P: 1
          xi: 0.05
        temperature: 0
        seed: 1
        initial:
          uniform: [1, 0.1, 0]
        stages:
          - relax: {torque: 100}
          - run: {time: 50 ps, sample: 10 ps, integrator: dp54, tolerance: 1e-5}
        outputs:
          table: m.csv
          images: [20 ps]
          ovf: [50 ps]
          final: true
        """;

    /// <summary>Fills <paramref name="c"/> as a sweep case; returns the text to mutate (the plan).</summary>
    public static void Sweep(FuzzCase c, Func<string, string> mutate)
    {
        c.Command = FuzzCommand.SweepRunPoints;
        c.Files["netlists/sweep.cir"] = FuzzCase.Utf8(SweepNetlist);
        var hash = Convert.ToHexStringLower(SHA256.HashData(FuzzCase.Utf8(SweepNetlist)));
        // the plan names the netlist by absolute path; the workspace placeholder is replaced when it is written
        c.Files["sweep/plan.json"] = FuzzCase.Utf8(mutate(Plan(FuzzCase.WorkspaceToken + "/netlists/sweep.cir", hash)));
        c.NetlistPath = "sweep";
        c.OutputArgument = "sweep";
        c.Mutations.Insert(0, "sweep plan");
    }

    private const int SignalDelayMs = 2500;

    /// <summary>The sweep netlist with a transient of about a second per point: a signalled case is then stopped
    /// mid-point (a signal at 0.1–1.6 s would otherwise find the three points done).</summary>
    private const string SlowSweepNetlist = "sweep seed\nV1 in 0 1\nR1 in out {r}\nR2 out 0 1k\nC1 out 0 1n\n.param r=1k\n.step param r 1k 3k 1k\n.dc V1 1 1 1\n.tran 1n 2m\n.meas dc vout find v(out) at=1\n.end\n";

    /// <summary>Makes a signalled sweep or magnet case long enough for the signal to find it running: the sweep's
    /// netlist gets a slow transient (the plan's hash follows it), the problem's 50 ps run becomes 100 ns, and the signal
    /// comes 2.5 s later than drawn (the runtime's start alone takes a second or more on a loaded machine, and a signal
    /// before the command listens only tests the runtime's default action). An even-numbered case drops its text
    /// mutations (most make the input invalid, ending it before any signal): it tests the interruption of a whole run.
    /// No random draw is added, so every other case of a campaign seed is unchanged.</summary>
    public static void Lengthen(FuzzCase c)
    {
        c.SignalAfterMs += SignalDelayMs;
        var whole = c.Id % 2 == 0;
        if (whole) c.Mutations.Add("text mutations dropped");
        if (c.Command == FuzzCommand.SweepRunPoints)
        {
            var oldHash = Convert.ToHexStringLower(SHA256.HashData(FuzzCase.Utf8(SweepNetlist)));
            var newHash = Convert.ToHexStringLower(SHA256.HashData(FuzzCase.Utf8(SlowSweepNetlist)));
            var plan = whole ? Plan(FuzzCase.WorkspaceToken + "/netlists/sweep.cir", oldHash) : System.Text.Encoding.UTF8.GetString(c.Files["sweep/plan.json"]);
            c.Files["netlists/sweep.cir"] = FuzzCase.Utf8(SlowSweepNetlist);
            c.Files["sweep/plan.json"] = FuzzCase.Utf8(plan.Replace(oldHash, newHash, StringComparison.Ordinal));
            c.Mutations.Add("slow points");
        }
        else if (c.Command == FuzzCommand.MagnetRun)
        {
            var problem = whole ? Problem : System.Text.Encoding.UTF8.GetString(c.Files["problem.yaml"]);
            c.Files["problem.yaml"] = FuzzCase.Utf8(problem.Replace("time: 50 ps", "time: 100 ns", StringComparison.Ordinal));
            c.Mutations.Add("100 ns run");
        }
    }

    /// <summary>Fills <paramref name="c"/> as a magnet problem case.</summary>
    public static void Magnet(FuzzCase c, Func<string, string> mutate)
    {
        c.Command = FuzzCommand.MagnetRun;
        c.Files["problem.yaml"] = FuzzCase.Utf8(mutate(Problem));
        c.NetlistPath = "problem.yaml";
        c.OutputArgument = "out";
        c.Mutations.Insert(0, "magnet problem");
    }
}
