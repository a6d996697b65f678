namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// An applied field H_ext (A/m): a uniform part, optionally a function of time, plus an optional per-cell part.
/// E = −μ0 V Σ Ms_i m_i·H_ext,i (J).
/// </summary>
public sealed class ZeemanField : FieldTerm
{
    private readonly double[]? _perCell;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="uniform">Uniform field in A/m (μ0H in T divided by μ0).</param>
    /// <param name="perCell">Optional per-cell field (A/m, interleaved, copied), added to the uniform one.</param>
    public ZeemanField(Magnet magnet, Vec3 uniform, ReadOnlySpan<double> perCell = default) : base(magnet)
    {
        Uniform = uniform;
        if (!perCell.IsEmpty)
        {
            if (perCell.Length != 3 * magnet.CellCount) throw new ArgumentException("A per-cell field needs three components per cell.", nameof(perCell));
            _perCell = perCell.ToArray();
        }
    }

    /// <summary>A field given as μ0H in tesla.</summary>
    public static ZeemanField FromTesla(Magnet magnet, Vec3 mu0H) => new(magnet, mu0H / PhysicalConstants.Mu0);

    /// <summary>Uniform field in A/m, used when <see cref="TimeDependence"/> is null.</summary>
    public Vec3 Uniform { get; set; }

    /// <summary>Uniform field (A/m) as a function of time (s); replaces <see cref="Uniform"/> when set. Must not allocate.</summary>
    public Func<double, Vec3>? TimeDependence { get; set; }

    /// <summary>The per-cell part (A/m, interleaved), empty when there is none.</summary>
    public ReadOnlySpan<double> PerCell => _perCell;

    /// <summary>The uniform part at time t (A/m).</summary>
    public Vec3 UniformAt(double t) => TimeDependence is null ? Uniform : TimeDependence(t);

    public override string Name => "Zeeman";

    public override double EnergyWeight => 1.0;

    public override void AddField(double t, ReadOnlySpan<double> m, Span<double> h, int rowStart, int rowEnd)
    {
        Vec3 u = UniformAt(t);
        int nx = Magnet.Nx;
        ReadOnlySpan<double> ms = Magnet.SaturationMagnetization;
        double[]? p = _perCell;
        for (int c = rowStart * nx, end = rowEnd * nx; c < end; c++)
        {
            if (ms[c] <= 0) continue;
            int k = 3 * c;
            h[k] += u.X;
            h[k + 1] += u.Y;
            h[k + 2] += u.Z;
            if (p is not null)
            {
                h[k] += p[k];
                h[k + 1] += p[k + 1];
                h[k + 2] += p[k + 2];
            }
        }
    }
}
