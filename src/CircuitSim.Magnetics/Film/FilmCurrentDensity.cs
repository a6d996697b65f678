namespace CircuitSim.Magnetics.Film;

/// <summary>
/// The current density in a film with K electrodes as a superposition j(r, t) = Σ_k c_k(t) J_k(r) (A/m²), where J_k is
/// the density with electrode k at 1 V and every other electrode at 0 V (k &lt; K; the last electrode is the reference,
/// J_K = −Σ_k J_k because potentials add up to a constant), and c_k(t) = V_k(t) − V_K(t) moves linearly across an
/// interval, as the terminal voltages of a circuit step do. The basis is frozen between refreshes of the conduction
/// solve, so evaluating j at any time and voltage costs K − 1 multiply–adds per cell and no solve.
/// </summary>
public sealed class FilmCurrentDensity
{
    private readonly double[] _basis;
    private readonly double[] _c0, _slope, _coefficients;
    private double _t0;

    /// <param name="cellCount">Number of cells N.</param>
    /// <param name="electrodeCount">Number of electrodes K ≥ 2.</param>
    public FilmCurrentDensity(int cellCount, int electrodeCount)
    {
        if (electrodeCount < 2) throw new ArgumentOutOfRangeException(nameof(electrodeCount), "A film needs at least two electrodes.");
        CellCount = cellCount;
        ElectrodeCount = electrodeCount;
        _basis = new double[(electrodeCount - 1) * 2 * cellCount];
        _c0 = new double[electrodeCount - 1];
        _slope = new double[electrodeCount - 1];
        _coefficients = new double[electrodeCount - 1];
    }

    public int CellCount { get; }

    public int ElectrodeCount { get; }

    /// <summary>Basis densities J_k per cell, (j_x, j_y) interleaved, A/m² per V; basis k starts at 2N·k. Writable.</summary>
    public Span<double> Basis => _basis;

    /// <summary>The interleaved (j_x, j_y) field of basis <paramref name="k"/> (A/m² per V).</summary>
    public Span<double> BasisField(int k) => _basis.AsSpan(2 * CellCount * k, 2 * CellCount);

    /// <summary>Electrode voltages (V) at <paramref name="t0"/> and <paramref name="t1"/> (s), linear in between; constant when t1 = t0.</summary>
    public void SetLinearDrive(double t0, double t1, ReadOnlySpan<double> v0, ReadOnlySpan<double> v1)
    {
        int last = ElectrodeCount - 1;
        _t0 = t0;
        for (int k = 0; k < last; k++)
        {
            double a = v0[k] - v0[last], b = v1[k] - v1[last];
            _c0[k] = a;
            _slope[k] = t1 > t0 ? (b - a) / (t1 - t0) : 0.0;
        }
    }

    /// <summary>Constant electrode voltages, V.</summary>
    public void SetVoltages(ReadOnlySpan<double> v) => SetLinearDrive(0, 0, v, v);

    /// <summary>Sets all voltages to zero (no current).</summary>
    public void Clear()
    {
        Array.Clear(_c0);
        Array.Clear(_slope);
    }

    /// <summary>The coefficients c_k(t) = V_k(t) − V_K(t) (V) at time t (s); a view valid until the next call.</summary>
    public ReadOnlySpan<double> CoefficientsAt(double t)
    {
        bool any = false;
        for (int k = 0; k < _coefficients.Length; k++)
        {
            double c = _c0[k] + _slope[k] * (t - _t0);
            _coefficients[k] = c;
            any |= c != 0;
        }
        return any ? _coefficients : ReadOnlySpan<double>.Empty;
    }

    /// <summary>Writes j (A/m², interleaved (j_x, j_y) per cell) at time t into <paramref name="j"/>.</summary>
    public void Evaluate(double t, Span<double> j)
    {
        j.Clear();
        ReadOnlySpan<double> c = CoefficientsAt(t);
        int n2 = 2 * CellCount;
        for (int k = 0; k < c.Length; k++)
        {
            double ck = c[k];
            if (ck == 0) continue;
            ReadOnlySpan<double> b = _basis.AsSpan(n2 * k, n2);
            for (int i = 0; i < n2; i++) j[i] += ck * b[i];
        }
    }
}
