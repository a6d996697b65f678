namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// One contribution to the effective field of a <see cref="Magnet"/>, evaluated a band of grid rows at a time so the
/// rows can be shared among threads. m is the reduced magnetization (interleaved, 3 per cell, 0 outside the magnet).
/// </summary>
public abstract class FieldTerm
{
    protected FieldTerm(Magnet magnet)
    {
        Magnet = magnet;
    }

    public Magnet Magnet { get; }

    /// <summary>Short name for tables and messages.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The energy is E = −w μ0 V Σ_i Ms_i m_i·H_i (J) with this w: ½ for terms quadratic in m (exchange, anisotropy,
    /// DMI, demag), 1 for terms linear in m (Zeeman), 0 for terms with no energy (thermal).
    /// </summary>
    public virtual double EnergyWeight => 0.5;

    /// <summary>
    /// Adds this term's field (A/m) to <paramref name="h"/> for the cells of rows [rowStart, rowEnd). May read m anywhere
    /// but writes h only in those rows. Must not allocate.
    /// </summary>
    /// <param name="t">Time in s.</param>
    public abstract void AddField(double t, ReadOnlySpan<double> m, Span<double> h, int rowStart, int rowEnd);
}

/// <summary>
/// A torque that is not a field (spin transfer): adds its Gilbert-form part F (1/s) to the LLG of each cell in rows
/// [rowStart, rowEnd), F entering ṁ = (F + α m × F)/(1 + α²) (docs/micromagnetics.md).
/// </summary>
public abstract class TorqueTerm
{
    protected TorqueTerm(Magnet magnet)
    {
        Magnet = magnet;
    }

    public Magnet Magnet { get; }

    public abstract string Name { get; }

    /// <summary>Adds F (1/s) for the cells of rows [rowStart, rowEnd); must not allocate.</summary>
    public abstract void AddTorque(double t, ReadOnlySpan<double> m, Span<double> f, int rowStart, int rowEnd);
}
