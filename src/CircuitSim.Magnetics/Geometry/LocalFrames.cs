namespace CircuitSim.Magnetics;

/// <summary>
/// One orthonormal frame (e1, e2, e3) per cell, for terms whose axes turn with the cell — the ring's
/// (T, R, z) frame is the case in point. Stored interleaved, three vectors per cell.
/// </summary>
public sealed class LocalFrames
{
    private readonly double[] _e1;
    private readonly double[] _e2;
    private readonly double[] _e3;

    private LocalFrames(int cellCount)
    {
        CellCount = cellCount;
        _e1 = new double[3 * cellCount];
        _e2 = new double[3 * cellCount];
        _e3 = new double[3 * cellCount];
    }

    public int CellCount { get; }

    /// <summary>First axis of every cell, interleaved (dimensionless unit vectors).</summary>
    public ReadOnlySpan<double> E1 => _e1;

    /// <summary>Second axis of every cell, interleaved.</summary>
    public ReadOnlySpan<double> E2 => _e2;

    /// <summary>Third axis of every cell, interleaved.</summary>
    public ReadOnlySpan<double> E3 => _e3;

    /// <summary>The same frame in every cell. The axes are orthonormalized (Gram–Schmidt, e3 = e1 × e2).</summary>
    public static LocalFrames Uniform(int cellCount, Vec3 e1, Vec3 e2)
    {
        var f = new LocalFrames(cellCount);
        Vec3 a = e1.Normalized();
        Vec3 b = (e2 - a.Dot(e2) * a).Normalized();
        Vec3 c = a.Cross(b);
        for (int i = 0; i < cellCount; i++)
        {
            InterleavedVectors.Set(f._e1, i, a);
            InterleavedVectors.Set(f._e2, i, b);
            InterleavedVectors.Set(f._e3, i, c);
        }
        return f;
    }

    /// <summary>
    /// The ring frame at θ_k = 2πk/N: e1 = T = (−sin θ, cos θ, 0) (along the arc), e2 = R = (cos θ, sin θ, 0)
    /// (radial), e3 = z. Note T × R = −z, so this frame is left-handed; only the axes matter to the terms here.
    /// </summary>
    public static LocalFrames Ring(int cellCount)
    {
        var f = new LocalFrames(cellCount);
        for (int k = 0; k < cellCount; k++)
        {
            double theta = 2.0 * Math.PI * k / cellCount;
            double s = Math.Sin(theta), c = Math.Cos(theta);
            InterleavedVectors.Set(f._e1, k, new Vec3(-s, c, 0));
            InterleavedVectors.Set(f._e2, k, new Vec3(c, s, 0));
            InterleavedVectors.Set(f._e3, k, Vec3.UnitZ);
        }
        return f;
    }
}
