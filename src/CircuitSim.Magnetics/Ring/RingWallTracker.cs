namespace CircuitSim.Magnetics;

/// <summary>
/// Follows the domain walls of a ring texture from one snapshot to the next, so each wall keeps its number and its
/// angle is continuous (unwrapped, rad) when it passes θ = 0 or goes round the ring. Matching: with the same number
/// of walls as before, the cyclic relabelling that moves the walls least; when the number changes (walls created or
/// annihilated) the numbering restarts from the walls as found. Allocation-free after construction.
/// </summary>
public sealed class RingWallTracker
{
    private readonly RingGeometry _ring;
    private readonly RingWall[] _found;
    private readonly double[] _angles;
    private int _count;

    /// <param name="ring">Geometry.</param>
    /// <param name="capacity">Most walls followed.</param>
    public RingWallTracker(RingGeometry ring, int capacity = 16)
    {
        _ring = ring;
        _found = new RingWall[capacity];
        _angles = new double[capacity];
    }

    /// <summary>Number of walls at the last update (all of them, even beyond the capacity).</summary>
    public int Count => _count;

    /// <summary>Unwrapped angle of wall <paramref name="index"/> (0-based), rad; NaN when there is no such wall.</summary>
    public double Angle(int index) => index >= 0 && index < Math.Min(_count, _angles.Length) ? _angles[index] : double.NaN;

    /// <summary>Reads the walls of <paramref name="m"/> and matches them to the previous ones.</summary>
    public void Update(ReadOnlySpan<double> m)
    {
        int count = RingTextureAnalysis.FindWalls(_ring, m, _found);
        int kept = Math.Min(count, _found.Length);
        if (count != _count || count > _found.Length)
        {
            for (int i = 0; i < kept; i++) _angles[i] = _found[i].Angle;
            _count = count;
            return;
        }
        int bestShift = 0;
        double bestCost = double.PositiveInfinity;
        for (int shift = 0; shift < count; shift++)
        {
            double cost = 0;
            for (int i = 0; i < count; i++) cost += Math.Abs(Wrap(_found[(i + shift) % count].Angle - _angles[i]));
            if (cost < bestCost)
            {
                bestCost = cost;
                bestShift = shift;
            }
        }
        for (int i = 0; i < count; i++) _angles[i] += Wrap(_found[(i + bestShift) % count].Angle - _angles[i]);
    }

    /// <summary>x wrapped into (−π, π].</summary>
    private static double Wrap(double x)
    {
        double r = RingTextures.Mod2Pi(x);
        return r > Math.PI ? r - 2.0 * Math.PI : r;
    }
}
