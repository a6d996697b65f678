namespace CircuitSim.Magnetics.Micromagnetics;

/// <summary>
/// First-order uniaxial anisotropy, energy density −Ku (m·u)² (Ku in J/m³, u a unit axis; Ku &gt; 0 easy axis,
/// Ku &lt; 0 easy plane): H_i = (2Ku/(μ0 Ms_i)) (m_i·u) u (A/m).
/// </summary>
public sealed class UniaxialAnisotropyField : FieldTerm
{
    private readonly double[] _c;

    /// <param name="magnet">Geometry and Ms.</param>
    /// <param name="anisotropyConstant">Ku in J/m³.</param>
    /// <param name="axis">Anisotropy axis (normalized here).</param>
    public UniaxialAnisotropyField(Magnet magnet, double anisotropyConstant, Vec3 axis) : base(magnet)
    {
        if (!(axis.Norm > 0)) throw new ArgumentException("The anisotropy axis must be non-zero.", nameof(axis));
        AnisotropyConstant = anisotropyConstant;
        Axis = axis.Normalized();
        _c = new double[magnet.CellCount];
        for (int i = 0; i < _c.Length; i++)
            if (magnet.Ms(i) > 0) _c[i] = 2.0 * anisotropyConstant / (PhysicalConstants.Mu0 * magnet.Ms(i));
    }

    /// <summary>Ku in J/m³.</summary>
    public double AnisotropyConstant { get; }

    /// <summary>Unit easy axis.</summary>
    public Vec3 Axis { get; }

    public override string Name => "anisotropy";

    public override void AddField(double t, ReadOnlySpan<double> m, Span<double> h, int rowStart, int rowEnd)
    {
        int nx = Magnet.Nx;
        double ux = Axis.X, uy = Axis.Y, uz = Axis.Z;
        for (int c = rowStart * nx, end = rowEnd * nx; c < end; c++)
        {
            double cc = _c[c];
            if (cc == 0) continue;
            int k = 3 * c;
            double p = cc * (m[k] * ux + m[k + 1] * uy + m[k + 2] * uz);
            h[k] += p * ux;
            h[k + 1] += p * uy;
            h[k + 2] += p * uz;
        }
    }
}
