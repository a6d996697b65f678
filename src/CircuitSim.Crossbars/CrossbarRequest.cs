using CircuitSim.Crossbars.Devices;

namespace CircuitSim.Crossbars;

/// <summary>
/// What a user asks for (the command line's options, or code): array size, device, cell, wiring, read-out, the weights
/// or conductances, the mapping, variability and the operation (read, a waveform transient, or write-then-read).
/// <see cref="CrossbarBuilder"/> turns it into a <see cref="CrossbarDesign"/>.
/// </summary>
public sealed class CrossbarRequest
{
    /// <summary>Rows; taken from the matrix when one is given (then a different value is an error).</summary>
    public int? Rows { get; init; }

    /// <summary>Logical columns (outputs); taken from the matrix when one is given.</summary>
    public int? Columns { get; init; }

    public CellDeviceType Device { get; init; } = CellDeviceType.Resistor;

    /// <summary>Replaces the device's built-in model card.</summary>
    public ModelCard? Card { get; init; }

    public CellStructure Cell { get; init; } = CellStructure.OneR;

    /// <summary>Access transistor width, m (default 1 µm; 50 µm for the low-resistance DW-MTJ).</summary>
    public double? AccessWidth { get; init; }

    public double AccessLength { get; init; } = 100e-9;
    public double WordLineVoltage { get; init; } = 1.2;

    public WireResistances Wires { get; init; } = new(1, 1, 0);
    public Readout Readout { get; init; } = Readout.Transimpedance;

    /// <summary>Weights (rows × logical columns), mapped onto [<see cref="GMin"/>, <see cref="GMax"/>].</summary>
    public double[,]? Weights { get; init; }

    /// <summary>Conductances given directly, S (rows × physical columns); replaces the weight mapping.</summary>
    public double[,]? Conductances { get; init; }

    /// <summary>Seed of the uniform random weights used when neither weights nor conductances are given.</summary>
    public int WeightSeed { get; init; } = 1;

    public bool Differential { get; init; }

    /// <summary>Mapping range, S (default: the device's low-bias range).</summary>
    public double? GMin { get; init; }

    public double? GMax { get; init; }

    public DeviceVariability Variability { get; init; } = DeviceVariability.None;

    /// <summary>Row read voltages (default: all <see cref="ReadVoltage"/>).</summary>
    public double[]? Inputs { get; init; }

    public double ReadVoltage { get; init; } = 0.2;

    /// <summary>A SPICE source per row for a transient of your own (with <see cref="Transient"/>).</summary>
    public IReadOnlyList<string>? RowWaveforms { get; init; }

    /// <summary>The <c>.tran</c> arguments of a waveform transient, e.g. <c>10m 3 0 10m uic</c>.</summary>
    public string? Transient { get; init; }

    /// <summary>Write the targets by pulses, then read (a transient).</summary>
    public PulseProgramming? Write { get; init; }

    public string? Title { get; init; }

    public bool SaveDeviceConductances { get; init; }

    public IReadOnlyList<string> ExtraSaves { get; init; } = Array.Empty<string>();
}
