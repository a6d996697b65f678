namespace CircuitSim.Magnetics;

/// <summary>
/// Zhang–Li spin-transfer torque for a current flowing along a <see cref="Chain1D"/> (in the plane of the magnet),
/// Gilbert form F = −(u·∇)m + ξ m × (u·∇)m (1/s) with (u·∇)m = u ∂m/∂s by central differences
/// (m_{i+1} − m_{i−1})/(2Δs); at a free end the missing neighbour is replaced by the cell itself (Neumann ghost).
/// On a ring of radius r, ∂/∂s = (1/r) ∂/∂θ, so this is the AMM paper's (u/r) ∂m/∂θ.
/// <para>
/// The drift velocity u (m/s) points along the electron flow: u = −P g μB j/(2 e Ms) [/(1 + ξ²)] for a
/// conventional current density j along +s (see <see cref="SpinTransfer.DriftVelocityPerCurrentDensity"/>), so a
/// domain wall moves against the conventional current. F is linear in j: with <see cref="CurrentDensity"/> = 1 A/m²
/// the term gives the F1 of the split ṁ = F0 + j F1.
/// </para>
/// </summary>
public sealed class ChainZhangLiTorque : ITorqueTerm
{
    private readonly Chain1D _chain;
    private readonly double _uPerJ;

    /// <param name="chain">Chain geometry.</param>
    /// <param name="polarization">Current spin polarization P (dimensionless).</param>
    /// <param name="nonAdiabaticity">ξ (dimensionless).</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="divideByOnePlusXiSquared">Divide u by 1 + ξ² as the AMM paper does.</param>
    public ChainZhangLiTorque(Chain1D chain, double polarization, double nonAdiabaticity, double saturationMagnetization, bool divideByOnePlusXiSquared = false)
    {
        _chain = chain;
        NonAdiabaticity = nonAdiabaticity;
        _uPerJ = SpinTransfer.DriftVelocityPerCurrentDensity(polarization, saturationMagnetization, nonAdiabaticity, divideByOnePlusXiSquared);
    }

    /// <summary>ξ, dimensionless.</summary>
    public double NonAdiabaticity { get; }

    /// <summary>Drift velocity u along +s in m/s (positive: electrons flow toward +s).</summary>
    public double DriftVelocity { get; set; }

    /// <summary>Conventional current density along +s in A/m²; setting it sets <see cref="DriftVelocity"/>.</summary>
    public double CurrentDensity
    {
        get => DriftVelocity / _uPerJ;
        set => DriftVelocity = _uPerJ * value;
    }

    /// <summary>Drift velocity per unit current density in m/s per A/m² (negative for P &gt; 0).</summary>
    public double DriftVelocityPerCurrentDensity => _uPerJ;

    public void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f)
    {
        double u = DriftVelocity;
        if (u == 0) return;
        double c = u / (2.0 * _chain.Spacing);
        double xi = NonAdiabaticity;
        int n = _chain.CellCount;
        for (int i = 0; i < n; i++)
        {
            int k = 3 * i;
            int next = _chain.Next(i), prev = _chain.Previous(i);
            int kn = next >= 0 ? 3 * next : k;
            int kp = prev >= 0 ? 3 * prev : k;
            ZhangLiTorque.Add(m, f, k, c * (m[kn] - m[kp]), c * (m[kn + 1] - m[kp + 1]), c * (m[kn + 2] - m[kp + 2]), xi);
        }
    }
}
