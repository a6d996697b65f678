namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Brown's thermal field: per cell and Cartesian component an independent Gaussian of variance
/// σ_i² = 2 α kB T / (γ0 μ0 Ms_i V Δt) (A/m)², held constant over one sub-step Δt and added to H_eff
/// (docs/micromagnetics.md). The integrator (<see cref="StochasticHeun"/>) draws the standard normals from its seeded
/// generator and hands them over through the LLG system, so a seed fixes the whole noise path. It has no energy.
/// </summary>
public sealed class ThermalField : FieldTerm
{
    private readonly double[] _h;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="temperature">T in K.</param>
    public ThermalField(Magnet magnet, double temperature) : base(magnet)
    {
        if (!(temperature >= 0)) throw new ArgumentOutOfRangeException(nameof(temperature), "T must be ≥ 0 (K).");
        Temperature = temperature;
        _h = new double[3 * magnet.CellCount];
    }

    /// <summary>T in K.</summary>
    public double Temperature { get; set; }

    public override string Name => "thermal";

    public override double EnergyWeight => 0.0;

    /// <summary>The present sample (A/m, interleaved).</summary>
    public ReadOnlySpan<double> Field => _h;

    /// <summary>Scales 3N standard normals into the sample for a sub-step of <paramref name="dt"/> s.</summary>
    /// <param name="alpha">Damping α.</param>
    /// <param name="gamma0">γ0 in m A⁻¹ s⁻¹.</param>
    public void Sample(ReadOnlySpan<double> standardNormals, double dt, double alpha, double gamma0)
    {
        if (standardNormals.Length != _h.Length) throw new ArgumentException("Need three normals per cell.", nameof(standardNormals));
        double v = Magnet.Grid.CellVolume;
        double common = 2.0 * alpha * PhysicalConstants.Boltzmann * Temperature / (gamma0 * PhysicalConstants.Mu0 * v * dt);
        ReadOnlySpan<double> ms = Magnet.SaturationMagnetization;
        for (int c = 0; c < ms.Length; c++)
        {
            int k = 3 * c;
            double sigma = ms[c] > 0 ? Math.Sqrt(common / ms[c]) : 0.0;
            _h[k] = sigma * standardNormals[k];
            _h[k + 1] = sigma * standardNormals[k + 1];
            _h[k + 2] = sigma * standardNormals[k + 2];
        }
    }

    /// <summary>Sets the sample to zero.</summary>
    public void Clear() => Array.Clear(_h);

    public override void AddField(double t, ReadOnlySpan<double> m, Span<double> h, int rowStart, int rowEnd)
    {
        int s = 3 * Magnet.Nx;
        for (int k = rowStart * s, end = rowEnd * s; k < end; k++) h[k] += _h[k];
    }
}
