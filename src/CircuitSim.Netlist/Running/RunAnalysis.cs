using CircuitSim.Core.Circuits;
using CircuitSim.Output;

namespace CircuitSim.Netlist.Running;

/// <summary>Where a run's files go: the output directory and the base name of every file (the netlist's name).</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="BaseName">The netlist file's name without its extension.</param>
/// <param name="Charts">Whether charts were asked for (<c>--plot</c>).</param>
/// <param name="PlotFormat">The charts' file format(s) (<c>--plot-format</c>).</param>
public sealed record RunOutput(string Directory, string BaseName, bool Charts, PlotFormat PlotFormat = PlotFormat.Png);

/// <summary>
/// A device family's own analysis of a run (the AMM ring's loops, for instance): it sees every point like any
/// observer, then writes what it found once the run is over.
/// </summary>
public interface IRunAnalysis : IRunObserver
{
    /// <summary>Writes the analysis' files (charts, tables, summaries); called once, after the last plot.</summary>
    void Finish();

    /// <summary>The files written so far, full paths.</summary>
    IReadOnlyList<string> FilesWritten { get; }

    /// <summary>Lines for the console summary.</summary>
    IEnumerable<string> Lines { get; }
}

/// <summary>A device family that analyses runs of circuits holding its devices (see <see cref="IRunAnalysis"/>).</summary>
public interface IRunAnalysisFamily
{
    /// <summary>The analysis of a run of <paramref name="circuit"/>, or null when the circuit has none of the family's
    /// devices or <paramref name="output"/> asks for nothing the analysis writes.</summary>
    IRunAnalysis? CreateRunAnalysis(Circuit circuit, RunOutput output);
}
