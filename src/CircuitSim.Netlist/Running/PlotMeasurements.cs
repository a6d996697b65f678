using System.Numerics;
using CircuitSim.Netlist.Measurements;

namespace CircuitSim.Netlist.Running;

/// <summary>Evaluates .meas lines on a recorded plot; global parameters resolve names used as levels or PARAM values.</summary>
public static class PlotMeasurements
{
    public static IReadOnlyList<MeasureOutcome> Evaluate(PlotRecorder.RecordedPlot plot, IReadOnlyList<MeasureLine> lines, Func<string, double>? parameters = null)
    {
        var table = Table(plot);
        return lines.Select(l =>
        {
            var r = MeasureEvaluator.Evaluate(l.Statement, table, parameters);
            return new MeasureOutcome(l.Name, plot.Info.StepLabel, r.Value, r.Failure);
        }).ToList();
    }

    /// <summary>The plot as a table of real vectors; an AC plot offers each phasor as magnitude (its own name) and as
    /// real and imaginary parts (vr(…)/vi(…), ir(…)/ii(…)), from which the evaluator derives vdb, vm and vp.</summary>
    internal static IWaveformTable Table(PlotRecorder.RecordedPlot plot)
    {
        var scaleName = plot.Info.ScaleName ?? "point";
        var table = new WaveformTable(scaleName, plot.Info.ScaleName is null ? new double[] { 0 } : plot.Scale);
        foreach (var name in plot.Info.VectorNames)
        {
            if (!plot.Info.IsComplex)
            {
                table.Add(name, plot[name]);
                continue;
            }
            var c = plot.ComplexVector(name);
            table.Add(name, c.Select(z => z.Magnitude).ToArray());
            var open = name.IndexOf('(');
            if (open <= 0) continue;
            var fn = name[..open];
            var args = name[open..];
            table.Add(fn + "r" + args, c.Select(z => z.Real).ToArray());
            table.Add(fn + "i" + args, c.Select(z => z.Imaginary).ToArray());
        }
        return table;
    }
}
