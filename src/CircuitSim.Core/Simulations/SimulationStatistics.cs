using System.Diagnostics;

namespace CircuitSim.Core.Simulations;

/// <summary>Counters and timers of one run: where the iterations and the time went.</summary>
public sealed class SimulationStatistics
{
    public int NewtonIterations;
    public int AcceptedSteps;
    public int RejectedSteps;
    public int TimePoints;
    public int Factorizations;
    public int Repivots;
    /// <summary>Solutions of the factored system (a linear circuit's transient step needs one, a nonlinear one one
    /// per Newton iteration).</summary>
    public int Solves;
    /// <summary>Stopwatch ticks spent loading devices, factoring and solving.</summary>
    public long LoadTicks, FactorTicks, SolveTicks, TruncationTicks, AcceptTicks;
    /// <summary>Ticks spent inside devices' own solvers (magnetization dynamics), part of the load time.</summary>
    public long DeviceSolverTicks;
    /// <summary>How often devices advanced their internal state (once per Newton iteration at most).</summary>
    public long DeviceAdvances;
    public long TotalTicks;
    /// <summary>Loads of nonlinear devices (diodes, MOSFETs), and how many of them re-stamped the last evaluation
    /// instead of evaluating (bypass).</summary>
    public long DeviceLoads, DeviceBypasses;
    /// <summary>Loads of device batches whose members were evaluated on more than one thread (.options threads).</summary>
    public long ParallelBatchLoads;

    public double LoadSeconds => LoadTicks / (double)Stopwatch.Frequency;
    public double FactorSeconds => FactorTicks / (double)Stopwatch.Frequency;
    public double SolveSeconds => SolveTicks / (double)Stopwatch.Frequency;
    public double TruncationSeconds => TruncationTicks / (double)Stopwatch.Frequency;
    public double AcceptSeconds => AcceptTicks / (double)Stopwatch.Frequency;
    public double DeviceSolverSeconds => DeviceSolverTicks / (double)Stopwatch.Frequency;
    public double TotalSeconds => TotalTicks / (double)Stopwatch.Frequency;

    public override string ToString() =>
        $"{NewtonIterations} Newton iterations, {AcceptedSteps} accepted / {RejectedSteps} rejected steps, " +
        $"load {LoadSeconds * 1e3:F1} ms, factor {FactorSeconds * 1e3:F1} ms, solve {SolveSeconds * 1e3:F1} ms, truncation {TruncationSeconds * 1e3:F1} ms, accept {AcceptSeconds * 1e3:F1} ms, " +
        (DeviceAdvances > 0 ? $"device solvers {DeviceSolverSeconds * 1e3:F1} ms ({DeviceAdvances} advances), " : "") + $"total {TotalSeconds * 1e3:F1} ms";
}
