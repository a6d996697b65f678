namespace CircuitSim.Magnetics.Film;

/// <summary>
/// Local thin-film demagnetizing field H = −Ms m_z ẑ (A/m), energy E = (μ0 Ms²/2) V Σ_i m_z,i² (J): the field of an
/// infinite film magnetized like each cell. It turns K_u into K_eff = K_u − μ0 Ms²/2 and leaves out the non-local
/// stray fields of the domains (which shift the stripe period of a real film by tens of percent at most); the paper
/// disregards dipolar fields altogether for its DMI-stabilized textures.
/// </summary>
public sealed class ThinFilmDemagField : IFieldTerm
{
    private readonly int _cells;
    private readonly double _ms;
    private readonly double _volume;

    /// <param name="cellCount">Number of cells.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="cellVolume">Cell volume in m³.</param>
    public ThinFilmDemagField(int cellCount, double saturationMagnetization, double cellVolume)
    {
        _cells = cellCount;
        _ms = saturationMagnetization;
        _volume = cellVolume;
    }

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        for (int k = 2; k < 3 * _cells; k += 3) h[k] -= _ms * m[k];
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        double s = 0;
        for (int k = 2; k < 3 * _cells; k += 3) s += m[k] * m[k];
        return 0.5 * PhysicalConstants.Mu0 * _ms * _ms * _volume * s;
    }
}
