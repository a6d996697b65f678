namespace CircuitSim.Magnetics;

/// <summary>
/// Exchange along a <see cref="Chain1D"/>: H_i = (2A/(μ0 Ms)) (m_{i+1} + m_{i−1} − 2 m_i)/Δs² (A/m), the
/// three-point Laplacian of each Cartesian component, so a curled ring texture pays its true exchange cost.
/// Energy E = (A V/Δs²) Σ_links |m_j − m_i|² (J). At a free end the missing link is simply absent, which is
/// the discrete form of the Neumann condition ∂m/∂s = 0.
/// </summary>
public sealed class ChainExchangeField : IFieldTerm
{
    private readonly Chain1D _chain;
    private readonly double _a;
    private readonly double _ms;

    /// <param name="chain">Chain geometry.</param>
    /// <param name="exchangeStiffness">A in J/m.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    public ChainExchangeField(Chain1D chain, double exchangeStiffness, double saturationMagnetization)
    {
        _chain = chain;
        _a = exchangeStiffness;
        _ms = saturationMagnetization;
    }

    /// <summary>Exchange stiffness A in J/m.</summary>
    public double ExchangeStiffness => _a;

    public void AddField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        double c = 2.0 * _a / (PhysicalConstants.Mu0 * _ms * _chain.Spacing * _chain.Spacing);
        int n = _chain.CellCount;
        for (int i = 0; i < n; i++)
        {
            int k = 3 * i;
            int next = _chain.Next(i), prev = _chain.Previous(i);
            if (next >= 0)
            {
                int j = 3 * next;
                h[k] += c * (m[j] - m[k]);
                h[k + 1] += c * (m[j + 1] - m[k + 1]);
                h[k + 2] += c * (m[j + 2] - m[k + 2]);
            }
            if (prev >= 0)
            {
                int j = 3 * prev;
                h[k] += c * (m[j] - m[k]);
                h[k + 1] += c * (m[j + 1] - m[k + 1]);
                h[k + 2] += c * (m[j + 2] - m[k + 2]);
            }
        }
    }

    public double Energy(ReadOnlySpan<double> m)
    {
        double s = 0;
        for (int i = 0; i < _chain.LinkCount; i++)
        {
            int k = 3 * i, j = 3 * _chain.Next(i);
            double dx = m[j] - m[k], dy = m[j + 1] - m[k + 1], dz = m[j + 2] - m[k + 2];
            s += dx * dx + dy * dy + dz * dz;
        }
        return _a * _chain.CellVolume / (_chain.Spacing * _chain.Spacing) * s;
    }
}
