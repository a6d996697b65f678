using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;
using CircuitSim.Output.Tests.Support;

namespace CircuitSim.Netlist.Tests.Control;

/// <summary>Reads a netlist from text into a temporary folder and runs it as the CLI does (its .control script if
/// it has one), keeping what it printed, the recorded plots and the files it wrote.</summary>
internal sealed class ScriptRun : IDisposable
{
    private readonly StringWriter _terminal = new();

    public ScriptRun(string netlist, string name = "test.cir")
    {
        Folder = Path.Combine(Path.GetTempPath(), "circuitsim-control-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
        NetlistPath = Path.Combine(Folder, name);
        File.WriteAllText(NetlistPath, netlist);
        Netlist = new NetlistReader().ReadFile(NetlistPath);
        Runner = new NetlistRunner(Netlist) { Terminal = _terminal, OutputDirectory = Folder };
        Outcomes = Runner.Run(Recorder);
    }

    public string Folder { get; }
    public string NetlistPath { get; }
    public Netlist Netlist { get; }
    public NetlistRunner Runner { get; }
    public PlotRecorder Recorder { get; } = new();
    public List<PlotOutcome> Outcomes { get; }

    /// <summary>What the run printed, with '\n' line ends.</summary>
    public string Terminal => _terminal.ToString();

    /// <summary>The printed lines without the ones holding a date (the analysis-name line of a table).</summary>
    public string[] UndatedLines => Terminal.Split('\n').Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"\d\d:\d\d:\d\d  \d{4}$")).ToArray();

    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>Runs ngspice -b on the same netlist in the same folder (the caller skips when ngspice is absent).</summary>
    public string RunNgspice() => Ngspice.RunDeck(NetlistPath);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
