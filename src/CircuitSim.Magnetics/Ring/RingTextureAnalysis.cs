namespace CircuitSim.Magnetics;

/// <summary>A domain wall found on a ring: where m·T changes sign between two cells.</summary>
/// <param name="Angle">Position θ in rad, in [0, 2π), by linear interpolation of m·T between the cells.</param>
/// <param name="Falling">True where m·T goes from + to − with increasing θ, false for − to +.</param>
public readonly record struct RingWall(double Angle, bool Falling);

/// <summary>Read-outs of a ring texture: winding number, means in the local frame, domain walls. No allocation.</summary>
public static class RingTextureAnalysis
{
    /// <summary>
    /// Winding number of the in-plane part of m around the ring: Σ_k wrap(φ_{k+1} − φ_k)/(2π), φ the Cartesian
    /// in-plane angle. The vortex has 1, a uniform in-plane state 0, superflow n has n. Not an integer when some
    /// neighbouring cells differ by π or more in φ (then a phase slip is under way).
    /// </summary>
    public static double Winding(RingGeometry ring, ReadOnlySpan<double> m)
    {
        int n = ring.CellCount;
        double sum = 0;
        double prev = Math.Atan2(m[3 * (n - 1) + 1], m[3 * (n - 1)]);
        for (int k = 0; k < n; k++)
        {
            double phi = Math.Atan2(m[3 * k + 1], m[3 * k]);
            double d = phi - prev;
            if (d > Math.PI) d -= 2.0 * Math.PI;
            else if (d <= -Math.PI) d += 2.0 * Math.PI;
            sum += d;
            prev = phi;
        }
        return sum / (2.0 * Math.PI);
    }

    /// <summary>Means over cells of the local components (⟨m·T⟩, ⟨m·R⟩, ⟨m_z⟩), dimensionless.</summary>
    public static (double Tangential, double Radial, double Axial) LocalMean(RingGeometry ring, ReadOnlySpan<double> m)
    {
        ReadOnlySpan<double> e1 = ring.Frames.E1, e2 = ring.Frames.E2;
        double t = 0, r = 0, z = 0;
        for (int k = 0; k < m.Length; k += 3)
        {
            t += m[k] * e1[k] + m[k + 1] * e1[k + 1];
            r += m[k] * e2[k] + m[k + 1] * e2[k + 1];
            z += m[k + 2];
        }
        int n = ring.CellCount;
        return (t / n, r / n, z / n);
    }

    /// <summary>
    /// Finds the walls (sign changes of m·T between neighbouring cells) in order of increasing θ from θ = 0, writes as
    /// many as fit into <paramref name="walls"/> and returns how many there are.
    /// </summary>
    public static int FindWalls(RingGeometry ring, ReadOnlySpan<double> m, Span<RingWall> walls)
    {
        int n = ring.CellCount, count = 0;
        ReadOnlySpan<double> e1 = ring.Frames.E1;
        double dTheta = 2.0 * Math.PI / n;
        for (int k = 0; k < n; k++)
        {
            int next = k + 1 == n ? 0 : k + 1;
            double a = m[3 * k] * e1[3 * k] + m[3 * k + 1] * e1[3 * k + 1];
            double b = m[3 * next] * e1[3 * next] + m[3 * next + 1] * e1[3 * next + 1];
            // zero counts as positive, so a wall that passes exactly through a cell is found once
            bool pa = a >= 0, pb = b >= 0;
            if (pa != pb)
            {
                double f = a / (a - b);
                if (count < walls.Length) walls[count] = new RingWall(RingTextures.Mod2Pi((k + f) * dTheta), pa);
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// Arc length (m) from the first falling wall to the next rising wall, going in the +θ direction: for a two-wall
    /// state, the extent of the −T domain (the wall-pair distance of the paper's Fig. 7). NaN without such a pair.
    /// </summary>
    public static double WallPairDistance(RingGeometry ring, ReadOnlySpan<double> m)
    {
        Span<RingWall> walls = stackalloc RingWall[8];
        int count = FindWalls(ring, m, walls);
        if (count < 2 || count > walls.Length) return double.NaN;
        for (int i = 0; i < count; i++)
        {
            if (!walls[i].Falling) continue;
            for (int q = 1; q < count; q++)
            {
                var w = walls[(i + q) % count];
                if (!w.Falling) return ring.Radius * RingTextures.Mod2Pi(w.Angle - walls[i].Angle);
            }
        }
        return double.NaN;
    }
}
