using CircuitSim.Core.Simulations;

namespace CircuitSim.Devices.Semiconductors.Bsim4;

/// <summary>
/// Every BSIM4 instance of one model (or binned set) with the same series-resistance model, loaded together
/// (<see cref="DeviceBatch{T}"/>): each instance evaluates into its slot (the intrinsic 4×4 block and its four
/// right-hand-side rows, then the series resistances), one pass adds the slots to the system in instance order.
/// </summary>
internal sealed class Bsim4Batch(string model, bool rdsMod, BindingContext context)
    : DeviceBatch<Bsim4Behavior>($"bsim4 batch of model {model}", context, rdsMod ? 36 : 24, rdsMod ? 8 : 4, EvaluationNs)
{
    /// <summary>One BSIM4 evaluation into its slot, ns (docs/performance.md).</summary>
    private const double EvaluationNs = 1000;
}
