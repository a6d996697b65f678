namespace CircuitSim.Magnetics;

/// <summary>
/// Magnetization textures on a <see cref="RingGeometry"/>, as interleaved Cartesian unit vectors.
/// In-plane textures are written with the local angle ψ: m = cos ψ T + sin ψ R. Since T lies at θ + π/2 and R at θ,
/// the Cartesian in-plane angle of m is θ + π/2 − ψ, and the winding number of m around the ring is 1 − Δψ/(2π).
/// </summary>
public static class RingTextures
{
    /// <summary>The vortex (ground) state m = ±T; <paramref name="circulation"/> = +1 or −1. Winding 1.</summary>
    public static double[] Vortex(RingGeometry ring, int circulation = 1)
    {
        double c = circulation >= 0 ? 1 : -1;
        var m = new double[3 * ring.CellCount];
        for (int k = 0; k < ring.CellCount; k++) InterleavedVectors.Set(m, k, c * ring.Tangent(k));
        return m;
    }

    /// <summary>A uniform texture along <paramref name="direction"/> (normalized). In-plane: winding 0.</summary>
    public static double[] Uniform(RingGeometry ring, Vec3 direction)
    {
        var m = new double[3 * ring.CellCount];
        InterleavedVectors.Fill(m, direction.Normalized());
        return m;
    }

    /// <summary>Spin superflow m = (cos nθ, sin nθ, 0): winding n.</summary>
    public static double[] Superflow(RingGeometry ring, int n)
    {
        var m = new double[3 * ring.CellCount];
        for (int k = 0; k < ring.CellCount; k++)
        {
            double a = n * ring.Angle(k);
            InterleavedVectors.Set(m, k, new Vec3(Math.Cos(a), Math.Sin(a), 0));
        }
        return m;
    }

    /// <summary>
    /// <paramref name="count"/> (even, ≥ 2) domain walls between the vortex domains ±T, centred at θ_j = 2πj/count,
    /// each with the Walker profile ψ = 2 atan(exp(s/Δ)) of width <paramref name="wallWidth"/> Δ (m) in the local
    /// angle ψ (walls rotate through ±R, in the plane). Homochiral walls all turn ψ the same way
    /// (sign <paramref name="chirality"/>): Δψ = chirality·count·π, winding 1 − chirality·count/2 (the onion state is
    /// chirality +1, count 2, winding 0). Heterochiral walls alternate, Δψ = 0 and winding 1: topologically the
    /// vortex. The domain left of the first wall is +T when <paramref name="circulation"/> is +1.
    /// </summary>
    public static double[] DomainWalls(RingGeometry ring, int count, double wallWidth, bool homochiral = true, int chirality = 1, int circulation = 1)
    {
        if (count < 2 || count % 2 != 0) throw new ArgumentOutOfRangeException(nameof(count), "Domain walls on a ring come in pairs: 2, 4, 6, …");
        if (!(wallWidth > 0)) throw new ArgumentOutOfRangeException(nameof(wallWidth), "The wall width must be positive (m).");
        var psi = new double[ring.CellCount];
        int sense = chirality >= 0 ? 1 : -1;
        double spacing = 2.0 * Math.PI / count;
        for (int k = 0; k < ring.CellCount; k++)
        {
            double theta = ring.Angle(k);
            // the nearest wall j and the arc distance to it, in (−π/count, π/count]·r
            int j = (int)Math.Round(theta / spacing);
            double s = ring.Radius * (theta - j * spacing);
            j %= count;
            double before = 0;
            for (int i = 0; i < j; i++) before += WallSense(i, homochiral, sense) * Math.PI;
            psi[k] = before + WallSense(j, homochiral, sense) * 2.0 * Math.Atan(Math.Exp(s / wallWidth));
        }
        return FromLocalAngle(ring, psi, circulation);
    }

    private static int WallSense(int wall, bool homochiral, int sense) => homochiral || wall % 2 == 0 ? sense : -sense;

    /// <summary>In-plane texture m = c (cos ψ_k T + sin ψ_k R) from the local angles ψ_k (rad), c = ±1.</summary>
    public static double[] FromLocalAngle(RingGeometry ring, ReadOnlySpan<double> psi, int circulation = 1)
    {
        if (psi.Length != ring.CellCount) throw new ArgumentException("One angle per cell.", nameof(psi));
        double c = circulation >= 0 ? 1 : -1;
        var m = new double[3 * ring.CellCount];
        for (int k = 0; k < ring.CellCount; k++)
            InterleavedVectors.Set(m, k, c * (Math.Cos(psi[k]) * ring.Tangent(k) + Math.Sin(psi[k]) * ring.Radial(k)));
        return m;
    }

    /// <summary>
    /// A texture given in local components (m_T, m_R, m_z) at angles θ (rad, increasing, within one turn), resampled
    /// onto the ring's cells by periodic linear interpolation and normalized. Fails if a resampled vector vanishes.
    /// </summary>
    public static double[] FromLocalSamples(RingGeometry ring, IReadOnlyList<double> angles, IReadOnlyList<Vec3> local)
    {
        if (angles.Count != local.Count || angles.Count == 0) throw new ArgumentException("One local vector per angle, at least one.");
        for (int i = 1; i < angles.Count; i++)
            if (!(angles[i] > angles[i - 1])) throw new ArgumentException("Profile angles must increase.");
        if (!(angles[^1] - angles[0] < 2.0 * Math.PI)) throw new ArgumentException("Profile angles must lie within one turn.");
        var m = new double[3 * ring.CellCount];
        int count = angles.Count;
        for (int k = 0; k < ring.CellCount; k++)
        {
            double theta = ring.Angle(k);
            // bring θ into [θ_0, θ_0 + 2π)
            double x = angles[0] + Mod2Pi(theta - angles[0]);
            int i = count - 1;
            for (int q = 0; q < count - 1; q++)
                if (x < angles[q + 1]) { i = q; break; }
            int next = (i + 1) % count;
            double a0 = angles[i];
            double a1 = next == 0 ? angles[0] + 2.0 * Math.PI : angles[next];
            double f = a1 > a0 ? (x - a0) / (a1 - a0) : 0;
            Vec3 v = (1 - f) * local[i] + f * local[next];
            if (!(v.Norm > 1e-9)) throw new ArgumentException($"The profile gives a zero vector at θ = {theta:G4} rad.");
            v = v.Normalized();
            InterleavedVectors.Set(m, k, v.X * ring.Tangent(k) + v.Y * ring.Radial(k) + new Vec3(0, 0, v.Z));
        }
        return m;
    }

    /// <summary>x mod 2π in [0, 2π).</summary>
    public static double Mod2Pi(double x)
    {
        double r = x % (2.0 * Math.PI);
        return r < 0 ? r + 2.0 * Math.PI : r;
    }
}
