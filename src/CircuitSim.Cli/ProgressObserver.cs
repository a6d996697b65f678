using System.Diagnostics;
using System.Numerics;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using Spectre.Console;

namespace CircuitSim.Cli;

/// <summary>
/// Shows a progress bar for transients that last longer than a moment (half a second): the fraction of tstop
/// reached. Nothing is shown for fast runs or when output is not interactive.
/// </summary>
internal sealed class ProgressObserver : IRunObserver
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(0.5);
    private readonly ProgressContext _context;
    private readonly Stopwatch _clock = new();
    private ProgressTask? _task;
    private TranSpec? _tran;
    private string _label = "";

    public ProgressObserver(ProgressContext context) => _context = context;

    public void BeginPlot(PlotInfo plot)
    {
        _tran = plot.Analysis as TranSpec;
        _label = plot.StepLabel is null ? plot.PlotName : $"{plot.PlotName} ({plot.StepLabel})";
        _task = null;
        _clock.Restart();
    }

    public void Point(ReadOnlySpan<double> values)
    {
        if (_tran is null || values.Length == 0) return;
        if (_task is null)
        {
            if (_clock.Elapsed < Delay) return;
            _task = _context.AddTask(Markup.Escape(_label), maxValue: 1000);
        }
        _task.Value = Math.Clamp(1000 * (values[0] - _tran.Start) / (_tran.Stop - _tran.Start), 0, 1000);
    }

    public void Point(double scale, ReadOnlySpan<Complex> values) { }

    public void EndPlot(Exception? failure)
    {
        if (_task is null) return;
        if (failure is null) _task.Value = 1000;
        _task.StopTask();
    }
}
