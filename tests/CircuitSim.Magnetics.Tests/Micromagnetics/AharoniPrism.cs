namespace CircuitSim.Magnetics.Micromagnetics.Tests;

/// <summary>
/// Demagnetizing factors of a uniformly magnetized rectangular prism in closed form (A. Aharoni, J. Appl. Phys. 83,
/// 3432 (1998), eq. 1): an independent reference for the demag kernel.
/// </summary>
internal static class AharoniPrism
{
    /// <summary>D_z of a prism of sides (lx, ly, lz) (any common unit); D_x and D_y by permuting the sides.</summary>
    public static double Dz(double lx, double ly, double lz)
    {
        double a = 0.5 * lx, b = 0.5 * ly, c = 0.5 * lz;
        double a2 = a * a, b2 = b * b, c2 = c * c;
        double abc = Math.Sqrt(a2 + b2 + c2), ab = Math.Sqrt(a2 + b2), bc = Math.Sqrt(b2 + c2), ac = Math.Sqrt(a2 + c2);
        double s = (b2 - c2) / (2 * b * c) * Math.Log((abc - a) / (abc + a))
                   + (a2 - c2) / (2 * a * c) * Math.Log((abc - b) / (abc + b))
                   + b / (2 * c) * Math.Log((ab + a) / (ab - a))
                   + a / (2 * c) * Math.Log((ab + b) / (ab - b))
                   + c / (2 * a) * Math.Log((bc - b) / (bc + b))
                   + c / (2 * b) * Math.Log((ac - a) / (ac + a))
                   + 2 * Math.Atan(a * b / (c * abc))
                   + (a2 * a + b2 * b - 2 * c2 * c) / (3 * a * b * c)
                   + (a2 + b2 - 2 * c2) / (3 * a * b * c) * abc
                   + c / (a * b) * (ac + bc)
                   - (Math.Pow(a2 + b2, 1.5) + Math.Pow(b2 + c2, 1.5) + Math.Pow(c2 + a2, 1.5)) / (3 * a * b * c);
        return s / Math.PI;
    }

    public static double Dx(double lx, double ly, double lz) => Dz(ly, lz, lx);

    public static double Dy(double lx, double ly, double lz) => Dz(lz, lx, ly);
}
