using System.Globalization;
using CircuitSim.Output;

namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>
/// One YAMM device across the runs of a .step: the Lissajous area against the stepped parameter, as a chart
/// (<c>base.dev.sweep.png</c> and/or <c>.svg</c>) and a table (<c>base.dev.sweep.csv</c>, one row per step value in increasing order).
/// The area is that of dρ/dt–j when the runs saved <c>@dev[j]</c> and <c>@dev[drhodt]</c>, else that of I–ΔV.
/// </summary>
internal sealed class AmmSweepOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="device">Device name.</param>
    /// <param name="runs">Its summaries; those without a numeric step value are ignored.</param>
    public AmmSweepOutput(string device, IEnumerable<AmmLoopSummary> runs)
    {
        Device = device;
        Runs = runs.Where(s => s.StepValue.HasValue).OrderBy(s => s.StepValue!.Value).ToList();
        Parameter = Runs.Count > 0 ? Runs[0].StepParameter! : "step";
        UsesRateArea = Runs.Count > 0 && Runs.All(s => double.IsFinite(s.RateArea));
    }

    public string Device { get; }

    /// <summary>The stepped runs in increasing order of the parameter.</summary>
    public IReadOnlyList<AmmLoopSummary> Runs { get; }

    /// <summary>Name of the stepped parameter.</summary>
    public string Parameter { get; }

    /// <summary>True when the area is the dρ/dt–j one (every run saved j and dρ/dt).</summary>
    public bool UsesRateArea { get; }

    /// <summary>A sweep needs two step values at least.</summary>
    public bool IsSweep => Runs.Count >= 2;

    /// <summary>True when the stepped parameter is the drive frequency (it matches the frequency found in the current).</summary>
    public bool IsFrequency => Runs.All(s => Math.Abs(s.Frequency - s.StepValue!.Value) <= 1e-3 * Math.Abs(s.StepValue.Value));

    public double[] Values => Runs.Select(s => s.StepValue!.Value).ToArray();

    public double[] Areas => Runs.Select(s => UsesRateArea ? s.RateArea : s.CurrentVoltageArea).ToArray();

    /// <summary>The area against the parameter; either axis logarithmic when its data span a decade or more.</summary>
    public LineChart Chart(string baseName)
    {
        double[] x = Values, y = Areas;
        var chart = new LineChart { Title = $"{baseName}: {Device} Lissajous area against {Parameter}", XPadding = 0.03, ShowLegend = false };
        chart.XAxis.Title = Parameter;
        if (IsFrequency) chart.XAxis.Unit = "Hz";
        chart.XAxis.Scale = SpansDecade(x) ? AxisScale.Log : AxisScale.Linear;
        chart.YAxis.Title = UsesRateArea ? "Lissajous area dρ/dt–j" : "I–ΔV loop area";
        chart.YAxis.Unit = UsesRateArea ? "Ω·A/(m·s)" : "W";
        chart.YAxis.Scale = SpansDecade(y) ? AxisScale.Log : AxisScale.Linear;
        chart.Add("area", x, y).ShowMarkers = true;
        return chart;
    }

    /// <summary>The table: parameter, frequency, both areas, ΔV amplitude, R swing, ⟨R⟩, pinch ratio, steadiness.</summary>
    public IEnumerable<string> CsvLines()
    {
        yield return $"{Parameter},frequency_Hz,lissajous_area_ohm_A_per_m_s,idv_area_W,dv_amplitude_V,r_swing_ohm,mean_r_ohm,pinch_ratio,steady";
        foreach (var s in Runs)
            yield return string.Join(',', F(s.StepValue!.Value), F(s.Frequency), F(s.RateArea), F(s.CurrentVoltageArea), F(s.DeltaVAmplitude),
                F(s.ResistanceSwing), F(s.MeanResistance), F(s.PinchRatio), s.Steady ? "true" : "false");
    }

    /// <summary>Writes the chart (<c>base.dev.sweep.png</c> and/or <c>.svg</c>) and <c>base.dev.sweep.csv</c> into the
    /// directory; returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory, string baseName, string fileStem, PlotFormat format = PlotFormat.Png)
    {
        var files = Chart(baseName).Save(Path.Combine(directory, fileStem + ".sweep"), format).ToList();
        var csv = Path.Combine(directory, fileStem + ".sweep.csv");
        AtomicFile.WriteAllLines(csv, CsvLines());
        files.Add(csv);
        return files;
    }

    private static bool SpansDecade(double[] v) => v.Length > 0 && v.All(a => a > 0 && double.IsFinite(a)) && v.Max() / v.Min() >= 10;

    private static string F(double x) => x.ToString("R", Inv);
}
