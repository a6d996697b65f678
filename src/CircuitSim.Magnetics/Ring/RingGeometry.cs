namespace CircuitSim.Magnetics;

/// <summary>
/// A magnetic ring (annulus) of mean radius r, radial width w and thickness t, cut into N equal cells along the arc.
/// Cell k sits at θ_k = 2πk/N with the local frame T = (−sin θ, cos θ, 0) (along the arc, the current direction),
/// R = (cos θ, sin θ, 0) (radial) and z. The chain of cells is periodic with spacing Δs = 2πr/N; each cell is a
/// w × t × Δs prism (volume w·t·Δs).
/// </summary>
public sealed class RingGeometry
{
    /// <param name="cellCount">Number of cells N (≥ 3).</param>
    /// <param name="radius">Mean radius r in m.</param>
    /// <param name="width">Radial width w in m.</param>
    /// <param name="thickness">Thickness t (along z) in m.</param>
    public RingGeometry(int cellCount, double radius, double width, double thickness)
    {
        if (cellCount < 3) throw new ArgumentOutOfRangeException(nameof(cellCount), "A ring needs at least three cells.");
        if (!(radius > 0) || !(width > 0) || !(thickness > 0)) throw new ArgumentOutOfRangeException(nameof(radius), "Ring dimensions must be positive (m).");
        if (!(width < 2 * radius)) throw new ArgumentOutOfRangeException(nameof(width), "The width must be smaller than the diameter.");
        CellCount = cellCount;
        Radius = radius;
        Width = width;
        Thickness = thickness;
        Chain = Chain1D.Ring(cellCount, radius, width, thickness);
        Frames = LocalFrames.Ring(cellCount);
    }

    public int CellCount { get; }

    /// <summary>Mean radius r in m.</summary>
    public double Radius { get; }

    /// <summary>Radial width w in m.</summary>
    public double Width { get; }

    /// <summary>Thickness t in m.</summary>
    public double Thickness { get; }

    /// <summary>The periodic chain (spacing Δs = 2πr/N) used by exchange and the Zhang–Li torque.</summary>
    public Chain1D Chain { get; }

    /// <summary>Per-cell frames: E1 = T, E2 = R, E3 = z.</summary>
    public LocalFrames Frames { get; }

    /// <summary>Cell length along the arc Δs = 2πr/N in m.</summary>
    public double CellLength => Chain.Spacing;

    /// <summary>Cross-section w·t in m² (the area the current flows through).</summary>
    public double CrossSection => Width * Thickness;

    /// <summary>Cell volume w·t·Δs in m³.</summary>
    public double CellVolume => Chain.CellVolume;

    /// <summary>Mean circumference 2πr in m.</summary>
    public double Circumference => 2.0 * Math.PI * Radius;

    /// <summary>θ_k = 2πk/N in rad.</summary>
    public double Angle(int k) => 2.0 * Math.PI * k / CellCount;

    /// <summary>Unit tangent T at cell k.</summary>
    public Vec3 Tangent(int k) => InterleavedVectors.Get(Frames.E1, k);

    /// <summary>Unit radial vector R at cell k.</summary>
    public Vec3 Radial(int k) => InterleavedVectors.Get(Frames.E2, k);

    /// <summary>
    /// Local shape-anisotropy factors of the w × t cross-section of an infinitely long bar (elliptic-cylinder
    /// approximation): N_T = 0, N_R = t/(w + t), N_z = w/(w + t); dimensionless, N_R + N_z = 1.
    /// </summary>
    public (double Tangential, double Radial, double Axial) CrossSectionFactors =>
        (0.0, Thickness / (Width + Thickness), Width / (Width + Thickness));
}
