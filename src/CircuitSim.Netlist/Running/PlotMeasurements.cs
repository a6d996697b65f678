using System.Numerics;
using CircuitSim.Netlist.Measurements;

namespace CircuitSim.Netlist.Running;

/// <summary>Evaluates .meas lines on a recorded plot, in order: names used as levels, FROM/TO values or PARAM
/// expressions resolve to the results of the measures before them (as in ngspice) and to the netlist's parameters.</summary>
public static class PlotMeasurements
{
    /// <param name="parameters">Evaluates an expression (a PARAM= or a level) given the results so far (name → value,
    /// case-insensitive); null leaves such measures failed.</param>
    public static IReadOnlyList<MeasureOutcome> Evaluate(PlotRecorder.RecordedPlot plot, IReadOnlyList<MeasureLine> lines,
        Func<string, IReadOnlyDictionary<string, double>, double>? parameters = null)
    {
        var table = Table(plot);
        var results = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var outcomes = new List<MeasureOutcome>();
        foreach (var l in lines)
        {
            var r = MeasureEvaluator.Evaluate(l.Statement, table, parameters is null ? null : text => parameters(text, results));
            if (r.Value is { } v) results[l.Name] = v;
            outcomes.Add(new MeasureOutcome(l.Name, plot.Info.StepLabel, r.Value, r.Failure));
        }
        return outcomes;
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
