namespace CircuitSim.Magnetics;

/// <summary>
/// Helpers for vector fields stored interleaved in a flat span (x0, y0, z0, x1, …), the layout every
/// term and integrator here uses so a whole texture is one contiguous ODE state.
/// </summary>
public static class InterleavedVectors
{
    /// <summary>Number of 3-vectors in an interleaved span (its length must be a multiple of 3).</summary>
    public static int Count(ReadOnlySpan<double> v)
    {
        if (v.Length % 3 != 0) throw new ArgumentException("Interleaved vector span length must be a multiple of 3.", nameof(v));
        return v.Length / 3;
    }

    /// <summary>The 3-vector of cell <paramref name="cell"/> (unit of the field).</summary>
    public static Vec3 Get(ReadOnlySpan<double> v, int cell)
    {
        int k = 3 * cell;
        return new Vec3(v[k], v[k + 1], v[k + 2]);
    }

    /// <summary>Overwrites the 3-vector of cell <paramref name="cell"/>.</summary>
    public static void Set(Span<double> v, int cell, Vec3 value)
    {
        int k = 3 * cell;
        v[k] = value.X;
        v[k + 1] = value.Y;
        v[k + 2] = value.Z;
    }

    /// <summary>Adds <paramref name="value"/> to the 3-vector of cell <paramref name="cell"/>.</summary>
    public static void Add(Span<double> v, int cell, Vec3 value)
    {
        int k = 3 * cell;
        v[k] += value.X;
        v[k + 1] += value.Y;
        v[k + 2] += value.Z;
    }

    /// <summary>Sets every vector to <paramref name="value"/>.</summary>
    public static void Fill(Span<double> v, Vec3 value)
    {
        for (int k = 0; k + 2 < v.Length; k += 3)
        {
            v[k] = value.X;
            v[k + 1] = value.Y;
            v[k + 2] = value.Z;
        }
    }

    /// <summary>Rescales every non-zero vector to unit length (the LLG projection onto |m| = 1).</summary>
    public static void NormalizeAll(Span<double> v)
    {
        for (int k = 0; k + 2 < v.Length; k += 3)
        {
            double n = Math.Sqrt(v[k] * v[k] + v[k + 1] * v[k + 1] + v[k + 2] * v[k + 2]);
            if (n > 0)
            {
                double s = 1.0 / n;
                v[k] *= s;
                v[k + 1] *= s;
                v[k + 2] *= s;
            }
        }
    }

    /// <summary>Largest | |v_i| − 1 | over all vectors (dimensionless): the unit-length error of a magnetization.</summary>
    public static double MaxNormDeviation(ReadOnlySpan<double> v)
    {
        double worst = 0;
        for (int k = 0; k + 2 < v.Length; k += 3)
        {
            double n = Math.Sqrt(v[k] * v[k] + v[k + 1] * v[k + 1] + v[k + 2] * v[k + 2]);
            worst = Math.Max(worst, Math.Abs(n - 1.0));
        }
        return worst;
    }

    /// <summary>Arithmetic mean of the vectors (same unit as the field).</summary>
    public static Vec3 Average(ReadOnlySpan<double> v)
    {
        double x = 0, y = 0, z = 0;
        int n = Count(v);
        for (int k = 0; k < v.Length; k += 3)
        {
            x += v[k];
            y += v[k + 1];
            z += v[k + 2];
        }
        return n == 0 ? Vec3.Zero : new Vec3(x / n, y / n, z / n);
    }
}
