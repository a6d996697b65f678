namespace CircuitSim.Magnetics;

/// <summary>
/// Demagnetizing tensors of rectangular prisms (Newell, Williams &amp; Dunlop, J. Geophys. Res. 98, 9551 (1993)):
/// the field averaged over a target prism due to a uniformly magnetized source prism of the same size and
/// orientation, H = −Ms N m. N is the second difference, on a 3×3×3 stencil of the prism sizes, of the potentials
/// f (diagonal terms) and g (off-diagonal terms). The self term (zero offset) is the prism's demagnetizing tensor.
/// <para>
/// Lengths are scaled by the largest prism side before the sums (N is scale-free), which keeps the arguments near 1.
/// The stencil cancels terms of size R³ down to a result of size V/R³, so accuracy falls as (a/R)⁶ with the distance R;
/// beyond <see cref="FarFieldDistance"/> prism sizes the point-dipole tensor is used instead, where it is better than
/// 1e-3 relative.
/// </para>
/// </summary>
public static class NewellTensor
{
    /// <summary>Offset, in units of the largest prism side, beyond which the dipole approximation replaces the stencil.</summary>
    public const double FarFieldDistance = 40.0;

    /// <summary>
    /// Interaction tensor between two aligned prisms of sides (dx, dy, dz) (m) whose centres differ by
    /// <paramref name="offset"/> = target − source (m). Symmetric, even in the offset.
    /// </summary>
    public static DemagTensor Between(Vec3 offset, double dx, double dy, double dz)
    {
        if (!(dx > 0 && dy > 0 && dz > 0)) throw new ArgumentOutOfRangeException(nameof(dx), "Prism sides must be positive (m).");
        double s = Math.Max(dx, Math.Max(dy, dz));
        double x = offset.X / s, y = offset.Y / s, z = offset.Z / s;
        double a = dx / s, b = dy / s, c = dz / s;
        if (x * x + y * y + z * z > FarFieldDistance * FarFieldDistance) return Dipole(x, y, z, a * b * c);
        return new DemagTensor(
            Diagonal(x, y, z, a, b, c),
            Diagonal(y, x, z, b, a, c),
            Diagonal(z, y, x, c, b, a),
            OffDiagonal(x, y, z, a, b, c),
            OffDiagonal(x, z, y, a, c, b),
            OffDiagonal(y, z, x, b, c, a));
    }

    /// <summary>Demagnetizing tensor of a single prism (its factors on the diagonal sum to 1).</summary>
    public static DemagTensor Self(double dx, double dy, double dz) => Between(Vec3.Zero, dx, dy, dz);

    /// <summary>Point-dipole tensor N = V/(4π R³) (I − 3 r̂ r̂ᵀ) for a source of volume V (lengths in any common unit).</summary>
    public static DemagTensor Dipole(double x, double y, double z, double volume)
    {
        double r2 = x * x + y * y + z * z;
        double r = Math.Sqrt(r2);
        double c = volume / (4.0 * Math.PI * r2 * r);
        double k = 3.0 / r2;
        return new DemagTensor(c * (1 - k * x * x), c * (1 - k * y * y), c * (1 - k * z * z), -c * k * x * y, -c * k * x * z, -c * k * y * z);
    }

    // Second-difference weights of the stencil along one axis: offset −d, 0, +d.
    private static ReadOnlySpan<double> Weights => [-1.0, 2.0, -1.0];

    private static double Diagonal(double x, double y, double z, double a, double b, double c)
    {
        double sum = 0;
        ReadOnlySpan<double> w = Weights;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++)
                    sum += w[i] * w[j] * w[k] * F(x + (i - 1) * a, y + (j - 1) * b, z + (k - 1) * c);
        return sum / (4.0 * Math.PI * a * b * c);
    }

    private static double OffDiagonal(double x, double y, double z, double a, double b, double c)
    {
        double sum = 0;
        ReadOnlySpan<double> w = Weights;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++)
                    sum += w[i] * w[j] * w[k] * G(x + (i - 1) * a, y + (j - 1) * b, z + (k - 1) * c);
        return sum / (4.0 * Math.PI * a * b * c);
    }

    /// <summary>Newell's f(x, y, z), whose stencil difference gives N_xx. Limits at zero denominators are taken explicitly.</summary>
    internal static double F(double x, double y, double z)
    {
        x = Math.Abs(x); y = Math.Abs(y); z = Math.Abs(z); // f is even in each argument
        double x2 = x * x, y2 = y * y, z2 = z * z;
        double r = Math.Sqrt(x2 + y2 + z2);
        if (r == 0) return 0;
        double result = (2.0 * x2 - y2 - z2) * r / 6.0;
        double xz = Math.Sqrt(x2 + z2);
        if (xz > 0) result += 0.5 * y * (z2 - x2) * Math.Asinh(y / xz);
        double xy = Math.Sqrt(x2 + y2);
        if (xy > 0) result += 0.5 * z * (y2 - x2) * Math.Asinh(z / xy);
        if (x > 0) result -= x * y * z * Math.Atan(y * z / (x * r));
        return result;
    }

    /// <summary>Newell's g(x, y, z), whose stencil difference gives N_xy (odd in x and in y, even in z).</summary>
    internal static double G(double x, double y, double z)
    {
        double sign = Math.Sign(x) * Math.Sign(y);
        if (sign == 0) return 0;
        x = Math.Abs(x); y = Math.Abs(y); z = Math.Abs(z);
        double x2 = x * x, y2 = y * y, z2 = z * z;
        double r = Math.Sqrt(x2 + y2 + z2);
        double result = -x * y * r / 3.0;
        double xy = Math.Sqrt(x2 + y2);
        result += x * y * z * Math.Asinh(z / xy);
        double yz = Math.Sqrt(y2 + z2);
        result += y / 6.0 * (3.0 * z2 - y2) * Math.Asinh(x / yz);
        double xz = Math.Sqrt(x2 + z2);
        result += x / 6.0 * (3.0 * z2 - x2) * Math.Asinh(y / xz);
        if (z > 0)
        {
            result -= z2 * z / 6.0 * Math.Atan(x * y / (z * r));
            result -= 0.5 * z * y2 * Math.Atan(x * z / (y * r));
            result -= 0.5 * z * x2 * Math.Atan(y * z / (x * r));
        }
        return sign * result;
    }
}
