using System.Diagnostics;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Crossbars;

/// <summary>
/// Runs a crossbar's netlist and compares its column currents with the ideal G·V: the read of an <c>.op</c> design, or
/// the read phase at the end of a write-then-read transient. G is the conductance each device has in the simulation at
/// the read (its <c>@name[g]</c> vector) where the device reports one, so the error is what the array's wiring,
/// drivers, read-out and access transistors do, not how far programming got; plain resistors use their values.
/// </summary>
public static class VmmAnalysis
{
    /// <exception cref="CrossbarInputException">The design has no read (its rows carry the user's waveforms).</exception>
    /// <exception cref="InvalidOperationException">The simulation failed (the message says why).</exception>
    public static VmmResult Run(CrossbarDesign design, CancellationToken cancellation = default)
    {
        if (design.ReadVoltages is not { } v)
            throw new CrossbarInputException("this array's rows carry waveforms of their own: the VMM analysis needs a read (.op) or a write-then-read design");
        var withProbes = design.Device.ConductanceVector(design.DeviceName(1, 1)) is not null;
        var text = CrossbarNetlistWriter.Write(design with { SaveDeviceConductances = design.SaveDeviceConductances || withProbes });

        var clock = Stopwatch.StartNew();
        var netlist = new NetlistReader(design.Device.Devices).ReadText(text, "<crossbar>");
        var runner = new NetlistRunner(netlist) { Cancellation = cancellation };
        var (outcomes, recorder) = runner.RunToMemory();
        clock.Stop();
        if (outcomes.FirstOrDefault(o => o.Failure is not null) is { } failed)
            throw new InvalidOperationException($"the crossbar simulation failed: {failed.Failure!.Message}");
        var plot = recorder.Plots[0];
        var scale = plot.Scale;
        var at = design.ReadTime;
        // one look-up table for the (up to R·C) saved vectors, instead of a search per vector
        var offset = plot.Info.ScaleName is null ? 0 : 1;
        var column = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < plot.Info.VectorNames.Count; k++) column[plot.Info.VectorNames[k]] = k + offset;
        double Read(string vector)
        {
            var c = column[vector];
            if (scale.Length == 0) return plot.RealRows[0][c];
            if (at is not { } t) return plot.RealRows[^1][c];
            var k = Array.BinarySearch(scale, t);
            if (k >= 0) return plot.RealRows[k][c];
            k = ~k;
            if (k == 0) return plot.RealRows[0][c];
            if (k >= scale.Length) return plot.RealRows[^1][c];
            double y0 = plot.RealRows[k - 1][c], y1 = plot.RealRows[k][c];
            return y0 + (y1 - y0) * (t - scale[k - 1]) / (scale[k] - scale[k - 1]);
        }

        int rows = design.Rows, physical = design.PhysicalColumns;
        var g = new double[rows, physical];
        for (var i = 1; i <= rows; i++)
            for (var j = 1; j <= physical; j++)
                g[i - 1, j - 1] = withProbes ? Read(design.Device.ConductanceVector(design.DeviceName(i, j))!) : design.Conductances[i - 1, j - 1];

        var columns = new List<ColumnReading>();
        for (var j = 1; j <= physical; j++)
        {
            double ideal = 0, full = 0;
            for (var i = 0; i < rows; i++)
            {
                ideal += g[i, j - 1] * v[i];
                full += g[i, j - 1] * Math.Abs(v[i]);
            }
            columns.Add(new ColumnReading(j, Read(CrossbarNodes.ColumnCurrent(j)), ideal, full));
        }
        var layout = design.Layout;
        var logical = !layout.Differential
            ? columns
            : Enumerable.Range(1, layout.LogicalColumns).Select(j =>
            {
                var plus = columns[layout.Plus(j) - 1];
                var minus = columns[layout.Minus(j)!.Value - 1];
                return new ColumnReading(j, plus.Measured - minus.Measured, plus.Ideal - minus.Ideal, plus.Scale + minus.Scale);
            }).ToList();
        return new VmmResult
        {
            Physical = columns,
            Logical = logical,
            Conductances = g,
            ConductanceSource = withProbes ? "simulation" : "programmed",
            ReadVoltages = v,
            ReadTime = scale.Length == 0 ? null : at ?? scale[^1],
            SimulationSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
