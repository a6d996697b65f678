using CircuitSim.Crossbars.Devices;
using CircuitSim.Magnetics;

namespace CircuitSim.Crossbars;

/// <summary>Turns a <see cref="CrossbarRequest"/> into a <see cref="CrossbarDesign"/>: checks the sizes, maps the
/// weights, applies the variability and builds the sources of the chosen operation.</summary>
public static class CrossbarBuilder
{
    /// <exception cref="CrossbarInputException">The request is inconsistent (sizes, ranges, waveform counts, …).</exception>
    public static CrossbarDesign Build(CrossbarRequest r)
    {
        r.Wires.Check();
        if (!(r.Readout.SenseResistance >= 0 && double.IsFinite(r.Readout.SenseResistance)))
            throw new CrossbarInputException($"the sense resistance must be ≥ 0, not {r.Readout.SenseResistance}");
        if (r.Weights is not null && r.Conductances is not null)
            throw new CrossbarInputException("give either a weight matrix or a conductance matrix, not both");
        var device = r.Device.Create(r.Card);
        var (gMin, gMax) = Range(r, device);
        var mapping = new WeightMapping(gMin, gMax, r.Differential);
        var notes = new List<string>();

        double[,] target;
        ColumnLayout layout;
        if (r.Conductances is { } given)
        {
            var (rows, physical) = (given.GetLength(0), given.GetLength(1));
            if (r.Differential && physical % 2 != 0)
                throw new CrossbarInputException($"a differential conductance matrix needs an even number of columns (pairs), it has {physical}");
            layout = mapping.Layout(r.Differential ? physical / 2 : physical);
            CheckSize(r, rows, layout.LogicalColumns, "conductance matrix");
            foreach (var g in given)
                if (!(g > 0 && double.IsFinite(g))) throw new CrossbarInputException($"conductances must be positive and finite (found {g:G4} S)");
            target = (double[,])given.Clone();
            notes.Add("conductances given directly");
        }
        else
        {
            var weights = r.Weights ?? RandomWeights(r);
            CheckSize(r, weights.GetLength(0), weights.GetLength(1), "weight matrix");
            layout = mapping.Layout(weights.GetLength(1));
            (target, var scale) = mapping.Map(weights);
            notes.Add($"weights mapped linearly onto G = {SpiceText.Num(gMin, 5)} .. {SpiceText.Num(gMax, 5)} S " +
                      $"({(r.Differential ? "differential pairs" : "single-ended")}, |w|max = {SpiceText.Num(scale, 6)})" +
                      (r.Weights is null ? $"; uniform random weights, seed {r.WeightSeed}" : ""));
        }
        int nRows = target.GetLength(0), nPhysical = target.GetLength(1);

        double[,] programmed;
        if (r.Write is null)
        {
            programmed = r.Variability.Apply(target, device);
            if (r.Variability.Sigma > 0) notes.Add($"device-to-device variability: G x exp({SpiceText.Num(r.Variability.Sigma, 4)} z), z ~ N(0,1), seed {r.Variability.Seed}");
        }
        else
        {
            // a write starts every device at its lowest conductance
            programmed = new double[nRows, nPhysical];
            for (var i = 0; i < nRows; i++)
                for (var j = 0; j < nPhysical; j++) programmed[i, j] = device.Realize(device.DefaultRange.Min);
        }

        var inputs = r.Inputs ?? Enumerable.Repeat(r.ReadVoltage, nRows).ToArray();
        if (inputs.Length != nRows)
            throw new CrossbarInputException($"the input vector has {inputs.Length} value{(inputs.Length == 1 ? "" : "s")} but the array has {nRows} rows");

        var oneTransistor = r.Cell == CellStructure.OneTransistorOneR;
        var access = oneTransistor
            ? new AccessTransistor(r.AccessWidth ?? device.DefaultAccessWidth, r.AccessLength, r.WordLineVoltage)
            : null;

        IReadOnlyList<string> rowSources;
        IReadOnlyList<string>? columnSources = null, wordLines = null;
        var analysis = ".op";
        double? readTime = null;
        double[]? readVoltages = inputs;
        if (r.Write is { } write)
        {
            if (r.RowWaveforms is not null) throw new CrossbarInputException("a write operation makes its own row waveforms: give either a write or row waveforms");
            write.Check();
            var pulses = write.PulseCounts(target, gMin, gMax);
            rowSources = write.RowSources(nRows, inputs, oneTransistor);
            columnSources = write.ColumnSources(pulses, oneTransistor);
            if (oneTransistor) wordLines = write.WordLineSources(nRows, r.WordLineVoltage);
            analysis = write.Analysis(nRows);
            readTime = write.ReadTime(nRows);
            notes.Add($"write: {write.Levels} pulse levels of {SpiceText.Num(write.WriteVoltage, 4)} V, {SpiceText.Num(write.PulseWidth, 4)} s wide every " +
                      $"{SpiceText.Num(write.PulsePeriod, 4)} s, one row at a time ({(oneTransistor ? "word-line select, column inhibit" : "V/2 scheme")}); " +
                      $"read from {SpiceText.Num(write.ReadStart(nRows), 6)} s, taken at {SpiceText.Num(readTime.Value, 6)} s");
        }
        else if (r.RowWaveforms is { } waves)
        {
            if (waves.Count != nRows) throw new CrossbarInputException($"{waves.Count} row waveform{(waves.Count == 1 ? "" : "s")} given for {nRows} rows");
            if (string.IsNullOrWhiteSpace(r.Transient)) throw new CrossbarInputException("row waveforms need the .tran arguments (e.g. \"10m 3 0 10m uic\")");
            rowSources = waves;
            analysis = ".tran " + r.Transient.Trim();
            readVoltages = r.Inputs;
        }
        else
        {
            if (r.Transient is not null) throw new CrossbarInputException("a transient needs row waveforms (or a write)");
            rowSources = inputs.Select(v => "DC " + SpiceText.Num(v)).ToList();
        }

        return new CrossbarDesign
        {
            Title = r.Title ?? $"{nRows}x{layout.LogicalColumns} {(oneTransistor ? "1T1R" : "1R")} crossbar of {device.TypeName} cells" +
                (r.Write is not null ? ", write then read" : r.RowWaveforms is not null ? ", transient" : ", read (VMM)"),
            Device = device,
            Cell = r.Cell,
            Access = access,
            Wires = r.Wires,
            Readout = r.Readout,
            Layout = layout,
            Conductances = programmed,
            TargetConductances = target,
            VariabilitySeed = r.Variability.Sigma > 0 ? r.Variability.Seed : null,
            RowSources = rowSources,
            ColumnSources = columnSources,
            WordLineSources = wordLines,
            Analysis = analysis,
            ReadVoltages = readVoltages,
            ReadTime = readTime,
            MappingRange = (gMin, gMax),
            SaveDeviceConductances = r.SaveDeviceConductances,
            ExtraSaves = r.ExtraSaves,
            Notes = notes,
        };
    }

    private static (double, double) Range(CrossbarRequest r, CellDevice device)
    {
        var (lo, hi) = device.DefaultRange;
        var gMin = r.GMin ?? lo;
        var gMax = r.GMax ?? hi;
        if (device.HasBoundedRange && (gMin < lo * (1 - 1e-9) || gMax > hi * (1 + 1e-9)))
            throw new CrossbarInputException(
                $"the conductance range {gMin:G4} .. {gMax:G4} S is outside what a {device.TypeName} cell holds ({lo:G4} .. {hi:G4} S)");
        return (gMin, gMax);
    }

    private static void CheckSize(CrossbarRequest r, int rows, int columns, string what)
    {
        if (rows < 1 || columns < 1) throw new CrossbarInputException($"the {what} is empty");
        if ((r.Rows is { } R && R != rows) || (r.Columns is { } C && C != columns))
            throw new CrossbarInputException(
                $"the {what} is {rows}x{columns} but the array was asked to be {r.Rows?.ToString() ?? "?"}x{r.Columns?.ToString() ?? "?"}");
    }

    private static double[,] RandomWeights(CrossbarRequest r)
    {
        if (r.Rows is not { } rows || r.Columns is not { } cols)
            throw new CrossbarInputException("give the array size (rows and columns) or a weight matrix");
        if (rows < 1 || cols < 1) throw new CrossbarInputException($"the array size must be at least 1x1, not {rows}x{cols}");
        var rng = new Xoshiro256StarStar((ulong)(uint)r.WeightSeed);
        var w = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                w[i, j] = r.Differential ? 2 * rng.NextDouble() - 1 : rng.NextDouble();
        return w;
    }
}
