using CircuitSim.Netlist.Semantics;
using Spectre.Console;

namespace CircuitSim.Cli.Tests;

/// <summary>Runs <c>circuitsim run</c> in process on a netlist written to a temporary folder, capturing both consoles.</summary>
internal sealed class CliRun : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public CliRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "circuitsim-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }
    public string OutputFolder => Path.Combine(Folder, "out");
    public string Stdout => _out.ToString();
    public string Stderr => _err.ToString();
    public TextWriter ErrorWriter => _err;

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public int Run(string netlistName, string format = "both", bool plot = false, bool quiet = false, bool stats = false,
        int jobs = 1, string? outputFolder = null, bool ascii = false, string plotFormat = "png", IReadOnlyList<IDeviceFamily>? families = null) =>
        RunCommand.Execute(new FileInfo(Path.Combine(Folder, netlistName)), outputFolder ?? OutputFolder, format, plot, quiet, ascii,
            Console(_out), Console(_err), stats, jobs, CircuitSim.Output.PlotFormats.Parse(plotFormat), families: families);

    /// <param name="plotIndex">1-based; 0 lets the command choose, as when --plot-index is not given.</param>
    public int Plot(string input, string[] vectors, string? xy, string? output, int plotIndex = 1, string plotFormat = "png") =>
        PlotCommand.Execute(new FileInfo(input), vectors, xy, output, title: null, plotIndex, Console(_out), Console(_err), CircuitSim.Output.PlotFormats.Parse(plotFormat));

    public string Output(string fileName) => Path.Combine(OutputFolder, fileName);

    /// <summary>Plain text, no wrapping: the tests look for whole sentences.</summary>
    internal static IAnsiConsole Console(TextWriter writer) => CircuitSim.Tools.Fuzz.PlainConsole.Create(writer);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
