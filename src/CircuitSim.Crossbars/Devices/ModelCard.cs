using CircuitSim.Core.Circuits;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars.Devices;

/// <summary>
/// A device model for a generated netlist: the lines that define it (an inline <c>.model</c> card, or a <c>.lib</c>
/// reference to a library section) and the model object those lines define, read with the project's own netlist reader
/// so that the conductance mapping uses exactly the parameters the simulation will.
/// </summary>
public sealed class ModelCard
{
    private ModelCard(string name, Model model, DeviceRegistry devices, IReadOnlyList<string> inlineLines, string? libraryPath, string? section)
    {
        Devices = devices;
        Name = name;
        Model = model;
        InlineLines = inlineLines;
        LibraryPath = libraryPath;
        Section = section;
    }

    /// <summary>The model name the device lines use.</summary>
    public string Name { get; }

    public Model Model { get; }

    /// <summary>The device and model types the card was read with (they read the generated netlist too).</summary>
    public DeviceRegistry Devices { get; }

    /// <summary>Comment and <c>.model</c> lines written into the netlist (empty for a library reference).</summary>
    public IReadOnlyList<string> InlineLines { get; }

    /// <summary>Full path of the library file, for a <c>.lib</c> reference.</summary>
    public string? LibraryPath { get; }

    public string? Section { get; }

    /// <summary>The lines defining the model in a netlist written to <paramref name="netlistDirectory"/> (null: the
    /// library path stays absolute).</summary>
    public IEnumerable<string> Lines(string? netlistDirectory)
    {
        if (LibraryPath is null) return InlineLines;
        var path = netlistDirectory is null ? LibraryPath : Path.GetRelativePath(netlistDirectory, LibraryPath);
        return new[] { $".lib \"{path.Replace('\\', '/')}\" {Section}" };
    }

    /// <summary>An inline card (its text is a <c>.model</c> statement, possibly with <c>+</c> continuations).</summary>
    /// <param name="devices">The device types that read the card (a family's registrar passes the one it was given).</param>
    /// <exception cref="CrossbarInputException">The card does not define <paramref name="modelName"/>.</exception>
    public static ModelCard Inline(string modelName, string cardText, DeviceRegistry devices)
    {
        var model = Read(cardText, modelName, "<built-in card>", devices);
        return new ModelCard(modelName, model, devices, cardText.Replace("\r", "").Split('\n').Where(l => l.Length > 0).ToList(), null, null);
    }

    /// <summary>A model from a library section (<c>.lib "file" section</c>).</summary>
    /// <exception cref="CrossbarInputException">The file or section cannot be read or does not define the model.</exception>
    public static ModelCard FromLibrary(string libraryPath, string section, string modelName, DeviceRegistry devices)
    {
        var full = Path.GetFullPath(libraryPath);
        if (!File.Exists(full)) throw new CrossbarInputException($"model library not found: {libraryPath}");
        var model = Read($".lib \"{full}\" {section}", modelName, libraryPath, devices);
        return new ModelCard(modelName, model, devices, Array.Empty<string>(), full, section);
    }

    private static Model Read(string lines, string modelName, string origin, DeviceRegistry devices)
    {
        Netlist.Netlist netlist;
        try
        {
            netlist = new NetlistReader(devices).ReadText($"model card\n{lines}\n.end\n", "<model card>");
        }
        catch (NetlistException e)
        {
            throw new CrossbarInputException($"the model card from {origin} has errors:\n{e.Message}");
        }
        return netlist.Circuit.Models.FirstOrDefault(m => string.Equals(m.Name, modelName, StringComparison.OrdinalIgnoreCase))
               ?? throw new CrossbarInputException($"{origin} does not define a model named '{modelName}' " +
                                                   $"(it defines: {string.Join(", ", netlist.Circuit.Models.Select(m => m.Name).DefaultIfEmpty("none"))})");
    }
}
