namespace CircuitSim.Magnetics;

/// <summary>
/// The Landau–Lifshitz–Gilbert equation for N cells as an ODE system over the interleaved magnetization
/// (dimension 3N). Gilbert form ṁ = F + α m × ṁ with F = −γ0 m × H_eff + Σ torques (1/s); integrated in the
/// equivalent explicit form ṁ = (F + α m × F)/(1 + α²), valid because F ⊥ m (docs/physics.md §2.1).
/// <para>
/// H_eff is the sum of the <see cref="IFieldTerm"/>s plus, when <see cref="Thermal"/> is set, the present thermal
/// sample (which <see cref="StochasticHeun"/> refreshes each sub-step through <see cref="SetNoise"/>). Damping α may
/// differ per cell. The system is also its own <see cref="IStateProjection"/> (renormalize each 3-vector).
/// Instances hold work arrays and are not thread-safe; evaluating allocates nothing.
/// </para>
/// </summary>
public sealed class LlgSystem : IStochasticOdeSystem, IStateProjection
{
    private readonly int _cells;
    private readonly double _gamma0;
    private readonly double[] _alpha;
    private readonly double[] _h;
    private readonly double[] _f;
    private readonly List<IFieldTerm> _fieldTerms = new();
    private readonly List<ITorqueTerm> _torqueTerms = new();
    private ThermalField? _thermal;

    /// <param name="cellCount">Number of cells N.</param>
    /// <param name="alpha">Gilbert damping α for every cell (dimensionless).</param>
    /// <param name="gamma0">γ0 = μ0 γ in m A⁻¹ s⁻¹.</param>
    public LlgSystem(int cellCount, double alpha, double gamma0 = PhysicalConstants.Gamma0)
    {
        if (cellCount < 1) throw new ArgumentOutOfRangeException(nameof(cellCount));
        _cells = cellCount;
        _gamma0 = gamma0;
        _alpha = new double[cellCount];
        _h = new double[3 * cellCount];
        _f = new double[3 * cellCount];
        SetAlpha(alpha);
    }

    public int CellCount => _cells;

    /// <summary>3N.</summary>
    public int Dimension => 3 * _cells;

    /// <summary>γ0 in m A⁻¹ s⁻¹.</summary>
    public double Gamma0 => _gamma0;

    /// <summary>Per-cell damping α (dimensionless), writable in place.</summary>
    public Span<double> CellAlpha => _alpha;

    /// <summary>Sets the same damping α on every cell.</summary>
    public void SetAlpha(double alpha) => Array.Fill(_alpha, alpha);

    public IReadOnlyList<IFieldTerm> FieldTerms => _fieldTerms;

    public IReadOnlyList<ITorqueTerm> TorqueTerms => _torqueTerms;

    /// <summary>Adds a field term (at set-up; the list is read on every evaluation).</summary>
    public LlgSystem Add(IFieldTerm term)
    {
        _fieldTerms.Add(term);
        return this;
    }

    /// <summary>Adds a torque term.</summary>
    public LlgSystem Add(ITorqueTerm term)
    {
        _torqueTerms.Add(term);
        return this;
    }

    /// <summary>Brown thermal field, or null for T = 0 dynamics.</summary>
    public ThermalField? Thermal
    {
        get => _thermal;
        set
        {
            if (value is not null && value.CellCount != _cells) throw new ArgumentException("Thermal field cell count must match.", nameof(value));
            _thermal = value;
        }
    }

    /// <summary>3N with a thermal field, else 0.</summary>
    public int NoiseDimension => _thermal is null ? 0 : 3 * _cells;

    /// <summary>Draws the thermal field for the next sub-step of <paramref name="dt"/> s from 3N standard normals.</summary>
    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt)
    {
        _thermal?.Sample(standardNormals, dt, _gamma0, _alpha);
    }

    /// <summary>Writes H_eff (A/m) = Σ field terms + thermal sample into <paramref name="h"/>.</summary>
    public void EffectiveField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        h.Clear();
        for (int i = 0; i < _fieldTerms.Count; i++) _fieldTerms[i].AddField(t, m, h);
        _thermal?.AddTo(h);
    }

    /// <summary>Writes the Gilbert-form F = −γ0 m × H_eff + Σ torques (1/s) into <paramref name="f"/>.</summary>
    public void GilbertTorque(double t, ReadOnlySpan<double> m, Span<double> f)
    {
        EffectiveField(t, m, _h);
        PrecessionTorque(_gamma0, m, _h, f);
        for (int i = 0; i < _torqueTerms.Count; i++) _torqueTerms[i].AddTorque(t, m, f);
    }

    /// <summary>ṁ (1/s) of the explicit LLG form.</summary>
    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        GilbertTorque(t, y, _f);
        ExplicitForm(y, _f, _alpha, dydt);
    }

    /// <summary>Total energy of the field terms in J (the thermal field has none).</summary>
    public double Energy(ReadOnlySpan<double> m)
    {
        double e = 0;
        for (int i = 0; i < _fieldTerms.Count; i++) e += _fieldTerms[i].Energy(m);
        return e;
    }

    /// <summary>Renormalizes every cell to |m| = 1.</summary>
    public void Project(Span<double> y) => InterleavedVectors.NormalizeAll(y);

    /// <summary>Writes the precession torque f = −γ0 m × h (1/s) for a field h in A/m (overwrites f).</summary>
    public static void PrecessionTorque(double gamma0, ReadOnlySpan<double> m, ReadOnlySpan<double> h, Span<double> f)
    {
        for (int k = 0; k + 2 < m.Length; k += 3)
        {
            double mx = m[k], my = m[k + 1], mz = m[k + 2];
            double hx = h[k], hy = h[k + 1], hz = h[k + 2];
            f[k] = -gamma0 * (my * hz - mz * hy);
            f[k + 1] = -gamma0 * (mz * hx - mx * hz);
            f[k + 2] = -gamma0 * (mx * hy - my * hx);
        }
    }

    /// <summary>
    /// The explicit LLG transform ṁ = (F + α m × F)/(1 + α²) for a Gilbert-form F ⊥ m (1/s), with one α for all
    /// cells. <paramref name="mdot"/> may be the same span as <paramref name="f"/>. Linear in F, so a device that
    /// splits F = F0 + j F1 may transform the parts separately.
    /// </summary>
    public static void ExplicitForm(ReadOnlySpan<double> m, ReadOnlySpan<double> f, double alpha, Span<double> mdot)
    {
        double inv = 1.0 / (1.0 + alpha * alpha);
        for (int k = 0; k + 2 < m.Length; k += 3) Transform(m, f, mdot, k, alpha, inv);
    }

    /// <summary>The explicit LLG transform with a damping α per cell.</summary>
    public static void ExplicitForm(ReadOnlySpan<double> m, ReadOnlySpan<double> f, ReadOnlySpan<double> alphaPerCell, Span<double> mdot)
    {
        for (int i = 0, k = 0; k + 2 < m.Length; i++, k += 3)
        {
            double a = alphaPerCell[i];
            Transform(m, f, mdot, k, a, 1.0 / (1.0 + a * a));
        }
    }

    private static void Transform(ReadOnlySpan<double> m, ReadOnlySpan<double> f, Span<double> mdot, int k, double alpha, double inv)
    {
        double mx = m[k], my = m[k + 1], mz = m[k + 2];
        double fx = f[k], fy = f[k + 1], fz = f[k + 2];
        mdot[k] = inv * (fx + alpha * (my * fz - mz * fy));
        mdot[k + 1] = inv * (fy + alpha * (mz * fx - mx * fz));
        mdot[k + 2] = inv * (fz + alpha * (mx * fy - my * fx));
    }
}
