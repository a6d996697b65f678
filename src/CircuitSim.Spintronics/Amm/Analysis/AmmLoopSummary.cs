namespace CircuitSim.Spintronics.Amm.Analysis;

/// <summary>
/// The loop numbers of one YAMM device in one transient (one .step value): what <c>base.amm.json</c> lists.
/// </summary>
/// <param name="Device">Device name (y1).</param>
/// <param name="Step">The .step label (f=1E+09), or null without .step.</param>
/// <param name="StepValue">The stepped parameter's value, or null.</param>
/// <param name="Frequency">Drive frequency found in the current, Hz.</param>
/// <param name="DeltaVAmplitude">Amplitude of ΔV = (R − ⟨R⟩)·I over the analysed periods, V.</param>
/// <param name="ResistanceSwing">Peak-to-peak R over the analysed periods, Ω.</param>
/// <param name="MeanResistance">⟨R⟩, Ω.</param>
/// <param name="CurrentVoltageArea">Area of the I–ΔV loop, W.</param>
/// <param name="RateArea">Area of the dρ/dt–j Lissajous curve, Ω·A/(m·s) (NaN when j or dρ/dt was not saved).</param>
/// <param name="PinchRatio">max |dρ/dt| where j crosses zero over max |dρ/dt|: 0 for a rate curve pinched at the origin.</param>
/// <param name="Steady">Whether the analysed periods repeat (switch-on transient gone).</param>
/// <param name="SteadyFromPeriod">First period of the steady part.</param>
/// <param name="Periods">Periods analysed.</param>
internal sealed record AmmLoopSummary(string Device, string? Step, double? StepValue, double Frequency, double DeltaVAmplitude,
    double ResistanceSwing, double MeanResistance, double CurrentVoltageArea, double RateArea, double PinchRatio, bool Steady,
    int SteadyFromPeriod, int Periods)
{
    /// <summary>The stepped parameter's name (f for "f=1E+09"), or null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? StepParameter => Step?.Split('=')[0];
}
