using CircuitSim.Magnetics;

namespace CircuitSim.Spintronics.DomainWall;

/// <summary>
/// The one-dimensional domain-wall model of docs/physics.md §5.1 (Lequeux et al., eq. 1) in collective coordinates: wall
/// position q (m) and tilt φ (rad), with A = γ0(H_z + ζ·H_ST − H_pin(q)) and B = γ0(H_ST + ½·H_K·sin 2φ),
///     φ̇ = (A − α·B)/(1 + α²),   q̇ = Δ·(B + α·A)/(1 + α²).
/// H_K is scaled by the pinning site's factor while the wall is in its well. The state vector is (q/Δ, φ), so both
/// components are O(1) for the integrator's tolerances. An optional Brown
/// thermal field acts on both equations (a field along z in A and an in-plane field in B) with variance
/// 2α·kB·T/(γ0·μ0·Ms·V_w·Δt), V_w = 2Δ·W·t_F the wall volume.
/// </summary>
public sealed class CollectiveCoordinates : IStochasticOdeSystem
{
    private readonly double _alpha, _width, _ms;
    private double _noiseA, _noiseB;

    /// <param name="alpha">Gilbert damping.</param>
    /// <param name="wallWidth">Wall width parameter Δ, m.</param>
    /// <param name="wallAnisotropyField">Domain-wall anisotropy field H_K, A/m.</param>
    /// <param name="saturationMagnetization">Ms, A/m (for the thermal field).</param>
    public CollectiveCoordinates(double alpha, double wallWidth, double wallAnisotropyField, double saturationMagnetization)
    {
        _alpha = alpha;
        _width = wallWidth;
        WallAnisotropyField = wallAnisotropyField;
        _ms = saturationMagnetization;
    }

    public int Dimension => 2;
    public double Gamma0 { get; init; } = PhysicalConstants.Gamma0;
    public double Alpha => _alpha;
    /// <summary>Δ, m.</summary>
    public double WallWidth => _width;
    /// <summary>H_K, A/m.</summary>
    public double WallAnisotropyField { get; set; }
    /// <summary>Applied field along z, A/m.</summary>
    public double AppliedField { get; set; }
    /// <summary>Field-like / Slonczewski ratio ζ.</summary>
    public double FieldLikeRatio { get; set; }
    /// <summary>Whether the Slonczewski (damping-like) torque acts (false to study the field-like torque alone).</summary>
    public bool SlonczewskiTorque { get; set; } = true;
    public PinningLandscape Pinning { get; set; } = PinningLandscape.None(100e-9);
    /// <summary>The Slonczewski field at time t, A/m (may depend on the wall position: the current flows through the junction).</summary>
    public Func<double, double, double> SpinTorqueField { get; set; } = static (_, _) => 0;
    /// <summary>Temperature, K, and wall volume, m³ (thermal noise when both are positive).</summary>
    public double Temperature { get; set; }
    public double WallVolume { get; set; }

    public int NoiseDimension => Temperature > 0 && WallVolume > 0 ? 2 : 0;

    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt)
    {
        var sigma = ThermalField.StandardDeviation(_alpha, Temperature, Gamma0, _ms, WallVolume, dt);
        _noiseA = sigma * standardNormals[0];
        _noiseB = sigma * standardNormals[1];
    }

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var q = y[0] * _width;
        var phi = y[1];
        var hst = SpinTorqueField(t, q);
        var a = Gamma0 * (AppliedField + FieldLikeRatio * hst - Pinning.Field(q) + _noiseA);
        var hk = WallAnisotropyField * Pinning.AnisotropyFactor(q);
        var b = Gamma0 * ((SlonczewskiTorque ? hst : 0) + 0.5 * hk * Math.Sin(2 * phi) + _noiseB);
        var inv = 1 / (1 + _alpha * _alpha);
        dydt[1] = (a - _alpha * b) * inv;
        dydt[0] = (b + _alpha * a) * inv;
    }
}
