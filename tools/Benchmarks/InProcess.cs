using System.Diagnostics;
using CircuitSim.Core.Circuits;
using CircuitSim.Core.Simulations;
using CircuitSim.Netlist;
using CircuitSim.Netlist.Running;
using CircuitSim.Netlist.Semantics;

namespace CircuitSim.Tools.Benchmarks;

/// <summary>The counters and timers of one or more simulations (summed), copied out of
/// <see cref="SimulationStatistics"/>, in seconds.</summary>
internal sealed record StatsSnapshot(
    long NewtonIterations, long AcceptedSteps, long RejectedSteps, long TimePoints, long Factorizations, long Repivots,
    double Load, double Factor, double Solve, double Truncation, double Accept, double DeviceSolver, double Run)
{
    public static readonly StatsSnapshot Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static StatsSnapshot From(SimulationStatistics s) => new(
        s.NewtonIterations, s.AcceptedSteps, s.RejectedSteps, s.TimePoints, s.Factorizations, s.Repivots,
        s.LoadSeconds, s.FactorSeconds, s.SolveSeconds, s.TruncationSeconds, s.AcceptSeconds, s.DeviceSolverSeconds, s.TotalSeconds);

    public StatsSnapshot Plus(StatsSnapshot o) => new(
        NewtonIterations + o.NewtonIterations, AcceptedSteps + o.AcceptedSteps, RejectedSteps + o.RejectedSteps,
        TimePoints + o.TimePoints, Factorizations + o.Factorizations, Repivots + o.Repivots,
        Load + o.Load, Factor + o.Factor, Solve + o.Solve, Truncation + o.Truncation, Accept + o.Accept,
        DeviceSolver + o.DeviceSolver, Run + o.Run);
}

/// <summary>One measured repetition of CircuitSim.</summary>
/// <param name="Seconds">Wall time of everything after reading the netlist: creating the simulation(s), setting up,
/// running to the end and reading the saved probes at every point.</param>
/// <param name="SetupSeconds">Of which creating and setting up the simulation(s) (behaviours, MNA pattern, solver).</param>
/// <param name="CpuSeconds">User CPU time of the process over the same span (what ngspice's accounting measures).</param>
internal sealed record OurRun(double Seconds, double CpuSeconds, double SetupSeconds, StatsSnapshot Stats, int Unknowns, int Points,
    Waveforms? Data, string? Failure, bool TimedOut)
{
    public bool Ok => Failure is null && !TimedOut;
}

/// <summary>
/// A netlist read once, then simulated in-process as often as wanted: each repetition builds a fresh simulation with
/// <see cref="NetlistRunner.CreateSimulation"/> and runs it to the end, reading the saved vectors at every point as
/// the simulator's own output loop does (the vectors of .save, or every node voltage and branch current).
/// </summary>
internal sealed class InProcessCase
{
    private readonly Netlist.Netlist _netlist;
    private readonly NetlistRunner _runner;
    private readonly AnalysisSpec _analysis;

    /// <exception cref="NetlistException">The netlist has errors.</exception>
    /// <exception cref="NotSupportedException">The netlist has no or several analyses, or a .step.</exception>
    public InProcessCase(string path)
    {
        var clock = Stopwatch.StartNew();
        _netlist = new NetlistReader(CircuitSim.Spintronics.SpintronicFamilies.Registry()).ReadFile(path);
        ReadSeconds = clock.Elapsed.TotalSeconds;
        if (_netlist.Analyses.Count != 1) throw new NotSupportedException($"{path}: expected one analysis, found {_netlist.Analyses.Count}");
        if (_netlist.Step is not null) throw new NotSupportedException($"{path}: .step is not supported by the harness");
        _analysis = _netlist.Analyses[0];
        _runner = new NetlistRunner(_netlist);
    }

    /// <summary>Seconds it took to read (parse, expand, check) the netlist — not part of any repetition.</summary>
    public double ReadSeconds { get; }

    public bool IsTransient => _analysis is TranSpec;

    /// <summary>Runs the analysis <paramref name="repeat"/> times with fresh simulations (statistics summed); keeps the
    /// waveforms of the last one when <paramref name="keepData"/>. A transient past <paramref name="timeoutSeconds"/>
    /// is stopped between time points.</summary>
    public OurRun Run(int repeat, bool keepData, double timeoutSeconds)
    {
        var cpu0 = CpuClock.UserSeconds();
        var clock = Stopwatch.StartNew();
        var setupTicks = 0L;
        var stats = StatsSnapshot.Zero;
        var unknowns = 0;
        var points = 0;
        Waveforms? data = null;
        for (var r = 0; r < repeat; r++)
        {
            var t0 = Stopwatch.GetTimestamp();
            Simulation sim;
            try
            {
                sim = _runner.CreateSimulation(_netlist.Circuit, _analysis);
                sim.Setup();
            }
            catch (CircuitException e)
            {
                return new OurRun(clock.Elapsed.TotalSeconds, CpuClock.UserSeconds() - cpu0, 0, stats, 0, 0, null, e.Message, false);
            }
            IReadOnlyList<string> names = _netlist.Saves.Count > 0 ? _netlist.Saves : sim.DefaultProbeNames();
            var probes = names.Distinct(StringComparer.OrdinalIgnoreCase).Select(sim.CreateProbe).ToArray();
            setupTicks += Stopwatch.GetTimestamp() - t0;
            unknowns = sim.Unknowns.Count;

            var width = probes.Length + 1;
            var flat = new List<double>(1024 * width);
            var timedOut = false;
            string? failure = null;
            try
            {
                foreach (var p in sim.Run())
                {
                    flat.Add(p.Scale);
                    for (var i = 0; i < probes.Length; i++) flat.Add(probes[i].Value);
                    if (clock.Elapsed.TotalSeconds > timeoutSeconds)
                    {
                        timedOut = true;
                        break;
                    }
                }
            }
            catch (Exception e) when (e is SimulationException or CircuitException)
            {
                failure = e.Message;
            }
            stats = stats.Plus(StatsSnapshot.From(sim.Statistics));
            points = flat.Count / width;
            if (keepData && r == repeat - 1 && points > 0) data = ToWaveforms(sim.ScaleName, probes, flat, width);
            if (failure is not null || timedOut)
                return new OurRun(clock.Elapsed.TotalSeconds, CpuClock.UserSeconds() - cpu0, Seconds(setupTicks), stats, unknowns, points, data, failure, timedOut);
        }
        clock.Stop();
        var cpu = CpuClock.UserSeconds() - cpu0;
        return new OurRun(clock.Elapsed.TotalSeconds, cpu, Seconds(setupTicks), stats, unknowns, points, data, null, false);
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    private static Waveforms ToWaveforms(string? scaleName, Probe[] probes, List<double> flat, int width)
    {
        var n = flat.Count / width;
        var scale = new double[n];
        for (var k = 0; k < n; k++) scale[k] = scaleName is null ? 0 : flat[k * width];
        var w = new Waveforms(scaleName is null ? null : "time", scale);
        for (var i = 0; i < probes.Length; i++)
        {
            var v = new double[n];
            for (var k = 0; k < n; k++) v[k] = flat[k * width + i + 1];
            w.Add(probes[i].Name, v);
        }
        return w;
    }
}
