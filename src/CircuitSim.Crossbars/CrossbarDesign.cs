using CircuitSim.Crossbars.Devices;

namespace CircuitSim.Crossbars;

/// <summary>Resistances of the array's wiring, Ω. A zero wire resistance joins the nodes along that wire (ideal wire);
/// a zero driver resistance puts the row source straight on the row.</summary>
/// <param name="RowSegment">Row wire between neighbouring cross-points.</param>
/// <param name="ColumnSegment">Column wire between neighbouring cross-points.</param>
/// <param name="Driver">Output resistance of each row driver.</param>
public sealed record WireResistances(double RowSegment, double ColumnSegment, double Driver)
{
    public static WireResistances Ideal { get; } = new(0, 0, 0);

    /// <exception cref="CrossbarInputException">A resistance is negative or not finite.</exception>
    public void Check()
    {
        foreach (var (name, value) in new[] { ("row wire", RowSegment), ("column wire", ColumnSegment), ("driver", Driver) })
            if (!(value >= 0 && double.IsFinite(value)))
                throw new CrossbarInputException($"the {name} resistance must be a finite number ≥ 0, not {value}");
    }
}

/// <summary>How each column is read: through a sense resistor to a 0 V ammeter, or (sense resistance 0) straight into
/// the virtual ground of an ideal transimpedance amplifier. Either way the column current is <c>i(vs&lt;j&gt;)</c>.</summary>
public sealed record Readout(double SenseResistance)
{
    public static Readout Transimpedance { get; } = new(0);

    public bool IsTransimpedance => SenseResistance == 0;
}

/// <summary>The NMOS access transistor of a 1T1R cell (MOS level 1) and the word-line voltage that turns it on.</summary>
public sealed record AccessTransistor(double Width, double Length, double WordLineVoltage)
{
    /// <summary>A generic 1.2 V level-1 NMOS (the card netlists/mtj_1t1r_write.cir used before the example moved to the
    /// BSIM4 cards of models/cmos45_bsim4.lib; generated crossbars keep it, see docs/bsim4.md).</summary>
    public const string ModelName = "nacc";

    public const string Card = """
        .model nacc NMOS (LEVEL=1 VTO=0.45 KP=280u GAMMA=0.4 PHI=0.8 LAMBDA=0.05 TOX=4n
        + CGSO=3e-10 CGDO=3e-10)
        """;
}

/// <summary>
/// Everything a crossbar netlist is made of: the device and its programmed conductances (rows × physical columns), the
/// cell structure, the wiring and read-out, the sources on rows, columns and word lines, and the analysis. Row i
/// (1-based) is driven at its column-1 end; column j is read at its row-R end; the device of row i, column j joins
/// the row wire at j to the column wire at i.
/// </summary>
public sealed record CrossbarDesign
{
    public required string Title { get; init; }
    public required CellDevice Device { get; init; }
    public CellStructure Cell { get; init; } = CellStructure.OneR;

    /// <summary>The access transistor of 1T1R cells.</summary>
    public AccessTransistor? Access { get; init; }

    public required WireResistances Wires { get; init; }
    public required Readout Readout { get; init; }
    public required ColumnLayout Layout { get; init; }

    /// <summary>Programmed low-bias conductance of every device, S (rows × physical columns).</summary>
    public required double[,] Conductances { get; init; }

    /// <summary>Seed of the device-to-device variability (per-instance seeds of devices that take one), or null.</summary>
    public int? VariabilitySeed { get; init; }

    /// <summary>The conductances asked for before variability and the device's own limits, S.</summary>
    public required double[,] TargetConductances { get; init; }

    /// <summary>The source of each row driver (a SPICE source specification: <c>DC 0.2</c>, <c>SIN(…)</c>, <c>PWL(…)</c>).</summary>
    public required IReadOnlyList<string> RowSources { get; init; }

    /// <summary>The source behind each column's read-out (null: all <c>DC 0</c>, pure ammeters).</summary>
    public IReadOnlyList<string>? ColumnSources { get; init; }

    /// <summary>The word-line sources of a 1T1R array (null: every word line at the access transistor's on voltage).</summary>
    public IReadOnlyList<string>? WordLineSources { get; init; }

    /// <summary>The analysis line (<c>.op</c>, or <c>.tran …</c>).</summary>
    public string Analysis { get; init; } = ".op";

    /// <summary>Row voltages of the read (the V of the ideal G·V); null when the rows carry waveforms of the user's.</summary>
    public required double[]? ReadVoltages { get; init; }

    /// <summary>The conductance range the weights were mapped onto, S.</summary>
    public (double Min, double Max) MappingRange { get; init; }

    /// <summary>The time at which a transient's column currents are the read (null: the last time point).</summary>
    public double? ReadTime { get; init; }

    /// <summary>Also save every device's conductance vector (what the analysis needs; heavy for big transients).</summary>
    public bool SaveDeviceConductances { get; init; }

    /// <summary>More vectors to save (e.g. a few device states).</summary>
    public IReadOnlyList<string> ExtraSaves { get; init; } = Array.Empty<string>();

    /// <summary>Comment lines for the header (how the weights were mapped, the seed, the write schedule).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    public int Rows => Conductances.GetLength(0);
    public int PhysicalColumns => Conductances.GetLength(1);

    public CrossbarNodes Nodes => new(this);

    /// <summary>Instance name of the device at (row, physical column), 1-based.</summary>
    public string DeviceName(int row, int column) => $"{Device.NamePrefix}{row}_{column}";

    public bool IsTransient => Analysis.TrimStart().StartsWith(".tran", StringComparison.OrdinalIgnoreCase);
}
