using CircuitSim.Netlist.Control;

namespace CircuitSim.Netlist.Running;

/// <summary>
/// What a finished plot prints on the terminal, as ngspice does in batch mode: the table of each .print line for its
/// analysis, and for a transient the Fourier table of each .four output (its results are also kept in the outcome).
/// </summary>
internal sealed class PlotReports
{
    private readonly Netlist _netlist;
    private readonly List<PrintRequest> _prints;
    private readonly List<FourierRequest> _fouriers;

    public PlotReports(Netlist netlist, AnalysisSpec analysis)
    {
        _netlist = netlist;
        _prints = netlist.Prints.Where(p => p.Analysis == analysis.Kind || (p.Analysis is null && analysis is not TfSpec)).ToList();
        _fouriers = analysis is TranSpec ? netlist.Fouriers : new List<FourierRequest>();
    }

    public bool Any => _prints.Count > 0 || _fouriers.Count > 0;

    /// <summary>The circuit vectors (v(…), i(…), @dev[…]) the reports read, so a narrowing .save cannot drop them.</summary>
    public IEnumerable<string> CircuitVectors =>
        _prints.SelectMany(p => p.Expressions).Concat(_fouriers.SelectMany(f => f.Expressions)).SelectMany(VectorReferences.Of);

    public void Write(PlotRecorder.RecordedPlot recorded, PlotOutcome outcome, TextWriter? terminal)
    {
        if (!Any || recorded.Count == 0) return;
        var plot = VectorPlot.FromRecording(recorded, recorded.Info.Analysis.Kind, DateTime.Now);
        VectorValue? Lookup(string name) => plot.TryGet(name, out var v) ? v : null;
        foreach (var print in _prints)
        {
            try
            {
                var columns = print.Expressions.Select(e => new VectorEvaluator(Lookup, e).Evaluate(VectorExpressionParser.Parse(e))).ToList();
                terminal?.Write(PrintFormat.Table(plot.Title, plot.TypeName, plot.Date, plot.Scale, columns, PrintFormat.DefaultDigits, PrintFormat.DefaultWidth));
            }
            catch (ControlEvaluationException e)
            {
                terminal?.Write(new NetlistDiagnostic(Severity.Warning, print.At, $".print: {e.Message} in the {plot.TypeName}").Format() + "\n");
            }
        }
        foreach (var four in _fouriers)
            foreach (var expression in four.Expressions)
            {
                try
                {
                    var value = new VectorEvaluator(Lookup, expression).Evaluate(VectorExpressionParser.Parse(expression));
                    var result = FourierAnalysis.Analyze(value.Name, plot.Scale!.Real, value.Real, four.Fundamental,
                        _netlist.FourierHarmonics, _netlist.FourierGridSize);
                    outcome.Fourier.Add(result);
                    terminal?.Write(FourierAnalysis.Format(result));
                }
                catch (ControlEvaluationException e)
                {
                    terminal?.Write(new NetlistDiagnostic(Severity.Warning, four.At, $".four: {e.Message}").Format() + "\n");
                }
            }
        terminal?.Flush();
    }
}

/// <summary>The circuit vectors an expression reads: v(a) and v(b) of v(a,b) or vdb(a,b), i(x), @dev[q].</summary>
internal static class VectorReferences
{
    public static IEnumerable<string> Of(string expression)
    {
        List<VectorNode> roots;
        try
        {
            roots = VectorExpressionParser.ParseList(expression);
        }
        catch (VectorSyntaxException)
        {
            yield break;
        }
        var pending = new Stack<VectorNode>(roots);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case AccessorNode { Function: "@" } a:
                    yield return $"@{a.Argument}[{a.Reference}]";
                    break;
                case AccessorNode a when a.Function[0] == 'v':
                    if (a.Argument is not ("0" or "gnd")) yield return $"v({a.Argument})";
                    if (a.Reference is not null and not ("0" or "gnd")) yield return $"v({a.Reference})";
                    break;
                case AccessorNode a:
                    yield return $"i({a.Argument})";
                    break;
                case CallNode c: pending.Push(c.Argument); break;
                case UnaryNode u: pending.Push(u.Operand); break;
                case BinaryNode b:
                    pending.Push(b.Left);
                    pending.Push(b.Right);
                    break;
                case IndexNode ix:
                    pending.Push(ix.Target);
                    pending.Push(ix.From);
                    if (ix.To is not null) pending.Push(ix.To);
                    break;
            }
        }
    }
}
