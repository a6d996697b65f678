using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Tests.Support;

/// <summary>Runs a generated netlist in memory and hands back its first plot.</summary>
internal static class Simulate
{
    public static PlotRecorder.RecordedPlot Netlist(string text)
    {
        var netlist = new NetlistReader(Cells.Devices).ReadText(text, "<generated>");
        var (outcomes, recorder) = new NetlistRunner(netlist).RunToMemory();
        Assert.NotEmpty(outcomes); // checks over the plot's points must not pass on none
        Assert.All(outcomes, o => Assert.Null(o.Failure));
        var plot = recorder.Plots[0];
        Assert.True(plot.Count > 0, "the run recorded no points");
        return plot;
    }

    public static PlotRecorder.RecordedPlot Design(CrossbarDesign design) => Netlist(CrossbarNetlistWriter.Write(design));
}
