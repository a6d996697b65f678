using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>Netlists around one YAMM ring and a way to run them into memory.</summary>
internal static class AmmTestCircuits
{
    /// <summary>The paper's ring with a coarse grid and a short relaxation, so device tests stay fast.</summary>
    public const string FastModel = ".model pyfast AMM (ncell=64 relax1=5n relax2=5n relax3=10n)\n";

    /// <summary>A sinusoidal current drive i0·sin(2πft) into the ring y1 between node a and ground.</summary>
    public static string Driven(string instance, double i0, double f, double periods, double stepsPerPeriod = 100, string model = FastModel) =>
        $"""
        AMM test ring
        {model}
        I1 0 a SIN(0 {i0:R} {f:R})
        YAMM y1 a 0 pyfast {instance}
        .tran {1 / (f * stepsPerPeriod):R} {periods / f:R}
        .end
        """;

    /// <summary>Runs the netlist's analyses into memory; the single plot's recorded vectors, or the failure.</summary>
    public static PlotRecorder.RecordedPlot Run(string text, params string[] saves)
    {
        var withSaves = text.Replace(".end", $".save {string.Join(' ', saves)}\n.end");
        var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(withSaves, "amm-test.cir");
        var (outcomes, recorder) = new NetlistRunner(netlist).RunToMemory();
        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Failure is null, outcome.Failure?.Message);
        var plot = Assert.Single(recorder.Plots);
        Assert.True(plot.Count > 0, "the run recorded no points"); // checks over the points must not pass on none
        return plot;
    }

    /// <summary>The failure a netlist run ends with (null when it runs).</summary>
    public static Exception? Failure(string text)
    {
        var netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadText(text, "amm-test.cir");
        var (outcomes, _) = new NetlistRunner(netlist).RunToMemory();
        return outcomes.Select(o => o.Failure).FirstOrDefault(f => f is not null);
    }
}
