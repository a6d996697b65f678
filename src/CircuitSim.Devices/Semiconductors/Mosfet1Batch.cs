using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors;

/// <summary>
/// Every level-1 MOSFET of the circuit, whatever its model, loaded together in netlist order (<see cref="DeviceBatch{T}"/>):
/// one tight loop evaluates the instances (no interface call per device, instance constants precomputed at the temperature update), each into its
/// slot of the batch's stamps, then one pass over contiguous arrays adds the stamps to the system.
/// </summary>
internal sealed class Mosfet1Batch(BindingContext context)
    : DeviceBatch<Mosfet1Behavior>("mos1 batch", context, 22, 4, EvaluationNs)
{
    /// <summary>One MOS1 evaluation into its slot, ns (docs/performance.md).</summary>
    private const double EvaluationNs = 100;
}
