using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using CircuitSim.Core.Expressions;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;

namespace CircuitSim.Sweeps;

/// <summary>
/// Runs single points of a plan: builds the point's circuit (its parameters, run index and seed), runs every analysis,
/// evaluates the .meas lines (PARAM expressions may use earlier measurements and the point's parameters) and keeps the
/// chosen vectors. A failed simulation is a result (status failed, with the message), not an exception. Thread-safe:
/// each point builds its own circuit.
/// </summary>
public sealed class PointRunner
{
    private readonly Netlist.Netlist _netlist;
    private readonly SweepPlan _plan;

    public PointRunner(Netlist.Netlist netlist, SweepPlan plan)
    {
        _netlist = netlist;
        _plan = plan;
    }

    /// <summary>Written into each result: where it ran.</summary>
    public string Executor { get; init; } = "local";

    /// <summary>Stops the point being computed (SIGINT/SIGTERM): its result then has the status
    /// <see cref="PointStatus.Interrupted"/> and must not be stored.</summary>
    public CancellationToken Cancellation { get; init; }

    public PointResult Run(SweepPoint point)
    {
        var clock = Stopwatch.StartNew();
        var measures = _plan.Measures.ToDictionary(m => m, _ => (double?)null, StringComparer.OrdinalIgnoreCase);
        var vectors = new VectorCapture(_plan.Vectors);
        var problems = new List<string>();
        string status = PointStatus.Ok;
        try
        {
            // .meas PARAM expressions see the point's parameters and the measurements before them (NetlistRunner's rule)
            var runner = new NetlistRunner(_netlist) { Cancellation = Cancellation };
            // always a fresh circuit (an empty override still builds one), never the netlist's shared instance
            var overrides = new Dictionary<string, double>(point.Parameters, StringComparer.OrdinalIgnoreCase);
            var outcomes = runner.RunPoint(overrides, point.Temperature, Label(point), point.Seed, vectors);
            if (Cancellation.IsCancellationRequested && (outcomes.Count < _netlist.Analyses.Count || outcomes.Any(o => o.Failure is OperationCanceledException)))
                return new PointResult
                {
                    Index = point.Index, Status = PointStatus.Interrupted, Error = "interrupted before the point ended",
                    Measures = measures, Vectors = new Dictionary<string, double?>(), WallSeconds = clock.Elapsed.TotalSeconds,
                    Host = Environment.MachineName, Executor = Executor,
                };
            foreach (var o in outcomes)
            {
                if (o.Failure is not null)
                {
                    status = PointStatus.Failed;
                    problems.Add($"{o.Info.PlotName}: {o.Failure.Message}");
                }
                foreach (var m in o.Measures)
                {
                    measures[m.Name] = m.Value;
                    if (m.Value is null) problems.Add($"{m.Name}: {m.Failure}");
                }
            }
            foreach (var name in _plan.Vectors.Where(v => !vectors.Values.ContainsKey(v)))
                problems.Add($"{name}: no such vector in the results (name it on a .save line)");
        }
        catch (NetlistException e)
        {
            status = PointStatus.Failed;
            problems.Add(string.Join("; ", e.Errors.Select(d => d.Message)));
        }
        catch (Exception e) when (e is ArgumentException or Core.Simulations.CircuitException or Core.Simulations.SimulationException)
        {
            status = PointStatus.Failed;
            problems.Add(e.Message);
        }
        return new PointResult
        {
            Index = point.Index,
            Status = status,
            Error = problems.Count == 0 ? null : string.Join("; ", problems),
            Measures = measures,
            Vectors = _plan.Vectors.ToDictionary(v => v, v => vectors.Values.TryGetValue(v, out var x) ? x : (double?)null),
            WallSeconds = clock.Elapsed.TotalSeconds,
            Host = Environment.MachineName,
            Executor = Executor,
        };
    }

    private static string Label(SweepPoint p) =>
        string.Join(" ", p.Parameters.Select(kv => $"{kv.Key}={kv.Value.ToString("G6", CultureInfo.InvariantCulture)}")
            .Concat(p.Temperature is { } t ? new[] { $"temp={t.ToString("G6", CultureInfo.InvariantCulture)}" } : Array.Empty<string>()));

    /// <summary>Keeps the last value of each chosen vector (the first plot that has it wins).</summary>
    private sealed class VectorCapture(IReadOnlyList<string> names) : IRunObserver
    {
        public Dictionary<string, double> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Name, int Column)> _columns = new();
        private int _offset;

        public void BeginPlot(PlotInfo plot)
        {
            _columns.Clear();
            _offset = plot.ScaleName is null ? 0 : 1;
            foreach (var name in names)
            {
                if (Values.ContainsKey(name)) continue;
                var i = plot.VectorNames.ToList().FindIndex(v => v.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (i >= 0) _columns.Add((name, i));
            }
        }

        public void Point(ReadOnlySpan<double> values)
        {
            foreach (var (name, column) in _columns) _last[name] = values[column + _offset];
        }

        public void Point(double scale, ReadOnlySpan<Complex> values)
        {
            foreach (var (name, column) in _columns) _last[name] = values[column].Magnitude;
        }

        private readonly Dictionary<string, double> _last = new(StringComparer.OrdinalIgnoreCase);

        public void EndPlot(Exception? failure)
        {
            foreach (var (name, value) in _last) Values.TryAdd(name, value);
            _last.Clear();
        }
    }
}
