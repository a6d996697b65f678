namespace CircuitSim.Magnetics;

/// <summary>
/// A torque that is not a field: it adds its Gilbert-form contribution F (1/s) to the right-hand side of
/// ṁ = F + α m × ṁ. Contributions must be perpendicular to m so the explicit LLG transform holds.
/// </summary>
public interface ITorqueTerm
{
    /// <summary>Adds this torque's F (1/s, interleaved like <paramref name="m"/>) to <paramref name="f"/>.</summary>
    /// <param name="t">Time in s.</param>
    /// <param name="m">Reduced magnetization, dimensionless.</param>
    /// <param name="f">Gilbert-form torque accumulator in 1/s.</param>
    void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f);
}
