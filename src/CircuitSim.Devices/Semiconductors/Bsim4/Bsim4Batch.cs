using CircuitSim.Core.Behaviors;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// Every BSIM4 instance with the same series-resistance model (so the same slot layout), whatever its model or bin,
/// loaded together in netlist order
/// (<see cref="DeviceBatch{T}"/>): each instance evaluates into its slot (the intrinsic 4×4 block and its four
/// right-hand-side rows, then the series resistances), one pass adds the slots to the system in instance order. BSIM4's
/// convergence test (b4cvtest) is left out, as ngspice's iteration discards it (<see cref="IConvergenceBehavior"/>).
/// </summary>
internal sealed class Bsim4Batch(bool rdsMod, BindingContext context)
    : DeviceBatch<Bsim4Behavior>(rdsMod ? "bsim4 batch (rdsmod 1)" : "bsim4 batch", context, rdsMod ? 36 : 24, rdsMod ? 8 : 4, EvaluationNs)
{
    /// <summary>One BSIM4 evaluation into its slot, ns (docs/performance.md).</summary>
    private const double EvaluationNs = 1000;
}
