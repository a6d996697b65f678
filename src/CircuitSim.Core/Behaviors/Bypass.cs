using System.Runtime.CompilerServices;
using CircuitSim.Core.Simulations;

namespace CircuitSim.Core.Behaviors;

/// <summary>
/// Device bypass as ngspice's BYPASS does it: a nonlinear device whose terminal voltages, and the current its last
/// linearization predicts at them, moved less than the Newton tolerances since its last evaluation re-stamps its last
/// contributions (its slot of a <see cref="StampBatch"/>) instead of evaluating again. Never on the first iteration of a solve
/// (a time point's predictor, a new sweep value or temperature, a gmin or source step: ngspice's INITPRED/INITTRAN),
/// a junction initialisation or the small-signal load, where the device must evaluate at the new point; only in
/// iterations that continue from the last one of the same solve (float, and fix for devices not held off).
/// On by default, unlike ngspice 39, with narrower windows (<see cref="Window"/>); <c>.options bypass=0</c> turns it off.
/// </summary>
public static class Bypass
{
    /// <summary>Whether a device may bypass on the present iteration.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Allowed(SimulationState s) => s.Iteration > 1 && s.Init is (InitMode.Float or InitMode.Fix) && s.Options.Bypass;

    /// <summary>
    /// The bypass windows as a fraction of ngspice's. With ngspice's own windows (1) a bypassed device keeps charges and
    /// junction voltages up to RELTOL·|v| + VNTOL stale, which moved the 500-inverter and ring-oscillator references
    /// by 3–7 % of their range, and a hundredth still moved the public MOS1 inverter chain's i(vdd) by 3.8 % against
    /// its 1 % tolerance. Idle devices hold their voltages far closer than that: with a thousandth, 45 % of the
    /// 500-inverter chain's loads are still bypassed, and every reference matches (that i(vdd) within 2.8e-5).
    /// </summary>
    public const double Window = 0.001;

    /// <summary>ngspice's voltage test, in <see cref="Window"/>: |v − v₀| &lt; RELTOL·max(|v|, |v₀|) + VNTOL.</summary>
    public static bool VoltageHeld(double v, double old, SimulationOptions o) =>
        Math.Abs(v - old) < Window * (o.RelTol * Math.Max(Math.Abs(v), Math.Abs(old)) + o.VnTol);

    /// <summary>ngspice's current test, in <see cref="Window"/>: |î − i| &lt; RELTOL·max(|î|, |i|) + ABSTOL, î the linearization's prediction.</summary>
    public static bool CurrentHeld(double predicted, double last, SimulationOptions o) =>
        Math.Abs(predicted - last) < Window * (o.RelTol * Math.Max(Math.Abs(predicted), Math.Abs(last)) + o.AbsTol);
}
