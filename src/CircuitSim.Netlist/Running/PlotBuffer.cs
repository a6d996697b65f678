using System.Numerics;

namespace CircuitSim.Netlist.Running;

/// <summary>
/// Records what a run hands its observers (plots begun, points, plots ended) so that a run made on another thread can
/// be replayed later, in order, to the real observers: they then see exactly what a run on their own thread shows them.
/// </summary>
internal sealed class PlotBuffer : IRunObserver
{
    private readonly List<Action<IRunObserver>> _calls = new();

    public void BeginPlot(PlotInfo plot) => _calls.Add(o => o.BeginPlot(plot));

    public void Point(ReadOnlySpan<double> values)
    {
        var row = values.ToArray();
        _calls.Add(o => o.Point(row));
    }

    public void Point(double scale, ReadOnlySpan<Complex> values)
    {
        var row = values.ToArray();
        _calls.Add(o => o.Point(scale, row));
    }

    public void EndPlot(Exception? failure) => _calls.Add(o => o.EndPlot(failure));

    public void ReplayTo(IReadOnlyList<IRunObserver> observers)
    {
        foreach (var call in _calls)
            foreach (var o in observers) call(o);
    }
}
