namespace CircuitSim.Magnetics;

/// <summary>
/// Elementary functions built only from IEEE-754 basic operations, so their results are the same bits on every
/// platform (Math.Log may differ in the last place between C runtimes). Used where reproducibility of a random
/// stream matters more than speed.
/// </summary>
public static class DeterministicMath
{
    // ln 2 split so that e·Ln2Hi is exact for |e| < 2¹¹ (fdlibm's constants).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>
    /// Natural logarithm, within a few ulp of the true value. x = 2^e·f with f in [√½, √2), then
    /// ln f = 2 atanh(s), s = (f − 1)/(f + 1), |s| ≤ 0.172, summed as an odd series to 1e-17.
    /// </summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;

        int e = 0;
        if (x < 2.2250738585072014e-308) // subnormal: scale into the normal range exactly
        {
            x *= 18014398509481984.0; // 2^54
            e = -54;
        }
        long bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        double f = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L); // [1, 2)
        if (f > Sqrt2)
        {
            f *= 0.5;
            e++;
        }

        double s = (f - 1.0) / (f + 1.0);
        double z = s * s;
        // 2 atanh(s) = 2s (1 + z/3 + z²/5 + … + z¹²/25); z ≤ 0.0295 so the next term is below 1e-19 relative.
        double p = 1.0 / 25;
        p = 1.0 / 23 + z * p;
        p = 1.0 / 21 + z * p;
        p = 1.0 / 19 + z * p;
        p = 1.0 / 17 + z * p;
        p = 1.0 / 15 + z * p;
        p = 1.0 / 13 + z * p;
        p = 1.0 / 11 + z * p;
        p = 1.0 / 9 + z * p;
        p = 1.0 / 7 + z * p;
        p = 1.0 / 5 + z * p;
        p = 1.0 / 3 + z * p;
        double lnF = 2.0 * s + 2.0 * s * (z * p);
        return e * Ln2Hi + (lnF + e * Ln2Lo);
    }
}
