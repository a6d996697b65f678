using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Tests.Support;

/// <summary>Runs a generated netlist in memory and hands back its first plot.</summary>
internal static class Simulate
{
    public static PlotRecorder.RecordedPlot Netlist(string text)
    {
        var netlist = new NetlistReader().ReadText(text, "<generated>");
        var (outcomes, recorder) = new NetlistRunner(netlist).RunToMemory();
        Assert.All(outcomes, o => Assert.Null(o.Failure));
        return recorder.Plots[0];
    }

    public static PlotRecorder.RecordedPlot Design(CrossbarDesign design) => Netlist(CrossbarNetlistWriter.Write(design));
}
