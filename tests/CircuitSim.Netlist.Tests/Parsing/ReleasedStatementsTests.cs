using CircuitSim.Netlist.Running;

namespace CircuitSim.Netlist.Tests.Parsing;

/// <summary>A netlist that let its statements go (a run of its own circuit alone) still runs that circuit, and refuses
/// to build another one with a message instead of building a wrong one.</summary>
public class ReleasedStatementsTests
{
    private const string Divider = "divider\nV1 in 0 2\nR1 in out 1k\nR2 out 0 1k\n.op\n";

    [Fact]
    public void ReleasedNetlist_RunsItsOwnCircuitAsBefore()
    {
        var kept = new NetlistRunner(Read.Text(Divider)).RunToMemory().Recorder.Plots.Single();
        var netlist = Read.Text(Divider);

        netlist.ReleaseStatements();
        var released = new NetlistRunner(netlist).RunToMemory().Recorder.Plots.Single();

        Assert.Equal(kept.Info.VectorNames, released.Info.VectorNames);
        Assert.Equal(kept.RealRows.Single(), released.RealRows.Single()); // same circuit, same bits
        Assert.Contains("v(out)", released.Info.VectorNames);
    }

    [Fact]
    public void ReleasedNetlist_StillGivesItsOwnAnalyses()
    {
        var netlist = Read.Text(Divider);

        netlist.ReleaseStatements();

        Assert.Same(netlist.Analyses, netlist.AnalysesWith(null));
    }

    [Fact]
    public void ReleasedNetlist_RefusesToBuildAnotherCircuit()
    {
        var netlist = Read.Text(Divider);

        netlist.ReleaseStatements();

        var e = Assert.Throws<InvalidOperationException>(() => netlist.Build(new Dictionary<string, double> { ["x"] = 1 }));
        Assert.Contains("released", e.Message);
        Assert.Throws<InvalidOperationException>(() => netlist.AnalysesWith(new Dictionary<string, double> { ["x"] = 1 }));
    }
}
