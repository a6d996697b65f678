namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// The LLG equation of a thin-film <see cref="Magnet"/> as an ODE over the interleaved reduced magnetization
/// (3 per cell, 0 outside the magnet): Gilbert form ṁ = F + α m × ṁ with F = −γ0 m × H_eff + Σ spin torques (1/s),
/// integrated as ṁ = (F + α m × F)/(1 + α²) (docs/micromagnetics.md). With <see cref="Precession"/> off the first
/// term is dropped (ṁ = α m × F/(1 + α²)), the pure-damping flow a relaxation uses.
/// <para>
/// One evaluation: the demagnetizing field of the whole magnet (FFT, shared among threads by rows and columns), then
/// row bands in parallel: the local field terms, the thermal sample, F, the torque terms and ṁ. Each cell's value is
/// computed by the same operations however the rows are split, so any thread count gives the same bits.
/// Evaluating allocates nothing. Not thread-safe; dispose it to stop its worker threads.
/// </para>
/// </summary>
public sealed class MicromagneticSystem : IStochasticOdeSystem, IStateProjection, IDisposable
{
    private readonly List<FieldTerm> _fields = new();
    private readonly List<TorqueTerm> _torques = new();
    private readonly double[] _m, _h, _f, _dm;
    private readonly BandWorkers _workers;
    private readonly LocalJob _local;
    private readonly FieldJob _fieldJob;
    private DemagField? _demag;
    private ThermalField? _thermal;
    private double _alpha;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="alpha">Gilbert damping α (dimensionless).</param>
    /// <param name="gamma0">γ0 = μ0 γ in m A⁻¹ s⁻¹.</param>
    /// <param name="threads">Threads for the evaluation, the caller's included (default: <see cref="BandWorkers.DefaultThreadCount"/>).</param>
    public MicromagneticSystem(Magnet magnet, double alpha, double gamma0 = PhysicalConstants.Gamma0, int threads = 0)
    {
        Magnet = magnet;
        Alpha = alpha;
        if (!(gamma0 > 0)) throw new ArgumentOutOfRangeException(nameof(gamma0), "γ0 must be positive (m A⁻¹ s⁻¹).");
        Gamma0 = gamma0;
        int n = 3 * magnet.CellCount;
        _m = new double[n];
        _h = new double[n];
        _f = new double[n];
        _dm = new double[n];
        _workers = new BandWorkers(threads > 0 ? Math.Min(threads, magnet.Ny) : Math.Min(BandWorkers.DefaultThreadCount, magnet.Ny));
        _local = new LocalJob(this);
        _fieldJob = new FieldJob(this);
    }

    public Magnet Magnet { get; }

    public int Dimension => 3 * Magnet.CellCount;

    /// <summary>γ0 in m A⁻¹ s⁻¹.</summary>
    public double Gamma0 { get; }

    /// <summary>Threads sharing an evaluation.</summary>
    public int ThreadCount => _workers.ThreadCount;

    /// <summary>Bytes allocated on the worker threads so far (the allocation tests read it).</summary>
    public long WorkerAllocatedBytes => _workers.WorkerAllocatedBytes;

    /// <summary>Gilbert damping α (dimensionless).</summary>
    public double Alpha
    {
        get => _alpha;
        set
        {
            if (!(value >= 0) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), "α must be finite and ≥ 0.");
            _alpha = value;
        }
    }

    /// <summary>Whether the precession term is kept (true for dynamics; a relaxation turns it off).</summary>
    public bool Precession { get; set; } = true;

    /// <summary>Whether the torque terms act (a relaxation turns them off: it looks for the field's minimum).</summary>
    public bool SpinTorques { get; set; } = true;

    /// <summary>The local field terms (demag and thermal are held separately).</summary>
    public IReadOnlyList<FieldTerm> FieldTerms => _fields;

    public IReadOnlyList<TorqueTerm> TorqueTerms => _torques;

    /// <summary>The demagnetizing field, or null for none.</summary>
    public DemagField? Demag
    {
        get => _demag;
        set
        {
            if (value is not null && value.Magnet != Magnet) throw new ArgumentException("The demag term belongs to another magnet.", nameof(value));
            _demag = value;
            if (value is not null) value.Workers = _workers;
        }
    }

    /// <summary>Brown thermal field, or null for T = 0.</summary>
    public ThermalField? Thermal
    {
        get => _thermal;
        set
        {
            if (value is not null && value.Magnet != Magnet) throw new ArgumentException("The thermal term belongs to another magnet.", nameof(value));
            _thermal = value;
        }
    }

    /// <summary>Adds a local field term (not demag or thermal: set <see cref="Demag"/>, <see cref="Thermal"/>).</summary>
    public MicromagneticSystem Add(FieldTerm term)
    {
        if (term.Magnet != Magnet) throw new ArgumentException("The term belongs to another magnet.", nameof(term));
        switch (term)
        {
            case DemagField d: Demag = d; break;
            case ThermalField th: Thermal = th; break;
            default: _fields.Add(term); break;
        }
        return this;
    }

    public MicromagneticSystem Add(TorqueTerm term)
    {
        if (term.Magnet != Magnet) throw new ArgumentException("The term belongs to another magnet.", nameof(term));
        _torques.Add(term);
        return this;
    }

    /// <summary>The first term of type T, or null.</summary>
    public T? Find<T>() where T : class
    {
        foreach (var f in _fields) if (f is T t) return t;
        foreach (var q in _torques) if (q is T t) return t;
        if (_demag is T d) return d;
        return _thermal as T;
    }

    public int NoiseDimension => _thermal is null ? 0 : Dimension;

    public void SetNoise(ReadOnlySpan<double> standardNormals, double dt) => _thermal?.Sample(standardNormals, dt, _alpha, Gamma0);

    /// <summary>Renormalizes every cell inside the magnet to |m| = 1 and sets the cells outside to 0.</summary>
    public void Project(Span<double> y)
    {
        ReadOnlySpan<double> ms = Magnet.SaturationMagnetization;
        for (int c = 0; c < ms.Length; c++)
        {
            int k = 3 * c;
            if (ms[c] <= 0)
            {
                y[k] = y[k + 1] = y[k + 2] = 0;
                continue;
            }
            double n = Math.Sqrt(y[k] * y[k] + y[k + 1] * y[k + 1] + y[k + 2] * y[k + 2]);
            if (n > 0)
            {
                double s = 1.0 / n;
                y[k] *= s;
                y[k + 1] *= s;
                y[k + 2] *= s;
            }
        }
    }

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        y.CopyTo(_m);
        _demag?.Transform(_m);
        _local.Time = t;
        _workers.Run(_local, Magnet.Ny);
        _dm.CopyTo(dydt);
    }

    /// <summary>
    /// Writes the effective field (A/m) of magnetization <paramref name="m"/> at time t into <paramref name="h"/>:
    /// demag and every local term, without the thermal sample.
    /// </summary>
    public void EffectiveField(double t, ReadOnlySpan<double> m, Span<double> h)
    {
        m.CopyTo(_m);
        _demag?.Transform(_m);
        _fieldJob.Time = t;
        _workers.Run(_fieldJob, Magnet.Ny);
        _h.CopyTo(h);
    }

    /// <summary>Largest |m × H_eff| over the cells (A/m), without the thermal field: the relaxation's stopping measure.</summary>
    public double MaxTorque(double t, ReadOnlySpan<double> m)
    {
        EffectiveField(t, m, _f);
        double worst = 0;
        for (int k = 0; k < _f.Length; k += 3)
        {
            double mx = m[k], my = m[k + 1], mz = m[k + 2], hx = _f[k], hy = _f[k + 1], hz = _f[k + 2];
            double ax = my * hz - mz * hy, ay = mz * hx - mx * hz, az = mx * hy - my * hx;
            worst = Math.Max(worst, ax * ax + ay * ay + az * az);
        }
        return Math.Sqrt(worst);
    }

    /// <summary>Energy of one term (J): E = −w μ0 V Σ Ms_i m_i·H_i with the term's weight w (<see cref="FieldTerm.EnergyWeight"/>).</summary>
    public double Energy(FieldTerm term, double t, ReadOnlySpan<double> m)
    {
        if (term.EnergyWeight == 0) return 0;
        var h = new double[m.Length];
        if (term is DemagField d) d.ComputeField(m, h);
        else term.AddField(t, m, h, 0, Magnet.Ny);
        ReadOnlySpan<double> ms = Magnet.SaturationMagnetization;
        double sum = 0;
        for (int c = 0; c < ms.Length; c++)
        {
            int k = 3 * c;
            sum += ms[c] * (m[k] * h[k] + m[k + 1] * h[k + 1] + m[k + 2] * h[k + 2]);
        }
        return -term.EnergyWeight * PhysicalConstants.Mu0 * Magnet.Grid.CellVolume * sum;
    }

    /// <summary>Total energy of the local terms and demag (J).</summary>
    public double Energy(double t, ReadOnlySpan<double> m)
    {
        double e = _demag is null ? 0 : Energy(_demag, t, m);
        foreach (var term in _fields) e += Energy(term, t, m);
        return e;
    }

    public void Dispose() => _workers.Dispose();

    /// <summary>Starts h in the band from the demag field (transformed beforehand) or zero, then adds the local terms.</summary>
    private void AddLocalFields(double t, int r0, int r1, bool thermal)
    {
        int s = 3 * Magnet.Nx;
        if (_demag is null) Array.Clear(_h, r0 * s, (r1 - r0) * s);
        else _demag.WriteRows(_h, r0, r1);
        foreach (var term in _fields) term.AddField(t, _m, _h, r0, r1);
        if (thermal && _thermal is not null) _thermal.AddField(t, _m, _h, r0, r1);
    }

    private sealed class FieldJob(MicromagneticSystem owner) : IBandJob
    {
        public double Time;

        public void Execute(int start, int end) => owner.AddLocalFields(Time, start, end, thermal: false);
    }

    private sealed class LocalJob(MicromagneticSystem owner) : IBandJob
    {
        public double Time;

        public void Execute(int start, int end)
        {
            var o = owner;
            double t = Time;
            o.AddLocalFields(t, start, end, thermal: true);
            double[] m = o._m, h = o._h, f = o._f, dm = o._dm;
            int s = 3 * o.Magnet.Nx, k0 = start * s, k1 = end * s;
            double g = o.Gamma0;
            for (int k = k0; k < k1; k += 3)
            {
                double mx = m[k], my = m[k + 1], mz = m[k + 2], hx = h[k], hy = h[k + 1], hz = h[k + 2];
                f[k] = -g * (my * hz - mz * hy);
                f[k + 1] = -g * (mz * hx - mx * hz);
                f[k + 2] = -g * (mx * hy - my * hx);
            }
            if (o.SpinTorques)
                foreach (var torque in o._torques) torque.AddTorque(t, m, f, start, end);
            double alpha = o._alpha, inv = 1.0 / (1.0 + alpha * alpha), p = o.Precession ? 1.0 : 0.0;
            for (int k = k0; k < k1; k += 3)
            {
                double mx = m[k], my = m[k + 1], mz = m[k + 2], fx = f[k], fy = f[k + 1], fz = f[k + 2];
                dm[k] = inv * (p * fx + alpha * (my * fz - mz * fy));
                dm[k + 1] = inv * (p * fy + alpha * (mz * fx - mx * fz));
                dm[k + 2] = inv * (p * fz + alpha * (mx * fy - my * fx));
            }
        }
    }
}
