namespace CircuitSim.Magnetics;

/// <summary>
/// One contribution to the effective field of a magnetization m (interleaved unit vectors, one per cell).
/// Conservative terms satisfy H_i = −(1/(μ0 Ms V_cell)) ∂E/∂m_i with E from <see cref="Energy"/>.
/// </summary>
public interface IFieldTerm
{
    /// <summary>Adds this term's field, in A/m, to <paramref name="h"/> (same layout as <paramref name="m"/>).</summary>
    /// <param name="t">Time in s (for terms that vary in time; most ignore it).</param>
    /// <param name="m">Reduced magnetization M/Ms, interleaved, dimensionless.</param>
    /// <param name="h">Effective-field accumulator in A/m.</param>
    void AddField(double t, ReadOnlySpan<double> m, Span<double> h);

    /// <summary>Energy of this term summed over all cells, in J.</summary>
    double Energy(ReadOnlySpan<double> m);
}
