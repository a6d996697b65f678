namespace CircuitSim.Magnetics;

/// <summary>
/// Brown's thermal field: per cell and Cartesian component an independent Gaussian of variance
/// σ² = 2 α kB T / (γ0 μ0 Ms V Δt) (A/m)², held constant over one integrator sub-step of length Δt and added to
/// H_eff of the Gilbert-form LLG (docs/physics.md §2.5). It is integrated in the Stratonovich sense by
/// <see cref="StochasticHeun"/>; the equilibrium it produces is the Boltzmann distribution at temperature T.
/// </summary>
public sealed class ThermalField
{
    private readonly double[] _h;
    private readonly int _cells;

    /// <param name="cellCount">Number of cells.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="cellVolume">Volume V of one cell in m³ (the whole free layer for a macrospin).</param>
    /// <param name="temperature">T in K.</param>
    public ThermalField(int cellCount, double saturationMagnetization, double cellVolume, double temperature)
    {
        _cells = cellCount;
        SaturationMagnetization = saturationMagnetization;
        CellVolume = cellVolume;
        Temperature = temperature;
        _h = new double[3 * cellCount];
    }

    public int CellCount => _cells;

    /// <summary>Ms in A/m.</summary>
    public double SaturationMagnetization { get; }

    /// <summary>Cell volume in m³.</summary>
    public double CellVolume { get; }

    /// <summary>Temperature T in K; may change between sub-steps.</summary>
    public double Temperature { get; set; }

    /// <summary>The present sample, interleaved, in A/m.</summary>
    public ReadOnlySpan<double> Field => _h;

    /// <summary>σ = √(2 α kB T / (γ0 μ0 Ms V Δt)) in A/m.</summary>
    /// <param name="alpha">Gilbert damping (dimensionless).</param>
    /// <param name="temperature">T in K.</param>
    /// <param name="gamma0">γ0 in m A⁻¹ s⁻¹.</param>
    /// <param name="saturationMagnetization">Ms in A/m.</param>
    /// <param name="cellVolume">V in m³.</param>
    /// <param name="dt">Sub-step Δt in s.</param>
    public static double StandardDeviation(double alpha, double temperature, double gamma0, double saturationMagnetization, double cellVolume, double dt)
        => Math.Sqrt(2.0 * alpha * PhysicalConstants.Boltzmann * temperature
                     / (gamma0 * PhysicalConstants.Mu0 * saturationMagnetization * cellVolume * dt));

    /// <summary>Scales 3N standard normals into a field sample for a sub-step of <paramref name="dt"/> s, with per-cell damping.</summary>
    public void Sample(ReadOnlySpan<double> standardNormals, double dt, double gamma0, ReadOnlySpan<double> alphaPerCell)
    {
        if (standardNormals.Length != _h.Length) throw new ArgumentException("Need three normals per cell.", nameof(standardNormals));
        double common = 2.0 * PhysicalConstants.Boltzmann * Temperature
                        / (gamma0 * PhysicalConstants.Mu0 * SaturationMagnetization * CellVolume * dt);
        for (int i = 0; i < _cells; i++)
        {
            double sigma = Math.Sqrt(alphaPerCell[i] * common);
            int k = 3 * i;
            _h[k] = sigma * standardNormals[k];
            _h[k + 1] = sigma * standardNormals[k + 1];
            _h[k + 2] = sigma * standardNormals[k + 2];
        }
    }

    /// <summary>Sets the sample to zero (e.g. before a deterministic solve).</summary>
    public void Clear() => Array.Clear(_h);

    internal void AddTo(Span<double> h)
    {
        for (int k = 0; k < _h.Length; k++) h[k] += _h[k];
    }
}
