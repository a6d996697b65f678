using System.Globalization;
using System.Text;
using CircuitSim.Core.Parallel;
using CircuitSim.Output;

namespace CircuitSim.Crossbars;

/// <summary>One point of an error sweep.</summary>
public sealed record SweepPoint(int Size, double WireResistance, double WorstRelativeError, double RmsRelativeError, double Seconds);

/// <summary>
/// VMM error against array size and wire resistance: for every N × N array and every wire-segment resistance r (rows and
/// columns alike), the same kind of request (device, weights from one seed, read voltage) is built, simulated and
/// compared with G·V. The ideal-wire point (r = 0) is exact; with r &gt; 0 the IR drop grows roughly as r·G·N².
/// </summary>
public sealed class VmmErrorSweep
{
    /// <param name="template">Everything but the size and the wires (its Rows, Columns, Weights and Conductances are
    /// ignored: each size gets random weights from the template's seed).</param>
    public VmmErrorSweep(CrossbarRequest template, IReadOnlyList<int> sizes, IReadOnlyList<double> wireResistances)
    {
        if (sizes.Count == 0 || sizes.Any(n => n < 1)) throw new CrossbarInputException("the sweep needs array sizes ≥ 1");
        if (wireResistances.Count == 0 || wireResistances.Any(r => !(r >= 0))) throw new CrossbarInputException("the sweep needs wire resistances ≥ 0");
        if (template.Weights is not null || template.Conductances is not null)
            throw new CrossbarInputException("a sweep draws its own random weights for each size: give no weight or conductance matrix");
        if (template.Write is not null || template.RowWaveforms is not null || template.Inputs is not null)
            throw new CrossbarInputException("a sweep reads with the same voltage on every row (--vread): give no write, waveforms or input vector");
        Template = template;
        Sizes = sizes;
        WireResistances = wireResistances;
    }

    public CrossbarRequest Template { get; }
    public IReadOnlyList<int> Sizes { get; }
    public IReadOnlyList<double> WireResistances { get; }

    /// <summary>Simulates every (size, wire) pair, on <paramref name="parallelism"/> threads; points and progress
    /// come in the order of the sizes, then the wires, whatever the number of threads.</summary>
    public List<SweepPoint> Run(Action<SweepPoint>? progress = null, CancellationToken cancellation = default, int parallelism = 1)
    {
        var cells = Sizes.SelectMany(n => WireResistances.Select(r => (n, r))).ToList();
        var points = new List<SweepPoint>();
        new OrderedParallel(parallelism).Run(cells.Count, k =>
            {
                var (n, r) = cells[k];
                var request = new CrossbarRequest
                {
                    Rows = n, Columns = n, Device = Template.Device, Card = Template.Card, Cell = Template.Cell,
                    AccessWidth = Template.AccessWidth, AccessLength = Template.AccessLength, WordLineVoltage = Template.WordLineVoltage,
                    Wires = Template.Wires with { RowSegment = r, ColumnSegment = r }, Readout = Template.Readout,
                    WeightSeed = Template.WeightSeed, Differential = Template.Differential, GMin = Template.GMin, GMax = Template.GMax,
                    Variability = Template.Variability, ReadVoltage = Template.ReadVoltage,
                };
                var result = VmmAnalysis.Run(CrossbarBuilder.Build(request), cancellation);
                return new SweepPoint(n, r, result.WorstRelativeError, result.RmsRelativeError, result.SimulationSeconds);
            },
            (_, p) =>
            {
                points.Add(p);
                progress?.Invoke(p);
            }, cancellation);
        return points;
    }

    public static string Markdown(IReadOnlyList<SweepPoint> points, string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {title}");
        sb.AppendLine();
        sb.AppendLine("Worst-case relative error of the output columns, (I − Σ G·V)/Σ G·|V| (RMS in parentheses), against array size N×N (rows) and wire-segment resistance (columns).");
        sb.AppendLine();
        var wires = points.Select(p => p.WireResistance).Distinct().ToList();
        sb.AppendLine("| N | " + string.Join(" | ", wires.Select(r => $"r = {EngineeringFormat.Format(r, "Ω")}")) + " |");
        sb.AppendLine("|---:|" + string.Concat(wires.Select(_ => "---:|")));
        foreach (var n in points.Select(p => p.Size).Distinct())
            sb.AppendLine($"| {n} | " + string.Join(" | ", wires.Select(r => points.First(p => p.Size == n && p.WireResistance == r))
                .Select(p => $"{VmmReport.Percent(p.WorstRelativeError)} ({VmmReport.Percent(p.RmsRelativeError)})")) + " |");
        return sb.ToString();
    }

    /// <summary>Worst-case error against N, one trace per wire resistance (log–log; the exact r = 0 trace has no
    /// point on a log axis and is left to the table).</summary>
    public static LineChart Chart(IReadOnlyList<SweepPoint> points, string title)
    {
        var chart = new LineChart { Title = title, XPadding = 0.05 };
        chart.XAxis.Title = "array size N (N×N)";
        chart.XAxis.Scale = AxisScale.Log;
        chart.XAxis.UseSiPrefixes = false;
        chart.YAxis.Title = "worst-case relative error";
        chart.YAxis.Scale = AxisScale.Log;
        chart.YAxis.UseSiPrefixes = false;
        foreach (var r in points.Select(p => p.WireResistance).Distinct().Where(r => r > 0))
        {
            var mine = points.Where(p => p.WireResistance == r && p.WorstRelativeError > 0).OrderBy(p => p.Size).ToList();
            var s = chart.Add($"wire {EngineeringFormat.Format(r, "Ω")}/segment", mine.Select(p => (double)p.Size).ToArray(),
                mine.Select(p => p.WorstRelativeError).ToArray());
            s.ShowMarkers = true;
        }
        return chart;
    }

    public static string Csv(IReadOnlyList<SweepPoint> points)
    {
        var sb = new StringBuilder("n,wire_ohm,worst_rel_error,rms_rel_error,seconds\n");
        foreach (var p in points)
            sb.AppendLine(string.Join(',', new[] { p.Size, p.WireResistance, p.WorstRelativeError, p.RmsRelativeError, p.Seconds }
                .Select(x => Convert.ToDouble(x, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture))));
        return sb.ToString();
    }
}
