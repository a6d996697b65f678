using System.CommandLine;
using System.Globalization;
using CircuitSim.Core.Expressions;
using CircuitSim.Crossbars;
using CircuitSim.Crossbars.Devices;

namespace CircuitSim.Cli;

/// <summary>
/// The options of <c>circuitsim crossbar generate|analyze|sweep</c> and their translation into a
/// <see cref="CrossbarRequest"/>. Numbers take SPICE suffixes (10k, 50n); every bad value is a
/// <see cref="CrossbarInputException"/> (exit code 2).
/// </summary>
internal sealed class CrossbarOptions
{
    private readonly CellCatalog _cells;

    /// <param name="cells">The cross-point devices <c>--device</c> accepts.</param>
    public CrossbarOptions(CellCatalog cells)
    {
        _cells = cells;
        var names = cells.Canonical;
        Device = new("--device")
        {
            Description = $"Cross-point device: {string.Join(", ", names.Take(names.Count - 1))}{(names.Count > 1 ? " or " : "")}{names[^1]}.",
            DefaultValueFactory = _ => CellDeviceType.Resistor.Name,
        };
    }

    public Option<string?> Size { get; } = new("--size") { Description = "Array size ROWSxCOLS (e.g. 64x64); taken from the matrix when one is given." };
    public Option<string> Device { get; }
    public Option<string> Cell { get; } = new("--cell") { Description = "Cell structure: 1r, or 1t1r (an NMOS access transistor per cell, word lines per row).", DefaultValueFactory = _ => "1r" };
    public Option<FileInfo?> Weights { get; } = new("--weights") { Description = "Weight matrix CSV (rows x columns), mapped linearly onto [gmin, gmax]." };
    public Option<FileInfo?> ConductanceFile { get; } = new("--conductances") { Description = "Conductance matrix CSV in siemens (rows x physical columns), instead of weights." };
    public Option<bool> Differential { get; } = new("--differential") { Description = "Each weight is a pair of devices on two columns (I+ - I-), so weights may be negative." };
    public Option<string?> GMin { get; } = new("--gmin") { Description = "Lowest conductance of the mapping, S (default: the device's)." };
    public Option<string?> GMax { get; } = new("--gmax") { Description = "Highest conductance of the mapping, S (default: the device's)." };
    public Option<string> Variability { get; } = new("--variability") { Description = "Device-to-device spread: G x exp(sigma z), z ~ N(0,1).", DefaultValueFactory = _ => "0" };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the variability (reproducible).", DefaultValueFactory = _ => 1 };
    public Option<int> WeightSeed { get; } = new("--weight-seed") { Description = "Seed of the random weights used when no matrix is given.", DefaultValueFactory = _ => 1 };
    public Option<string?> Wire { get; } = new("--wire") { Description = "Wire resistance per segment of rows and columns, Ohm (default 1)." };
    public Option<string?> RowWire { get; } = new("--row-wire") { Description = "Row wire resistance per segment, Ohm (overrides --wire)." };
    public Option<string?> ColumnWire { get; } = new("--col-wire") { Description = "Column wire resistance per segment, Ohm (overrides --wire)." };
    public Option<string> Driver { get; } = new("--driver") { Description = "Row driver output resistance, Ohm.", DefaultValueFactory = _ => "0" };
    public Option<string> Sense { get; } = new("--sense") { Description = "Column sense resistance, Ohm; 0 = ideal transimpedance read-out (virtual ground).", DefaultValueFactory = _ => "0" };
    public Option<string?> Inputs { get; } = new("--inputs") { Description = "Row read voltages: a CSV file, or a list such as 0.1,0.2,0.3." };
    public Option<string> ReadVoltage { get; } = new("--vread") { Description = "Read voltage of every row when --inputs is not given, V.", DefaultValueFactory = _ => "0.2" };
    public Option<FileInfo?> RowWaveforms { get; } = new("--row-waveforms") { Description = "A SPICE source per row, one per line (e.g. SIN(0 1.2 1 0 0 45)), for a transient of your own." };
    public Option<string?> Tran { get; } = new("--tran") { Description = "The .tran arguments of a --row-waveforms transient, e.g. \"10m 3 0 10m uic\"." };
    public Option<bool> Write { get; } = new("--write") { Description = "Program the targets with write pulses (pulse count per level), then read." };
    public Option<string> WriteVoltage { get; } = new("--vwrite") { Description = "Write voltage across a selected cell, V.", DefaultValueFactory = _ => "1.2" };
    public Option<string> PulseWidth { get; } = new("--pulse-width") { Description = "Write pulse width, s.", DefaultValueFactory = _ => "10n" };
    public Option<string?> PulsePeriod { get; } = new("--pulse-period") { Description = "Write pulse period, s (default 4 x the width)." };
    public Option<int> Levels { get; } = new("--levels") { Description = "Write pulses for the full conductance range (the number of levels).", DefaultValueFactory = _ => 8 };
    public Option<string?> Edge { get; } = new("--edge") { Description = "Rise/fall time of write pulses, s (default width / 20)." };
    public Option<string?> ReadDuration { get; } = new("--read-duration") { Description = "Length of the read after a write, s (default 2 periods)." };
    public Option<FileInfo?> Library { get; } = new("--lib") { Description = "Model library file (with --section and --model) to use instead of the built-in card." };
    public Option<string?> Section { get; } = new("--section") { Description = "Section of the --lib file." };
    public Option<string?> Model { get; } = new("--model") { Description = "Model name defined by the --lib section." };
    public Option<string?> AccessWidth { get; } = new("--access-w") { Description = "1T1R access transistor width, m (default: the device's own, 1u unless it needs more current)." };
    public Option<string> AccessLength { get; } = new("--access-l") { Description = "1T1R access transistor length, m.", DefaultValueFactory = _ => "100n" };
    public Option<string> WordLineVoltage { get; } = new("--vwl") { Description = "1T1R word-line on voltage, V.", DefaultValueFactory = _ => "1.2" };
    public Option<bool> SaveStates { get; } = new("--save-states") { Description = "Also save every device's conductance vector (@dev[g])." };
    public Option<string?> Title { get; } = new("--title") { Description = "Netlist title." };

    public IEnumerable<Option> All => new Option[]
    {
        Size, Device, Cell, Weights, ConductanceFile, Differential, GMin, GMax, Variability, Seed, WeightSeed, Wire, RowWire, ColumnWire,
        Driver, Sense, Inputs, ReadVoltage, RowWaveforms, Tran, Write, WriteVoltage, PulseWidth, PulsePeriod, Levels, Edge, ReadDuration,
        Library, Section, Model, AccessWidth, AccessLength, WordLineVoltage, SaveStates, Title,
    };

    /// <exception cref="CrossbarInputException">An option has a bad value or the options do not fit together.</exception>
    public CrossbarRequest ToRequest(ParseResult p)
    {
        var (rows, cols) = ParseSize(p.GetValue(Size));
        var kind = _cells.Parse(p.GetValue(Device)!);
        var cell = p.GetValue(Cell)!.Trim().ToLowerInvariant() switch
        {
            "1r" => CellStructure.OneR,
            "1t1r" => CellStructure.OneTransistorOneR,
            var other => throw new CrossbarInputException($"unknown cell structure '{other}': use 1r or 1t1r"),
        };
        var wire = Number(p.GetValue(Wire), "--wire") ?? 1;
        var wires = new WireResistances(Number(p.GetValue(RowWire), "--row-wire") ?? wire, Number(p.GetValue(ColumnWire), "--col-wire") ?? wire,
            Number(p.GetValue(Driver), "--driver")!.Value);
        var write = p.GetValue(Write) ? Programming(p) : null;
        return new CrossbarRequest
        {
            Rows = rows,
            Columns = cols,
            Device = kind,
            Card = Card(p),
            Cell = cell,
            AccessWidth = Number(p.GetValue(AccessWidth), "--access-w"),
            AccessLength = Number(p.GetValue(AccessLength), "--access-l")!.Value,
            WordLineVoltage = Number(p.GetValue(WordLineVoltage), "--vwl")!.Value,
            Wires = wires,
            Readout = new Readout(Number(p.GetValue(Sense), "--sense")!.Value),
            Weights = p.GetValue(Weights) is { } w ? MatrixCsv.ReadMatrix(w.FullName) : null,
            Conductances = p.GetValue(ConductanceFile) is { } g ? MatrixCsv.ReadMatrix(g.FullName, "conductance matrix") : null,
            WeightSeed = p.GetValue(WeightSeed),
            Differential = p.GetValue(Differential),
            GMin = Number(p.GetValue(GMin), "--gmin"),
            GMax = Number(p.GetValue(GMax), "--gmax"),
            Variability = new DeviceVariability(Number(p.GetValue(Variability), "--variability")!.Value, p.GetValue(Seed)),
            Inputs = p.GetValue(Inputs) is { } inputs ? ReadInputs(inputs) : null,
            ReadVoltage = Number(p.GetValue(ReadVoltage), "--vread")!.Value,
            RowWaveforms = p.GetValue(RowWaveforms) is { } f ? ReadWaveforms(f) : null,
            Transient = p.GetValue(Tran),
            Write = write,
            Title = p.GetValue(Title),
            SaveDeviceConductances = p.GetValue(SaveStates),
        };
    }

    private PulseProgramming Programming(ParseResult p)
    {
        var width = Number(p.GetValue(PulseWidth), "--pulse-width")!.Value;
        var period = Number(p.GetValue(PulsePeriod), "--pulse-period") ?? 4 * width;
        return new PulseProgramming(Number(p.GetValue(WriteVoltage), "--vwrite")!.Value, width, period, p.GetValue(Levels),
            Number(p.GetValue(Edge), "--edge") ?? width / 20, Number(p.GetValue(ReadDuration), "--read-duration") ?? 2 * period);
    }

    private ModelCard? Card(ParseResult p)
    {
        var lib = p.GetValue(Library);
        var section = p.GetValue(Section);
        var model = p.GetValue(Model);
        if (lib is null && section is null && model is null) return null;
        if (lib is null || section is null || model is null)
            throw new CrossbarInputException("a model from a library needs all three of --lib FILE, --section NAME and --model NAME");
        return ModelCard.FromLibrary(lib.FullName, section, model, _cells.Devices);
    }

    private static (int?, int?) ParseSize(string? text)
    {
        if (text is null) return (null, null);
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && r >= 1 && c >= 1)
            return (r, c);
        throw new CrossbarInputException($"--size takes ROWSxCOLUMNS, e.g. 64x64 (got '{text}')");
    }

    private static double[] ReadInputs(string text) =>
        File.Exists(text) ? MatrixCsv.ReadVector(text) : MatrixCsv.ParseList(text, "--inputs");

    private static IReadOnlyList<string> ReadWaveforms(FileInfo file)
    {
        if (!file.Exists) throw new CrossbarInputException($"row waveform file not found: {file.FullName}");
        return File.ReadAllLines(file.FullName).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('*') && !l.StartsWith('#')).ToList();
    }

    /// <exception cref="CrossbarInputException">The text is not a number.</exception>
    public static double? Number(string? text, string option)
    {
        if (text is null) return null;
        if (EngineeringNumber.TryParse(text.Trim(), out var v) && double.IsFinite(v)) return v;
        throw new CrossbarInputException($"{option}: '{text}' is not a number");
    }
}
