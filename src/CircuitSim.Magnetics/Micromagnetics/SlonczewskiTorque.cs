namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// Slonczewski spin-transfer torque of a current flowing perpendicular to the film through a fixed layer of
/// direction p: H_ST = ħ η J/(2 e μ0 Ms t) (A/m, t the film thickness), F = −γ0 H_ST m × (m × p) − ζ γ0 H_ST m × p (1/s),
/// the second part being a field-like torque (ζ H_ST p added to H_eff). Positive J (electrons from the fixed layer into
/// the free layer) drives m toward p. J is per cell (A/m²).
/// </summary>
public sealed class SlonczewskiTorque : TorqueTerm
{
    private readonly double[] _j;
    private readonly double[] _c;   // γ0 H_ST / J per cell, 1/s per A/m²

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="fixedLayer">Fixed-layer direction p (normalized here).</param>
    /// <param name="efficiency">Spin-transfer efficiency η (dimensionless).</param>
    /// <param name="fieldLikeRatio">ζ, field-like over damping-like torque (dimensionless).</param>
    /// <param name="gamma0">γ0 in m A⁻¹ s⁻¹.</param>
    public SlonczewskiTorque(Magnet magnet, Vec3 fixedLayer, double efficiency, double fieldLikeRatio = 0.0, double gamma0 = PhysicalConstants.Gamma0)
        : base(magnet)
    {
        if (!(fixedLayer.Norm > 0)) throw new ArgumentException("The fixed-layer direction must be non-zero.", nameof(fixedLayer));
        FixedLayer = fixedLayer.Normalized();
        Efficiency = efficiency;
        FieldLikeRatio = fieldLikeRatio;
        _j = new double[magnet.CellCount];
        _c = new double[magnet.CellCount];
        for (int c = 0; c < _c.Length; c++)
            if (magnet.Ms(c) > 0)
                _c[c] = gamma0 * SpinTransfer.SlonczewskiField(1.0, efficiency, magnet.Ms(c), magnet.Grid.Thickness);
    }

    public Vec3 FixedLayer { get; }

    public double Efficiency { get; }

    public double FieldLikeRatio { get; }

    /// <summary>Perpendicular current density per cell (A/m²), writable in place.</summary>
    public Span<double> CurrentDensity => _j;

    /// <summary>Multiplies the current density at time t (s); null means 1. Must not allocate.</summary>
    public Func<double, double>? TimeScale { get; set; }

    /// <summary>Sets the same current density (A/m²) in every cell of the magnet.</summary>
    public void SetUniform(double j)
    {
        for (int c = 0; c < _j.Length; c++) _j[c] = Magnet.Ms(c) > 0 ? j : 0;
    }

    public override string Name => "Slonczewski";

    public override void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f, int rowStart, int rowEnd)
    {
        int nx = Magnet.Nx;
        double scale = TimeScale is null ? 1.0 : TimeScale(t);
        if (scale == 0) return;
        double px = FixedLayer.X, py = FixedLayer.Y, pz = FixedLayer.Z, zeta = FieldLikeRatio;
        for (int c = rowStart * nx, end = rowEnd * nx; c < end; c++)
        {
            double a = scale * _c[c] * _j[c];
            if (a == 0) continue;
            int k = 3 * c;
            double mx = m[k], my = m[k + 1], mz = m[k + 2];
            double qx = my * pz - mz * py, qy = mz * px - mx * pz, qz = mx * py - my * px; // m × p
            f[k] -= a * ((my * qz - mz * qy) + zeta * qx);
            f[k + 1] -= a * ((mz * qx - mx * qz) + zeta * qy);
            f[k + 2] -= a * ((mx * qy - my * qx) + zeta * qz);
        }
    }
}
