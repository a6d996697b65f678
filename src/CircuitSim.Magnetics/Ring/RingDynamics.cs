namespace CircuitSim.Magnetics;

/// <summary>How the ring's magnetostatics is modelled.</summary>
public enum RingMagnetostatics
{
    /// <summary>Local shape anisotropy of the w × t cross-section (<see cref="RingGeometry.CrossSectionFactors"/>): fast.</summary>
    Local,

    /// <summary>Every cell a prism, all pairs coupled (<see cref="RingDemagField"/>): O(N²) per evaluation.</summary>
    Full,
}

/// <summary>The current density driving a ring: j along +T in A/m², given the time (s) and the present resistance (Ω).</summary>
public interface IRingCurrentDrive
{
    double CurrentDensity(double t, double resistance);
}

/// <summary>A prescribed sinusoidal current density j(t) = j0 sin(2πft + φ) (A/m²), independent of the resistance.</summary>
public sealed class SinusoidalCurrentDrive : IRingCurrentDrive
{
    /// <param name="amplitude">j0 in A/m².</param>
    /// <param name="frequency">f in Hz.</param>
    /// <param name="phase">φ in rad.</param>
    public SinusoidalCurrentDrive(double amplitude, double frequency, double phase = 0)
    {
        Amplitude = amplitude;
        Frequency = frequency;
        Phase = phase;
    }

    public double Amplitude { get; set; }
    public double Frequency { get; set; }
    public double Phase { get; set; }

    public double CurrentDensity(double t, double resistance) => Amplitude * Math.Sin(2.0 * Math.PI * Frequency * t + Phase);
}

/// <summary>
/// Magnetization dynamics of an AMM ring (docs/physics.md §7) as an ODE over the interleaved m (3N):
/// H_eff = exchange along the periodic arc (Laplacian of the Cartesian components) + magnetostatics (local shape
/// anisotropy or full prism tensors) + applied field (+ Brown's thermal field), and the Zhang–Li torque of the
/// ring's own current density j along T. In Gilbert form ṁ = F + α m × ṁ, integrated explicitly as
/// ṁ = (F + α m × F)/(1 + α²).
/// <para>
/// Zhang–Li convention: F_ZL = −(u·∇)m + ξ m × (u·∇)m with (u·∇)m = (u/r) ∂m/∂θ and u = −P g μB j /(2 e Ms (1 + ξ²)),
/// pointing along the electron flow. The division by 1 + ξ² follows the AMM paper (its ν = P μB/(e Ms (1 + ξ²)));
/// The general form of docs/physics.md §2.3 has no such factor.
/// </para>
/// <para>
/// The torque is affine in j, so ṁ = F0(m) + j F1(m) exactly, F0 the explicit form of the field torque and F1 that of
/// the Zhang–Li torque per unit current density. <see cref="RateCoefficients"/> returns the paper's eq. (5)
/// quantities from that split: dρ̃/dt = β j − η with β = Δρ⟨2(m·T)(F1·T)⟩ and η = −Δρ⟨2(m·T)(F0·T)⟩.
/// </para>
/// Evaluating allocates nothing; instances hold work arrays and are not thread-safe.
/// </summary>
public sealed class RingDynamics : IStochasticOdeSystem, IStateProjection
{
    private readonly LlgSystem _fieldTorque;
    private readonly ChainZhangLiTorque _zhangLi;
    private readonly ZeemanField _zeeman;
    private readonly double[] _f0, _f1, _f0Dot, _f1Dot;
    private double _alpha;

    /// <param name="ring">Geometry.</param>
    /// <param name="material">Material.</param>
    /// <param name="magnetostatics">Local or full magnetostatics.</param>
    /// <param name="appliedField">Uniform applied field in A/m.</param>
    /// <param name="temperature">Temperature in K for Brown's thermal field (0: none).</param>
    public RingDynamics(RingGeometry ring, RingMaterial material, RingMagnetostatics magnetostatics, Vec3 appliedField = default, double temperature = 0)
    {
        Ring = ring;
        Material = material;
        Magnetostatics = magnetostatics;
        Amr = new RingAmr(ring, material.Resistivity, material.AmrResistivity);
        int n = ring.CellCount;
        double ms = material.SaturationMagnetization;
        _fieldTorque = new LlgSystem(n, material.Damping);
        _fieldTorque.Add(new ChainExchangeField(ring.Chain, material.ExchangeStiffness, ms));
        if (magnetostatics == RingMagnetostatics.Full)
            _fieldTorque.Add(new RingDemagField(ring, ms));
        else
        {
            var (nt, nr, nz) = ring.CrossSectionFactors;
            _fieldTorque.Add(new LocalShapeAnisotropyField(ring.Frames, nt, nr, nz, ms, ring.CellVolume));
        }
        _zeeman = new ZeemanField(n, ms, ring.CellVolume, appliedField);
        _fieldTorque.Add(_zeeman);
        if (temperature > 0) _fieldTorque.Thermal = new ThermalField(n, ms, ring.CellVolume, temperature);
        _zhangLi = new ChainZhangLiTorque(ring.Chain, material.Polarization, material.NonAdiabaticity, ms, divideByOnePlusXiSquared: true)
        {
            CurrentDensity = 1.0,
        };
        _f0 = new double[3 * n];
        _f1 = new double[3 * n];
        _f0Dot = new double[3 * n];
        _f1Dot = new double[3 * n];
        Alpha = material.Damping;
    }

    public RingGeometry Ring { get; }
    public RingMaterial Material { get; }
    public RingMagnetostatics Magnetostatics { get; }
    public RingAmr Amr { get; }

    public int Dimension => 3 * Ring.CellCount;

    /// <summary>Gilbert damping used now (dimensionless); the relaxation protocol changes it.</summary>
    public double Alpha
    {
        get => _alpha;
        set
        {
            _alpha = value;
            _fieldTorque.SetAlpha(value);
        }
    }

    /// <summary>Uniform applied field in A/m.</summary>
    public Vec3 AppliedField
    {
        get => _zeeman.Field;
        set => _zeeman.Field = value;
    }

    /// <summary>Zhang–Li drift velocity per unit current density, m/s per A/m² (negative: u follows the electrons).</summary>
    public double DriftVelocityPerCurrentDensity => _zhangLi.DriftVelocityPerCurrentDensity;

    /// <summary>The current drive; when null, <see cref="CurrentDensity"/> applies.</summary>
    public IRingCurrentDrive? Drive { get; set; }

    /// <summary>Constant current density along +T in A/m², used when <see cref="Drive"/> is null.</summary>
    public double CurrentDensity { get; set; }

    /// <summary>The Brown thermal field, or null at T = 0.</summary>
    public ThermalField? Thermal => _fieldTorque.Thermal;

    /// <summary>Standard normals per sub-step: 3N with a thermal field, else 0.</summary>
    public int NoiseDimension => _fieldTorque.NoiseDimension;

    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt) => _fieldTorque.SetNoise(standardNormals, dt);

    /// <summary>The current density (A/m²) at time t for the texture m: from the drive and R(m), or the constant.</summary>
    public double CurrentDensityAt(double t, ReadOnlySpan<double> m) =>
        Drive is { } d ? d.CurrentDensity(t, Amr.Resistance(m)) : CurrentDensity;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double j = CurrentDensityAt(t, y);
        _fieldTorque.GilbertTorque(t, y, _f0);
        if (j != 0)
        {
            Array.Clear(_f1);
            _zhangLi.AddTorque(t, y, _f1);
            for (int k = 0; k < _f0.Length; k++) _f0[k] += j * _f1[k];
        }
        LlgSystem.ExplicitForm(y, _f0, _alpha, dydt);
    }

    /// <summary>
    /// The split ṁ = F0 + j F1 at (t, m): F0 (1/s) and F1 (1/s per A/m²), both in explicit LLG form.
    /// </summary>
    public void Split(double t, ReadOnlySpan<double> m, Span<double> f0, Span<double> f1)
    {
        _fieldTorque.GilbertTorque(t, m, _f0);
        LlgSystem.ExplicitForm(m, _f0, _alpha, f0);
        Array.Clear(_f1);
        _zhangLi.AddTorque(t, m, _f1);
        LlgSystem.ExplicitForm(m, _f1, _alpha, f1);
    }

    /// <summary>
    /// The paper's eq. (5) coefficients at (t, m): β in Ω·m per (A/m²)·s (β j is the current-driven part of dρ̃/dt)
    /// and η in Ω·m/s (dρ̃/dt = β j − η). Exact for the discrete model, from <see cref="Split"/>.
    /// </summary>
    public (double Beta, double Eta) RateCoefficients(double t, ReadOnlySpan<double> m)
    {
        Split(t, m, _f0Dot, _f1Dot);
        return (Amr.ResistivityRate(m, _f1Dot), -Amr.ResistivityRate(m, _f0Dot));
    }

    /// <summary>The field-torque energy (exchange + magnetostatics + Zeeman) in J.</summary>
    public double Energy(ReadOnlySpan<double> m) => _fieldTorque.Energy(m);

    /// <summary>H_eff (A/m) without the current's torque, written into <paramref name="h"/>.</summary>
    public void EffectiveField(double t, ReadOnlySpan<double> m, Span<double> h) => _fieldTorque.EffectiveField(t, m, h);

    /// <summary>Renormalizes each cell to |m| = 1.</summary>
    public void Project(Span<double> y) => InterleavedVectors.NormalizeAll(y);
}
